// Undo/redo as a history of whole scenario values. Scenarios are immutable and edits share structure, so
// keeping a few hundred of them costs little more than the changes themselves.
export interface HistoryEntry<T, L = string> {
  readonly value: T;
  /** What the edit that produced this value did ("Edit replicas of api"), for the Undo/Redo tooltips. */
  readonly label: L;
  /** Consecutive edits with the same key merge into one step (e.g. typing into one field). */
  readonly mergeKey?: string;
}

export interface History<T, L = string> {
  readonly past: readonly HistoryEntry<T, L>[];
  readonly present: HistoryEntry<T, L>;
  readonly future: readonly HistoryEntry<T, L>[];
  /** Most undo steps kept. */
  readonly limit: number;
}

export function createHistory<T, L = string>(value: T, label: L, limit = 200): History<T, L> {
  return { past: [], present: { value, label }, future: [], limit };
}

/** Records `value` as the next step; an unchanged value records nothing. */
export function record<T, L>(h: History<T, L>, value: T, label: L, mergeKey?: string): History<T, L> {
  if (value === h.present.value) return h;
  const entry: HistoryEntry<T, L> = { value, label, mergeKey };
  if (mergeKey !== undefined && h.present.mergeKey === mergeKey && h.future.length === 0 && h.past.length > 0) {
    return { ...h, present: entry };
  }
  const past = [...h.past, h.present];
  return { ...h, past: past.length > h.limit ? past.slice(past.length - h.limit) : past, present: entry, future: [] };
}

export const canUndo = <T, L>(h: History<T, L>): boolean => h.past.length > 0;
export const canRedo = <T, L>(h: History<T, L>): boolean => h.future.length > 0;

export function undo<T, L>(h: History<T, L>): History<T, L> {
  if (h.past.length === 0) return h;
  // The entry that becomes present keeps its own label; the undone one moves to the front of the future.
  return { ...h, past: h.past.slice(0, -1), present: { ...h.past[h.past.length - 1], mergeKey: undefined }, future: [h.present, ...h.future] };
}

export function redo<T, L>(h: History<T, L>): History<T, L> {
  if (h.future.length === 0) return h;
  return { ...h, past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}

/** Label of the step Undo would revert, and of the step Redo would re-apply. */
export const undoLabel = <T, L>(h: History<T, L>): L | null => (h.past.length > 0 ? h.present.label : null);
export const redoLabel = <T, L>(h: History<T, L>): L | null => (h.future.length > 0 ? h.future[0].label : null);
