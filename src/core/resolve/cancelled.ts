// A resolution stopped by the caller's AbortSignal (while solving or verifying): its own module, so that an
// install whose answer was kept (kept-resolution.ts) loads none of the solver to recognise it.

/** Thrown at a checkpoint once the caller's AbortSignal has fired. */
export class SolveCancelled extends Error {
  constructor() {
    super('Dependency resolution was cancelled');
  }
}
