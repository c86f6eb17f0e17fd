// zod schemas of authoring in the app (core's drafts API, src/core/drafts/types.ts): drafts and their files,
// live validation, the render preview, form edits of the manifest, the next version, publish and export, and
// the `changed` event of the watcher in main.
import { z } from 'zod';
import { contractDiffSchema, verdictSchema } from './diff-schemas.js';
import { batchResultSchema } from './import-schemas.js';
import { diagnosticSchema, jobIdSchema, moduleNameSchema, versionStringSchema } from './schemas.js';

const path = z.string().min(1).max(4096);
/** Editor text: what a module file may hold (8 MiB), counted generously in UTF-16 units. */
const text = z.string().max(8 * 1024 * 1024);
const short = z.string().max(4096);
const hash = z.string().regex(/^[0-9a-f]{64}$/);

const basedOnSchema = z.object({ name: z.string(), version: z.string() }).nullable();

export const draftSummarySchema = z.object({
  path: z.string(),
  name: z.string().nullable(),
  version: z.string().nullable(),
  basedOn: basedOnSchema,
  validation: z.object({ errors: z.number().int(), warnings: z.number().int(), first: diagnosticSchema.nullable() }),
});
export type DraftSummaryView = z.infer<typeof draftSummarySchema>;

export const draftFileSchema = z.object({ path: z.string(), text: z.string(), hash: z.string() });
export const recoveredEditSchema = z.object({ draft: z.string(), file: z.string(), text: z.string(), diskHash: z.string().nullable() });
export const draftValidationSchema = z.object({ errors: z.array(diagnosticSchema), warnings: z.array(diagnosticSchema) });
export const renderPreviewSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), text: z.string(), length: z.number().int() }),
  z.object({ ok: z.literal(false), input: z.string(), code: z.string(), message: z.string(), hint: z.string() }),
]);
export const versionSuggestionSchema = z.object({
  against: z.object({ name: z.string(), version: z.string() }),
  contract: contractDiffSchema,
  verdict: verdictSchema,
  suggested: z.string(),
});
export const draftPublishSchema = z.object({ result: batchResultSchema, archivedTo: z.string().nullable() });

/** A file of a draft: the draft folder (main refuses any folder not directly in a drafts area) and a POSIX path in it. */
export const draftFileRefSchema = z.object({ draft: path, file: path });

export const createDraftRequestSchema = z.object({ name: moduleNameSchema, version: versionStringSchema, area: path.optional() });
export const newVersionRequestSchema = z.object({ name: moduleNameSchema, version: versionStringSchema, newVersion: versionStringSchema.optional(), area: path.optional() });

const inputFields = z.object({ name: short, type: short, description: short, required: z.boolean() });
/** The form edits of core/module/yaml-edit.ts. */
export const manifestEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('setField'), field: z.enum(['name', 'version', 'description']), value: short }),
  z.object({ op: z.literal('setTags'), tags: z.array(short).max(100) }),
  z.object({ op: z.literal('setPlaceholders'), names: z.array(short).max(100) }),
  z.object({ op: z.literal('addInput'), input: inputFields }),
  z.object({ op: z.literal('removeInput'), name: short }),
  z.object({ op: z.literal('renameInput'), from: short, to: short }),
  z.object({ op: z.literal('retypeInput'), name: short, type: short }),
  z.object({ op: z.literal('setInputRequired'), name: short, required: z.boolean() }),
  z.object({ op: z.literal('addOutput'), output: z.object({ type: short, description: short }) }),
  z.object({ op: z.literal('removeOutput'), index: z.number().int().min(0).max(10_000) }),
  z.object({ op: z.literal('addDependency'), name: short, range: short }),
  z.object({ op: z.literal('removeDependency'), name: short }),
  z.object({ op: z.literal('setDependencyRange'), name: short, range: short }),
]);
export const editManifestRequestSchema = z.object({ text, edits: z.array(manifestEditSchema).min(1).max(100) });

export const saveRequestSchema = draftFileRefSchema.extend({ text, expectedHash: hash.nullable().optional() });
export const journalRequestSchema = draftFileRefSchema.extend({ text });
export const validateRequestSchema = z.object({ draft: path, manifestText: text.optional(), templateText: text.optional() });
export const publishDraftRequestSchema = z.object({ jobId: jobIdSchema, draft: path });
export const exportVersionRequestSchema = z.object({ name: moduleNameSchema, version: versionStringSchema });
export const previewRequestSchema = z.object({ draft: path, inputs: z.record(short, text), templateText: text.optional() });

/** What became stale on disk (main's watcher); a version comes with its state once re-verified. */
export const changedEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('registry') }),
  z.object({ kind: z.literal('module'), name: z.string() }),
  z.object({ kind: z.literal('version'), name: z.string(), version: z.string(), verification: z.enum(['ok', 'tampered', 'unreadable']) }),
  z.object({ kind: z.literal('drafts'), area: z.string() }),
  z.object({ kind: z.literal('draft'), area: z.string(), draft: z.string() }),
]);
export type ChangedEvent = z.infer<typeof changedEventSchema>;

/** What is dragged out of the window: a draft folder, or a published version of the open registry. */
export const dragOutRequestSchema = z.union([z.object({ draft: path }), exportVersionRequestSchema]);
