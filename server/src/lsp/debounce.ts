// How long to wait after an edit before checking. A check after one edit should come at once (the
// setting, 50 ms by default); while keystrokes keep coming, checking between two of them is wasted work
// that the next one cancels, so the wait grows with the pace of typing, up to four times the setting.
import { performance } from 'node:perf_hooks';

/** Edits closer together than this are one burst of typing. */
const BURST_GAP_MS = 500;
/** Within a burst, wait this many times the gap between the last two edits … */
const GAP_FACTOR = 1.5;
/** … but never longer than this many times the setting. */
const MAX_FACTOR = 4;

export class Debounce {
  private readonly lastEdit = new Map<string, number>();

  /** The wait before checking the document after an edit made now, for a setting of `base` ms. */
  delay(uri: string, base: number, now = performance.now()): number {
    const gap = now - (this.lastEdit.get(uri) ?? -Infinity);
    this.lastEdit.set(uri, now);
    if (gap >= BURST_GAP_MS) return base;
    return Math.min(MAX_FACTOR * base, Math.max(base, GAP_FACTOR * gap));
  }

  forget(uri: string): void {
    this.lastEdit.delete(uri);
  }
}
