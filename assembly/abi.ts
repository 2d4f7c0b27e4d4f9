// Kernel ABI constants, shared verbatim by the AssemblyScript kernel and the TypeScript host
// (core/kernel). Plain numeric constants only, so the file is valid in both languages.

// ── Pack arena header ────────────────────────────────────────────────────────
// `reservePack` writes HEADER_SLOTS little-endian i32 values at the returned address.
// Every HDR_* region slot holds a byte offset into linear memory, 8-byte aligned.
export const HDR_HOSTS = 0; //             number of hosts H
export const HDR_ITEMS = 1; //             number of items N
export const HDR_DIMS = 2; //              number of resource dimensions D
export const HDR_HOST_CAPACITY = 3; //     in  f64[H × D]   allocatable capacity, host-major
export const HDR_HOST_MAX_ITEMS = 4; //    in  i32[H]       item limit per host (pods); <= 0 means none
export const HDR_ITEM_DEMAND = 5; //       in  f64[N × D]   demand, item-major
export const HDR_ITEM_HOST = 6; //         out i32[N]       host index, or -1 when unplaced
export const HDR_ITEM_REASON = 7; //       out i32[N]       REASON_* code
export const HDR_HOST_RESIDUAL = 8; //     out f64[H × D]   capacity left after packing
export const HDR_HOST_ITEMS = 9; //        out i32[H]       items placed per host
export const HDR_ITEM_ORDER = 10; //       out i32[N]       order in which the constructive pass placed items
export const HDR_BYTES = 11; //            total bytes of the arena, header included
export const HDR_LABEL_WORDS = 12; //      number of 32-bit label words W per host / item
export const HDR_SPREAD_GROUPS = 13; //    number of spread groups G
export const HDR_HOST_COST = 14; //        in  f64[H]       cost of running the host (default 1: minimise the count)
export const HDR_HOST_RACK = 15; //        in  i32[H]       rack id (any id >= 0; default 0)
export const HDR_HOST_SITE = 16; //        in  i32[H]       site id (any id >= 0; default 0)
export const HDR_HOST_LABELS = 17; //      in  i32[H × W]   label bitset the host offers
export const HDR_ITEM_TENANT = 18; //      in  i32[N]       tenant id >= 0 (default 0)
export const HDR_ITEM_EXCLUSIVE = 19; //   in  i32[N]       EXCLUSIVE_* isolation level (default none)
export const HDR_ITEM_SPREAD = 20; //      in  i32[N]       spread group, or -1 (default)
export const HDR_ITEM_AFFINITY = 21; //    in  i32[N]       affinity group in [0, N), or -1 (default): a group shares one host
export const HDR_ITEM_LABELS = 22; //      in  i32[N × W]   label bitset the item requires
export const HDR_SPREAD_LEVEL = 23; //     in  i32[G]       DOMAIN_* the group spreads over
export const HDR_SPREAD_MAX = 24; //       in  i32[G]       at most this many of the group's items per domain (>= 1)
export const HDR_ITEM_FIRST_HOST = 25; //  out i32[N]       host after the constructive pass, before improvement
export const HDR_STATS = 26; //            out f64[STATS_SLOTS]  run statistics (STAT_*)
export const HEADER_SLOTS = 32;

// ── Run statistics (f64 slots of the HDR_STATS region) ──
export const STAT_HOSTS_USED = 0; //          hosts holding at least one item now
export const STAT_COST = 1; //                Σ cost of those hosts
export const STAT_CONSTRUCTIVE_HOSTS = 2; //  hosts used after the constructive pass
export const STAT_CONSTRUCTIVE_COST = 3;
export const STAT_ITERATIONS = 4; //          improvement iterations spent so far
export const STAT_IMPROVEMENTS = 5; //        hosts emptied by the improvement phase so far
export const STAT_DONE = 6; //                1 when the improvement phase has nothing left to try
export const STAT_UNPLACED = 7; //            items without a host
export const STAT_LP_BOUND = 8; //            pattern LP: lower bound on hosts (Farley), 0 before any pricing
export const STAT_LP_VALUE = 9; //            pattern LP: objective of the restricted master (hosts, fractional)
export const STAT_LP_STEPS = 10; //           pattern LP: simplex steps spent so far (with the dive's)
export const STAT_DIVE_HOSTS = 11; //         the dive on the pattern LP: hosts holding a fixed pattern so far
export const STAT_START_RULE = 12; //         ALG_* of the constructive pass that made the start (a composite's winner)
export const STAT_HOST_MIX = 13; //           1 when the host order opens a mix of host models first (pack/host-order.ts mixFirst)
export const STAT_MOVE_CHECKS = 14; //        feasibility checks the improvement phase's tabu moves spent so far
export const STAT_REFILL_NODES = 15; //       search nodes the improvement phase's refills (Pack(b)) spent so far
export const STATS_SLOTS = 16;

// ── Size keys for the Decreasing order (sizes normalised by the largest host capacity per dimension) ──
export const SIZE_KEY_NONE = -1; // online: input order, no sorting
export const SIZE_KEY_MAX = 0; //   max_d s_d
export const SIZE_KEY_SUM = 1; //   Σ_d s_d
export const SIZE_KEY_L2 = 2; //    sqrt(Σ_d s_d²)
export const SIZE_KEY_DIM = 3; //   s_k for the named dimension k (the `sizeDim` argument)

// ── Constructive algorithms (the `algorithm` argument of runPack) ──
export const ALG_FIRST_FIT = 0; //        leftmost host that fits (Johnson 1974)
export const ALG_BEST_FIT = 1; //         open host left with the least room (size key of residual − demand)
export const ALG_WORST_FIT = 2; //        open host left with the most room
export const ALG_NEXT_FIT = 3; //         current host, else the next one that fits
export const ALG_DOT_PRODUCT = 4; //      bin-centric: item maximising demand · residual (Panigrahy et al. 2011)
export const ALG_L2_NORM = 5; //          bin-centric: item minimising ‖residual − demand‖₂ (Panigrahy et al. 2011)
export const ALG_TETRIS = 6; //           open host maximising the alignment demand · residual (Grandl et al. 2014)
export const ALG_K8S_LEAST = 7; //        Kubernetes LeastAllocated: host with the most free share after placing
export const ALG_K8S_MOST = 8; //         Kubernetes MostAllocated: host with the highest allocated share after placing
export const ALG_K8S_BALANCED = 9; //     Kubernetes BalancedAllocation: smallest spread of allocated shares
export const ALG_RANDOM = 10; //          uniformly random open host that fits (seeded)
export const ALG_MIN_SLACK = 11; //       bin-centric: fill each host with the subset of units leaving the least slack,
//                                         its largest remaining unit first (Gupta & Ho 1999; MBS', Fleszar & Hindi 2002)
export const ALG_LP_ROUNDING = 12; //     one dimension without hard rules: the whole-number part of the pattern LP's
//                                         solution (Gilmore & Gomory 1961), the rest by the minimum-slack rule
//                                         (residual rounding, Wäscher & Gau 1996); other instances: the minimum-slack rule
export const ALG_NEXT_K_FIT = 13; //     the earliest of the NEXT_K_WINDOW hosts opened last that fits, else the next host
//                                         (Next-K Fit, Johnson 1973); over a shuffled order, hosts fill with a mix of
//                                         shapes close to the workload's own mix, so vectors complement each other
export const ALG_FFD_OR_MIXED = 14; //   the best start kept (fewer unplaced, then lower cost, then fewer hosts): First Fit
//                                         Decreasing by the size key, balanced fit (where BALANCED_MAX_CHECKS allows) and
//                                         Next-K Fit over a shuffled order
export const ALG_BALANCED_FIT = 15; //   as many hosts open as the volume bound of the binding dimension, each unit (in
//                                         order) to the open host where the normalised room left in the two binding
//                                         dimensions ends closest (both run out together), else the next host
export const ALG_MBS_OR_BALANCED = 16; // the better start (as ALG_FFD_OR_MIXED compares them) of the minimum-slack rule
//                                         and balanced fit (where BALANCED_MAX_CHECKS allows), both over the same order
export const ALG_COUNT = 17;

// ── Item orders (the `order` argument of runPack) ──
export const ORDER_INPUT = 0; //       arena order (online)
export const ORDER_DECREASING = 1; //  by the size key, largest first, ties by index
export const ORDER_SHUFFLED = 2; //    a seeded uniform shuffle (Fisher–Yates with the run's generator)

// ── Host orders (pack/host-order.ts), set before a pack with setHostOrder ──
export const HOST_ORDER_MIX = 0; //     ranked by carry per cost, a mix of host models first (the default)
export const HOST_ORDER_RANKED = 1; //  ranked by carry per cost alone
export const HOST_ORDER_GIVEN = 2; //   arena order (failure headroom: the caller's order is the policy)

// ── Next-K Fit ──
export const NEXT_K_WINDOW = 16; //   hosts Next-K Fit keeps open (the most recently opened ones)

// ── Balanced fit ──
export const BALANCED_MAX_CHECKS = 60_000_000; // units × hosts opened up front beyond which 'ffd-or-mixed' skips it (≈ 2 s)

// ── Dot-product and L2-norm rules (bin-centric) ──
export const VECTOR_BUCKET = 8; //     item classes per leaf of the class tree (pack/vector-rules.ts)
export const VECTOR_SUBSET_DIMS = 5; // the dot product's subset-sum bound up to this many dimensions (2^D − 1 sums a node)

// ── Failure domains for spread groups ──
export const DOMAIN_HOST = 0;
export const DOMAIN_RACK = 1;
export const DOMAIN_SITE = 2;

// ── Isolation levels (per item) ──
export const EXCLUSIVE_NONE = 0; // shares hosts with any tenant
export const EXCLUSIVE_HOST = 1; // a host holding this item holds only items of the same tenant

// ── Why an item is unplaced ──
// Each host that cannot take an item is charged the first rule, in RULE_ORDER, that rules it out; the item's
// reason is the latest rule in that order charged to any host (its "closest miss").
export const REASON_PLACED = 0;
export const REASON_TOO_LARGE = 1; //  exceeds the host's allocatable capacity in some dimension, even empty
export const REASON_NO_ROOM = 2; //    every other rule allows the host, but it is full
export const REASON_MAX_ITEMS = 3; //  the host has room in every dimension but has reached its item limit
export const REASON_LABELS = 4; //     the host lacks a label the item requires
export const REASON_ISOLATION = 5; //  the host holds items of another tenant and one side needs a host of its own
export const REASON_SPREAD = 6; //     the item's spread group already has its maximum in the host's domain
export const REASON_AFFINITY = 7; //   its affinity group can never share one host: members of different tenants
//                                       where one needs a host of its own, or more members of one spread group
//                                       than that group allows per domain
export const REASON_COUNT = 8;
// Rule order per host (earliest first): LABELS, TOO_LARGE, ISOLATION, SPREAD, NO_ROOM, MAX_ITEMS.

// ── Improvement phase parameters (core/reference/improve.ts and assembly/pack/improve.ts) ──
export const IMPROVE_TABU_LENGTH = 300; //     tabu iterations between descent passes
export const IMPROVE_STALL_LIMIT = 1000; //    tabu moves without a better trash can before a round restarts
export const IMPROVE_ATTEMPT_LIMIT = 40; //    failed rounds in a row before the phase gives up
export const IMPROVE_HOST_WINDOW = 384; //     used hosts examined per iteration (rotating window)
export const IMPROVE_PAIR_OUT_LIMIT = 24; //   pairs of a host's units are tried when it holds at most this many
export const IMPROVE_PAIR_IN_LIMIT = 48; //    pairs of trash-can units are tried when it holds at most this many
export const IMPROVE_PACK_CANDIDATES = 40; //  units considered by one Pack(b)
export const IMPROVE_PACK_NODES = 4000; //     search nodes per Pack(b)
export const IMPROVE_FINAL_NODES = 2000; //    search nodes per attempt to fit the trash can into the final hosts
export const IMPROVE_REPACK_HOSTS = 8; //      least-filled hosts tried for a joint repack with the trash can
export const IMPROVE_REPACK_DEPTH = 2; //      up to this many of them at once
export const IMPROVE_TENURE = 0; //            tabu tenure: base + random(span) + ceil(frequency / 2) + 1
export const IMPROVE_TENURE_SPAN = 1;
export const IMPROVE_RESTORE_BEST = 1; //      1: each tabu phase ends back at the round's best partial solution
export const IMPROVE_REPACK_NODES = 10000; //   search nodes for all joint repacks tried on one new best trash can
export const IMPROVE_MOVE_EVALS = 20000; //     feasibility checks per tabu move (large instances see part of the window)
export const IMPROVE_ALIKE_AS_ONE = 1; //      1: a tabu move tries alike units (copies of one class) once; 0: unit by unit
export const IMPROVE_PACK_ALIKE_IN_ORDER = 1; // 1: a refill takes alike units in candidate order (symmetric subsets once); 0: any
export const MIN_SLACK_NODES = 3000; //         search nodes per host for the minimum-slack rule
export const MIN_SLACK_CHECKS = 200000; //     and units looked at per host

// ── Pattern LP (core/reference/pattern-lp.ts and assembly/pack/pattern-lp.ts) ──
// States, returned by runPatternLp:
export const LP_NONE = 0; //        not started since the arena was reserved
export const LP_RUNNING = 1; //     more steps would improve the LP
export const LP_OPTIMAL = 2; //     no pattern prices out: the restricted master's solution is the LP optimum
export const LP_STOPPED = 3; //     step cap, full column pool or a numerically singular basis: the last solution stands
export const LP_INELIGIBLE = 4; //  not one dimension without hard rules, or sizes beyond the caps below
// Caps (the arena reserves the LP's regions for instances of one dimension and at most LP_MAX_ITEMS items):
export const LP_MAX_ITEMS = 4096;
export const LP_MAX_TYPES = 256; //           distinct item sizes (rows)
export const LP_MAX_CAPACITY = 65535; //      whole-number host capacity (knapsack table length)
export const LP_TAKE_WORDS = 131072; //       32-bit words of knapsack decisions: item copies × (capacity + 1) bits
export const LP_MAX_COLUMNS = 8192; //        patterns and exchange columns in the pool
export const LP_MAX_ENTRIES = 131072; //      their non-zero entries
export const LP_MAX_STEPS = 40000; //         simplex steps (pivots or pricing rounds) at most
export const LP_REINVERT = 256; //            pivots between rebuilds of the basis inverse
export const LP_BLAND_AFTER = 64; //          degenerate pivots in a row before Bland's rule (no cycling)
export const LP_SMOOTHING = 0.8; //           Wentges smoothing weight of the best prices so far
// Diving on the LP's solution (residual rounding repeated), states returned by runPatternDive:
export const DIVE_NONE = 0; //      not started (the root LP is not optimal yet, or the inputs changed)
export const DIVE_RUNNING = 1; //   more steps fix more hosts
export const DIVE_DONE = 2; //      every item sits in a fixed pattern
export const DIVE_STOPPED = 3; //   the LP stopped (caps, singular basis) or the dive's step cap: the fixed patterns stand
export const DIVE_MAX_STEPS = 40000; //        steps of the dive at most (pivots, pricing rounds, fixings), as many as the root LP may take
export const DIVE_TRIES = 3; //               roundings up undone per level when their residual LP overshoots the target

// Returned by run* exports.
export const ERR_NOT_RESERVED = -1;
export const ERR_BAD_ALGORITHM = -2;
export const ERR_BAD_INPUT = -3; // an id or level outside its range; the host validates first, this is a guard
export const ERR_NOT_PACKED = -4; // runImprove before runPack
