// Replica counts of an autoscaled service over a run, for the container-in-VM column: Kubernetes' HPA
// (autoscaling/v2) as the one-level simulator applies it (core/sim/reference/engine.ts, autoscale): at every tick,
// desired = ceil(current × utilisation / target), no change within the tolerance, bounds [min, max], and scale-down
// only to the highest recommendation of the stabilisation window; utilisation = the service's demand per current
// replica ÷ a replica's workload. The HPA sets a Deployment's replica count whether or not the new pods find a node
// (they wait as pending pods), so the counts follow from the trace alone and are computed before the run: each
// replica's alive intervals become pods that arrive and leave, and the service's demand is shared by its replicas.

/** Recommendations kept for the stabilisation window (the one-level simulator's SCALE_HISTORY). */
const HISTORY = 64;

export interface ReplicaRun {
  /** Replica index, 0 = the first planned replica; scale-up takes the lowest free index, scale-down the highest. */
  readonly replica: number;
  readonly from: number;
  readonly to: number;
}

export interface ReplicaSchedule {
  readonly runs: readonly ReplicaRun[];
  /** Replicas alive before the decision at time t (the planned count before the first decision). */
  readonly aliveBefore: (t: number) => number;
  /** Ticks at which the count changed. */
  readonly events: number;
}

export interface HpaInput {
  /** Planned replicas: the demand the trace describes is for this many. */
  readonly base: number;
  readonly min: number;
  readonly max: number;
  readonly target: number;
  readonly tolerance: number;
  readonly windowSeconds: number;
  readonly arrive: number;
  readonly depart: number;
  /** Decision times, ascending. */
  readonly ticks: readonly number[];
  /** The service's utilisation (trace value) at a tick. */
  readonly utilisation: (t: number) => number;
}

export function hpaSchedule(o: HpaInput): ReplicaSchedule {
  const alive = new Uint8Array(o.max), since = new Float64Array(o.max);
  for (let k = 0; k < o.base; k++) { alive[k] = 1; since[k] = o.arrive; }
  const runs: ReplicaRun[] = [];
  const when = new Float64Array(HISTORY).fill(-1), wanted = new Float64Array(HISTORY);
  let pos = 0, events = 0;
  const changes: { t: number; count: number }[] = [];
  let current = o.base;
  for (const t of o.ticks) {
    if (t >= o.depart) break;
    if (t < o.arrive || current === 0) continue;
    const u = o.utilisation(t) * o.base / current;
    const ratio = u / o.target;
    let desired = Math.abs(ratio - 1) <= o.tolerance ? current : Math.ceil(current * ratio);
    desired = Math.min(o.max, Math.max(o.min, desired));
    when[pos] = t; wanted[pos] = desired;
    pos = (pos + 1) % HISTORY;
    let stable = desired;
    for (let k = 0; k < HISTORY; k++) if (when[k] >= 0 && t - when[k] <= o.windowSeconds && wanted[k] > stable) stable = wanted[k];
    const goal = desired > current ? desired : Math.min(current, stable);
    if (goal === current) continue;
    if (goal > current) {
      for (let k = 0; k < o.max && current < goal; k++) if (!alive[k]) { alive[k] = 1; since[k] = t; current++; }
    } else {
      for (let k = o.max - 1; k >= 0 && current > goal; k--) if (alive[k]) { alive[k] = 0; runs.push({ replica: k, from: since[k], to: t }); current--; }
    }
    events++;
    changes.push({ t, count: current });
  }
  for (let k = 0; k < o.max; k++) if (alive[k]) runs.push({ replica: k, from: since[k], to: o.depart });
  runs.sort((a, b) => a.replica - b.replica || a.from - b.from);
  const aliveBefore = (t: number): number => {
    let n = o.base;
    for (const c of changes) { if (c.t >= t) break; n = c.count; }
    return n;
  };
  return { runs, aliveBefore, events };
}
