// ABI of the two-level simulator (containers in node VMs, node VMs on hosts), shared verbatim by the
// AssemblyScript kernel (assembly/cis) and the TypeScript host and reference (core/sim/cis). Plain numeric
// constants only, valid in both languages.
//
// Two semantics, chosen by I_MODE:
//  - MODE_CLOUDSIM: ContainerCloudSim (CloudSim 4.0, Piraghaj et al.) as its container-consolidation example runs
//    it (../shared/reference/containercloudsim.md): containers migrate between node VMs; overloaded hosts shed
//    their busiest containers; leftovers get new VMs on underloaded hosts, then on a drawn switched-off host;
//    underloaded hosts are evacuated all-or-nothing; empty VMs vanish.
//  - MODE_KUBERNETES: pods are restarted, never migrated; requests (not usage) decide where a pod fits; a
//    cluster-autoscaler-style node pool adds a node VM when pods are pending and removes a node that has been
//    underused (by requests) for a configurable time, restarting its pods elsewhere.

export const MODE_CLOUDSIM = 0;
export const MODE_KUBERNETES = 1;

// ── Kubernetes scheduler scoring (kube-scheduler NodeResourcesFit) ──
export const SCORE_MOST_ALLOCATED = 0; //  bin-packing: the fullest node that fits (by requests)
export const SCORE_LEAST_ALLOCATED = 1; // spreading: the emptiest node that fits (kube-scheduler's default)

// ── Quirk flags (bit mask): ContainerCloudSim behaviours kept for fidelity; each can be switched off ──
export const CQ_VM_DEMAND_REPLICATED_PER_PE = 1; //   a VM requests n · S (every PE asks for the whole container sum)
export const CQ_MOST_FULL_IS_MOST_FREE = 2; //        start-up placement picks the VM with the most free MIPS
export const CQ_FUTURE_PERCENTILE_OVERBOOKING = 4; // fit test uses a percentile of the whole day (host-side: workload MIPS)
export const CQ_STALE_VM_FREE_MIPS = 8; //            VM free MIPS counts containers' requests of the previous pass
export const CQ_EMPTY_VMS_DESTROYED = 16; //          VMs without containers vanish at the tick they are seen empty
export const CQ_IDLE_HOST_FREE = 32; //               0 W over an interval that starts at U = 0, even with VMs on the host
export const CQ_RAM_BW_UNENFORCED = 64; //            container RAM/BW never constrain after start-up
export const CQ_DELAYS_INVISIBLE = 128; //            VM and container start-up delays and moves cost nothing
export const CQ_RANDOM_NEW_VM_HOST = 256; //          a new VM wakes a randomly drawn switched-off host (seeded here)
export const CQ_NEW_VMS_ON_UNDERLOADED_HOSTS = 512; // leftovers first go to new VMs packed onto underloaded hosts
export const CQ_UNDERLOAD_LEAST_FIRST = 1024; //      the least-utilised underloaded host is evacuated first
export const CQ_VM_ORDER_BY_FRACTION_SUM = 2048; //   VMs tried in ascending Σ of container utilisation fractions (float32)
export const CQ_EVACUATION_PHANTOMS = 4096; //        failed evacuations leave their tentative moves in the planning state
export const CQ_OVERLOAD_REQUESTED_UNDERLOAD_MEASURED = 8192; // overload on requested R, underload on measured U
export const CQ_FIRST_TICK_PHANTOM_SHUTDOWNS = 16384; // hosts idle at the first tick count one shutdown each
export const CQ_ALL = 32767;

// ── Parameter slots (f64) ──
export const CP_INTERVAL = 0; //            scheduling interval, s
export const CP_TICK_OFFSET = 1; //         first tick at offset + interval, s
export const CP_END = 2; //                 ticks at or after this time are not processed, s
export const CP_TRACE_INTERVAL = 3; //      seconds between trace samples
export const CP_OVERLOAD = 4; //            host overload threshold (requested utilisation), 0.8
export const CP_UNDERLOAD = 5; //           host underload threshold (measured utilisation), 0.7
export const CP_VM_STARTUP = 6; //          seconds from a new VM's request to its creation (CloudSim 100)
export const CP_CONTAINER_STARTUP = 7; //   seconds a container move / pod start takes (CloudSim 0.4)
export const CP_SCALE_DOWN_UTILISATION = 8; // Kubernetes: a node whose requests are below this share is unneeded (0.5)
export const CP_SCALE_DOWN_SECONDS = 9; //  Kubernetes: unneeded this long before it is removed (600); CloudSim corrected: empty VMs
export const CP_VM_OVERCOMMIT = 10; //      Kubernetes: node VM vCPU placed per host MIPS (1 = no overcommit)
export const CP_PERCENTILE = 11; //         overbooking percentile of the fit test (corrected: over past samples only); 0 = none
export const CPARAM_SLOTS = 16;

// ── Integer parameter slots (i32) ──
export const CI_MODE = 0;
export const CI_QUIRKS = 1;
export const CI_SEED = 2;
export const CI_STEPS = 3; //            series rows reserved
export const CI_MAX_VMS = 5; //          most VMs alive at once (node pool limit)
export const CI_MIN_VMS = 6; //          Kubernetes: fewest node VMs kept (pool minimum)
export const CI_SCORE = 7; //            SCORE_* (Kubernetes)
export const CI_NEW_VM_TYPE = 8; //      Kubernetes: VM type of new nodes
export const CIPARAM_SLOTS = 16;

// ── Totals (f64 slots written by run) ──
export const CT_ENERGY_WS = 0;
export const CT_CONTAINER_MIGRATIONS = 1; // container moves started (CloudSim) / pod restarts (Kubernetes)
export const CT_VM_MIGRATIONS = 2; //     always 0: node VMs are never migrated
export const CT_VMS_CREATED = 3; //       node VMs created after start-up
export const CT_VMS_REMOVED = 4;
export const CT_REQUESTED_TIME = 5; //    Σ VM requested MIPS·s over VM records (slaOverall denominator)
export const CT_ALLOCATED_TIME = 6; //    Σ VM allocated MIPS·s
export const CT_SHORTFALL_SUM = 7; //     Σ (requested − allocated)/requested over VM intervals with a shortfall
export const CT_SHORTFALL_COUNT = 8;
export const CT_ACTIVE_TIME = 9; //       Σ host time active (left end of each interval), s
export const CT_VIOLATION_TIME = 10; //   Σ of it with allocated < requested, s
export const CT_OVERLOADED_TICKS = 11; // host-ticks with measured U > overload threshold
export const CT_SHUTDOWNS = 12; //        host active → idle transitions
export const CT_SHUTDOWN_PERIOD_SUM = 13; // Σ active period before each shutdown, s
export const CT_ACTIVE_HOSTS_SUM = 14; // Σ over ticks of hosts with ≥ 1 VM
export const CT_ACTIVE_VMS_SUM = 15; //   Σ over ticks of VMs on hosts
export const CT_STEPS = 16; //            ticks run
export const CT_LAST_TIME = 17;
export const CT_UNAVAILABLE = 18; //      container-seconds without service (moves, restarts, pending pods)
export const CT_FAILED_PLACEMENTS = 19; // containers that found no VM at start-up or arrival
export const CT_PENDING_TICKS = 20; //    pod-ticks pending (Kubernetes)
export const CT_ACTIVE_HOSTS_SQ = 21; //  Σ squares (standard deviation of active hosts)
export const CT_ACTIVE_VMS_SQ = 22;
export const CT_SCALE_UPS = 23; //        Kubernetes: node VMs added for pending pods
export const CTOTAL_SLOTS = 24;

// ── Per-step series columns (f64, one row per tick) ──
export const CS_TIME = 0;
export const CS_ACTIVE_HOSTS = 1; //  hosts with ≥ 1 VM after the tick's VM clean-up
export const CS_ACTIVE_VMS = 2; //    VMs on hosts
export const CS_POWER_W = 3; //       mean power over the interval ending at this tick
export const CS_ENERGY_WS = 4; //     cumulative energy
export const CS_MOVES = 5; //         container moves / pod restarts started at this tick
export const CS_VMS_CREATED = 6; //   VMs created at this tick (cumulative)
export const CS_OVERLOADED = 7; //    hosts with measured U > the overload threshold
export const CS_REQUESTED = 8; //     Σ VM requested MIPS
export const CS_ALLOCATED = 9; //     Σ VM allocated MIPS
export const CS_CONTAINERS = 10; //   containers running
export const CS_PENDING = 11; //      containers without a VM (pending pods)
export const CS_SHUTDOWNS = 12; //    cumulative host shutdowns
export const CSERIES_COLS = 13;

// ── Errors returned by run ──
export const CIS_OK = 0;
export const CIS_ERR_NOT_RESERVED = -1;
export const CIS_ERR_BAD_INPUT = -2;

// ── Arena header: `reserveCis` writes CH_SLOTS i32 values at the returned address: sizes, then byte offsets ──
export const CH_HOSTS = 0;
export const CH_MODELS = 1;
export const CH_TYPES = 2; //         VM types
export const CH_VMS = 3; //           VM slots (initial VMs first, then room for new ones)
export const CH_INITIAL_VMS = 4;
export const CH_CONTAINERS = 5;
export const CH_TRACE_ROWS = 6;
export const CH_TRACE_COLS = 7;
export const CH_STEPS = 8;
export const CH_PARAMS = 9; //           in  f64[CPARAM_SLOTS]
export const CH_IPARAMS = 10; //         in  i32[CIPARAM_SLOTS]
export const CH_MODEL_POWER = 11; //     in  f64[models × 11] W at 0, 10, …, 100 %
export const CH_HOST_MODEL = 12; //      in  i32[hosts]
export const CH_HOST_PES = 13; //        in  i32[hosts]
export const CH_HOST_PE_MIPS = 14; //    in  f64[hosts]
export const CH_HOST_RAM = 15; //        in  f64[hosts]
export const CH_HOST_BW = 16; //         in  f64[hosts]
export const CH_TYPE_PES = 17; //        in  i32[types]
export const CH_TYPE_PE_MIPS = 18; //    in  f64[types]
export const CH_TYPE_RAM = 19; //        in  f64[types]
export const CH_TYPE_BW = 20; //         in  f64[types]
export const CH_VM_TYPE = 21; //         in  i32[initial VMs]
export const CH_C_MIPS = 22; //          in  f64[containers] size (CPU limit) of a container
export const CH_C_WORKLOAD = 23; //      in  f64[containers] MIPS the fit test reserves (overbooked percentile, or the pod's request)
export const CH_C_RAM = 24; //           in  f64[containers]
export const CH_C_BW = 25; //            in  f64[containers]
export const CH_C_BASE = 26; //          in  f64[containers] demand = (base + trace × scale) × mips
export const CH_C_SCALE = 27; //         in  f64[containers]
export const CH_C_TRACE = 28; //         in  i32[containers]
export const CH_C_START = 29; //         in  f64[containers] restart time (Kubernetes), s
export const CH_C_ARRIVE = 30; //        in  f64[containers] s; 0 = from the start
export const CH_C_DEPART = 31; //        in  f64[containers] s; Infinity = never
export const CH_TRACES = 32; //          in  f64[traceRows × traceCols] fractions
export const CH_TOTALS = 33; //          out f64[CTOTAL_SLOTS]
export const CH_SERIES = 34; //          out f64[steps × CSERIES_COLS]
export const CH_C_VM_OUT = 35; //        out i32[containers] VM slot at the end, -1 = none
export const CH_VM_HOST_OUT = 36; //     out i32[VM slots] host at the end, -1 = none
export const CH_VM_TYPE_OUT = 37; //     out i32[VM slots] type of every slot used
export const CH_SLOTS = 40;
