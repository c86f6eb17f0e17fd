// One file's two texts in @codemirror/merge: side by side (two editors that scroll together) or inline
// (one editor with the old lines shown as deleted chunks). Read-only, changed words highlighted,
// unchanged runs folded; n/p (or Alt+↓/↑) step through the changes. CodeMirror renders only what is in
// view, so a 2 MB template stays responsive. Mounted in a shadow root (components/code-editor-host.ts), as
// the window's CSP requires.
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { MergeView, getChunks, goToNextChunk, goToPreviousChunk, unifiedMergeView } from '@codemirror/merge';
import { useEffect, useRef } from 'react';
import type { FileChangeView } from '../../../shared/ipc/diff-schemas';
import { changesFromHunks } from './core-changes';
import { baseEditorTheme, shadowMount } from '../../components/code-editor-host';
import { diffTheme } from './editor-theme';

export type DiffLayout = 'side-by-side' | 'inline';

interface Props {
  before: string;
  after: string;
  /** Core's hunks of these two texts: the editors show exactly these changes. */
  hunks: FileChangeView['hunks'];
  layout: DiffLayout;
  /** Accessible names of the two sides, e.g. "template.prompt in 1.2.0". */
  beforeLabel: string;
  afterLabel: string;
  /** Called when the reader steps to a change: its 1-based place among the file's changes. */
  onStep?: (index: number, total: number) => void;
}

const COLLAPSE = { margin: 3, minSize: 6 };

const stepKeys = keymap.of([
  { key: 'n', run: goToNextChunk },
  { key: 'p', run: goToPreviousChunk },
  { key: 'Alt-ArrowDown', run: goToNextChunk },
  { key: 'Alt-ArrowUp', run: goToPreviousChunk },
]);

/** Reports which change a step landed on (n/p), so the file can say "change 2 of 5". */
function stepReporter(onStep: Props['onStep']): Extension {
  return EditorView.updateListener.of((update) => {
    if (!onStep || !update.transactions.some((tr) => tr.isUserEvent('select.byChunk'))) return;
    const found = getChunks(update.state);
    if (!found) return;
    const head = update.state.selection.main.head;
    const index = found.chunks.findIndex((c) => (found.side === 'a' ? c.fromA : c.fromB) === head);
    if (index >= 0) onStep(index + 1, found.chunks.length);
  });
}

function sideExtensions(label: string, onStep: Props['onStep']): Extension[] {
  return [
    stepReporter(onStep),
    lineNumbers(),
    baseEditorTheme,
    diffTheme,
    EditorState.readOnly.of(true),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
    stepKeys,
  ];
}

export function TextDiff({ before, after, hunks, layout, beforeLabel, afterLabel, onStep }: Props) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!host.current) return;
    // One scroll container for both sides: they scroll together.
    const { root, parent } = shadowMount(host.current, { maxHeight: '70vh', overflow: 'auto' });
    const diffConfig = { override: (a: string, b: string) => changesFromHunks(hunks, a, b) };
    if (layout === 'side-by-side') {
      const view = new MergeView({
        root,
        a: { doc: before, extensions: sideExtensions(beforeLabel, onStep) },
        b: { doc: after, extensions: sideExtensions(afterLabel, onStep) },
        parent,
        highlightChanges: true,
        gutter: true,
        collapseUnchanged: COLLAPSE,
        diffConfig,
      });
      // Wrapped lines change height once the layout settles; measure again so the gutters stay aligned.
      const frame = requestAnimationFrame(() => [view.a, view.b].forEach((side) => side.requestMeasure()));
      return () => {
        cancelAnimationFrame(frame);
        view.destroy();
      };
    }
    const view = new EditorView({
      root,
      parent,
      state: EditorState.create({
        doc: after,
        extensions: [
          ...sideExtensions(`${beforeLabel} → ${afterLabel}`, onStep),
          unifiedMergeView({ original: before, highlightChanges: true, gutter: true, mergeControls: false, collapseUnchanged: COLLAPSE, diffConfig }),
        ],
      }),
    });
    return () => view.destroy();
  }, [before, after, hunks, layout, beforeLabel, afterLabel, onStep]);

  return <div ref={host} className={`text-diff text-diff-${layout}`} data-layout={layout} />;
}
