// The right pane when no module is open: what this registry holds, its verification states at a glance,
// and verification of the whole registry.
import { useMemo } from 'react';
import type { RegistryListing, Verification } from '../../../shared/ipc/schemas';
import { useRegistryListing } from '../../api/queries';
import { VerificationBadge } from '../../components/VerificationBadge';
import { VerifyPanel } from '../verify/VerifyPanel';

const STATES: Verification[] = ['ok', 'tampered', 'unreadable', 'unverified'];

function countStates(listing: RegistryListing): Record<Verification, number> {
  const counts: Record<Verification, number> = { ok: 0, tampered: 0, unreadable: 0, unverified: 0 };
  for (const state of Object.values(listing.versionStates)) counts[state] += 1;
  return counts;
}

export function RegistryHome() {
  const listing = useRegistryListing();
  const counts = useMemo(() => (listing.data ? countStates(listing.data) : null), [listing.data]);
  if (!listing.data || !counts) return null;
  const { packages, count } = listing.data;
  return (
    <div className="home">
      <header className="page-header">
        <h1>Registry</h1>
        <p className="mono muted">{listing.data.registry_path}</p>
      </header>
      <div className="stats">
        <div className="stat">
          <span className="stat-value">{packages.length.toLocaleString()}</span>
          <span className="stat-label">modules</span>
        </div>
        <div className="stat">
          <span className="stat-value">{count.toLocaleString()}</span>
          <span className="stat-label">versions</span>
        </div>
        {STATES.filter((state) => counts[state] > 0).map((state) => (
          <div className="stat" key={state}>
            <span className="stat-value">{counts[state].toLocaleString()}</span>
            <VerificationBadge state={state} />
          </div>
        ))}
      </div>
      {packages.length > 0 && (
        <>
          <h2 className="section-title">Integrity</h2>
          <VerifyPanel />
          <p className="muted tip">
            Select a module on the left to read its versions, run its tests and see its dependencies. Press <kbd>/</kbd> to
            search.
          </p>
        </>
      )}
    </div>
  );
}
