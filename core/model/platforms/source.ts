// Where a platform profile's numbers come from. Every profile names its source documents (URL or repository
// path), the version they describe and the date the figures were checked against them; a number without a
// source does not belong in a profile. The figures were checked against the published documents on the date
// given (the reference compiled for issue 17, 2026-12-02).

export interface PlatformSource {
  /** Document title (with table or section). */
  readonly title: string;
  /** Public URL, or `owner/repo path` for source code and data in a public repository. */
  readonly url: string;
  /** Product version or document revision the figures belong to. */
  readonly version: string;
  /** Date the figures were checked against the source (ISO). */
  readonly checked: string;
}

/** The date every profile in this folder was last checked against its sources. */
export const CHECKED = '2026-12-02';

/** A number with where it comes from, as the calculator and the app show it. */
export interface SourcedValue {
  readonly value: number;
  readonly unit: string;
  /** How it was obtained: the formula with its inputs, or the table cell / interpolation. */
  readonly how: string;
  readonly source: PlatformSource;
}

export function describeSource(s: PlatformSource): string {
  return `${s.title} (${s.version}; ${s.url}; checked ${s.checked})`;
}
