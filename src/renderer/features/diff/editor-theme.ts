// The diff editors' own look on top of the app's base editor theme (components/code-editor-host.ts): changed
// lines and words, change gutters, folded runs, in the tokens of styles/base.css.
import { EditorView } from '@codemirror/view';

export const diffTheme = EditorView.theme({
  '&.cm-merge-a .cm-changedLine, .cm-deletedChunk': { backgroundColor: 'var(--diff-del-line)' },
  '&.cm-merge-b .cm-changedLine, .cm-inlineChangedLine': { backgroundColor: 'var(--diff-ins-line)' },
  '&.cm-merge-a .cm-changedText, .cm-deletedChunk .cm-deletedText': { background: 'var(--diff-del-word)', borderRadius: '2px' },
  '&.cm-merge-b .cm-changedText': { background: 'var(--diff-ins-word)', borderRadius: '2px' },
  '&.cm-merge-a .cm-changedLineGutter, .cm-deletedLineGutter': { background: 'var(--danger)' },
  '&.cm-merge-b .cm-changedLineGutter, .cm-inlineChangedLineGutter': { background: 'var(--ok)' },
  '.cm-collapsedLines': { color: 'var(--fg-muted)', background: 'var(--bg-inset)', fontFamily: 'var(--font)', fontSize: '12px' },
  // The default marks (⦚) are missing from common fonts; the row's own words say enough.
  '.cm-collapsedLines::before, .cm-collapsedLines::after': { content: '"↕"', margin: '0 6px' },
});
