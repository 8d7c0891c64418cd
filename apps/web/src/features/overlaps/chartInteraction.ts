// Shared by the overlap charts: SVG shapes that act as buttons, and labels shortened to fit their column.
import type { KeyboardEvent } from 'react';

/** Runs `run` on Enter or Space, as a button would (SVG shapes with role="button" get no such behaviour). */
export function activateOnKey(e: KeyboardEvent, run: () => void): void {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    run();
  }
}

/** `label` cut to at most `max` characters, ending in an ellipsis when cut. */
export function shortLabel(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
