// The size limits of a module (docs/registry-format.md), refused by validate and publish alike. A file of its
// own: the registry's public index re-exports it without loading the module loader.
export const LIMITS = {
  fileBytes: 8 * 1024 * 1024,
  files: 1000,
  moduleBytes: 64 * 1024 * 1024,
} as const;
