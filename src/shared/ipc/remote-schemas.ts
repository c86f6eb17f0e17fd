// zod schemas of the app's remotes (docs/remote.md): OCI registries a team shares module versions through.
// A token goes to main once, when the remote is added, and never comes back to the page.
import { z } from 'zod';
import { jobIdSchema, moduleNameSchema, versionStringSchema } from './schemas.js';

const remoteName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, ".", "_" and "-" (at most 64), starting with a letter or digit');

export const remoteSchema = z.object({ name: z.string(), url: z.string(), insecure: z.boolean(), signedIn: z.boolean() });
export type RemoteView = z.infer<typeof remoteSchema>;

export const addRemoteSchema = z.object({
  name: remoteName,
  url: z.string().min(1).max(2048),
  insecure: z.boolean(),
  /** Both or neither: a user name and a token (or password) for registries that need one. */
  username: z.string().max(256).optional(),
  token: z.string().max(8192).optional(),
});

/** New credentials for an existing remote (after a 401, or a token that changed). */
export const signInSchema = z.object({ name: remoteName, username: z.string().min(1).max(256), token: z.string().min(1).max(8192) });

const versionRef = z.object({ name: moduleNameSchema, version: versionStringSchema });

export const remoteWorkSchema = z.object({ jobId: jobIdSchema, remote: remoteName });
export const remoteTransferSchema = remoteWorkSchema.extend({ versions: z.array(versionRef).min(1).max(10_000) });

const digest = z.string().nullable();

export const remoteStatusSchema = z.object({
  registry_path: z.string(),
  remote: z.string(),
  catalog: z.boolean(),
  modules: z.array(
    z.object({
      name: z.string(),
      versions: z.array(
        z.object({
          version: z.string(),
          state: z.enum(['same', 'different', 'local-only', 'remote-only']),
          local: digest,
          remote: digest,
          localProblem: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type RemoteStatusView = z.infer<typeof remoteStatusSchema>;

export const transferResultSchema = z.object({
  registry_path: z.string(),
  remote: z.string(),
  count: z.number().int(),
  versions: z.array(z.object({ name: z.string(), version: z.string(), digest: z.string(), status: z.string() })),
});
