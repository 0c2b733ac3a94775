/**
 * Cooperative time slicing for work on the page's main thread: run a little, yield to the
 * page, carry on, so no task of ours grows long (budget: 50 ms; we aim far lower). Also the
 * stopwatch for the page budgets: busy time summed over slices and the longest slice.
 * No DOM access of its own.
 */

export interface SliceStats {
  /** Main-thread time spent in our slices, ms. */
  busy: number;
  /** Longest single slice, ms. */
  longest: number;
  slices: number;
}

/** Thrown out of `pause()` when the run was cancelled (navigation, switched off, a newer run). */
export class Cancelled extends Error {
  constructor() {
    super('QuoteLens run cancelled');
    this.name = 'Cancelled';
  }
}

type YieldFn = () => Promise<void>;

/** The best way this browser offers to let the page run and come back soon. */
export function defaultYield(): YieldFn {
  const g = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  if (typeof g.scheduler?.yield === 'function') {
    const s = g.scheduler;
    return () => (s.yield as () => Promise<void>).call(s);
  }
  if (typeof MessageChannel === 'function') {
    return () =>
      new Promise<void>((resolve) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          ch.port1.close();
          resolve();
        };
        ch.port2.postMessage(0);
      });
  }
  return () => new Promise<void>((resolve) => setTimeout(resolve, 0));
}

export class Slicer {
  readonly stats: SliceStats = { busy: 0, longest: 0, slices: 0 };
  private sliceStart = 0;
  private running = false;
  private cancelled = false;

  constructor(
    /** Yield once a slice has run this long, ms. */
    private readonly budget = 8,
    private readonly now: () => number = () => performance.now(),
    private readonly yieldFn: YieldFn = defaultYield(),
  ) {}

  /** Starts timing a slice (call at the top of a run and after awaiting anything else). */
  begin(): void {
    this.check();
    this.sliceStart = this.now();
    this.running = true;
  }

  /** Stops timing the current slice. */
  end(): void {
    if (!this.running) return;
    const d = this.now() - this.sliceStart;
    this.stats.busy += d;
    this.stats.slices++;
    if (d > this.stats.longest) this.stats.longest = d;
    this.running = false;
  }

  /** Busy time so far, the running slice included, ms. */
  elapsed(): number {
    return this.stats.busy + (this.running ? this.now() - this.sliceStart : 0);
  }

  /** Whether the current slice has used its budget. */
  due(): boolean {
    return this.now() - this.sliceStart >= this.budget;
  }

  /** Ends the slice, lets the page run, starts a new slice. Throws Cancelled when cancelled. */
  async pause(): Promise<void> {
    this.end();
    await this.yieldFn();
    this.begin();
  }

  /** Pauses only when the budget is used up. */
  async maybePause(): Promise<void> {
    if (this.due()) await this.pause();
  }

  cancel(): void {
    this.cancelled = true;
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  private check(): void {
    if (this.cancelled) throw new Cancelled();
  }
}

/** Resolves when the page is idle-ish (or after `timeout` ms at most). */
export function whenIdle(timeout = 1000): Promise<void> {
  const g = globalThis as {
    requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  };
  if (typeof g.requestIdleCallback === 'function') {
    const ric = g.requestIdleCallback;
    return new Promise((resolve) => ric(() => resolve(), { timeout }));
  }
  return new Promise((resolve) => setTimeout(resolve, Math.min(timeout, 50)));
}
