// The size limits of a module, where the registry's callers look for them (defined in module/limits.ts, which
// validation shares).
export { LIMITS } from '../module/limits.js';
