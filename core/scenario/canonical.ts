// Canonical text of a scenario: two-space indentation, a final newline, and keys in one stable order
// (format, version, id, name first; the rest alphabetically) so that saving an unchanged scenario gives the
// same bytes and diffs in version control show only real changes.
const LEADING_KEYS = ['format', 'version', 'id', 'name'];

function keyRank(key: string): number {
  const i = LEADING_KEYS.indexOf(key);
  return i < 0 ? LEADING_KEYS.length : i;
}

function compareKeys(a: string, b: string): number {
  return keyRank(a) - keyRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function canonicalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalise);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareKeys)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonicalise(v);
    }
    return out;
  }
  return value;
}

export function serialiseScenario(scenario: unknown): string {
  return JSON.stringify(canonicalise(scenario), null, 2) + '\n';
}
