// Registry errors shared by read, verify and info; messages start with the words old scripts match on.
import { PromptPMError } from '../errors.js';
import type { FileDiff } from './types.js';

export function moduleNotFound(name: string, version?: string): PromptPMError {
  const what = version === undefined ? name : `${name}@${version}`;
  return new PromptPMError('DEPENDENCY_ERROR', `Module not found: ${what}`, {
    hint: 'Run `promptpm list` to see what the registry holds.',
    path: name,
    reason: 'NOT_FOUND',
  });
}

export function integrityError(name: string, version: string, status: 'tampered' | 'unreadable', diff: FileDiff): PromptPMError {
  const parts = [
    diff.changed.length ? `changed: ${diff.changed.join(', ')}` : '',
    diff.missing.length ? `missing: ${diff.missing.join(', ')}` : '',
    diff.extra.length ? `extra: ${diff.extra.join(', ')}` : '',
  ].filter(Boolean);
  const message =
    status === 'unreadable'
      ? `Published version has no readable immutability manifest: ${name}@${version}`
      : `Published version was modified after publishing: ${name}@${version} (${parts.join('; ')})`;
  return new PromptPMError('DEPENDENCY_ERROR', message, {
    hint: 'Do not use this version; restore the registry from a backup or publish a new version.',
    path: name,
    reason: status === 'unreadable' ? 'UNREADABLE' : 'TAMPERED',
    data: { name, version, status, ...diff },
  });
}
