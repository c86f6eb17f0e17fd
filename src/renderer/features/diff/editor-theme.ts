// The diff editors' look in the app's tokens. The editors live in a shadow root (see TextDiff), where the
// app's style sheets do not reach but CSS custom properties do: every colour here is a token of
// styles/base.css, light or dark as the OS asks.
import { EditorView } from '@codemirror/view';

export const diffTheme = EditorView.theme({
  '&': { backgroundColor: 'var(--bg)', color: 'var(--fg)', fontSize: '12.5px' },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: 'var(--mono)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-subtle)', color: 'var(--fg-muted)', borderRight: '1px solid var(--border-muted)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
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
