// The tab strip of the module view: ←/→ move between tabs, as in any desktop tab control.
import type { KeyboardEvent } from 'react';
import { MODULE_TABS, type ModuleTab } from '../../app/router';

const LABELS: Record<ModuleTab, string> = {
  overview: 'Overview',
  template: 'Template',
  tests: 'Tests',
  dependencies: 'Dependencies',
};

export function ModuleTabs({ tab, counts, onChange }: { tab: ModuleTab; counts: Partial<Record<ModuleTab, number>>; onChange: (tab: ModuleTab) => void }) {
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = MODULE_TABS[(MODULE_TABS.indexOf(tab) + step + MODULE_TABS.length) % MODULE_TABS.length] ?? tab;
    onChange(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Version details" onKeyDown={onKeyDown}>
      {MODULE_TABS.map((name) => (
        <button
          key={name}
          id={`tab-${name}`}
          type="button"
          role="tab"
          aria-selected={name === tab}
          aria-controls="tab-panel"
          tabIndex={name === tab ? 0 : -1}
          onClick={() => onChange(name)}
        >
          {LABELS[name]}
          {counts[name] !== undefined && <span className="tab-count">{counts[name]}</span>}
        </button>
      ))}
    </div>
  );
}
