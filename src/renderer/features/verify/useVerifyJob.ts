// A verify job of the whole registry (name undefined) or of one module. Its state lives in the query
// client's mutation cache, so it keeps running, and its report stays, while the user looks elsewhere;
// results mark every cached view of the versions it checked, as they come in.
import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import type { VerifyReport } from '../../../shared/ipc/schemas';
import { call, subscribe } from '../../api/client';
import { toAppError, type AppError } from '../../api/errors';
import { forgetJob, newJobId, useJobProgress } from '../../api/progress';
import { recordVerification } from '../../api/verification-cache';

export function useVerifyJob(name?: string) {
  const client = useQueryClient();
  const mutationKey = ['registry.verify', name ?? null];
  const mutation = useMutation<VerifyReport, AppError, string>({
    mutationKey,
    mutationFn: async (jobId) => {
      // States fill in while the job runs (the results of each progress event), wherever the user looks.
      const stop = subscribe('progress', (event) => {
        if (event.jobId === jobId && event.results) recordVerification(client, event.results);
      });
      try {
        return await call('registry.verify', name === undefined ? { jobId } : { jobId, name });
      } finally {
        stop();
      }
    },
    onSuccess: (report) => recordVerification(client, report.versions),
    onSettled: (_report, _error, jobId) => forgetJob(jobId),
  });
  const runs = useMutationState({ filters: { mutationKey }, select: (run) => run.state });
  const last = runs.at(-1);
  const running = last?.status === 'pending';
  const jobId = running ? (last.variables as string) : null;
  const progress = useJobProgress(jobId);

  return {
    running,
    progress,
    report: last?.status === 'success' ? (last.data as VerifyReport) : null,
    error: last?.status === 'error' ? toAppError(last.error) : null,
    start: () => mutation.mutate(newJobId()),
    cancel: () => {
      if (jobId) void call('jobs.cancel', jobId).catch(() => undefined);
    },
  };
}
