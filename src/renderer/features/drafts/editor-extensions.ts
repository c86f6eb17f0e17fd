// What the draft editors add to CodeMirror: history and the standard keys, find/replace, YAML highlighting
// for the manifest, and for the template `{{placeholder}}` marks and completion from the declared inputs.
// Colours come from the app's tokens, on top of the base editor theme (components/code-editor-host.ts).
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import type { Extension } from '@codemirror/state';
import { Decoration, EditorView, MatchDecorator, ViewPlugin, drawSelection, highlightActiveLine, keymap, lineNumbers, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { baseEditorTheme } from '../../components/code-editor-host';

export const editorTheme = EditorView.theme({
  '&': { height: '100%' },
  '.cm-activeLine': { backgroundColor: 'var(--bg-subtle)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: 'var(--diff-ins-word)' },
  '.cm-placeholder-mark': { color: 'var(--accent)', fontWeight: '600', background: 'var(--bg-inset)', borderRadius: '2px' },
  '.cm-panels': { backgroundColor: 'var(--bg-subtle)', color: 'var(--fg)', borderColor: 'var(--border-muted)' },
  '.cm-textfield, .cm-button': { backgroundColor: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--border-muted)', backgroundImage: 'none' },
  '.cm-tooltip': { backgroundColor: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--border-muted)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--bg)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--danger)' },
  '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy var(--warn)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
});

const yamlColours = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--accent)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--ok)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--danger)' },
  { tag: tags.comment, color: 'var(--fg-muted)', fontStyle: 'italic' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: 'var(--fg-muted)' },
]);

function common(label: string): Extension[] {
  return [
    lineNumbers(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    lintGutter(),
    EditorView.lineWrapping,
    baseEditorTheme,
    editorTheme,
    EditorView.contentAttributes.of({ 'aria-label': label }),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
  ];
}

export const manifestExtensions = (label: string): Extension[] => [...common(label), yaml(), syntaxHighlighting(yamlColours)];

const placeholderMarks = new MatchDecorator({ regexp: /\{\{\s*[A-Za-z0-9_.-]*\s*\}\}/g, decoration: Decoration.mark({ class: 'cm-placeholder-mark' }) });

/** `{{placeholder}}` marked wherever it is in view, kept up to date as the text changes. */
const placeholderHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = placeholderMarks.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = placeholderMarks.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** Completes the name after `{{` from the inputs the manifest declares now (asked at each completion). */
function placeholderCompletion(inputs: () => string[]) {
  return (context: CompletionContext): CompletionResult | null => {
    const before = context.matchBefore(/\{\{\s*[A-Za-z0-9_.-]*/);
    if (!before) return null;
    const from = before.from + before.text.search(/[A-Za-z0-9_.-]*$/);
    const closed = context.state.sliceDoc(context.pos, context.pos + 2) === '}}';
    return {
      from,
      options: inputs().map((name) => ({ label: name, type: 'variable', apply: closed ? name : `${name}}}` })),
      validFor: /^[A-Za-z0-9_.-]*$/,
    };
  };
}

export const templateExtensions = (label: string, inputs: () => string[]): Extension[] => [
  ...common(label),
  closeBrackets(),
  placeholderHighlight,
  autocompletion({ override: [placeholderCompletion(inputs)], activateOnTyping: true }),
];
