// What every CodeMirror editor of the app shares. It is mounted in a shadow root: there CodeMirror adopts
// constructed style sheets instead of adding <style> elements, which the window's CSP (no inline styles)
// blocks. The app's style sheets do not reach into the shadow root but its CSS custom properties do, so the
// base theme colours the editor with the tokens of styles/base.css, light or dark as the OS asks.
import { EditorView } from '@codemirror/view';

/** A fresh mount point in `host`'s shadow root (created on first use), styled through the CSSOM, which the CSP allows. */
export function shadowMount(host: HTMLElement, style: Partial<Pick<CSSStyleDeclaration, 'height' | 'maxHeight' | 'overflow'>>): { root: ShadowRoot; parent: HTMLDivElement } {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  Object.assign(parent.style, style);
  root.replaceChildren(parent);
  return { root, parent };
}

export const baseEditorTheme = EditorView.theme({
  '&': { backgroundColor: 'var(--bg)', color: 'var(--fg)', fontSize: '12.5px' },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: 'var(--mono)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-subtle)', color: 'var(--fg-muted)', borderRight: '1px solid var(--border-muted)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
});
