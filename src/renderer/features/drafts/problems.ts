// Live validation's results as the editors and the problems list show them.
import type { z } from 'zod';
import type { draftValidationSchema } from '../../../shared/ipc/draft-schemas';

type Validation = z.infer<typeof draftValidationSchema>;
export type DiagnosticView = Validation['errors'][number] & { severity: 'error' | 'warning' };

export function problemsOf(validation: Validation | undefined): DiagnosticView[] {
  if (!validation) return [];
  return [
    ...validation.errors.map((d) => ({ ...d, severity: 'error' as const })),
    ...validation.warnings.map((d) => ({ ...d, severity: 'warning' as const })),
  ];
}

export const where = (d: DiagnosticView): string => [d.file, d.line, d.column].filter((p) => p !== null).join(':');
