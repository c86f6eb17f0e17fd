// Live validation's results as the editors and the problems list show them.
import type { z } from 'zod';
import type { draftValidationSchema } from '../../../shared/ipc/draft-schemas.js';

type Validation = z.infer<typeof draftValidationSchema>;
export type DiagnosticView = Validation['errors'][number] & { severity: 'error' | 'warning' };

/** Main locates a problem by the file's absolute path; the editors and the list name it inside the draft. */
function inDraft(file: string | null, draft: string): string | null {
  if (file === null) return null;
  const prefix = `${draft.replace(/[\\/]+$/, '')}/`;
  return file.replaceAll('\\', '/').startsWith(prefix.replaceAll('\\', '/')) ? file.slice(prefix.length).replaceAll('\\', '/') : file;
}

export function problemsOf(validation: Validation | undefined, draft: string): DiagnosticView[] {
  if (!validation) return [];
  const located = (severity: 'error' | 'warning') => (d: Validation['errors'][number]) => ({ ...d, file: inDraft(d.file, draft), severity });
  return [...validation.errors.map(located('error')), ...validation.warnings.map(located('warning'))];
}

export const where = (d: DiagnosticView): string => [d.file, d.line, d.column].filter((p) => p !== null).join(':');
