// Public API of drafts: work-in-progress modules the app edits, kept in drafts areas (layout.ts says where
// each thing lives), created from the `init` scaffold or as a new version of a published version.
export type * from './types.js';
export { ARCHIVE_FOLDER, isDraftName, openArea } from './layout.js';
export { createDraft, createNewVersionDraft } from './create.js';
export { listDrafts, summarizeDraft } from './list.js';
export { discardJournal, journalDraft, readDraftFile, recoverDrafts, saveDraftFile, type SaveOptions } from './files.js';
export { validateDraftText, type DraftText, type DraftValidation } from './validate.js';
export { renderPreview, type RenderPreview } from './preview.js';
export { publishDraft, suggestVersion, type DraftPublish, type VersionSuggestion } from './publish.js';
export { exportDraft, exportVersion } from './export.js';
export { runDraftTests } from './tests.js';
