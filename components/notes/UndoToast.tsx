/**
 * "Note deleted — Undo": a short-lived status message with an undo button.
 * Announced politely; stays while focused or hovered so keyboard users can reach it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface UndoToastProps {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
  /** How long it stays when not hovered or focused. */
  ms?: number;
}

export function UndoToast({ message, onUndo, onDismiss, ms = 8000 }: UndoToastProps) {
  const [held, setHeld] = useState(false);
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  useEffect(() => {
    if (held) return;
    const t = setTimeout(() => dismiss.current(), ms);
    return () => clearTimeout(t);
  }, [held, ms]);
  return (
    <div
      class="ql-toast"
      role="status"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocusIn={() => setHeld(true)}
      onFocusOut={() => setHeld(false)}
    >
      <span>{message}</span>
      <button type="button" class="ql-btn ql-primary" onClick={onUndo}>
        Undo
      </button>
      <button type="button" class="ql-btn" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
