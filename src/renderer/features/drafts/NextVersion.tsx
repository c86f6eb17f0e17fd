// For a draft that is a new version of a published one: its contract changes and the verdict against that
// version, and the smallest honest version — computed by main from the draft as saved.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChannelResult } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import type { AppError } from '../../api/errors';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/States';
import { ContractChanges } from '../diff/ContractChanges';
import { VerdictBanner } from '../diff/VerdictBanner';

/** `saved` is the manifest text last saved: the suggestion is asked again after each save. */
export function NextVersion({ draft, saved }: { draft: string; saved: string }) {
  const suggestion = useQuery<ChannelResult<'drafts.suggestVersion'>, AppError>({
    queryKey: ['drafts.suggestVersion', { draft }, saved],
    queryFn: () => call('drafts.suggestVersion', { draft }),
    placeholderData: keepPreviousData,
  });
  if (suggestion.isPending) return <Loading label="Comparing with the published version…" />;
  if (suggestion.isError) return <ErrorPanel error={suggestion.error} title="The draft could not be compared with its published version" />;
  const { against, verdict, contract, suggested } = suggestion.data;
  return (
    <section className="next-version" aria-label="Next version">
      <h2>
        Against {against.name}@{against.version}: suggested version <span className="mono" data-testid="suggested-version">{suggested}</span>
      </h2>
      <VerdictBanner verdict={verdict} />
      <ContractChanges contract={contract} needing={verdict.needing} />
    </section>
  );
}
