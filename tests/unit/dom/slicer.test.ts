import { describe, expect, it } from 'vitest';
import { Cancelled, Slicer } from '../../../lib/dom/slicer';

describe('Slicer', () => {
  it('sums busy time over slices and keeps the longest, not counting time away', async () => {
    let now = 0;
    const s = new Slicer(
      8,
      () => now,
      async () => {
        now += 100; // the page runs for a while between our slices
      },
    );
    s.begin();
    now += 5;
    expect(s.due()).toBe(false);
    now += 4;
    expect(s.due()).toBe(true);
    await s.maybePause();
    now += 3;
    s.end();
    expect(s.stats).toEqual({ busy: 12, longest: 9, slices: 2 });
  });

  it('a cancelled run stops at its next pause', async () => {
    const s = new Slicer(
      8,
      () => 0,
      async () => undefined,
    );
    s.begin();
    s.cancel();
    await expect(s.pause()).rejects.toBeInstanceOf(Cancelled);
  });
});
