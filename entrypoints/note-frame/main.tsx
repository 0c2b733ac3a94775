/**
 * The note frame (note-frame.html): the note editor and the note text, in the extension's own
 * origin, loaded in an iframe inside QuoteLens's closed shadow root on a news page. The page
 * cannot script it, search it (window.find) or hear its keystrokes. Wiring only: the view is
 * components/notes/FramePanel; every request names the grant token in this frame's address,
 * which only the content script that opened it knows.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { FramePanel } from '../../components/notes/FramePanel';
import { PAGE_NOTES_CSS } from '../../components/notes/page-styles';
import { NOTES_CHANGED_KEY } from '../../lib/messages';
import { notesClient } from '../../lib/notes/client';

const token = location.hash.slice(1);
const ask = notesClient((m) => browser.runtime.sendMessage(m));

const style = document.createElement('style');
style.textContent = `${PAGE_NOTES_CSS}
html, body { margin: 0; padding: 0; background: transparent; }
body > #app > .ql-notes-layer { display: block; padding: 14px; background: var(--bg); }
.ql-toast { position: static; transform: none; margin-top: 10px; }`;
document.head.append(style);

const root = document.getElementById('app');
if (root) {
  render(
    <FramePanel
      token={token}
      ask={ask}
      subscribe={(onChange) => {
        const listener = (changes: Record<string, unknown>, area: string) => {
          if (area === 'session' && NOTES_CHANGED_KEY in changes) onChange();
        };
        browser.storage.onChanged.addListener(listener);
        return () => browser.storage.onChanged.removeListener(listener);
      }}
    />,
    root,
  );
  // The page that holds this frame sizes it to its content.
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    ask({ type: 'notes:panel-ui', token, event: 'size', height }).catch(() => undefined);
  }).observe(root);
}
