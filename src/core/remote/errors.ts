// What a registry's HTTP answers mean, in words (docs/remote.md): every remote failure is a PromptPMError
// whose `reason` tells a UI what to offer (sign in, wait, check the name).
import { PromptPMError } from '../errors.js';

/** The registry's own error text (`{"errors":[{"code","message"}]}`), when its body has one. */
function registryMessage(body: string): string {
  try {
    const first = (JSON.parse(body) as { errors?: Array<{ code?: string; message?: string }> }).errors?.[0];
    return first ? ` (${[first.code, first.message].filter(Boolean).join(': ')})` : '';
  } catch {
    return '';
  }
}

const BY_STATUS: Record<number, { reason: string; words: string; hint: string }> = {
  401: { reason: 'REMOTE_UNAUTHORIZED', words: 'sign in required', hint: 'Sign in: `docker login <host>` (the Docker config file holds the credentials), then try again.' },
  403: { reason: 'REMOTE_FORBIDDEN', words: 'access denied', hint: 'These credentials may not do this here; ask for access to the repository.' },
  404: { reason: 'REMOTE_NOT_FOUND', words: 'not found', hint: 'Check the remote URL and the module name (`promptpm remote list`).' },
  429: { reason: 'REMOTE_RATE_LIMITED', words: 'too many requests', hint: 'The registry is rate limiting: wait a while, then try again.' },
};

export function httpError(status: number, body: string, what: string, remote: string): PromptPMError {
  const known = BY_STATUS[status] ?? {
    reason: 'REMOTE_UNAVAILABLE',
    words: status >= 500 ? 'server error' : 'unexpected answer',
    hint: 'The registry did not do what was asked; try again later, or check its logs.',
  };
  return new PromptPMError('DEPENDENCY_ERROR', `Remote registry refused ${what}: HTTP ${status}, ${known.words}${registryMessage(body)}`, {
    hint: known.hint,
    path: remote,
    reason: known.reason,
    data: { status },
  });
}

export function networkError(cause: unknown, what: string, remote: string): PromptPMError {
  const detail = cause instanceof Error ? ((cause.cause as Error | undefined)?.message ?? cause.message) : String(cause);
  return new PromptPMError('DEPENDENCY_ERROR', `Remote registry cannot be reached for ${what}: ${detail}`, {
    hint: 'Check the remote URL, the network and that the registry is running, then try again.',
    path: remote,
    reason: 'REMOTE_UNREACHABLE',
  });
}

/** A blob or manifest whose bytes are not what was asked for: the server lies or the data was altered. */
export function integrityMismatch(what: string, expected: string, got: string, remote: string): PromptPMError {
  return new PromptPMError('DEPENDENCY_ERROR', `Remote returned ${what} that does not match its digest or size: expected ${expected}, got ${got}`, {
    hint: 'Nothing was written. The remote copy is damaged or was tampered with: push the version again from a trusted registry.',
    path: remote,
    reason: 'REMOTE_DIGEST_MISMATCH',
  });
}
