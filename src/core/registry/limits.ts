// The size limits of a module (§4), refused at publish. A file of its own: the public index re-exports it
// without loading the publish code.
export const LIMITS = {
  fileBytes: 8 * 1024 * 1024,
  files: 1000,
  moduleBytes: 64 * 1024 * 1024,
} as const;
