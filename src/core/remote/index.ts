// Public API of remotes (docs/remote.md): push and pull module versions through an OCI registry, and the
// remotes file. Plain JSON results, progress and cancellation through RemoteWorkOptions, no console output.
export { pushVersions, type PushResult, type PushedVersion, type VersionRef } from './push.js';
export { pullVersions, type PullRequest, type PullResult, type PulledVersion } from './pull.js';
export { pullMissingDependencies } from './fetch-dependencies.js';
export { addRemote, findRemote, readRemotes, removeRemote, type RemoteConfig } from './remotes.js';
export { dockerCredentials } from './docker-config.js';
export { parseRemoteUrl, tagOf, versionOf, repositoryOf, type RemoteLocation } from './reference.js';
export { buildArtifact, type Artifact } from './artifact.js';
export type { CredentialSource, Credentials } from './auth.js';
export type { RetryPolicy } from './http.js';
export type { RemoteTarget, RemoteWorkOptions } from './session.js';
export { remoteStatus, type ModuleSync, type RemoteStatus, type SyncState, type VersionSync } from './status.js';
