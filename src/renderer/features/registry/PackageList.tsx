// The virtualized module list: only the rows in view (plus a few) are in the DOM, so tens of thousands
// of modules scroll smoothly. It is one listbox: ↑/↓, PgUp/PgDn, Home/End move the selection; Enter opens.
import { useEffect, type KeyboardEvent } from 'react';
import { useVirtualRows } from '../../components/useVirtualRows';
import { VerificationBadge } from '../../components/VerificationBadge';
import type { ListedPackage } from './search';

const ROW_HEIGHT = 76;
const PAGE = 8;

interface Props {
  items: ListedPackage[];
  selected: string | null;
  onSelect: (name: string) => void;
}

function targetIndex(key: string, current: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'PageDown':
      return Math.min(count - 1, current + PAGE);
    case 'PageUp':
      return Math.max(0, current - PAGE);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function PackageList({ items, selected, onSelect }: Props) {
  const { scrollRef, virtualizer } = useVirtualRows(items.length, ROW_HEIGHT, 6);
  const activeIndex = items.findIndex((item) => item.row.name === selected);

  // A module opened from elsewhere (a link, Back) is brought into view; runs only when the selection changes.
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [selected]);

  const onKeyDown = (event: KeyboardEvent) => {
    const next = targetIndex(event.key, activeIndex, items.length);
    const item = next === null ? undefined : items[next];
    if (next === null || !item) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    onSelect(item.row.name);
  };

  return (
    <div
      ref={scrollRef}
      className="package-list"
      role="listbox"
      aria-label="Modules"
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 ? `package-${activeIndex}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="package-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const item = items[virtual.index];
          if (!item) return null;
          const { row } = item;
          return (
            <div
              key={row.name}
              id={`package-${virtual.index}`}
              role="option"
              aria-selected={row.name === selected}
              data-name={row.name}
              className="package-row"
              style={{ transform: `translateY(${virtual.start}px)`, height: ROW_HEIGHT }}
              onClick={() => onSelect(row.name)}
            >
              <div className="package-row-head">
                <span className="package-name">{row.name}</span>
                <span className="package-version mono">{row.latest}</span>
                <VerificationBadge state={row.verification} compact={row.verification === 'ok' || row.verification === 'unverified'} />
              </div>
              <div className="package-description">{row.description}</div>
              <div className="package-meta">
                {row.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
                {row.versions.length > 0 && (
                  <span className="muted package-count">
                    {row.versions.length} {row.versions.length === 1 ? 'version' : 'versions'}
                  </span>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
