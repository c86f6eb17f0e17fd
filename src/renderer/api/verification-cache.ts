// Keeps every cached view of a version's verification state in step: a verify run or a read that finds a
// version tampered marks it in the registry listing (row badges) and in the cached version detail.
import type { QueryClient } from '@tanstack/react-query';
import type { ChannelResult } from '../../shared/ipc/contract';
import type { PackageRow, Verification, VersionState } from '../../shared/ipc/schemas';
import { LISTING_KEY, type RegistryListing } from './listing';

/** One version's state and the files that differ, as verify reports it. */
export interface VersionCheck {
  name: string;
  version: string;
  status: Verification;
  changed: string[];
  missing: string[];
  extra: string[];
}

const SEVERITY: Record<Verification, number> = { tampered: 0, unreadable: 1, unverified: 2, ok: 3 };

/** Sort rank: problems first. */
export function severity(state: Verification): number {
  return SEVERITY[state];
}

/** A package shows its worst version: one tampered version marks the whole row. */
export function worstState(versions: readonly VersionState[]): Verification {
  let worst: Verification = 'ok';
  for (const { verification } of versions) if (SEVERITY[verification] < SEVERITY[worst]) worst = verification;
  return worst;
}

/** The rows with the checked versions' new states; rows nothing changed in stay the same objects. */
export function withStates(packages: PackageRow[], checks: readonly VersionCheck[]): PackageRow[] {
  const byName = new Map<string, Map<string, Verification>>();
  for (const check of checks) {
    const states = byName.get(check.name) ?? new Map<string, Verification>();
    byName.set(check.name, states.set(check.version, check.status));
  }
  return packages.map((row) => {
    const states = byName.get(row.name);
    if (!states || row.versions.every((v) => (states.get(v.version) ?? v.verification) === v.verification)) return row;
    const versions = row.versions.map((v) => ({ version: v.version, verification: states.get(v.version) ?? v.verification }));
    return { ...row, versions, verification: worstState(versions) };
  });
}

export function recordVerification(client: QueryClient, checks: VersionCheck[]): void {
  if (checks.length === 0) return;
  client.setQueryData<RegistryListing>(LISTING_KEY, (listing) => listing && { ...listing, packages: withStates(listing.packages, checks) });
  for (const check of checks) {
    client.setQueryData<ChannelResult<'module.read'>>(['module.read', { name: check.name, version: check.version }], (detail) =>
      detail && {
        ...detail,
        verification: check.status,
        integrity: { changed: check.changed, missing: check.missing, extra: check.extra },
      },
    );
  }
}
