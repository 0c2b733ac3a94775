/**
 * The overlay's own CSS, for inside its closed shadow root only. Pixel units throughout:
 * `rem` would follow the page's root font size, and hostile pages set huge ones.
 */

/** Inline style for the host element: `!important` so no page rule can move or hide it. */
export const HOST_STYLE = [
  'all: initial !important',
  'display: block !important',
  'position: absolute !important',
  'top: 0 !important',
  'left: 0 !important',
  'width: 0 !important',
  'height: 0 !important',
  'margin: 0 !important',
  'padding: 0 !important',
  'border: 0 !important',
  'overflow: visible !important',
  'transform: none !important',
  'contain: layout style size !important',
  'visibility: visible !important',
  'opacity: 1 !important',
  'pointer-events: none !important',
  'z-index: 2147483646 !important',
].join(';');

export const SHADOW_CSS = `
:host { all: initial !important; }
.layer, .layer * { box-sizing: border-box; }
/* Labels take the face of the text they label (set on their batch, overlay.tsx): the page has
   loaded it already. This face is for labels without one. */
.layer {
  position: absolute; left: 0; top: 0; width: 0; height: 0;
  font: 600 11px/16px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  letter-spacing: 0; text-transform: none; text-align: left; direction: ltr;
  -webkit-font-smoothing: antialiased;
}
.batch { display: contents; }
/* The button's own look undone property by property, not with \`all: unset\`: that sets every
   property of every label and of its ::before, and their styles then cost ~0.1 ms each. */
.l {
  appearance: none; margin: 0; border: 0; outline-offset: 0; text-indent: 0;
  text-shadow: none; text-transform: none; letter-spacing: 0; word-spacing: 0;
  text-align: left; align-items: normal; vertical-align: baseline;
  position: absolute; left: 0; top: 0; display: none;
  height: 16px; max-width: 260px; padding: 0 6px; border-radius: 8px 8px 8px 2px;
  font: inherit; font-size: 11px; line-height: 16px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  background: var(--bg); color: var(--fg);
  box-shadow: 0 1px 2px rgba(0,0,0,.28);
  cursor: pointer; pointer-events: auto; user-select: none;
  transition: opacity .15s ease;
}
.l::-moz-focus-inner { border: 0; padding: 0; }
.l.placed { display: block; }
.l::before { content: attr(data-t); }
.l[data-k="margin"] { text-align: right; border-radius: 8px 2px 2px 8px; }
.l[data-k="gap"] {
  height: 12px; padding: 0 4px; border-radius: 4px; font-size: 9.5px; line-height: 12px;
}
.l[data-k="marker"] {
  width: 16px; height: 14px; padding: 0; border-radius: 7px; text-align: center;
  font-size: 9px; line-height: 14px;
}
.l[data-k="marker"]::before { content: attr(data-i); }
.l[data-k="tick"] { width: 16px; height: 5px; padding: 0; border-radius: 3px; font-size: 0; }
.l[data-k="tick"]::before { content: none; }
.l[data-k="marker"] .badge, .l[data-k="tick"] .badge { display: none; }
.l[data-k="gap"] .badge { margin-left: 2px; padding: 0 2px; border-radius: 3px; }
.l.frag { background: var(--bg-soft); color: var(--fg-soft); box-shadow: inset 0 0 0 1px var(--bg); }
.l.guess {
  background: var(--bg-soft); color: var(--fg-soft);
  box-shadow: none; border: 1px dashed var(--bg); font-style: italic;
}
.l:hover { filter: brightness(1.08); }
.l:focus-visible { outline: 2px solid #111; outline-offset: 1px; box-shadow: 0 0 0 4px #fff; }
.l .badge { margin-left: 4px; padding: 0 4px; border-radius: 6px; background: rgba(255,255,255,.85); color: #111; font-weight: 700; }
.l.pulse { animation: ql-pulse .9s ease-out 2; }
@keyframes ql-pulse {
  0% { box-shadow: 0 0 0 0 rgba(255, 196, 0, .95); }
  100% { box-shadow: 0 0 0 10px rgba(255, 196, 0, 0); }
}
@media (prefers-reduced-motion: reduce) {
  .l { transition: none !important; animation: none !important; }
  .l.pulse { animation: none !important; outline: 3px solid #ffc400; outline-offset: 1px; }
}
`;

/** The card's CSS, added to the shadow root when a card first opens (most pages never open one). */
export const CARD_CSS = `
.card {
  position: absolute; left: 0; top: 0; width: 260px; padding: 10px 12px 12px;
  border-radius: 8px; pointer-events: auto;
  background: #fff; color: #15171a; border: 1px solid #c9ccd1;
  box-shadow: 0 6px 24px rgba(0,0,0,.22);
  font: 400 13px/18px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  white-space: normal; word-wrap: break-word;
}
.card .say::before { content: attr(data-say); }
.card.dark { background: #1f2227; color: #eef0f3; border-color: #3b4048; }
.card .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; vertical-align: 0; }
.card .name { font-size: 14px; font-weight: 700; margin: 0; }
.card .role { margin: 2px 0 0; opacity: .85; }
.card .guess { margin: 2px 0 0; font-size: 12px; font-style: italic; opacity: .9; }
.card .count { margin: 6px 0 8px; opacity: .85; font-size: 12px; }
.card .row { display: flex; gap: 6px; flex-wrap: wrap; }
.card button {
  all: unset; box-sizing: border-box; cursor: pointer;
  padding: 3px 8px; border-radius: 6px; font: 600 12px/18px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  background: #eef0f3; color: #15171a; border: 1px solid #c9ccd1;
}
.card.dark button { background: #2c3138; color: #eef0f3; border-color: #49505a; }
.card button:hover { filter: brightness(.95); }
.card button:focus-visible { outline: 2px solid #1a5fd0; outline-offset: 1px; }
.card button[disabled] { opacity: .45; cursor: default; }
@media (prefers-reduced-motion: reduce) {
  .card { transition: none !important; animation: none !important; }
}
`;
