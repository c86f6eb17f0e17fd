// The error a promise rejects with, for tests that look at its fields; fails the test when it resolves.
import type { PromptPMError } from '../../src/core/errors.js';

export async function rejection(promise: Promise<unknown>): Promise<PromptPMError> {
  try {
    await promise;
  } catch (err) {
    return err as PromptPMError;
  }
  throw new Error('expected a rejection');
}
