// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { tooManyElementsTask } from '../../../lib/dom/page-size';

function run(task: Generator<void, boolean, void>): { value: boolean; yields: number } {
  let yields = 0;
  let r = task.next();
  while (!r.done) {
    yields++;
    r = task.next();
  }
  return { value: r.value, yields };
}

/** A body of `n` divs (plus html, head and body). */
function fill(n: number): void {
  document.body.innerHTML = '<div></div>'.repeat(n);
}

describe('tooManyElementsTask (issue 14: a page too large to read is turned away by its size)', () => {
  it('says whether the document holds more elements than the limit', () => {
    fill(100);
    // 103 elements: html, head, body and the divs
    expect(run(tooManyElementsTask(document, 102)).value).toBe(true);
    expect(run(tooManyElementsTask(document, 103)).value).toBe(false);
    expect(run(tooManyElementsTask(document, 1000)).value).toBe(false);
  });

  it('counts in steps, yielding between them only when the slice is used up', () => {
    fill(60_000);
    expect(run(tooManyElementsTask(document, 50_000, () => false))).toEqual({
      value: true,
      yields: 0,
    });
    const counted = run(tooManyElementsTask(document, 100_000, () => true));
    expect(counted.value).toBe(false);
    expect(counted.yields).toBe(2);
  });
});
