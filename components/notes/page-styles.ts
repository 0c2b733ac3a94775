/**
 * The notes UI's stylesheet inside QuoteLens's closed shadow root on news pages.
 * Everything is scoped to the shadow root; `all: initial` on the layer keeps the
 * page's inherited fonts and colours out. Follows the reader's light/dark setting.
 */
export const PAGE_NOTES_CSS = `
.ql-notes-layer {
  all: initial;
  --bg: #ffffff; --soft: #f4f2ec; --text: #1c1c1e; --muted: #5d5d66; --line: #d9d5ca;
  --accent: #0b5cad; --accent-text: #fff; --danger: #b3261e; --bar: #c9a227; --err: #fce8e6;
  --focus: #1a73e8;
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif;
  color: var(--text);
}
@media (prefers-color-scheme: dark) {
  .ql-notes-layer {
    --bg: #232428; --soft: #2d2f34; --text: #ececef; --muted: #a4a6ad; --line: #3b3d44;
    --accent: #8ab4f8; --accent-text: #0d1b2e; --danger: #f28b82; --bar: #d8b645; --err: #4a1f1c;
    --focus: #8ab4f8;
  }
}
.ql-notes-layer * { box-sizing: border-box; font: inherit; color: inherit; letter-spacing: normal; text-transform: none; }
.ql-notes-layer :focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.ql-panel-frame {
  position: fixed; z-index: 2147483646; display: block; margin: 0; padding: 0;
  border: 1px solid var(--line); border-radius: 12px; background: var(--bg);
  box-shadow: 0 10px 32px rgb(0 0 0 / .28); pointer-events: auto; color-scheme: light dark;
}
/* QuoteLens's words on the page are generated content: window.find() cannot match them. */
.ql-say::before { content: attr(data-say); }
.ql-panel-wrap {
  position: fixed; z-index: 2147483646; overflow: auto; overscroll-behavior: contain;
  background: var(--bg); border: 1px solid var(--line); border-radius: 12px;
  box-shadow: 0 10px 32px rgb(0 0 0 / .28); padding: 14px;
}
.ql-note-panel, .ql-note-editor { display: flex; flex-direction: column; gap: 6px; }
.ql-panel-head { display: flex; align-items: center; justify-content: space-between; }
.ql-note-title { margin: 0; font-size: 15px; font-weight: 700; }
.ql-note-quote { margin: 0; padding-left: 10px; border-left: 3px solid var(--bar); color: var(--muted); font-style: italic; max-height: 5.5em; overflow: auto; }
.ql-note-speaker { display: block; font-style: normal; }
.ql-field { font-weight: 600; margin-top: 4px; }
.ql-hint { color: var(--muted); font-size: 12px; font-weight: 400; }
.ql-note-body, .ql-note-tags {
  display: block; width: 100%; background: var(--soft); border: 1px solid var(--line);
  border-radius: 8px; padding: 7px 8px;
}
.ql-note-body { min-height: 6em; resize: vertical; white-space: pre-wrap; }
.ql-note-times { margin: 0; color: var(--muted); font-size: 12px; }
.ql-note-error { margin: 0; padding: 6px 10px; background: var(--err); border-radius: 8px; }
.ql-note-warn { margin: 0; color: var(--muted); }
.ql-note-actions, .ql-panel-actions { display: flex; gap: 8px; align-items: center; margin: 4px 0 0; }
.ql-keys { margin-left: auto; }
.ql-btn {
  cursor: pointer; padding: 5px 11px; border-radius: 8px; border: 1px solid var(--line);
  background: var(--bg);
}
.ql-btn:disabled { opacity: .5; cursor: default; }
.ql-primary { background: var(--accent); border-color: var(--accent); color: var(--accent-text); }
.ql-danger { color: var(--danger); }
.ql-link { border: 0; background: none; padding: 2px 6px; color: var(--accent); }
.ql-link.ql-danger { color: var(--danger); }
.ql-close { border: 0; background: none; font-size: 18px; line-height: 1; padding: 2px 8px; }
.ql-panel-notes { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.ql-panel-note { background: var(--soft); border-radius: 8px; padding: 8px 10px; }
.ql-note-text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.ql-panel-tags { margin: 2px 0 0; color: var(--accent); font-size: 12px; }
.ql-panel-foot { margin: 2px 0 0; display: flex; gap: 4px; align-items: center; color: var(--muted); font-size: 12px; }
.ql-panel-foot time { margin-right: auto; }
.ql-passages { position: absolute; left: 0; top: 0; width: 0; height: 0; }
.ql-underline {
  position: absolute; height: 0; border-bottom: 2px dotted var(--bar); pointer-events: none;
}
.ql-note-marker {
  position: absolute; z-index: 2147483645; min-width: 15px; height: 15px; padding: 0 2px; margin: 0;
  border-radius: 8px; border: 1px solid var(--bar); background: var(--bg); color: var(--text);
  font-size: 9px; line-height: 13px; text-align: center; cursor: pointer; opacity: .9;
  pointer-events: auto;
}
.ql-note-marker:hover, .ql-note-marker:focus-visible { opacity: 1; }
.ql-count-badge { font-size: 9px; vertical-align: super; }
.ql-toast {
  position: fixed; z-index: 2147483647; bottom: 20px; left: 50%; transform: translateX(-50%);
  display: flex; gap: 10px; align-items: center; background: var(--text); color: var(--bg);
  padding: 8px 8px 8px 14px; border-radius: 10px; box-shadow: 0 8px 24px rgb(0 0 0 / .3);
}
.ql-toast * { color: var(--bg); }
.ql-toast .ql-btn { background: transparent; border-color: transparent; }
.ql-toast .ql-primary { background: var(--accent); color: var(--accent-text); }
.ql-toast-error { bottom: 64px; }
@media (prefers-reduced-motion: reduce) { .ql-notes-layer * { transition: none !important; animation: none !important; } }
`;
