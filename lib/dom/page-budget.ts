/**
 * How much of a page's main thread QuoteLens may spend keeping up with the page changing.
 * Every re-annotation after a content change is charged here. Within budget, a change is
 * looked at after the usual short wait; over its share of the recent window, the wait doubles
 * with each run (back-off); past the page's total, QuoteLens stops following content changes
 * until the page navigates or the reader asks (popup). Pure: time comes in, no DOM.
 */

export interface BudgetOptions {
  /** The sliding window the share is measured over, ms. */
  windowMs?: number;
  /** Share of the window QuoteLens may be busy following changes (0–1). */
  share?: number;
  /** Busy ms following content changes, per page, before QuoteLens stops following them. */
  totalMs?: number;
  now?: () => number;
}

export const BUDGET_WINDOW_MS = 10_000;
export const BUDGET_SHARE = 0.05;
/**
 * Measured in real Chromium, each busy ms of a re-run costs the page about as much again in the
 * style and paint of the new highlights, outside QuoteLens's own task: 1 s of own time keeps the
 * page's whole extra main-thread time near 2 s (e2e budget test).
 */
export const BUDGET_TOTAL_MS = 1_000;

export class PageBudget {
  private readonly windowMs: number;
  private readonly share: number;
  private readonly totalMs: number;
  private readonly now: () => number;
  private spent: { at: number; ms: number }[] = [];
  private total = 0;
  private overRuns = 0;

  constructor(o: BudgetOptions = {}) {
    this.windowMs = o.windowMs ?? BUDGET_WINDOW_MS;
    this.share = o.share ?? BUDGET_SHARE;
    this.totalMs = o.totalMs ?? BUDGET_TOTAL_MS;
    this.now = o.now ?? (() => performance.now());
  }

  /** Charges one run's busy time. */
  spend(ms: number): void {
    const at = this.now();
    this.spent.push({ at, ms });
    this.total += ms;
    const recent = this.recent();
    this.overRuns = recent > this.windowMs * this.share ? this.overRuns + 1 : 0;
  }

  /** Busy ms within the window. */
  recent(): number {
    const from = this.now() - this.windowMs;
    this.spent = this.spent.filter((s) => s.at >= from);
    return this.spent.reduce((sum, s) => sum + s.ms, 0);
  }

  /** The wait before looking at the next change: doubling while over the window's share. */
  delay(base: number, max: number): number {
    return Math.min(max, base * 2 ** this.overRuns);
  }

  /** Spent the page's whole allowance: stop following content changes. */
  get exhausted(): boolean {
    return this.total >= this.totalMs;
  }

  /** No more following of changes on this page (it was too large to read at all). */
  exhaust(): void {
    this.total = Math.max(this.total, this.totalMs);
  }

  get spentMs(): number {
    return this.total;
  }

  reset(): void {
    this.spent = [];
    this.total = 0;
    this.overRuns = 0;
  }
}
