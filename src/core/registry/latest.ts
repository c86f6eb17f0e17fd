// Which version a package row shows: shared by list and the index file, which stores that version's
// description where a warm list reads it without the per-version section.

/** A strict SemVer version has a prerelease exactly when a `-` comes before any `+build`. */
function isPrerelease(version: string): boolean {
  const plus = version.indexOf('+');
  const dash = version.indexOf('-');
  return dash >= 0 && (plus < 0 || dash < plus);
}

/** Position of the highest stable version, or of the highest prerelease when there is none; `sorted` is in semver order. */
export function latestIndex(sorted: readonly string[]): number {
  for (let i = sorted.length - 1; i >= 0; i--) if (!isPrerelease(sorted[i]!)) return i;
  return sorted.length - 1;
}
