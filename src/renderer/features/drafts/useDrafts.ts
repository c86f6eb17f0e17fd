// The drafts list and the actions that make a draft; the list refetches when main's watcher says a drafts
// area or a draft changed on disk.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ChannelArgs, ChannelResult } from '../../../shared/ipc/contract';
import { call, subscribe } from '../../api/client';
import type { AppError } from '../../api/errors';
import { channelKey } from '../../api/queries';
import { navigate } from '../../app/router';

const LIST_KEY = channelKey('drafts.list');

export function useDraftList() {
  const client = useQueryClient();
  useEffect(
    () =>
      subscribe('changed', (event) => {
        if (event.kind === 'drafts' || event.kind === 'draft') void client.invalidateQueries({ queryKey: LIST_KEY });
      }),
    [client],
  );
  return useQuery<ChannelResult<'drafts.list'>, AppError>({ queryKey: LIST_KEY, queryFn: () => call('drafts.list') });
}

type Made = ChannelResult<'drafts.create'>;

/** Makes a draft (from the scaffold, or as a new version of a published one) and opens it in the editor. */
function useMakeDraft<A>(make: (args: A) => Promise<Made>) {
  const client = useQueryClient();
  return useMutation<Made, AppError, A>({
    mutationFn: make,
    onSuccess: (draft) => {
      void client.invalidateQueries({ queryKey: LIST_KEY });
      navigate({ page: 'draft', path: draft.path });
    },
  });
}

export const useCreateDraft = () => useMakeDraft((args: ChannelArgs<'drafts.create'>[0]) => call('drafts.create', args));
export const useNewVersionOf = () => useMakeDraft((args: ChannelArgs<'drafts.newVersionOf'>[0]) => call('drafts.newVersionOf', args));

/** Another folder of drafts, chosen in the native dialog; its drafts join the list. */
export function useAddDraftsFolder() {
  const client = useQueryClient();
  return useMutation<string | null, AppError>({
    mutationFn: () => call('drafts.addArea'),
    onSuccess: () => void client.invalidateQueries({ queryKey: LIST_KEY }),
  });
}
