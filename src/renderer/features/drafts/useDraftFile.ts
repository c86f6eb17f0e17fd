// One draft file in the editor: read once, then every change journaled at once (a crash or quit loses
// nothing: recover offers it on the next start) and saved atomically after a pause, against the hash it was
// read with. When the file changed on disk meanwhile, the save is refused and the user chooses; a change on
// disk while nothing is unsaved (main's watcher says so) is simply shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { recoveredEditSchema } from '../../../shared/ipc/draft-schemas';
import { call, subscribe } from '../../api/client';
import { toAppError, type AppError } from '../../api/errors';

const JOURNAL_MS = 150;
const SAVE_MS = 800;

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'failed';
type Recovered = z.infer<typeof recoveredEditSchema>;

export interface DraftFileState {
  /** The editor's text now, and a number that changes when other text is put in the editor (remount it). */
  text: string;
  generation: number;
  state: SaveState;
  loadError: AppError | null;
  saveError: AppError | null;
  /** Journaled text from an earlier session, offered until restored or discarded. */
  recovered: Recovered | null;
  loaded: boolean;
  edit: (text: string) => void;
  /** Puts other text in the editor (a form edit of the manifest), saved like typing. */
  replace: (text: string) => void;
  reloadFromDisk: () => void;
  keepMine: () => void;
  restore: () => void;
  discardRecovered: () => void;
}

export function useDraftFile(draft: string, file: string): DraftFileState {
  const [text, setText] = useState('');
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<SaveState>('saved');
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [recovered, setRecovered] = useState<Recovered | null>(null);
  // The hash the next save expects on disk, and the text waiting to be saved.
  const base = useRef<string | null>(null);
  const pending = useRef<string | null>(null);
  const timers = useRef<{ journal?: number; save?: number }>({});
  const current = useRef<SaveState>(state);
  current.current = state;
  const ref = { draft, file };

  const put = (next: string) => {
    setText(next);
    setGeneration((g) => g + 1);
  };

  const load = useCallback(async () => {
    try {
      const read = await call('drafts.read', { draft, file });
      base.current = read.hash;
      put(read.text);
      setState('saved');
      setLoaded(true);
    } catch (error) {
      setLoadError(toAppError(error));
    }
  }, [draft, file]);

  useEffect(() => {
    void load();
    void call('drafts.recover').then((all) => setRecovered(all.find((r) => r.draft === draft && r.file === file) ?? null), () => undefined);
    const pendingTimers = timers.current;
    return () => {
      window.clearTimeout(pendingTimers.journal);
      window.clearTimeout(pendingTimers.save);
      // Leaving the editor before the pause: the text is journaled, then saved if the disk still holds the base.
      const unsaved = pending.current;
      if (unsaved === null || current.current === 'conflict') return;
      void call('drafts.journal', { draft, file, text: unsaved })
        .then(() => call('drafts.save', { draft, file, text: unsaved, expectedHash: base.current }))
        .catch(() => undefined);
    };
  }, [draft, file, load]);

  // Our own saves come back as events too: only a hash other than the one saved is news.
  useEffect(
    () =>
      subscribe('changed', (event) => {
        if (event.kind !== 'draft' || event.draft !== draft || current.current !== 'saved' || pending.current !== null) return;
        void call('drafts.read', { draft, file }).then((read) => {
          if (read.hash === base.current || current.current !== 'saved' || pending.current !== null) return;
          base.current = read.hash;
          put(read.text);
        }, () => undefined);
      }),
    [draft, file],
  );

  const save = async (expectedHash: string | null) => {
    const saving = pending.current;
    if (saving === null) return;
    setState('saving');
    try {
      const saved = await call('drafts.save', { ...ref, text: saving, expectedHash });
      base.current = saved.hash;
      if (pending.current === saving) pending.current = null;
      setSaveError(null);
      setState(pending.current === null ? 'saved' : 'unsaved');
    } catch (error) {
      const appError = toAppError(error);
      setSaveError(appError);
      setState(appError.info.reason === 'FILE_CHANGED_ON_DISK' ? 'conflict' : 'failed');
    }
  };

  const schedule = (next: string) => {
    pending.current = next;
    window.clearTimeout(timers.current.journal);
    window.clearTimeout(timers.current.save);
    timers.current.journal = window.setTimeout(() => void call('drafts.journal', { ...ref, text: next }).catch(() => undefined), JOURNAL_MS);
    timers.current.save = window.setTimeout(() => void save(base.current), SAVE_MS);
  };

  return {
    text,
    generation,
    state,
    loaded,
    loadError,
    saveError,
    recovered,
    edit: (next) => {
      setText(next);
      // A conflict waits for the user's answer; the text is still journaled meanwhile.
      if (state === 'conflict') {
        pending.current = next;
        void call('drafts.journal', { ...ref, text: next }).catch(() => undefined);
        return;
      }
      setState('unsaved');
      schedule(next);
    },
    replace: (next) => {
      put(next);
      setState('unsaved');
      schedule(next);
    },
    reloadFromDisk: () => {
      pending.current = null;
      setSaveError(null);
      void call('drafts.discard', ref).then(load, load);
    },
    keepMine: () => {
      // Saves over what is on disk now: the hash the refusal reported.
      const diskHash = saveError?.info.data?.['diskHash'];
      void save(typeof diskHash === 'string' ? diskHash : null);
    },
    restore: () => {
      if (!recovered) return;
      base.current = recovered.diskHash;
      put(recovered.text);
      setRecovered(null);
      setState('unsaved');
      schedule(recovered.text);
    },
    discardRecovered: () => {
      setRecovered(null);
      void call('drafts.discard', ref).catch(() => undefined);
    },
  };
}
