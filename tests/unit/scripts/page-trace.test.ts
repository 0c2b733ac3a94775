import { describe, expect, it } from 'vitest';
import { costsFromTrace, type TraceEvent } from '../../../scripts/page-trace';

const ev = (e: Partial<TraceEvent>): TraceEvent => ({
  name: '',
  ph: 'X',
  ts: 0,
  pid: 1,
  tid: 7,
  ...e,
});

describe('costsFromTrace', () => {
  const base = [
    ev({ name: 'thread_name', ph: 'M', args: { name: 'CrRendererMain' } }),
    ev({ name: 'thread_name', ph: 'M', tid: 9, args: { name: 'Compositor' } }),
    ev({ name: 'quotelens:drawn', ph: 'R', ts: 10_000 }),
  ];

  it("counts the extension's script evaluation on the page's main thread only", () => {
    const costs = costsFromTrace(
      [
        ...base,
        ev({
          name: 'EvaluateScript',
          ts: 1000,
          dur: 4000,
          tdur: 3000,
          args: { data: { url: 'chrome-extension://x/content.js' } },
        }),
        ev({
          name: 'EvaluateScript',
          ts: 6000,
          dur: 9000,
          args: { data: { url: 'http://page/app.js' } },
        }),
        ev({
          name: 'EvaluateScript',
          ts: 1000,
          dur: 5000,
          pid: 2,
          args: { data: { url: 'chrome-extension://x/bg.js' } },
        }),
      ],
      'chrome-extension://',
    );
    expect(costs?.inject).toBe(4);
    // Its CPU time too: the wall time less what other processes took of the core meanwhile.
    expect(costs?.injectCpu).toBe(3);
  });

  it('counts the first frame after the drawn mark, nested events once, up to its commit', () => {
    const costs = costsFromTrace(
      [
        ...base,
        ev({ name: 'Layout', ts: 5000, dur: 3000 }), // before the mark: not ours to count here
        ev({ name: 'UpdateLayoutTree', ts: 11_000, dur: 1000 }),
        ev({ name: 'Paint', ts: 12_500, dur: 1000 }),
        ev({ name: 'Layout', ts: 12_800, dur: 200 }), // nested in Paint
        ev({ name: 'Commit', ts: 14_000, dur: 500 }),
        ev({ name: 'Layout', ts: 30_000, dur: 5000 }), // a later frame
        ev({ name: 'Paint', ts: 11_000, dur: 9000, tid: 9 }), // another thread
      ],
      'chrome-extension://',
    );
    expect(costs?.frame).toBeCloseTo(2.5);
  });

  it('counts the imported module: its compile task, its evaluation task up to the start mark, its cache write; its background compile apart', () => {
    const url = { data: { url: 'chrome-extension://x/page-app.js' } };
    const costs = costsFromTrace(
      [
        ...base,
        ev({ name: 'quotelens:start', ph: 'R', ts: 7000 }),
        ev({ name: 'RunTask', ts: 2000, dur: 1000, tdur: 800 }),
        ev({ name: 'v8.compileModule', ts: 2100, dur: 100, args: url }),
        // Evaluation, then the first run from 7000 on: only the part before the mark is counted.
        ev({ name: 'RunTask', ts: 5000, dur: 4000, tdur: 2000 }),
        ev({ name: 'v8.evaluateModule', ts: 5100, dur: 500, args: { worldName: 'QuoteLens' } }),
        ev({ name: 'v8.produceModuleCache', ts: 9500, dur: 300, tdur: 200 }),
        // A module of the page's own world (no world name) before ours: not counted.
        ev({ name: 'RunTask', ts: 1000, dur: 500 }),
        ev({ name: 'v8.evaluateModule', ts: 1100, dur: 300, args: {} }),
        ev({ name: 'v8.parseOnBackground', ts: 1500, dur: 3000, tdur: 2500, tid: 11, args: url }),
      ],
      'chrome-extension://',
    );
    expect(costs?.inject).toBeCloseTo(1 + 2 + 0.3);
    expect(costs?.injectCpu).toBeCloseTo(0.8 + 1 + 0.2);
    expect(costs?.moduleCpu).toBeCloseTo(2);
    expect(costs?.offThread).toBeCloseTo(2.5);
  });

  it('gives nothing for a trace without the mark', () => {
    expect(costsFromTrace(base.slice(0, 2), 'chrome-extension://')).toBeNull();
  });
});
