// A view of one module finds its row in the registry listing first: while the listing still loads it
// waits, and a name the registry does not have gets a way back instead of an empty page.
import type { ReactNode } from 'react';
import type { PackageRow } from '../../../shared/ipc/schemas';
import { isComplete, useRegistryListing } from '../../api/listing';
import { navigate } from '../../app/router';
import { EmptyState, Loading } from '../../components/States';

export function PackageLookup({ name, children }: { name: string; children: (row: PackageRow) => ReactNode }) {
  const listing = useRegistryListing();
  if (!listing.data) return null;
  const row = listing.data.packages.find((candidate) => candidate.name === name);
  if (row) return children(row);
  if (!isComplete(listing.data)) return <Loading label={`Looking for ${name} in the registry…`} />;
  return (
    <EmptyState title={`No module named “${name}”`}>
      <p>It is not in this registry. Pick a module from the list, or open another registry.</p>
      <button type="button" onClick={() => navigate({ page: 'home' })}>
        Back to the registry
      </button>
    </EmptyState>
  );
}
