// The versions of a module, newest first, each with its verification state.
import type { Verification } from '../../../shared/ipc/schemas';
import { VerificationBadge } from '../../components/VerificationBadge';

interface Props {
  versions: string[];
  latest: string;
  selected: string;
  stateOf: (version: string) => Verification;
  onSelect: (version: string) => void;
}

export function VersionList({ versions, latest, selected, stateOf, onSelect }: Props) {
  return (
    <nav className="versions" aria-label="Versions">
      <h2 className="versions-title">Versions</h2>
      <ul>
        {[...versions].reverse().map((version) => (
          <li key={version}>
            <button
              type="button"
              className="version-item"
              aria-current={version === selected ? 'true' : undefined}
              data-version={version}
              onClick={() => onSelect(version)}
            >
              <span className="mono">{version}</span>
              {version === latest && <span className="latest">latest</span>}
              <VerificationBadge state={stateOf(version)} compact />
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
