// Adding a remote (an OCI registry URL with a repository prefix), with a user name and token for registries
// that need sign-in; or signing in again to one already added. The token goes to main once and stays there.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RemoteView } from '../../../shared/ipc/remote-schemas';
import { call } from '../../api/client';
import type { AppError } from '../../api/errors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { REMOTES_KEY } from './useRemotes';

export function RemoteForm({ signInTo, onDone }: { signInTo?: string; onDone: (name: string) => void }) {
  const client = useQueryClient();
  const [name, setName] = useState(signInTo ?? '');
  const [url, setUrl] = useState('');
  const [insecure, setInsecure] = useState(false);
  const [username, setUsername] = useState('');
  const [token, setToken] = useState('');
  const save = useMutation<RemoteView[], AppError>({
    mutationFn: () =>
      signInTo
        ? call('remotes.signIn', { name: signInTo, username, token })
        : call('remotes.add', { name, url, insecure, ...(username && { username }), ...(token && { token }) }),
    onSuccess: (remotes) => {
      client.setQueryData(REMOTES_KEY, remotes);
      void client.invalidateQueries({ queryKey: ['remotes.status', name] });
      onDone(name);
    },
  });
  return (
    <form
      className="remote-form"
      aria-label={signInTo ? `Sign in to ${signInTo}` : 'Add a remote'}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      {!signInTo && (
        <>
          <label className="field">
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="team" required spellCheck={false} />
          </label>
          <label className="field">
            Registry URL and prefix
            <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="ghcr.io/acme/prompts" required spellCheck={false} className="mono" />
          </label>
          <label className="check">
            <input type="checkbox" checked={insecure} onChange={(e) => setInsecure(e.target.checked)} /> Plain HTTP (a registry on this machine, or
            one you trust on your network)
          </label>
        </>
      )}
      <label className="field">
        User name {signInTo ? '' : <span className="muted">(if the registry needs sign-in)</span>}
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required={!!signInTo} spellCheck={false} />
      </label>
      <label className="field">
        Token or password
        <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="current-password" required={!!signInTo} />
      </label>
      <p className="muted">The token is kept encrypted by your system’s secure storage, never in plain settings.</p>
      {save.isError && <ErrorPanel error={save.error} title={signInTo ? 'Could not sign in' : 'The remote could not be added'} />}
      <button type="submit" className="primary" disabled={save.isPending}>
        {signInTo ? 'Sign in' : 'Add remote'}
      </button>
    </form>
  );
}
