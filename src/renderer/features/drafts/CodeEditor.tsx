// One draft file in a CodeMirror 6 editor, mounted in a shadow root as components/code-editor-host.ts
// explains (the CSP blocks the <style> elements CodeMirror would add to the document). The text it starts with is its own
// from then on: the parent remounts it (a new key) to put other text in, e.g. after "Reload from disk".
import { setDiagnostics, type Diagnostic as LintMark } from '@codemirror/lint';
import { EditorState, type Extension, type Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { shadowMount } from '../../components/code-editor-host';
import type { DiagnosticView } from './problems';

interface Props {
  initial: string;
  /** Asked once, when the editor is made. */
  extensions: () => Extension[];
  onChange: (text: string) => void;
  /** Problems in this file, marked inline at their line:column. */
  problems: DiagnosticView[];
}

/** A 1-based line:column as an offset in the document, clamped to it; a problem without a line marks the first. */
function offsetOf(doc: Text, line: number | null, column: number | null): number {
  const at = doc.line(Math.min(Math.max(line ?? 1, 1), doc.lines));
  return Math.min(at.from + Math.max((column ?? 1) - 1, 0), at.to);
}

function lintMarks(doc: Text, problems: DiagnosticView[]): LintMark[] {
  return problems.map((p) => {
    const from = offsetOf(doc, p.line, p.column);
    const to = Math.max(from, doc.lineAt(from).to);
    return { from, to: to === from ? Math.min(from + 1, doc.length) : to, severity: p.severity, message: `${p.message}${p.hint ? ` — ${p.hint}` : ''}`, source: p.code };
  });
}

export function CodeEditor({ initial, extensions, onChange, problems }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const { root, parent } = shadowMount(host.current, { height: '100%' });
    const editor = new EditorView({
      root,
      parent,
      state: EditorState.create({
        doc: initial,
        extensions: [...extensions(), EditorView.updateListener.of((u) => u.docChanged && changed.current(u.state.doc.toString()))],
      }),
    });
    view.current = editor;
    return () => {
      view.current = null;
      editor.destroy();
    };
    // The editor owns its text after the start: later `initial`s are not applied (see above).
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor) editor.dispatch(setDiagnostics(editor.state, lintMarks(editor.state.doc, problems)));
  }, [problems]);

  return <div ref={host} className="code-editor" />;
}
