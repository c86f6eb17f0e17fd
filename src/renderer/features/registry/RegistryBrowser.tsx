// The left pane: search, sort and the module list of the open registry, with its loading, error,
// empty and no-match states each saying what to do next.
import { useDeferredValue, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { isComplete, LISTING_JOB, useRegistryListing, type RegistryListing } from '../../api/listing';
import { forgetJob, useJobProgress } from '../../api/progress';
import { useModuleNames, useOpenRegistry } from '../../api/queries';
import type { PackageRow } from '../../../shared/ipc/schemas';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { EmptyState, Loading } from '../../components/States';
import { navigate, useRoute } from '../../app/router';
import { PackageList } from './PackageList';
import { filterPackages, listPackages, sortPackages, SORT_KEYS, type SortKey } from './search';

export const SEARCH_INPUT_ID = 'registry-search';

function focusList(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key !== 'ArrowDown') return;
  event.preventDefault();
  document.querySelector<HTMLElement>('.package-list')?.focus();
}

function statusText(shown: number, listing: RegistryListing): string {
  const counts = `${shown.toLocaleString()} of ${listing.total.toLocaleString()} modules`;
  return isComplete(listing) ? counts : `${counts} · reading ${(listing.total - listing.packages.length).toLocaleString()} more…`;
}

/** A module known by its name only, until the index has its versions, description and state. */
const nameOnly = (name: string): PackageRow => ({ name, versions: [], latest: '', description: 'Reading…', tags: [], verification: 'unverified', inputTypes: [], outputTypes: [] });

/**
 * While the first rows are read: a progress bar when the registry's index is being built (its first opening),
 * and meanwhile the module names, read straight from the folder, so the user can already find and open one.
 */
function ListingPending({ query, selected, onSelect }: { query: string; selected: string | null; onSelect: (name: string) => void }) {
  const progress = useJobProgress(LISTING_JOB);
  const names = useModuleNames();
  const items = useMemo(() => filterPackages(listPackages((names.data ?? []).map(nameOnly)), query), [names.data, query]);
  useEffect(() => () => forgetJob(LISTING_JOB), []);
  if (progress === null || progress.done >= progress.total) return <Loading label="Reading the registry…" />;
  return (
    <>
      <div className="listing-indexing">
        <ProgressBar progress={progress} label="Indexing the registry" />
        <p className="muted">A registry opened for the first time is read once, module by module; later it opens at once.</p>
      </div>
      {items.length > 0 && <PackageList items={items} selected={selected} onSelect={onSelect} />}
    </>
  );
}

export function RegistryBrowser() {
  const listing = useRegistryListing();
  const openRegistry = useOpenRegistry();
  const route = useRoute();
  const [query, setQuery] = useState('');
  const [sortKey, setSortKey] = useState<SortKey>('name');
  const deferredQuery = useDeferredValue(query);

  const all = useMemo(() => listPackages(listing.data?.packages ?? []), [listing.data]);
  const sorted = useMemo(() => sortPackages(all, sortKey), [all, sortKey]);
  const shown = useMemo(() => filterPackages(sorted, deferredQuery), [sorted, deferredQuery]);

  const selected = route.page === 'module' || route.page === 'compare' ? route.name : null;
  const select = (name: string) =>
    navigate({ page: 'module', name, version: null, tab: route.page === 'module' ? route.tab : 'overview' });

  let body;
  if (listing.isPending) body = <ListingPending query={deferredQuery} selected={selected} onSelect={select} />;
  else if (listing.isError)
    body = (
      <ErrorPanel error={listing.error} title="The registry could not be read">
        <button type="button" onClick={() => void listing.refetch()}>
          Try again
        </button>
        <button type="button" onClick={() => openRegistry.mutate(undefined)}>
          Open another registry…
        </button>
      </ErrorPanel>
    );
  else if (listing.data.total === 0)
    body = (
      <EmptyState title="No modules yet">
        <p>This registry is empty. Publish a module folder into it from a terminal:</p>
        <pre className="command">promptpm publish path/to/module --registry {listing.data.registry_path}</pre>
        <p className="muted">Or open a registry that already has modules.</p>
      </EmptyState>
    );
  else if (shown.length === 0)
    body = (
      <EmptyState title={isComplete(listing.data) ? 'No matching modules' : 'No matching modules so far'}>
        <p>Nothing matches “{deferredQuery}” in names, descriptions, tags or input/output types.</p>
        <button type="button" onClick={() => setQuery('')}>
          Clear search
        </button>
      </EmptyState>
    );
  else body = <PackageList items={shown} selected={selected} onSelect={select} />;

  return (
    <aside className="browser" aria-label="Registry browser">
      <div className="browser-tools">
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          className="search"
          placeholder="Search name, description, tag or type"
          aria-label="Search modules"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={focusList}
          spellCheck={false}
        />
        <div className="browser-status">
          <span className="muted" aria-live="polite">
            {listing.data && statusText(shown.length, listing.data)}
          </span>
          <label className="sort">
            Sort
            <select value={sortKey} onChange={(event) => setSortKey(event.target.value as SortKey)}>
              {Object.entries(SORT_KEYS).map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {body}
    </aside>
  );
}
