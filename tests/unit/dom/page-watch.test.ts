// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_WAIT_DEBOUNCES, PageWatch } from '../../../lib/dom/page-watch';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let watch: PageWatch | null = null;
afterEach(() => {
  watch?.stop();
  watch = null;
  document.body.innerHTML = '';
});

function watchArticle(debounceMs: number) {
  document.body.innerHTML = '<article><p>Text <span id="clock">0</span></p></article>';
  const calls: number[] = [];
  const t0 = Date.now();
  watch = new PageWatch(
    document,
    {
      contentChanged: () => calls.push(Date.now() - t0),
      navigated: () => {},
      layoutChanged: () => {},
      isOwn: () => false,
    },
    { debounceMs, pollMs: 0 },
  );
  watch.observe(document.querySelector('article'));
  const clock = document.getElementById('clock') as HTMLElement;
  return { calls, tick: (n: number) => (clock.textContent = String(n)) };
}

describe('PageWatch content changes', () => {
  it('reports a burst once, after the quiet time', async () => {
    const { calls, tick } = watchArticle(40);
    for (let i = 1; i <= 3; i++) {
      tick(i);
      await sleep(5);
    }
    await sleep(120);
    expect(calls.length).toBe(1);
  });

  it('still reports a page that never stops changing, within the maximum wait', async () => {
    const debounce = 40;
    const { calls, tick } = watchArticle(debounce);
    // A change every 10 ms for 700 ms: never 40 ms of quiet.
    for (let i = 1; i <= 70; i++) {
      tick(i);
      await sleep(10);
    }
    const maxWait = debounce * MAX_WAIT_DEBOUNCES;
    expect(calls.length).toBeGreaterThanOrEqual(2);
    // The first report comes no later than the maximum wait (plus timer slack).
    expect(calls[0]).toBeLessThan(maxWait + 150);
  });
});
