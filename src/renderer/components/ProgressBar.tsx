import type { ProgressEvent } from '../../shared/ipc/schemas';

/** A determinate bar once totals are known; indeterminate until the first event. */
export function ProgressBar({ progress, label }: { progress: ProgressEvent | null; label: string }) {
  const known = progress !== null && progress.total > 0;
  const percent = known ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  return (
    <div className="progress">
      <div
        className={known ? 'progress-track' : 'progress-track indeterminate'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? progress.total : undefined}
        aria-valuenow={known ? progress.done : undefined}
      >
        <div className="progress-fill" style={{ width: known ? `${percent}%` : undefined }} />
      </div>
      <div className="progress-text">
        <span>{known ? `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}${progress.unit ? ` ${progress.unit}` : ''}` : 'Starting…'}</span>
        {progress?.current && <span className="progress-current mono">{progress.current}</span>}
      </div>
    </div>
  );
}
