// The IPC contract: every channel once. Main registers its handlers from this table, the preload
// derives the API object from it, and the renderer's client and hooks are typed by it.
import { z } from 'zod';
import {
  appInfoSchema,
  jobIdSchema,
  moduleNameSchema,
  progressEventSchema,
  recentRegistrySchema,
  registryInfoSchema,
  listingPageRequestSchema,
  listingPageSchema,
  resolutionViewSchema,
  testReportSchema,
  versionDetailSchema,
  versionRefSchema,
  versionStringSchema,
  verifyReportSchema,
} from './schemas.js';
import { diffRequestSchema, fileTextsRequestSchema, fileTextsSchema, versionDiffSchema } from './diff-schemas.js';
import { addRemoteSchema, signInSchema, remoteSchema, remoteStatusSchema, remoteTransferSchema, remoteWorkSchema, transferResultSchema } from './remote-schemas.js';
import { batchResultSchema, importPreviewSchema, importRequestSchema, newModuleRequestSchema, newModuleSchema } from './import-schemas.js';
import {
  changedEventSchema,
  createDraftRequestSchema,
  draftFileRefSchema,
  draftFileSchema,
  draftPublishSchema,
  draftSummarySchema,
  draftValidationSchema,
  editManifestRequestSchema,
  exportVersionRequestSchema,
  journalRequestSchema,
  newVersionRequestSchema,
  previewRequestSchema,
  publishDraftRequestSchema,
  recoveredEditSchema,
  renderPreviewSchema,
  saveRequestSchema,
  validateRequestSchema,
  versionSuggestionSchema, dragOutRequestSchema } from './draft-schemas.js';

const none = z.tuple([]);

/** Channel name `domain.verb` becomes `api.domain.verb(...args)` in the renderer. */
export const channels = {
  'app.info': { args: none, result: appInfoSchema },
  /** The open registry (the default one on first run). */
  'registry.current': { args: none, result: registryInfoSchema },
  'registry.recent': { args: none, result: z.array(recentRegistrySchema) },
  /** Native folder dialog; the chosen folder joins the allow-list and becomes current. Null if cancelled. */
  'registry.choose': { args: none, result: registryInfoSchema.nullable() },
  /** Reopen a folder from the recent list; any other path is refused. */
  'registry.open': { args: z.tuple([z.string().min(1).max(4096)]), result: registryInfoSchema },
  /** One page of the open registry's packages; the renderer asks for a small first page, then the rest. */
  'registry.list': { args: z.tuple([listingPageRequestSchema]), result: listingPageSchema },
  /** The open registry's module names, read from its folder without the index: shown while a first listing builds it. */
  'registry.names': { args: none, result: z.array(z.string()) },
  /** Verify the whole registry, one module, or one version; progress comes as `progress` events. */
  'registry.verify': {
    args: z.tuple([z.object({ jobId: jobIdSchema, name: moduleNameSchema.optional(), version: versionStringSchema.optional() })]),
    result: verifyReportSchema,
  },
  'jobs.cancel': { args: z.tuple([jobIdSchema]), result: z.boolean() },
  /** Read one version, verified first. */
  'module.read': { args: z.tuple([versionRefSchema]), result: versionDetailSchema },
  'module.runTests': { args: z.tuple([versionRefSchema]), result: testReportSchema },
  'module.resolve': { args: z.tuple([versionRefSchema.extend({ jobId: jobIdSchema })]), result: resolutionViewSchema },
  /** Compare two versions of a module: contract changes, semver verdict, changed files with hunks; both verified first. */
  'module.diff': { args: z.tuple([diffRequestSchema]), result: versionDiffSchema },
  /** The whole texts of one changed file of a comparison (null for a side that is absent or not text). */
  'module.diffFile': { args: z.tuple([fileTextsRequestSchema]), result: fileTextsSchema },
  /** Native dialog for module folders to import (several at once); they join the allow-list. Empty if cancelled. */
  'import.choose': { args: none, result: z.array(z.string()) },
  /** What publishing the modules in these folders would do; nothing is written. Progress per module. */
  'import.preview': { args: z.tuple([importRequestSchema]), result: importPreviewSchema },
  /** Publishes each module folder given (each atomically, independently); cancel stops between modules. */
  'import.publish': { args: z.tuple([importRequestSchema]), result: batchResultSchema },
  /** Scaffolds a new module (as `promptpm init`) in a folder the user picks; null if cancelled. */
  'import.newModule': { args: z.tuple([newModuleRequestSchema]), result: newModuleSchema },
  /** The app's remotes (OCI registries), each with whether a token is kept for it. */
  'remotes.list': { args: none, result: z.array(remoteSchema) },
  /** Adds a remote; its token (if any) is kept encrypted in main and never returned. */
  'remotes.add': { args: z.tuple([addRemoteSchema]), result: z.array(remoteSchema) },
  'remotes.remove': { args: z.tuple([z.string().min(1).max(64)]), result: z.array(remoteSchema) },
  /** Replaces the user name and token kept for a remote. */
  'remotes.signIn': { args: z.tuple([signInSchema]), result: z.array(remoteSchema) },
  /** Local versions against the remote's tags: same, different digest, here only, there only. */
  'remotes.status': { args: z.tuple([remoteWorkSchema]), result: remoteStatusSchema },
  'remotes.push': { args: z.tuple([remoteTransferSchema]), result: transferResultSchema },
  'remotes.pull': { args: z.tuple([remoteTransferSchema]), result: transferResultSchema },
  /** Drafts areas: `<userData>/drafts` first, then folders added in the native dialog (null if cancelled). */
  'drafts.areas': { args: none, result: z.array(z.string()) },
  'drafts.addArea': { args: none, result: z.string().nullable() },
  /** Every draft of every area, validated. */
  'drafts.list': { args: none, result: z.array(draftSummarySchema) },
  /** A draft from the `init` scaffold, or as a new version of a published version of the open registry. */
  'drafts.create': { args: z.tuple([createDraftRequestSchema]), result: draftSummarySchema },
  'drafts.newVersionOf': { args: z.tuple([newVersionRequestSchema]), result: draftSummarySchema },
  /** A draft file's text and hash; saving with that hash refuses (FILE_CHANGED_ON_DISK) when the file changed meanwhile. */
  'drafts.read': { args: z.tuple([draftFileRefSchema]), result: draftFileSchema },
  'drafts.save': { args: z.tuple([saveRequestSchema]), result: draftFileSchema },
  /** Unsaved editor text kept for crash recovery; `recover` returns what was never saved, `discard` forgets it. */
  'drafts.journal': { args: z.tuple([journalRequestSchema]), result: z.boolean() },
  'drafts.discard': { args: z.tuple([draftFileRefSchema]), result: z.boolean() },
  'drafts.recover': { args: none, result: z.array(recoveredEditSchema) },
  /** Validates unsaved manifest and template text as `promptpm validate` would; writes nothing. */
  'drafts.validate': { args: z.tuple([validateRequestSchema]), result: draftValidationSchema },
  'drafts.preview': { args: z.tuple([previewRequestSchema]), result: renderPreviewSchema },
  /** The manifest text with form edits applied, keeping the user's comments, order and formatting. */
  'drafts.editManifest': { args: z.tuple([editManifestRequestSchema]), result: z.string() },
  /** Contract changes and verdict against the version the draft is based on, and the smallest honest version. */
  'drafts.suggestVersion': { args: z.tuple([z.object({ draft: z.string().min(1).max(4096) })]), result: versionSuggestionSchema },
  /** Publishes the draft into the open registry (as import publishes), then archives it. */
  'drafts.publish': { args: z.tuple([publishDraftRequestSchema]), result: draftPublishSchema },
  /** Exports into a folder the user picks in the native dialog; the new folder, or null if cancelled. */
  'drafts.exportVersion': { args: z.tuple([exportVersionRequestSchema]), result: z.string().nullable() },
  /** Runs a draft's tests on what is saved (refused with its errors when it does not validate). */
  'drafts.runTests': { args: z.tuple([z.object({ draft: z.string().min(1).max(4096) })]), result: testReportSchema },
  /** Starts the system's drag of a draft or an intact published version's folder, out of the window. */
  'drafts.startDrag': { args: z.tuple([dragOutRequestSchema]), result: z.boolean() },
  'drafts.exportDraft': { args: z.tuple([z.object({ draft: z.string().min(1).max(4096) })]), result: z.string().nullable() },
  /** Watches the open registry and the drafts areas; `changed` events follow. Call again after opening a registry. */
  'drafts.watch': { args: none, result: z.boolean() },
  /** Shows a folder the user chose or dropped in the system's file manager. */
  'shell.reveal': { args: z.tuple([z.string().min(1).max(4096)]), result: z.boolean() },
} as const;

/** Events main pushes to the renderer. */
export const events = {
  progress: progressEventSchema,
  /** The open registry changed outside the renderer's own calls (File › Open Registry… in the menu). */
  registryChanged: registryInfoSchema,
  /** A menu command the page carries out (File › Import…, File › New Module…). */
  command: z.enum(['import', 'newModule']),
  /** What became stale on disk (the CLI, another window, a sync tool): refetch it. */
  changed: changedEventSchema,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelArgs<C extends ChannelName> = z.infer<Channels[C]['args']>;
export type ChannelResult<C extends ChannelName> = z.infer<Channels[C]['result']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
