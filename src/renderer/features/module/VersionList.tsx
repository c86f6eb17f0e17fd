// The versions of a module, newest first, each with its verification state.
import type { VersionState } from '../../../shared/ipc/schemas';
import { VerificationBadge } from '../../components/VerificationBadge';

interface Props {
  /** Oldest first, as the registry lists them. */
  versions: VersionState[];
  latest: string;
  selected: string;
  onSelect: (version: string) => void;
  /** Opens the comparison of a version with the one before it. */
  onCompare: (previous: string, version: string) => void;
}

export function VersionList({ versions, latest, selected, onSelect, onCompare }: Props) {
  return (
    <nav className="versions" aria-label="Versions">
      <h2 className="versions-title">Versions</h2>
      <ul>
        {[...versions].reverse().map(({ version, verification }, i, newestFirst) => (
          <li key={version} className="version-row">
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
            {i + 1 < newestFirst.length && (
              <button
                type="button"
                className="icon-button compare-previous"
                title={`Compare with ${newestFirst[i + 1]!.version}`}
                aria-label={`Compare ${version} with previous version ${newestFirst[i + 1]!.version}`}
                onClick={() => onCompare(newestFirst[i + 1]!.version, version)}
              >
                ⇆
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
