// The pair being compared: any two versions of the module, old on the left; swapping them asks the
// reverse question (what would going back break?).
import type { VersionState } from '../../../shared/ipc/schemas';
import { navigate } from '../../app/router';

interface Props {
  name: string;
  versions: VersionState[];
  a: string;
  b: string;
}

export function VersionPickers({ name, versions, a, b }: Props) {
  const go = (nextA: string, nextB: string) => navigate({ page: 'compare', name, a: nextA, b: nextB });
  const options = [...versions].reverse().map(({ version }) => (
    <option key={version} value={version}>
      {version}
    </option>
  ));
  return (
    <div className="compare-pickers">
      <label>
        Old <select aria-label="Old version" value={a} onChange={(e) => go(e.target.value, b)}>{options}</select>
      </label>
      <button type="button" className="icon-button" aria-label="Swap the two versions" title="Swap" onClick={() => go(b, a)}>
        ⇄
      </button>
      <label>
        New <select aria-label="New version" value={b} onChange={(e) => go(a, e.target.value)}>{options}</select>
      </label>
    </div>
  );
}
