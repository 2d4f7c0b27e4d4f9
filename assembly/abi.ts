// Kernel ABI constants, shared verbatim by the AssemblyScript kernel and the TypeScript host
// (core/kernel). Plain numeric constants only, so the file is valid in both languages.

// ── Pack arena header ────────────────────────────────────────────────────────
// `reservePack` writes HEADER_SLOTS little-endian i32 values at the returned address.
// Every OFF_* slot holds a byte offset into linear memory, 8-byte aligned.
export const HDR_HOSTS = 0; //             number of hosts
export const HDR_ITEMS = 1; //             number of items
export const HDR_DIMS = 2; //              number of resource dimensions D
export const HDR_HOST_CAPACITY = 3; //     in  f64[hosts × D]   allocatable capacity, host-major
export const HDR_HOST_MAX_ITEMS = 4; //    in  i32[hosts]       item limit per host (pods); <= 0 means none
export const HDR_ITEM_DEMAND = 5; //       in  f64[items × D]   demand, item-major
export const HDR_ITEM_HOST = 6; //         out i32[items]       host index, or -1 when unplaced
export const HDR_ITEM_REASON = 7; //       out i32[items]       REASON_* code
export const HDR_HOST_RESIDUAL = 8; //     out f64[hosts × D]   capacity left after packing
export const HDR_HOST_ITEMS = 9; //        out i32[hosts]       items placed per host
export const HDR_ITEM_ORDER = 10; //       out i32[items]       order in which items were packed
export const HDR_BYTES = 11; //            total bytes of the arena, header included
export const HEADER_SLOTS = 16;

// ── Size keys for the Decreasing order (sizes normalised by the largest host capacity per dimension) ──
export const SIZE_KEY_MAX = 0; // max_d s_d
export const SIZE_KEY_SUM = 1; // Σ_d s_d
export const SIZE_KEY_L2 = 2; //  sqrt(Σ_d s_d²)

// ── Why an item is unplaced ──
export const REASON_PLACED = 0;
export const REASON_TOO_LARGE = 1; // exceeds every host's allocatable capacity in some dimension, even empty
export const REASON_NO_ROOM = 2; //   would fit an empty host, but every host that could take it is full
export const REASON_MAX_ITEMS = 3; // some host has room in every dimension but has reached its item limit

// Returned by run* exports when the arena was never reserved.
export const ERR_NOT_RESERVED = -1;
