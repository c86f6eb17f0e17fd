// The right pane when no module is open: what this registry holds, its verification states at a glance,
// and verification of the whole registry.
import { useMemo } from 'react';
import type { PackageRow, Verification } from '../../../shared/ipc/schemas';
import { isComplete, useRegistryListing } from '../../api/listing';
import { useCurrentRegistry } from '../../api/queries';
import { VerificationBadge } from '../../components/VerificationBadge';
import { importModules, startNewModule } from '../import/actions';
import { VerifyPanel } from '../verify/VerifyPanel';

const STATES: Verification[] = ['ok', 'tampered', 'unreadable', 'unverified'];

/** How many versions are in each state, in the order of STATES, leaving out the empty ones. */
function countStates(packages: readonly PackageRow[]): { state: Verification; n: number }[] {
  const counts: Record<Verification, number> = { ok: 0, tampered: 0, unreadable: 0, unverified: 0 };
  for (const row of packages) for (const { verification } of row.versions) counts[verification] += 1;
  return STATES.filter((state) => counts[state] > 0).map((state) => ({ state, n: counts[state] }));
}

function HomeHeader({ path }: { path: string | undefined }) {
  return (
    <header className="page-header compare-header">
      <div>
        <h1>Registry</h1>
        {path !== undefined && <p className="mono muted">{path}</p>}
      </div>
      <div className="compare-actions">
        <button type="button" className="primary" onClick={importModules} title="Or drop module folders on the window (Ctrl+I)">
          Import modules…
        </button>
        <button type="button" onClick={startNewModule} title="Ctrl+N">
          New module…
        </button>
      </div>
    </header>
  );
}

export function RegistryHome() {
  const listing = useRegistryListing();
  const current = useCurrentRegistry();
  // States are counted once every page is in; a partial count would look like a verdict.
  const complete = listing.data !== undefined && isComplete(listing.data);
  const counts = useMemo(() => (listing.data && complete ? countStates(listing.data.packages) : null), [listing.data, complete]);
  if (!listing.data) {
    // Errors are shown, with what to do, in the list beside this pane.
    if (listing.isError) return null;
    return (
      <div className="home">
        <HomeHeader path={current.data?.path} />
        <p className="muted tip">
          Reading the registry… The module names are listed on the left as soon as its folder is read: select one to open it
          while the rest is read.
        </p>
      </div>
    );
  }
  const { total, count } = listing.data;
  return (
    <div className="home">
      <HomeHeader path={listing.data.registry_path} />
      <div className="stats">
        <div className="stat">
          <span className="stat-value">{total.toLocaleString()}</span>
          <span className="stat-label">modules</span>
        </div>
        <div className="stat">
          <span className="stat-value">{count.toLocaleString()}</span>
          <span className="stat-label">versions</span>
        </div>
        {(counts ?? []).map(({ state, n }) => (
          <div className="stat" key={state}>
            <span className="stat-value">{n.toLocaleString()}</span>
            <VerificationBadge state={state} />
          </div>
        ))}
      </div>
      {total > 0 && (
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
