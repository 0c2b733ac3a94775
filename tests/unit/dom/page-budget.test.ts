import { describe, expect, it } from 'vitest';
import { PageBudget } from '../../../lib/dom/page-budget';

describe('page budget (issue 14: pages under constant mutation)', () => {
  it('backs off while over its share of the window, and recovers once the page calms down', () => {
    let t = 0;
    const b = new PageBudget({ windowMs: 10_000, share: 0.05, totalMs: 60_000, now: () => t });
    // 100 ms a run every 450 ms: 2.2 s a 10 s window, far over 0.5 s.
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      t += 450;
      b.spend(100);
      delays.push(b.delay(400, 30_000));
    }
    expect(delays.slice(0, 4)).toEqual([400, 400, 400, 400]);
    expect(delays.at(-1)).toBe(30_000);
    expect(delays).toEqual([...delays].sort((x, y) => x - y));
    // Quiet for a while, then one cheap run: back to the usual wait.
    t += 20_000;
    b.spend(5);
    expect(b.delay(400, 30_000)).toBe(400);
  });

  it('stops following changes after the page’s total, until reset (navigation)', () => {
    let t = 0;
    const b = new PageBudget({ totalMs: 2000, now: () => t });
    for (let i = 0; i < 19; i++) {
      t += 60_000;
      b.spend(100);
    }
    expect(b.exhausted).toBe(false);
    b.spend(100);
    expect(b.exhausted).toBe(true);
    b.reset();
    expect(b.exhausted).toBe(false);
    b.exhaust();
    expect(b.exhausted).toBe(true);
  });
});
