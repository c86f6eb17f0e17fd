// The resolved dependency tree as an ARIA tree: ↑/↓ move, → expands or steps in, ← collapses or steps
// out, Enter opens the module version. Rows are virtualized.
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { ResolvedNodeShape } from '../../../shared/ipc/schemas';
import { navigate } from '../../app/router';
import { useVirtualRows } from '../../components/useVirtualRows';
import { VerificationBadge } from '../../components/VerificationBadge';
import { initiallyExpanded, visibleRows, type TreeRow } from './tree';

const ROW_HEIGHT = 32;
const MAX_HEIGHT = 520;

function open(node: ResolvedNodeShape): void {
  navigate({ page: 'module', name: node.name, version: node.version, tab: 'dependencies' });
}

export function ResolvedTree({ root }: { root: ResolvedNodeShape }) {
  const [expanded, setExpanded] = useState(() => initiallyExpanded(root));
  const [active, setActive] = useState(0);
  const rows = useMemo(() => visibleRows(root, expanded), [root, expanded]);
  const { scrollRef, virtualizer } = useVirtualRows(rows.length, ROW_HEIGHT, 10);

  const toggle = (row: TreeRow, open?: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open ?? !next.has(row.key)) next.add(row.key);
      else next.delete(row.key);
      return next;
    });

  const moveTo = (index: number) => {
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const row = rows[active];
    if (!row) return;
    const hasChildren = row.node.children.length > 0;
    const isOpen = expanded.has(row.key);
    const actions: Record<string, () => void> = {
      ArrowDown: () => moveTo(Math.min(rows.length - 1, active + 1)),
      ArrowUp: () => moveTo(Math.max(0, active - 1)),
      ArrowRight: () => (hasChildren && !isOpen ? toggle(row, true) : hasChildren && moveTo(active + 1)),
      ArrowLeft: () =>
        hasChildren && isOpen ? toggle(row, false) : moveTo(Math.max(0, rows.findIndex((r) => r.key === row.parentKey))),
      Enter: () => open(row.node),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <div
      ref={scrollRef}
      className="tree"
      role="tree"
      aria-label="Resolved dependencies"
      tabIndex={0}
      aria-activedescendant={`tree-row-${active}`}
      onKeyDown={onKeyDown}
      style={{ height: Math.min(MAX_HEIGHT, rows.length * ROW_HEIGHT + 2) }}
    >
      <div className="tree-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const row = rows[virtual.index];
          if (!row) return null;
          const { node } = row;
          const hasChildren = node.children.length > 0;
          return (
            <div
              key={row.key}
              id={`tree-row-${virtual.index}`}
              role="treeitem"
              aria-level={row.depth + 1}
              aria-expanded={hasChildren ? expanded.has(row.key) : undefined}
              aria-selected={virtual.index === active}
              data-name={node.name}
              className="tree-row"
              style={{ transform: `translateY(${virtual.start}px)`, height: ROW_HEIGHT, paddingLeft: 8 + row.depth * 20 }}
              onClick={() => setActive(virtual.index)}
            >
              <button
                type="button"
                className="twisty"
                tabIndex={-1}
                aria-hidden="true"
                disabled={!hasChildren}
                onClick={() => toggle(row)}
              >
                {hasChildren ? (expanded.has(row.key) ? '▾' : '▸') : ''}
              </button>
              <button type="button" className="link tree-name" tabIndex={-1} onClick={() => open(node)}>
                {node.name}
              </button>
              <span className="mono">{node.version}</span>
              {row.depth > 0 && <span className="muted mono tree-range">via {node.range}</span>}
              <VerificationBadge state={node.verification} compact={node.verification === 'ok'} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
