import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, record, redo, redoLabel, undo, undoLabel } from '../../../core/edit/history';

describe('undo/redo history of immutable values', () => {
  it('undoes and redoes steps in order and forgets the redo branch on a new edit', () => {
    let h = createHistory('a', 'open');
    h = record(h, 'b', 'to b');
    h = record(h, 'c', 'to c');
    expect(undoLabel(h)).toBe('to c');
    h = undo(h);
    expect(h.present.value).toBe('b');
    expect(redoLabel(h)).toBe('to c');
    h = undo(h);
    expect(h.present.value).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present.value).toBe('b');
    h = record(h, 'd', 'to d');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present.value).toBe('b');
  });

  it('records nothing for an unchanged value and merges steps with the same key', () => {
    let h = createHistory(1, '');
    expect(record(h, 1, 'same')).toBe(h);
    h = record(h, 2, 'type', 'name');
    h = record(h, 3, 'type', 'name');
    h = record(h, 4, 'type', 'name');
    expect(h.past.map((e) => e.value)).toEqual([1]);
    expect(undo(h).present.value).toBe(1);
    // After an undo the same key starts a new step.
    h = record(undo(record(h, 5, 'other')), 6, 'type', 'other');
    expect(h.past.map((e) => e.value)).toEqual([1, 4]);
  });

  it('keeps at most `limit` undo steps', () => {
    let h = createHistory(0, '', 3);
    for (let k = 1; k <= 10; k++) h = record(h, k, `to ${k}`);
    expect(h.past.map((e) => e.value)).toEqual([7, 8, 9]);
    h = undo(undo(undo(h)));
    expect(h.present.value).toBe(7);
    expect(canUndo(h)).toBe(false);
  });
});
