// The verdict on the version number (docs/semver-rules.md): a badge anyone can read at a glance, the
// sentence that says why, and the changes that needed a bigger bump.
import type { VersionDiffView } from '../../../shared/ipc/diff-schemas';
import { CodeText } from './CodeText';

type Verdict = VersionDiffView['verdict'];

const BADGES: Record<Verdict['status'], { text: string; tone: string }> = {
  ok: { text: 'Honest version bump', tone: 'ok' },
  'under-bumped': { text: 'Under-bumped', tone: 'danger' },
  'over-bumped': { text: 'Over-bumped', tone: 'info' },
  'not-increased': { text: 'Version not increased', tone: 'danger' },
};

export function VerdictBanner({ verdict }: { verdict: Verdict }) {
  const badge = BADGES[verdict.status];
  // A prerelease target or an over-bump never fails a check: it is said, not alarmed.
  const tone = verdict.informational && badge.tone === 'danger' ? 'warn' : badge.tone;
  return (
    <section className={`verdict verdict-${tone}`} aria-label="Semver verdict" data-verdict={verdict.status}>
      <span className={`verdict-badge verdict-badge-${tone}`}>{badge.text}</span>
      <p className="verdict-message">
        <CodeText text={verdict.message} />
      </p>
      <dl className="verdict-facts">
        <dt>Changes need</dt>
        <dd>{verdict.required === 'none' ? 'no bump' : `a ${verdict.required} bump`}</dd>
        <dt>Version makes</dt>
        <dd>{verdict.actual === 'none' ? 'no bump' : `a ${verdict.actual} bump`}</dd>
        <dt>Smallest honest version</dt>
        <dd className="mono">{verdict.minimum}</dd>
      </dl>
    </section>
  );
}
