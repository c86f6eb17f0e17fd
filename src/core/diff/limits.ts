// Bounds that keep a comparison fast whatever the files hold (docs/semver-rules.md, "Files"). The work of a
// line diff grows with the number of lines times the number of edits, so the edits are capped rather than
// timed: the same input always gives the same output.

/** Text files up to this size (each side) are diffed line by line; larger ones are reported by size and hash. */
export const TEXT_DIFF_MAX_BYTES = 2 * 1024 * 1024;

/** Most line edits a file's diff may need; beyond it the file is shown as a whole-file replace (`too-costly`). */
export const MAX_LINE_EDITS = 2000;

/** Word-level changes are computed only for paired lines up to this many characters… */
export const WORD_DIFF_MAX_CHARS = 1000;

/** …and only when they need at most this many word edits; otherwise the whole line is marked changed. */
export const MAX_WORD_EDITS = 100;

/** Unchanged lines shown around each change in a hunk. */
export const DEFAULT_CONTEXT_LINES = 3;

/** Binary detection as git does it: a NUL byte within the first 8000 bytes. */
export const BINARY_SNIFF_BYTES = 8000;
