// The versions of a module, newest first, each with its verification state.
import type { VersionState } from '../../../shared/ipc/schemas';
import { VerificationBadge } from '../../components/VerificationBadge';

interface Props {
  /** Oldest first, as the registry lists them. */
  versions: VersionState[];
  latest: string;
  selected: string;
  onSelect: (version: string) => void;
}

export function VersionList({ versions, latest, selected, onSelect }: Props) {
  return (
    <nav className="versions" aria-label="Versions">
      <h2 className="versions-title">Versions</h2>
      <ul>
        {[...versions].reverse().map(({ version, verification }) => (
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
              <VerificationBadge state={verification} compact />
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
