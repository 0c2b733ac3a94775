/**
 * Everything notes draws on the live page, inside QuoteLens's closed shadow root: the note
 * frame (an extension-origin iframe holding the panel, placed next to its text), the small
 * note markers at the end of annotated passages, and messages. Positions come in as viewport
 * rectangles from the content script; this view never reads the page. No note text is ever
 * here, and QuoteLens's own words are CSS generated content (`data-say`), so the page's
 * window.find() cannot match them.
 */
import { useEffect, useRef } from 'preact/hooks';

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A passage with notes, drawn in document coordinates (so it scrolls with the page without
 * being redrawn): a dotted underline under each of its lines and a small button after it.
 * Drawn here, in the closed shadow root, so page scripts cannot tell which words carry notes.
 */
export interface Passage {
  key: string;
  lines: readonly { left: number; top: number; width: number }[];
  marker: { left: number; top: number };
  count: number;
  label: string;
}

export interface PageNotesLayerProps {
  /** `id` names this opening of the panel: a new id loads a fresh frame. */
  panel: PanelFrameProps | null;
  passages: readonly Passage[];
  onMarker: (key: string) => void;
  message: string | null;
  onDismissMessage: () => void;
  viewport: { width: number; height: number };
}

export interface PanelFrameProps {
  id: string;
  box: Box | null;
  /** The note frame's address (extension origin, with its grant token). */
  src: string;
  /** Its content's height as it last reported it (0: not yet). */
  height: number;
  onLoad: (frame: HTMLIFrameElement) => void;
}

const PANEL_WIDTH = 360;
/** Until the frame reports its height. */
const FIRST_HEIGHT = 260;
const PANEL_MAX_HEIGHT = 440;

/**
 * Where the panel goes: under its text when there is room (or more room than above),
 * otherwise above it, growing upwards; never over the text itself when it can help it,
 * and always inside the viewport (it scrolls inside when short of room).
 */
export function placePanel(
  box: Box | null,
  vp: { width: number; height: number },
): Record<string, string> {
  const width = Math.min(PANEL_WIDTH, vp.width - 16);
  if (!box) {
    return {
      top: '16px',
      left: `${Math.max(8, vp.width - width - 16)}px`,
      width: `${width}px`,
      maxHeight: `${Math.min(PANEL_MAX_HEIGHT, vp.height - 32)}px`,
    };
  }
  const left = `${Math.min(Math.max(8, box.left), vp.width - width - 8)}px`;
  const below = vp.height - box.bottom - 16;
  const above = box.top - 16;
  if (below >= PANEL_MAX_HEIGHT || below >= above) {
    const top = Math.max(8, Math.min(box.bottom + 8, vp.height - 160));
    return {
      top: `${top}px`,
      left,
      width: `${width}px`,
      maxHeight: `${Math.max(152, Math.min(PANEL_MAX_HEIGHT, vp.height - top - 8))}px`,
    };
  }
  return {
    bottom: `${vp.height - box.top + 8}px`,
    left,
    width: `${width}px`,
    maxHeight: `${Math.max(152, Math.min(PANEL_MAX_HEIGHT, above))}px`,
  };
}

export function PageNotesLayer(p: PageNotesLayerProps) {
  const place = p.panel ? placePanel(p.panel.box, p.viewport) : null;
  return (
    <div class="ql-notes-layer">
      <div class="ql-passages">
        {p.passages.map((m) => (
          <div key={m.key}>
            {m.lines.map((l) => (
              <div
                key={`${l.left},${l.top}`}
                class="ql-underline"
                style={{ left: `${l.left}px`, top: `${l.top}px`, width: `${l.width}px` }}
              />
            ))}
            <button
              type="button"
              class="ql-note-marker ql-say"
              style={{ left: `${m.marker.left}px`, top: `${m.marker.top}px` }}
              aria-label={m.label}
              title={m.label}
              onClick={() => p.onMarker(m.key)}
              data-say="✎"
            >
              {m.count > 1 ? (
                <span class="ql-count-badge ql-say" data-say={String(m.count)} />
              ) : null}
            </button>
          </div>
        ))}
      </div>
      {p.panel && place ? <PanelFrame key={p.panel.id} {...p.panel} place={place} /> : null}
      {p.message ? (
        <div class="ql-toast ql-toast-error" role="alert" aria-label={p.message}>
          <span class="ql-say" data-say={p.message} />
          <button
            type="button"
            class="ql-btn ql-say"
            data-say="×"
            aria-label="Dismiss"
            onClick={p.onDismissMessage}
          />
        </div>
      ) : null}
    </div>
  );
}

function PanelFrame(p: PanelFrameProps & { place: Record<string, string> }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const { maxHeight, ...at } = p.place;
  const max = Number.parseFloat(maxHeight ?? '') || PANEL_MAX_HEIGHT;
  const height = Math.min(max, p.height > 0 ? p.height : FIRST_HEIGHT);
  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const loaded = () => p.onLoad(frame);
    frame.addEventListener('load', loaded);
    return () => frame.removeEventListener('load', loaded);
  }, []);
  return (
    <iframe
      ref={ref}
      class="ql-panel-frame"
      title="QuoteLens note"
      src={p.src}
      style={{ ...at, height: `${height}px` }}
    />
  );
}
