// Keeps every cached view of a version's verification state in step: a verify run or a read that finds a
// version tampered marks it in the registry listing (row badges) and in the cached version detail.
import type { QueryClient } from '@tanstack/react-query';
import type { ChannelResult } from '../../shared/ipc/contract';
import type { PackageRow, RegistryListing, Verification } from '../../shared/ipc/schemas';

/** One version's state and the files that differ, as verify reports it. */
export interface VersionCheck {
  name: string;
  version: string;
  status: Verification;
  changed: string[];
  missing: string[];
  extra: string[];
}

export function recordVerification(client: QueryClient, checks: VersionCheck[]): void {
  if (checks.length === 0) return;
  client.setQueryData<RegistryListing>(['registry.list'], (listing) => {
    if (!listing) return listing;
    const versionStates = { ...listing.versionStates };
    for (const check of checks) versionStates[`${check.name}@${check.version}`] = check.status;
    return { ...listing, versionStates };
  });
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

const SEVERITY: Record<Verification, number> = { tampered: 0, unreadable: 1, unverified: 2, ok: 3 };

/** Sort rank: problems first. */
export function severity(state: Verification): number {
  return SEVERITY[state];
}

/** A package shows its worst version: one tampered version marks the whole row. */
export function packageState(row: PackageRow, versionStates: Record<string, Verification>): Verification {
  let worst: Verification | null = null;
  for (const version of row.versions) {
    const state = versionStates[`${row.name}@${version}`];
    if (state && (worst === null || SEVERITY[state] < SEVERITY[worst])) worst = state;
  }
  return worst ?? row.verification;
}
