/**
 * Everything notes draws on the live page, inside QuoteLens's closed shadow root:
 * the open note panel (placed next to its text), the small note markers at the end of
 * annotated passages, the "deleted — undo" toast and messages. Positions come in as
 * viewport rectangles from the content script; this view never reads the page.
 */

import { NotePanel, type NotePanelProps } from './NotePanel';
import type { NoteItem } from './note-item';
import { UndoToast } from './UndoToast';

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Marker {
  key: string;
  /** Viewport box of the passage's last line. */
  box: Box;
  count: number;
  label: string;
}

export interface PageNotesLayerProps {
  /** `id` names this opening of the panel: a new id starts a fresh editor. */
  panel: (NotePanelProps & { id: string; box: Box | null }) | null;
  markers: readonly Marker[];
  onMarker: (key: string) => void;
  deleted: NoteItem | null;
  onUndo: () => void;
  onDismissUndo: () => void;
  message: string | null;
  onDismissMessage: () => void;
  viewport: { width: number; height: number };
}

const PANEL_WIDTH = 360;
const PANEL_MAX_HEIGHT = 440;

export function placePanel(box: Box | null, vp: { width: number; height: number }) {
  const width = Math.min(PANEL_WIDTH, vp.width - 16);
  if (!box) return { top: 16, left: Math.max(8, vp.width - width - 16), width };
  const below = vp.height - box.bottom;
  const top =
    below >= Math.min(PANEL_MAX_HEIGHT, vp.height / 2) || below >= box.top
      ? box.bottom + 8
      : Math.max(8, box.top - 8 - PANEL_MAX_HEIGHT);
  const left = Math.min(Math.max(8, box.left), vp.width - width - 8);
  return { top: Math.min(top, vp.height - 120), left, width };
}

export function PageNotesLayer(p: PageNotesLayerProps) {
  const place = p.panel ? placePanel(p.panel.box, p.viewport) : null;
  return (
    <div class="ql-notes-layer">
      {p.markers.map((m) => (
        <button
          key={m.key}
          type="button"
          class="ql-note-marker"
          style={{ top: `${m.box.top}px`, left: `${m.box.right + 2}px` }}
          aria-label={m.label}
          title={m.label}
          onClick={() => p.onMarker(m.key)}
        >
          ✎{m.count > 1 ? <span class="ql-count-badge">{m.count}</span> : null}
        </button>
      ))}
      {p.panel && place ? (
        <div
          class="ql-panel-wrap"
          style={{ top: `${place.top}px`, left: `${place.left}px`, width: `${place.width}px` }}
        >
          <NotePanel key={p.panel.id} {...p.panel} />
        </div>
      ) : null}
      {p.message ? (
        <div class="ql-toast ql-toast-error" role="alert">
          <span>{p.message}</span>
          <button type="button" class="ql-btn" aria-label="Dismiss" onClick={p.onDismissMessage}>
            ×
          </button>
        </div>
      ) : null}
      {p.deleted ? (
        <UndoToast message="Note deleted." onUndo={p.onUndo} onDismiss={p.onDismissUndo} />
      ) : null}
    </div>
  );
}
