// The recent registries menu: ↑/↓ move, Enter opens, Escape closes. Missing folders are shown but disabled.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useRecentRegistries } from '../api/queries';

export function RecentMenu({ current, onOpen }: { current: string | undefined; onOpen: (path: string) => void }) {
  const [open, setOpen] = useState(false);
  const recent = useRecentRegistries();
  const menuRef = useRef<HTMLDivElement>(null);
  const items = (recent.data ?? []).filter((entry) => entry.path !== current);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const close = (event: MouseEvent) => {
      if (!menuRef.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setOpen(false);
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[(index + (event.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length]?.focus();
  };

  return (
    <div className="menu-anchor" onKeyDown={onKeyDown}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Recent ▾
      </button>
      {open && (
        <div ref={menuRef} className="menu" role="menu" aria-label="Recent registries">
          {items.length === 0 && <p className="menu-empty muted">No other recent registries.</p>}
          {items.map((entry) => (
            <button
              key={entry.path}
              type="button"
              role="menuitem"
              className="menu-item mono"
              disabled={!entry.exists}
              title={entry.exists ? entry.path : `${entry.path} no longer exists`}
              onClick={() => {
                setOpen(false);
                onOpen(entry.path);
              }}
            >
              {entry.path}
              {entry.isDefault && <span className="pill pill-idle">default</span>}
              {!entry.exists && <span className="muted"> (missing)</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
