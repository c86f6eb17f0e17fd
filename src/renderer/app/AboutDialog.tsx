// The About box: name, version and platform from main.
import { useEffect, useRef } from 'react';
import { useAppInfo } from '../api/queries';

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const info = useAppInfo();
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="about-title" onClose={onClose}>
      <div className="about-mark" aria-hidden="true">
        ⟨P⟩
      </div>
      <h2 id="about-title">{info.data?.name ?? 'PromptPM'}</h2>
      <p className="mono" data-testid="app-version">
        {info.data ? `Version ${info.data.version} · ${info.data.platform}` : info.isError ? info.error.message : '…'}
      </p>
      <p className="muted">Prompts as software packages: validated, tested, published immutably, resolved by semver.</p>
      <form method="dialog">
        <button type="submit" className="primary" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
