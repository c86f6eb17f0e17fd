import type { Verification } from '../../shared/ipc/schemas';

const LABELS: Record<Verification, { text: string; icon: string; title: string }> = {
  ok: { text: 'Verified', icon: '✓', title: 'Every file matches its immutability manifest.' },
  tampered: { text: 'Tampered', icon: '!', title: 'Files changed, went missing or appeared after publish.' },
  unreadable: { text: 'Unreadable', icon: '?', title: 'The immutability manifest is missing or does not parse.' },
  unverified: { text: 'Unverified', icon: '•', title: 'Not checked yet. Run Verify to check it.' },
};

export function VerificationBadge({ state, compact = false }: { state: Verification; compact?: boolean }) {
  const label = LABELS[state];
  return (
    <span className={`badge badge-${state}`} title={label.title} data-state={state}>
      <span className="badge-icon" aria-hidden="true">
        {label.icon}
      </span>
      {compact ? <span className="visually-hidden">{label.text}</span> : label.text}
    </span>
  );
}
