// Simulation kernel ABI constants, shared verbatim by the AssemblyScript kernel (assembly/sim) and the
// TypeScript host and reference (core/sim). Plain numeric constants only, valid in both languages.

// ── Power management mode ──
export const MODE_NPA = 0; //      no power management: every host at full power all the time
export const MODE_DVFS = 1; //     power follows utilisation, no migrations
export const MODE_DYNAMIC = 2; //  overload detection, selection, PABFD re-placement, underload consolidation

// ── Overload detectors (Beloglazov & Buyya 2012, §5) ──
export const DETECTOR_THR = 0; // static threshold
export const DETECTOR_IQR = 1; // interquartile range
export const DETECTOR_MAD = 2; // median absolute deviation
export const DETECTOR_LR = 3; //  local regression
export const DETECTOR_LRR = 4; // robust local regression

// ── Selection of what to move ──
export const SELECT_MMT = 0; // minimum migration time (smallest memory)
export const SELECT_MC = 1; //  maximum correlation
export const SELECT_MU = 2; //  minimum utilisation
export const SELECT_RS = 3; //  random

// ── Initial placement ──
export const PLACE_FIRST_FIT = 0; // first host (by index) with room
export const PLACE_PABFD = 1; //     power-aware best fit
export const PLACE_GIVEN = 2; //     host given per item (hybrid: a static plan), -1 falls back to PABFD

// ── Item kinds ──
export const KIND_VM = 0; //        moves are live migrations
export const KIND_CONTAINER = 1; // moves are restarts: no service until started on the new host

// ── Quirk flags (bit mask): CloudSim 4.0 behaviours kept for fidelity, each can be switched off ──
export const QUIRK_VANISH_AT_ZERO = 1; //        an item whose demand is exactly 0 is treated as finished and removed
export const QUIRK_IDLE_DRAWS_NOTHING = 2; //    energy 0 over an interval that starts at utilisation 0 (idle = off, free)
export const QUIRK_LR_UNWEIGHTED = 4; //         LR and LRR ignore their loess weights (plain least squares)
export const QUIRK_MEMORY_AT_CREATION_ONLY = 8; // memory is reserved only while an item is created at t=0
export const QUIRK_STICKY_MIGRATING_OUT = 16; //  a host keeps an item in its migrating-out set after it left
export const QUIRK_UNDERLOAD_KEEPS_TARGETS = 32; // hosts that received items from overloaded hosts may still be evacuated

// ── Parameter slots (f64) ──
export const P_INTERVAL = 0; //          scheduling interval, s
export const P_TICK_OFFSET = 1; //       first tick at offset + interval, s
export const P_END = 2; //               events at or after this time are not processed, s
export const P_TRACE_INTERVAL = 3; //    seconds between trace samples
export const P_DETECTOR_PARAM = 4; //    THR threshold, or safety parameter of IQR/MAD/LR/LRR
export const P_FALLBACK_THRESHOLD = 5; // THR used while the history is too short
export const P_MIGRATION_SOURCE_SHARE = 6; // share of the request a migrating VM receives on its source (0.9)
export const P_MIGRATION_TARGET_SHARE = 7; // share of the request the destination reserves meanwhile (0.1)
export const P_BOOT_SECONDS = 8; //      host boot delay (corrected model), s
export const P_REOPT_PERIOD = 9; //      hybrid: seconds between re-optimisations (0 = never)
export const P_REOPT_BUDGET = 10; //     hybrid: migrations allowed per re-optimisation
export const P_SCALE_TARGET = 11; //     autoscaling: target utilisation of a replica (0 = autoscaling off)
export const P_SCALE_WINDOW = 12; //     autoscaling: scale-down stabilisation window, s
export const P_SCALE_TOLERANCE = 13; //  autoscaling: no change while |utilisation / target − 1| ≤ this (HPA 0.1)
export const P_SHUTDOWN_SECONDS = 14; // an emptied host stays on, at idle power, this long before it switches off, s
export const PARAM_SLOTS = 16;

// ── Integer parameter slots (i32) ──
export const I_MODE = 0;
export const I_DETECTOR = 1;
export const I_SELECTOR = 2;
export const I_PLACEMENT = 3;
export const I_QUIRKS = 4;
export const I_SEED = 5;
export const I_HISTORY = 6; //    utilisation history length kept per item (30)
export const I_LR_WINDOW = 7; //  points in the local regression (10)
export const I_MIN_HISTORY = 8; // history points IQR and MAD need (12)
export const I_STEPS = 9; //      per-step series rows reserved
export const IPARAM_SLOTS = 16;

// ── Totals (f64 slots written by run) ──
export const T_ENERGY_WS = 0; //          energy, W·s
export const T_MIGRATIONS = 1; //         moves started (live migrations and restarts)
export const T_ACTIVE_TIME = 2; //        Σ host time active, s
export const T_VIOLATION_TIME = 3; //     Σ host active time with allocated < requested, s
export const T_REQUESTED = 4; //          Σ item requested MIPS·s
export const T_ALLOCATED = 5; //          Σ item allocated MIPS·s
export const T_UNDER_MIGRATION = 6; //    Σ (requested − allocated)·s while the item was moving
export const T_SHORTFALL_SUM = 7; //      Σ shortfall fraction over item intervals with a shortfall
export const T_SHORTFALL_COUNT = 8; //    number of such intervals
export const T_SHUTDOWNS = 9; //          host active → idle transitions
export const T_ACTIVE_PERIOD_SUM = 10; // Σ length of active periods ending in a shutdown, s
export const T_MOVE_DURATION_SUM = 11; // Σ migration / restart durations, s
export const T_MOVE_DURATION_COUNT = 12;
export const T_REMOVED = 13; //           items removed because their demand hit 0 (quirk)
export const T_STEPS = 14; //             per-step rows written
export const T_LAST_TIME = 15; //         time of the last processed event, s
export const T_RESTARTS = 16; //          container restarts started
export const T_SCALE_EVENTS = 17; //      autoscaler replica changes
export const T_UNAVAILABLE = 18; //       replica-seconds without service (restarts, starting replicas)
export const T_FAILED_PLACEMENTS = 19; // items that found no host at arrival
export const TOTAL_SLOTS = 24;

// ── Per-step series columns (f64, one row per scheduling tick) ──
export const S_TIME = 0; //          tick time, s
export const S_ACTIVE_HOSTS = 1; //  hosts with utilisation > 0 after the tick's moves started
export const S_POWER_W = 2; //       mean power since the previous tick, W
export const S_ENERGY_WS = 3; //     cumulative energy, W·s
export const S_MIGRATIONS = 4; //    moves started at this tick
export const S_OVERLOADED = 5; //    hosts found overloaded at this tick
export const S_REQUESTED = 6; //     Σ requested MIPS at the tick
export const S_ALLOCATED = 7; //     Σ allocated MIPS at the tick
export const S_ITEMS = 8; //         items alive
export const S_SHUTDOWNS = 9; //     cumulative host shutdowns
export const S_REPLICAS = 10; //     replicas serving (autoscaling)
export const SERIES_COLS = 12;

// ── Errors returned by run ──
export const SIM_OK = 0;
export const SIM_ERR_NOT_RESERVED = -1;
export const SIM_ERR_NODE_POOL = -2; // more simultaneous host memberships than the pool holds

// ── Simulation arena header ──
// `reserveSim` writes HS_SLOTS little-endian i32 values at the returned address: sizes, then byte offsets
// (8-byte aligned) of every input and output region. The run lays its own state out after them.
export const HS_HOSTS = 0;
export const HS_ITEMS = 1;
export const HS_MODELS = 2;
export const HS_TRACE_ROWS = 3;
export const HS_TRACE_COLS = 4;
export const HS_STEPS = 5;
export const HS_PARAMS = 6; //             in  f64[PARAM_SLOTS]
export const HS_IPARAMS = 7; //            in  i32[IPARAM_SLOTS]
export const HS_MODEL_POWER = 8; //        in  f64[models × 11]
export const HS_HOST_MODEL = 9; //         in  i32[hosts]
export const HS_HOST_PES = 10; //          in  i32[hosts]
export const HS_HOST_PE_MIPS = 11; //      in  f64[hosts]
export const HS_HOST_MEMORY = 12; //       in  f64[hosts]
export const HS_HOST_BW = 13; //           in  f64[hosts]
export const HS_HOST_MIGRATION_RATE = 14; // in f64[hosts]
export const HS_HOST_CLASS = 15; //        in  i32[hosts]
export const HS_ITEM_MIPS = 16; //         in  f64[items]
export const HS_ITEM_PES = 17; //          in  i32[items]
export const HS_ITEM_MEMORY = 18; //       in  f64[items]
export const HS_ITEM_BW = 19; //           in  f64[items]
export const HS_ITEM_MIGRATION_MB = 20; // in  f64[items]
export const HS_ITEM_BASE_FRAC = 21; //    in  f64[items]
export const HS_ITEM_SCALE_FRAC = 22; //   in  f64[items]
export const HS_ITEM_TRACE = 23; //        in  i32[items]
export const HS_ITEM_KIND = 24; //         in  i32[items]
export const HS_ITEM_START_SECONDS = 25; // in f64[items]
export const HS_ITEM_ARRIVE = 26; //       in  f64[items]
export const HS_ITEM_DEPART = 27; //       in  f64[items]
export const HS_ITEM_INITIAL_HOST = 28; // in  i32[items]
export const HS_TRACES = 29; //            in  f64[traceRows × traceCols]
export const HS_TOTALS = 30; //            out f64[TOTAL_SLOTS]
export const HS_SERIES = 31; //            out f64[steps × SERIES_COLS]
export const HS_ITEM_HOST = 32; //         out i32[items]
export const HS_END = 33; //               byte offset where the run's own state begins
export const HS_SERVICES = 34; //          number of autoscaled services
export const HS_ITEM_SERVICE = 35; //      in  i32[items]   service of the item (replica slot), -1 = none
export const HS_SVC_BASE = 36; //          in  f64[services] replicas the trace's demand is defined for
export const HS_SVC_MIN = 37; //           in  i32[services]
export const HS_SVC_MAX = 38; //           in  i32[services] (= its item slots, contiguous from HS_SVC_FIRST)
export const HS_SVC_FIRST = 39; //         in  i32[services]
export const HS_ITEM_MEMORY_TRACE = 40; // in  i32[items]   trace row of the memory in use (× migration MB), -1 = none
export const HS_SLOTS = 48;
