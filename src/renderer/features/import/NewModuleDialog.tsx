// A new module without a terminal: its name and version here, then the folder it goes in from the native
// dialog. Main writes the same scaffold as `promptpm init`, and the new folder joins the import preview.
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { toAppError } from '../../api/errors';
import { InlineError } from '../../components/States';

interface Props {
  onCreated: (path: string) => void;
  onClose: () => void;
}

export function NewModuleDialog({ onCreated, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  const [version, setVersion] = useState('0.1.0');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const made = await call('import.newModule', { name: name.trim(), version: version.trim() });
      if (made) {
        onCreated(made.path);
        ref.current?.close();
      }
    } catch (e) {
      setError(toAppError(e).info.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog new-module" aria-labelledby="new-module-title" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h2 id="new-module-title">New module</h2>
        <p className="muted">A folder with a manifest, a template and a test that pass, ready to edit. You choose where it goes next.</p>
        <label className="field">
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="technical-summarizer" required autoFocus spellCheck={false} />
        </label>
        <label className="field">
          Version
          <input value={version} onChange={(e) => setVersion(e.target.value)} required spellCheck={false} className="mono" />
        </label>
        <InlineError message={error} />
        <div className="dialog-actions">
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
            Choose folder and create…
          </button>
        </div>
      </form>
    </dialog>
  );
}
