// Two folders of one batch claiming the same name@version: semver-equal counts, as publish treats it
// (1.0.0+a and 1.0.0+b are one version). Neither is published, since nothing says which one was meant.

export interface Claim {
  path: string;
  name: string;
  version: string;
}

/** Strict SemVer versions have equal precedence exactly when they are equal without their build metadata. */
const claimKey = (c: Claim): string => `${c.name}@${c.version.split('+')[0]}`;

/** For each claim that shares its name@version with another: the path of the first other one. */
export function duplicatesOf(claims: readonly Claim[]): Map<Claim, string> {
  const groups = new Map<string, Claim[]>();
  for (const c of claims) {
    const key = claimKey(c);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const out = new Map<Claim, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const c of group) out.set(c, (group[0] === c ? group[1]! : group[0]!).path);
  }
  return out;
}
