// The open registry's listing, streamed in pages: a small first page puts rows on screen at once, the
// rest follows in large pages from the same snapshot in main. Views read one growing listing; it is
// complete when it holds `total` packages.
import { experimental_streamedQuery as streamedQuery, useQuery } from '@tanstack/react-query';
import type { ListingPage, PackageRow } from '../../shared/ipc/schemas';
import { call } from './client';
import type { AppError } from './errors';

/** A screenful and more: what the first call returns. */
export const FIRST_PAGE = 100;
/** Later pages: few calls, each still small enough to never stall the window. */
export const NEXT_PAGE = 2500;

export const LISTING_KEY = ['registry.list'] as const;
/** The job a first page's progress comes under: the index being built when a registry is opened the first time. */
export const LISTING_JOB = 'registry.list';

export interface RegistryListing {
  registry_path: string;
  /** Versions in the whole registry. */
  count: number;
  /** Packages in the whole registry; `packages` holds the ones received so far, sorted by name. */
  total: number;
  packages: PackageRow[];
}

const NOTHING_YET: RegistryListing = { registry_path: '', count: 0, total: 0, packages: [] };

export function isComplete(listing: RegistryListing): boolean {
  return listing.packages.length >= listing.total;
}

async function* pages(signal: AbortSignal): AsyncGenerator<ListingPage> {
  const first = await call('registry.list', { offset: 0, limit: FIRST_PAGE, jobId: LISTING_JOB });
  yield first;
  let offset = first.packages.length;
  while (offset < first.total && !signal.aborted) {
    const page = await call('registry.list', { offset, limit: NEXT_PAGE, snapshot: first.snapshot });
    if (page.packages.length === 0) return;
    offset += page.packages.length;
    yield page;
  }
}

/** Appends a page; the first page of a listing starts it afresh. */
export function addPage(listing: RegistryListing, page: ListingPage): RegistryListing {
  const before = page.offset === 0 ? [] : listing.packages;
  return { registry_path: page.registry_path, count: page.count, total: page.total, packages: before.concat(page.packages) };
}

export function useRegistryListing() {
  return useQuery<RegistryListing, AppError>({
    queryKey: LISTING_KEY,
    // A refetch (window focus, retry) keeps showing the current listing until the new one is whole.
    queryFn: streamedQuery({ streamFn: ({ signal }) => pages(signal), reducer: addPage, initialValue: NOTHING_YET, refetchMode: 'replace' }),
    // Each page already shares every unchanged row with the listing before it; a deep compare of
    // ten thousand rows per page would only cost time.
    structuralSharing: false,
  });
}
