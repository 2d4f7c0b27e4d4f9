// Committing field edits to the scenario as undoable steps, with a label that says what changed.
import { deleteIn, jsonEqual, setIn, type Path, getIn } from '../../../core/edit/json-path';
import { fieldSpec } from '../../../core/edit/schema-fields';
import { formatPath } from '../../../core/scenario/schema';
import { useScenarioStore } from '../stores/scenario';

export function useEdits() {
  const doc = useScenarioStore();
  /** Sets the field at `path` (undefined removes an optional field); unchanged values record nothing. */
  function setField(path: Path, value: unknown): void {
    const s = doc.scenario;
    if (jsonEqual(getIn(s, path), value)) return;
    const next = value === undefined && fieldSpec(path).optional ? deleteIn(s, path) : setIn(s, path, value);
    doc.commit(next, { key: 'edit.field', params: { field: formatPath(path) } });
  }
  return { setField };
}
