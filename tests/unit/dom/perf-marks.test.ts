import { afterEach, describe, expect, it } from 'vitest';
import { parseDevFlags } from '../../../lib/dev-flags';
import { perfMark, perfMarksOn, setPerfMarks } from '../../../lib/dom/perf-marks';

const ours = () => performance.getEntries().filter((e) => e.name.startsWith('quotelens:'));

describe('performance marks', () => {
  afterEach(() => {
    setPerfMarks(false);
    performance.clearMarks();
  });

  it('writes nothing unless switched on', () => {
    expect(perfMarksOn()).toBe(false);
    perfMark('drawn', { quotes: 3 });
    perfMark('error', { message: 'boom' });
    expect(ours()).toEqual([]);
    setPerfMarks(true);
    perfMark('drawn', { quotes: 3 });
    expect(ours().map((e) => e.name)).toEqual(['quotelens:drawn']);
  });

  it('reads only a literal true from storage as on', () => {
    expect(parseDevFlags({ perfMarks: true })).toEqual({ perfMarks: true });
    for (const raw of [undefined, null, 'true', 1, { perfMarks: 'true' }, { perfMarks: 1 }, []]) {
      expect(parseDevFlags(raw)).toEqual({ perfMarks: false });
    }
  });
});
