// The pack arena: one contiguous block the host writes inputs into directly, then reads results from.
// `reserve` lays out every region below (inputs, outputs and all scratch the packer needs), so a run never
// grows memory. f64 regions come first so they stay 8-byte aligned; sizes are in elements.
//
//  base ─┬─ header          i32[HEADER_SLOTS]   sizes and byte offsets of the public regions (abi.ts)
//        │  f64 ──────────────────────────────────────────────────────────────────────────────────────
//        ├─ hostCapacity    [H × D]   in         ├─ hostCost        [H]       in
//        ├─ itemDemand      [N × D]   in         ├─ hostResidual    [H × D]   out (best solution)
//        ├─ stats           [STATS]   out        ├─ residual        [H × D]   live residual capacity
//        ├─ norm            [D]       largest capacity per dimension
//        ├─ unitDemand      [N × D]   Σ member demand per unit         ├─ unitWeight [N]  Σ_d demand/norm
//        ├─ unitKey         [N]       size key (Decreasing order)      ├─ tree [2P × D]  FF max residuals
//        ├─ fills           [H]       allocated share per host         ├─ bigCap [D]     largest final capacity
//        ├─ insWeight       [M]       trash-can subsets' weight        ├─ packLoad [(C+1) × D], packSuffix [C+1]
//        ├─ mbsSuffix       [N + 1]   minimum-slack rule: suffix sums of unit weights
//        ├─ leastDemand     [(N + 1) × D]  balanced fit, minimum slack: least demand per dimension of the units from each position on
//        ├─ balancedScore   [H]       balanced fit: each scanned host's score for the last unit
//        ├─ vcBox           [2B × 2D] dot-product / L2-norm rules: per class-tree node, the low corner of the box of
//        │                            live classes' demands, then its high corner divided by one host capacity
//        │                            (vcCap): what the search reads of a node, in one 64-byte line for D = 4
//        ├─ vcHi            [2B × D]  the high corners themselves
//        ├─ vcDemand        [N × D]   each class's demand, in the tree's class order (a leaf's classes side by side)
//        ├─ vcCap, vcShare  [D]       that capacity; the searched host's residual divided by it
//        ├─ vcSub           [2B × S]  per class-tree node, for every non-empty subset of the dimensions, the largest sum
//        │                            over its live classes of demand / norm in those dimensions (S = 2^D − 1 where
//        │                            D <= VECTOR_SUBSET_DIMS, else 0): the dot product's second bound
//        ├─ k8sTree         [2P × (1 + 4D)]  k8s-least / most-allocated: per host-tree node a key, bounds, capacity and residual ranges (pack/k8s-index.ts);
//        │                            k8s-balanced: its k-d trees (pack/k8s-balanced.ts), where those need more
//        ├─ pattern LP (only when D = 1 and 1 <= N <= LP_MAX_ITEMS, else empty; pack/pattern-lp.ts):
//        │    lpInverse, lpMatrix [L × L]   basis inverse, Gauss–Jordan scratch
//        │    lpValue, lpDual, lpCenter, lpPrice, lpDirection [L]   basic values, duals, prices, B⁻¹·column
//        │    lpTable [LP_MAX_CAPACITY + 1]   knapsack values per capacity (also size counts while scanning)
//        │    lpColumnCost [LP_MAX_COLUMNS]
//        │  i32 ──────────────────────────────────────────────────────────────────────────────────────
//        ├─ inputs: hostMaxItems [H], hostRack [H], hostSite [H], hostLabels [H × W], itemTenant [N],
//        │          itemExclusive [N], itemSpread [N], itemAffinity [N], itemLabels [N × W],
//        │          spreadLevel [G], spreadMax [G]
//        ├─ outputs: itemHost [N], itemReason [N], hostItems [H], itemOrder [N], itemFirstHost [N]
//        ├─ units: unitOfItem, unitFirst, unitLast, itemNext, groupUnit, unitSlots, unitTenant,
//        │         unitExclusive, unitSpread, unitConflict, unitClass, unitReason, unitOrder, decided [N each],
//        │         unitLabels [N × W]
//        ├─ host state: unitHost, unitNext, unitPrev [N]; hostHead, hostCount, tenantRef, tenantRefCount,
//        │         exclusiveCount, openList, closed, hostList, passList, balancedOpen [H]; treeSlots [2P]; hostOrder, hostRank [H]
//        ├─ sorting: sortA, sortB [max(N, H, M)]
//        ├─ classTable [classSlots = 2^⌈log2 2N⌉]  buildClasses' hash table (first unit of each class, -1: free)
//        ├─ improvement: best, tc, tcPos, tabuHost, tabuUntil, tabuFreq, tabuStamp, unitList, finalUnits [N];
//        │         (tc, tcPos hold a constructive pass's record of placements before the phase starts, construct.ts);
//        │         classMark, classTally, listRole [N] (alike units in a list: which copy each is, see improve.ts);
//        │         roundHost, repackUnits, mbsStack, mbsBest, mbsRunEnd, mbsRunStamp [N]; insA, insB, insOrder [M]; packCands, packChosen, packBest, packPrevAlike [C];
//        │         finalHosts [7], repackHosts [64], repackSubset [5], bigCount, bigExtra [D]
//        ├─ vector rules: vcSlot, vcRep, vcPerm, vcCursor, vcGrouped [N]; vcStart [N + 1]; vcMinPos, vcMinSlots [2B]
//        ├─ spread table: spreadKeyGroup, spreadKeyDomain, spreadCount [T]
//        └─ pattern LP (same condition): lpSize, lpDemand, lpTypeHead, lpLeft, lpCursor, lpBasis, lpSurplusBasic,
//                  lpPattern [L]; lpItemNext, lpCopyType [N]; lpColumnStart [LP_MAX_COLUMNS + 1],
//                  lpColumnBasic [LP_MAX_COLUMNS]; lpEntryType, lpEntryCount [LP_MAX_ENTRIES]; lpTake [LP_TAKE_WORDS + 2 · LP_MAX_ITEMS] (8-aligned);
//                  the dive: lpResidual [L], lpTried [DIVE_TRIES], lpFixedColumn, lpFixRow [N], lpFixStart [N + 1]
// P: smallest power of two >= H. M = N + PAIR_IN_LIMIT·(PAIR_IN_LIMIT − 1)/2 trash-can subsets.
// L = min(N, LP_MAX_TYPES): rows of the pattern LP (distinct item sizes).
// B: smallest power of two >= N / VECTOR_BUCKET (leaves of the class tree). C = IMPROVE_PACK_CANDIDATES. T: smallest power of two >= 2N + 2 when G > 0 (open addressing, load <= 1/2).
// The host must re-create its typed-array views after `reserve`, which may grow (and so detach) memory.
import {
  HDR_HOSTS, HDR_ITEMS, HDR_DIMS, HDR_HOST_CAPACITY, HDR_HOST_MAX_ITEMS, HDR_ITEM_DEMAND, HDR_ITEM_HOST,
  HDR_ITEM_REASON, HDR_HOST_RESIDUAL, HDR_HOST_ITEMS, HDR_ITEM_ORDER, HDR_BYTES, HEADER_SLOTS, HDR_LABEL_WORDS,
  HDR_SPREAD_GROUPS, HDR_HOST_COST, HDR_HOST_RACK, HDR_HOST_SITE, HDR_HOST_LABELS, HDR_ITEM_TENANT,
  HDR_ITEM_EXCLUSIVE, HDR_ITEM_SPREAD, HDR_ITEM_AFFINITY, HDR_ITEM_LABELS, HDR_SPREAD_LEVEL, HDR_SPREAD_MAX,
  HDR_ITEM_FIRST_HOST, HDR_STATS, STATS_SLOTS, IMPROVE_PAIR_IN_LIMIT, IMPROVE_PACK_CANDIDATES,
  LP_MAX_ITEMS, LP_MAX_TYPES, LP_MAX_CAPACITY, LP_MAX_COLUMNS, LP_MAX_ENTRIES, LP_TAKE_WORDS, DIVE_TRIES,
  VECTOR_BUCKET, VECTOR_SUBSET_DIMS,
} from './abi';

export let hosts: i32 = 0;
export let items: i32 = 0;
export let dims: i32 = 0;
export let labelWords: i32 = 0;
export let spreadGroups: i32 = 0;
export let treeLeaves: i32 = 0; // P
export let classLeaves: i32 = 0; // B
export let insCapacity: i32 = 0; // M
export let spreadSlots: i32 = 0; // T

// f64 regions
export let hostCapacity: usize = 0;
export let hostCost: usize = 0;
export let itemDemand: usize = 0;
export let hostResidual: usize = 0;
export let stats: usize = 0;
export let residual: usize = 0;
export let norm: usize = 0;
export let unitDemand: usize = 0; //       points at unitDemandRegion, or at itemDemand when every unit is one item
export let unitDemandRegion: usize = 0;
export let unitWeight: usize = 0;
export let unitKey: usize = 0;
export let tree: usize = 0;
export let fills: usize = 0;
export let bigCap: usize = 0;
export let insWeight: usize = 0;
export let packLoad: usize = 0;
export let packSuffix: usize = 0;
export let mbsSuffix: usize = 0;
export let leastDemand: usize = 0;
export let balancedOpen: usize = 0;
export let balancedScore: usize = 0;
export let vcBox: usize = 0;
export let vcHi: usize = 0;
export let vcDemand: usize = 0;
export let vcCap: usize = 0;
export let vcShare: usize = 0;
export let vcSub: usize = 0;
export let k8sTree: usize = 0;
export let lpInverse: usize = 0;
export let lpMatrix: usize = 0;
export let lpValue: usize = 0;
export let lpDual: usize = 0;
export let lpCenter: usize = 0;
export let lpPrice: usize = 0;
export let lpDirection: usize = 0;
export let lpTable: usize = 0;
export let lpColumnCost: usize = 0;
// i32 regions: inputs
export let hostMaxItems: usize = 0;
export let hostRack: usize = 0;
export let hostSite: usize = 0;
export let hostLabels: usize = 0;
export let itemTenant: usize = 0;
export let itemExclusive: usize = 0;
export let itemSpread: usize = 0;
export let itemAffinity: usize = 0;
export let itemLabels: usize = 0;
export let spreadLevel: usize = 0;
export let spreadMax: usize = 0;
// outputs
export let itemHost: usize = 0;
export let itemReason: usize = 0;
export let hostItems: usize = 0;
export let itemOrder: usize = 0;
export let itemFirstHost: usize = 0;
// units
export let unitOfItem: usize = 0;
export let unitFirst: usize = 0;
export let unitLast: usize = 0;
export let itemNext: usize = 0;
export let groupUnit: usize = 0;
export let unitSlots: usize = 0;
export let unitTenant: usize = 0;
export let unitExclusive: usize = 0;
export let unitSpread: usize = 0;
export let unitConflict: usize = 0;
export let unitClass: usize = 0;
export let unitReason: usize = 0;
export let unitOrder: usize = 0;
export let decided: usize = 0;
export let unitLabels: usize = 0; //       likewise unitLabelsRegion or itemLabels
export let unitLabelsRegion: usize = 0;
// host state
export let unitHost: usize = 0;
export let unitNext: usize = 0;
export let unitPrev: usize = 0;
export let hostHead: usize = 0;
export let hostCount: usize = 0;
export let tenantRef: usize = 0;
export let tenantRefCount: usize = 0;
export let exclusiveCount: usize = 0;
export let openList: usize = 0;
export let closed: usize = 0;
export let hostList: usize = 0;
export let passList: usize = 0;
export let treeSlots: usize = 0;
export let hostOrder: usize = 0; //  hosts in the order rules open them (pack/host-order.ts)
export let hostRank: usize = 0; //   position of each host in that order
// sorting
export let sortA: usize = 0;
export let classTable: usize = 0;
export let classSlots: i32 = 0;
export let sortB: usize = 0;
// improvement
export let best: usize = 0;
export let tc: usize = 0;
export let tcPos: usize = 0;
export let tabuHost: usize = 0;
export let tabuUntil: usize = 0;
export let tabuFreq: usize = 0;
export let tabuStamp: usize = 0;
export let unitList: usize = 0;
export let finalUnits: usize = 0;
export let classMark: usize = 0;
export let classTally: usize = 0;
export let listRole: usize = 0;
export let insA: usize = 0;
export let insB: usize = 0;
export let insOrder: usize = 0;
export let packCands: usize = 0;
export let packChosen: usize = 0;
export let packBest: usize = 0;
export let packPrevAlike: usize = 0;
export let roundHost: usize = 0;
export let mbsStack: usize = 0;
export let mbsBest: usize = 0;
export let mbsRunEnd: usize = 0; //   minimum slack: where each position's run of alike units ends (construct.ts skipRun)
export let mbsRunStamp: usize = 0; // and which search computed it
export let repackUnits: usize = 0;
export let finalHosts: usize = 0;
export let repackHosts: usize = 0;
export let repackSubset: usize = 0;
export let repackSizes: usize = 0;
export let bigCount: usize = 0;
export let bigTc: usize = 0;
export let bigExtra: usize = 0;
// vector rules (pack/vector-rules.ts)
export let vcSlot: usize = 0;
export let vcRep: usize = 0;
export let vcPerm: usize = 0;
export let vcCursor: usize = 0;
export let vcGrouped: usize = 0;
export let vcStart: usize = 0;
export let vcMinPos: usize = 0;
export let vcMinSlots: usize = 0;
// spread table
export let spreadKeyGroup: usize = 0;
export let spreadKeyDomain: usize = 0;
export let spreadCount: usize = 0;
// pattern LP
export let lpSize: usize = 0;
export let lpDemand: usize = 0;
export let lpTypeHead: usize = 0;
export let lpLeft: usize = 0;
export let lpCursor: usize = 0;
export let lpBasis: usize = 0;
export let lpSurplusBasic: usize = 0;
export let lpPattern: usize = 0;
export let lpItemNext: usize = 0;
export let lpCopyType: usize = 0;
export let lpColumnStart: usize = 0;
export let lpColumnBasic: usize = 0;
export let lpEntryType: usize = 0;
export let lpEntryCount: usize = 0;
export let lpTake: usize = 0;
export let lpResidual: usize = 0;
export let lpTried: usize = 0;
export let lpFixedColumn: usize = 0;
export let lpFixRow: usize = 0;
export let lpFixStart: usize = 0;

/** Points the unit demand and label regions at `demand` and `labels` (the items' own when every unit is one item). */
export function setUnitRegions(demand: usize, labels: usize): void {
  unitDemand = demand;
  unitLabels = labels;
}

/** Caps on the tunable repack parameters, so their scratch fits the arena. */
export const MAX_REPACK_HOSTS: i32 = 64;
export const MAX_REPACK_DEPTH: i32 = 4;

let arenaBase: usize = 0;

@inline function align8(x: usize): usize {
  return (x + 7) & ~(<usize>7);
}

function nextPow2(n: i32): i32 {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}

/** The most host capacities pack/k8s-balanced.ts's index takes (one k-d tree each); more take the scan. */
export const BALANCED_MAX_CLASSES: i32 = 64;

/** f64 slots of pack/k8s-balanced.ts's layout: nodes, points, the query point, then its i32 tables in f64 slots. */
function balancedIndexSlots(hu: usize, du: usize): usize {
  return (2 * hu + 2) * (4 * du + 3) + hu * du + du + (3 * hu + <usize>BALANCED_MAX_CLASSES * 8 + 1) / 2;
}

/** Lays out the arena and fills every input with its default. Returns the header address. */
export function reserve(h: i32, n: i32, d: i32, w: i32, g: i32): usize {
  assert(h >= 0 && n >= 0 && d > 0 && w >= 0 && g >= 0, 'reserve: bad sizes');
  hosts = h;
  items = n;
  dims = d;
  labelWords = w;
  spreadGroups = g;
  treeLeaves = nextPow2(max(h, 1));
  classLeaves = nextPow2(max(1, (n + VECTOR_BUCKET - 1) / VECTOR_BUCKET));
  insCapacity = n + (IMPROVE_PAIR_IN_LIMIT * (IMPROVE_PAIR_IN_LIMIT - 1)) / 2;
  spreadSlots = g > 0 ? nextPow2(2 * n + 2) : 1;
  const hu = <usize>h, nu = <usize>n, du = <usize>d, wu = <usize>w, gu = <usize>g, pu = <usize>treeLeaves, bu = <usize>classLeaves;
  const mu = <usize>insCapacity, cu = <usize>IMPROVE_PACK_CANDIDATES, tu = <usize>spreadSlots;
  const sortLen = <usize>max(max(n, h), insCapacity);
  // The pattern LP's regions exist only where it may run (one dimension, few enough items).
  const lpOn = d == 1 && n >= 1 && n <= LP_MAX_ITEMS;
  const lu = lpOn ? <usize>min(n, LP_MAX_TYPES) : 0, lnu = lpOn ? nu : 0;
  const ltu = lpOn ? <usize>(LP_MAX_CAPACITY + 1) : 0, lcu = lpOn ? <usize>LP_MAX_COLUMNS : 0;
  // lpTake: LP_TAKE_WORDS plus what rounding each copy's row up to whole 64-bit words adds (pattern-lp.ts knapsack).
  const leu = lpOn ? <usize>LP_MAX_ENTRIES : 0, lku = lpOn ? <usize>LP_TAKE_WORDS + 2 * <usize>LP_MAX_ITEMS : 0;

  arenaBase = align8(__heap_base);
  let at = align8(arenaBase + <usize>HEADER_SLOTS * 4);
  hostCapacity = at; at += hu * du * 8;
  hostCost = at; at += hu * 8;
  itemDemand = at; at += nu * du * 8;
  hostResidual = at; at += hu * du * 8;
  stats = at; at += <usize>STATS_SLOTS * 8;
  residual = at; at += hu * du * 8;
  norm = at; at += du * 8;
  unitDemand = at; at += nu * du * 8;
  unitDemandRegion = unitDemand;
  unitWeight = at; at += nu * 8;
  unitKey = at; at += nu * 8;
  tree = at; at += 2 * pu * du * 8;
  fills = at; at += hu * 8;
  bigCap = at; at += du * 8;
  insWeight = at; at += mu * 8;
  packLoad = at; at += (cu + 1) * du * 8;
  packSuffix = at; at += (cu + 1) * 8;
  mbsSuffix = at; at += (nu + 1) * 8;
  leastDemand = at; at += (nu + 1) * du * 8;
  balancedScore = at; at += hu * 8;
  at = (at + 63) & ~(<usize>63);
  vcBox = at; at += 2 * bu * 2 * du * 8;
  vcHi = at; at += 2 * bu * du * 8;
  vcDemand = at; at += nu * du * 8;
  vcCap = at; at += du * 8;
  vcShare = at; at += du * 8;
  vcSub = at; at += 2 * bu * (d <= VECTOR_SUBSET_DIMS ? (<usize>1 << du) - 1 : 0) * 8;
  k8sTree = at; at += max<usize>(2 * pu * (1 + 4 * du), balancedIndexSlots(hu, du)) * 8;
  lpInverse = at; at += lu * lu * 8;
  lpMatrix = at; at += lu * lu * 8;
  lpValue = at; at += lu * 8;
  lpDual = at; at += lu * 8;
  lpCenter = at; at += lu * 8;
  lpPrice = at; at += lu * 8;
  lpDirection = at; at += lu * 8;
  lpTable = at; at += ltu * 8;
  lpColumnCost = at; at += lcu * 8;

  hostMaxItems = at; at += hu * 4;
  hostRack = at; at += hu * 4;
  hostSite = at; at += hu * 4;
  hostLabels = at; at += hu * wu * 4;
  itemTenant = at; at += nu * 4;
  itemExclusive = at; at += nu * 4;
  itemSpread = at; at += nu * 4;
  itemAffinity = at; at += nu * 4;
  itemLabels = at; at += nu * wu * 4;
  spreadLevel = at; at += gu * 4;
  spreadMax = at; at += gu * 4;
  itemHost = at; at += nu * 4;
  itemReason = at; at += nu * 4;
  hostItems = at; at += hu * 4;
  itemOrder = at; at += nu * 4;
  itemFirstHost = at; at += nu * 4;
  unitOfItem = at; at += nu * 4;
  unitFirst = at; at += nu * 4;
  unitLast = at; at += nu * 4;
  itemNext = at; at += nu * 4;
  groupUnit = at; at += nu * 4;
  unitSlots = at; at += nu * 4;
  unitTenant = at; at += nu * 4;
  unitExclusive = at; at += nu * 4;
  unitSpread = at; at += nu * 4;
  unitConflict = at; at += nu * 4;
  unitClass = at; at += nu * 4;
  unitReason = at; at += nu * 4;
  unitOrder = at; at += nu * 4;
  decided = at; at += nu * 4;
  unitLabels = at; at += nu * wu * 4;
  unitLabelsRegion = unitLabels;
  unitHost = at; at += nu * 4;
  unitNext = at; at += nu * 4;
  unitPrev = at; at += nu * 4;
  hostHead = at; at += hu * 4;
  hostCount = at; at += hu * 4;
  tenantRef = at; at += hu * 4;
  tenantRefCount = at; at += hu * 4;
  exclusiveCount = at; at += hu * 4;
  openList = at; at += hu * 4;
  closed = at; at += hu * 4;
  hostList = at; at += hu * 4;
  passList = at; at += hu * 4;
  balancedOpen = at; at += hu * 4;
  treeSlots = at; at += 2 * pu * 4;
  hostOrder = at; at += hu * 4;
  hostRank = at; at += hu * 4;
  sortA = at; at += sortLen * 4;
  sortB = at; at += sortLen * 4;
  classSlots = nextPow2(2 * max(1, n));
  classTable = at; at += <usize>classSlots * 4;
  best = at; at += nu * 4;
  tc = at; at += nu * 4;
  tcPos = at; at += nu * 4;
  tabuHost = at; at += nu * 4;
  tabuUntil = at; at += nu * 4;
  tabuFreq = at; at += nu * 4;
  tabuStamp = at; at += nu * 4;
  unitList = at; at += nu * 4;
  finalUnits = at; at += nu * 4;
  classMark = at; at += nu * 4;
  classTally = at; at += nu * 4;
  listRole = at; at += nu * 4;
  insA = at; at += mu * 4;
  insB = at; at += mu * 4;
  insOrder = at; at += mu * 4;
  packCands = at; at += cu * 4;
  packChosen = at; at += cu * 4;
  packBest = at; at += cu * 4;
  packPrevAlike = at; at += cu * 4;
  roundHost = at; at += nu * 4;
  mbsStack = at; at += nu * 4;
  mbsBest = at; at += nu * 4;
  mbsRunEnd = at; at += nu * 4;
  mbsRunStamp = at; at += nu * 4;
  repackUnits = at; at += nu * 4;
  finalHosts = at; at += <usize>(MAX_REPACK_DEPTH + 3) * 4;
  repackHosts = at; at += <usize>MAX_REPACK_HOSTS * 4;
  repackSubset = at; at += <usize>(MAX_REPACK_DEPTH + 1) * 4;
  repackSizes = at; at += <usize>(MAX_REPACK_DEPTH + 1) * 4;
  bigCount = at; at += du * 4;
  bigTc = at; at += du * 4;
  bigExtra = at; at += du * 4;
  vcSlot = at; at += nu * 4;
  vcRep = at; at += nu * 4;
  vcPerm = at; at += nu * 4;
  vcCursor = at; at += nu * 4;
  vcGrouped = at; at += nu * 4;
  vcStart = at; at += (nu + 1) * 4;
  vcMinPos = at; at += 2 * bu * 4;
  vcMinSlots = at; at += 2 * bu * 4;
  spreadKeyGroup = at; at += tu * 4;
  spreadKeyDomain = at; at += tu * 4;
  spreadCount = at; at += tu * 4;
  lpSize = at; at += lu * 4;
  lpDemand = at; at += lu * 4;
  lpTypeHead = at; at += lu * 4;
  lpLeft = at; at += lu * 4;
  lpCursor = at; at += lu * 4;
  lpBasis = at; at += lu * 4;
  lpSurplusBasic = at; at += lu * 4;
  lpPattern = at; at += lu * 4;
  lpItemNext = at; at += lnu * 4;
  lpCopyType = at; at += lnu * 4;
  lpColumnStart = at; at += (lcu + (lpOn ? 1 : 0)) * 4;
  lpColumnBasic = at; at += lcu * 4;
  lpEntryType = at; at += leu * 4;
  lpEntryCount = at; at += leu * 4;
  at = align8(at);
  lpTake = at; at += lku * 4;
  lpResidual = at; at += lu * 4;
  lpTried = at; at += (lpOn ? <usize>DIVE_TRIES : 0) * 4;
  lpFixedColumn = at; at += lnu * 4;
  lpFixRow = at; at += lnu * 4;
  lpFixStart = at; at += (lnu + (lpOn ? 1 : 0)) * 4;
  const end = align8(at);

  const have = <usize>memory.size() << 16;
  if (end > have) {
    const pages = <i32>((end - have + 0xffff) >> 16);
    if (memory.grow(pages) < 0) unreachable();
  }

  // Defaults: cost 1, rack/site 0, no labels, tenant 0, not exclusive, no spread or affinity group,
  // spread groups per host with at most one item per domain, no item limit.
  for (let k = 0; k < h; k++) {
    setF64(hostCost, k, 1.0);
    setI32(hostMaxItems, k, 0);
    setI32(hostRack, k, 0);
    setI32(hostSite, k, 0);
  }
  memory.fill(hostCapacity, 0, hu * du * 8);
  memory.fill(itemDemand, 0, nu * du * 8);
  memory.fill(hostLabels, 0, hu * wu * 4);
  memory.fill(itemLabels, 0, nu * wu * 4);
  memory.fill(itemTenant, 0, nu * 4);
  memory.fill(itemExclusive, 0, nu * 4);
  for (let i = 0; i < n; i++) {
    setI32(itemSpread, i, -1);
    setI32(itemAffinity, i, -1);
  }
  for (let k = 0; k < g; k++) {
    setI32(spreadLevel, k, 0);
    setI32(spreadMax, k, 1);
  }
  memory.fill(stats, 0, <usize>STATS_SLOTS * 8);

  const hdr = arenaBase;
  store<i32>(hdr + HDR_HOSTS * 4, h);
  store<i32>(hdr + HDR_ITEMS * 4, n);
  store<i32>(hdr + HDR_DIMS * 4, d);
  store<i32>(hdr + HDR_LABEL_WORDS * 4, w);
  store<i32>(hdr + HDR_SPREAD_GROUPS * 4, g);
  store<i32>(hdr + HDR_HOST_CAPACITY * 4, <i32>hostCapacity);
  store<i32>(hdr + HDR_HOST_MAX_ITEMS * 4, <i32>hostMaxItems);
  store<i32>(hdr + HDR_ITEM_DEMAND * 4, <i32>itemDemand);
  store<i32>(hdr + HDR_ITEM_HOST * 4, <i32>itemHost);
  store<i32>(hdr + HDR_ITEM_REASON * 4, <i32>itemReason);
  store<i32>(hdr + HDR_HOST_RESIDUAL * 4, <i32>hostResidual);
  store<i32>(hdr + HDR_HOST_ITEMS * 4, <i32>hostItems);
  store<i32>(hdr + HDR_ITEM_ORDER * 4, <i32>itemOrder);
  store<i32>(hdr + HDR_HOST_COST * 4, <i32>hostCost);
  store<i32>(hdr + HDR_HOST_RACK * 4, <i32>hostRack);
  store<i32>(hdr + HDR_HOST_SITE * 4, <i32>hostSite);
  store<i32>(hdr + HDR_HOST_LABELS * 4, <i32>hostLabels);
  store<i32>(hdr + HDR_ITEM_TENANT * 4, <i32>itemTenant);
  store<i32>(hdr + HDR_ITEM_EXCLUSIVE * 4, <i32>itemExclusive);
  store<i32>(hdr + HDR_ITEM_SPREAD * 4, <i32>itemSpread);
  store<i32>(hdr + HDR_ITEM_AFFINITY * 4, <i32>itemAffinity);
  store<i32>(hdr + HDR_ITEM_LABELS * 4, <i32>itemLabels);
  store<i32>(hdr + HDR_SPREAD_LEVEL * 4, <i32>spreadLevel);
  store<i32>(hdr + HDR_SPREAD_MAX * 4, <i32>spreadMax);
  store<i32>(hdr + HDR_ITEM_FIRST_HOST * 4, <i32>itemFirstHost);
  store<i32>(hdr + HDR_STATS * 4, <i32>stats);
  store<i32>(hdr + HDR_BYTES * 4, <i32>(end - arenaBase));
  return hdr;
}

export function isReserved(): bool {
  return arenaBase != 0;
}

// Typed accessors. Indices are checked once at each run* entry (or come from the packer itself), so these
// skip bounds checks.
@inline export function i32At(region: usize, i: i32): i32 {
  return load<i32>(region + (<usize>i << 2));
}
@inline export function setI32(region: usize, i: i32, v: i32): void {
  store<i32>(region + (<usize>i << 2), v);
}
@inline export function f64At(region: usize, i: i32): f64 {
  return load<f64>(region + (<usize>i << 3));
}
@inline export function setF64(region: usize, i: i32, v: f64): void {
  store<f64>(region + (<usize>i << 3), v);
}
/** Element (row, d) of a row-major f64 matrix with `dims` columns. */
@inline export function f64Row(region: usize, row: i32, d: i32): f64 {
  return load<f64>(region + ((<usize>row * <usize>dims + <usize>d) << 3));
}
@inline export function setF64Row(region: usize, row: i32, d: i32, v: f64): void {
  store<f64>(region + ((<usize>row * <usize>dims + <usize>d) << 3), v);
}
/** Address of row `row` of a row-major f64 matrix with `dims` columns. */
@inline export function rowOf(region: usize, row: i32): usize {
  return region + ((<usize>row * <usize>dims) << 3);
}
/**
 * Is no element of row a below row b's (rows of `dims` f64, at addresses from rowOf): the scalar loop's
 * `if (a[d] < b[d]) return false`? Only for an even `dims`: two elements per f64x2 comparison, lane by lane the same
 * `<`, one branch per pair instead of one per dimension.
 */
@inline export function rowCoversPairs(a: usize, b: usize): bool {
  for (let d = 0; d < dims; d += 2) {
    if (v128.any_true(f64x2.lt(v128.load(a + (<usize>d << 3)), v128.load(b + (<usize>d << 3))))) return false;
  }
  return true;
}
@inline export function capacityAt(h: i32, d: i32): f64 {
  return f64Row(hostCapacity, h, d);
}
@inline export function residualAt(h: i32, d: i32): f64 {
  return f64Row(residual, h, d);
}
@inline export function setResidual(h: i32, d: i32, v: f64): void {
  setF64Row(residual, h, d, v);
}
@inline export function demandOf(unit: i32, d: i32): f64 {
  return f64Row(unitDemand, unit, d);
}
