import { describe, expect, it } from 'vitest';
import {
  remoteExtract,
  serveEngineRequest,
  textModelProblem,
} from '../../../lib/dom/remote-engine';
import { isEngineRequest } from '../../../lib/messages';
import type { Extraction, TextModel } from '../../../lib/quotes/types';

const model: TextModel = {
  text: 'The mayor said: "We will open the bridge in May."',
  blocks: [{ kind: 'paragraph', start: 0, end: 49 }],
  inline: [],
  lang: 'en',
};
const found: Extraction = { quotes: [], speakers: [] };

describe('engine in the background', () => {
  it('answers a well-formed request with the extraction', () => {
    const reply = serveEngineRequest({ type: 'engine:extract', model }, () => found);
    expect(reply).toEqual({ ok: true, extraction: found });
  });

  it('refuses a malformed model with a clear message and never runs the engine on it', () => {
    let ran = false;
    const run = () => {
      ran = true;
      return found;
    };
    for (const bad of [
      null,
      { text: 1, blocks: [], inline: [] },
      { text: 'abc', blocks: [{ kind: 'paragraph', start: 0, end: 9 }], inline: [] },
      { text: 'abc', blocks: [{ kind: 'poem', start: 0, end: 1 }], inline: [] },
      { text: 'abc', blocks: [], inline: [{ kind: 'q', start: 2, end: 1 }] },
    ]) {
      const reply = serveEngineRequest(
        { type: 'engine:extract', model: bad as unknown as TextModel },
        run,
      );
      expect(reply.ok).toBe(false);
      expect(!reply.ok && reply.error).toMatch(/could not read this page/);
    }
    expect(ran).toBe(false);
    expect(textModelProblem(model)).toBeNull();
  });

  it('turns an engine failure into an error reply instead of throwing', () => {
    const reply = serveEngineRequest({ type: 'engine:extract', model }, () => {
      throw new Error('boom');
    });
    expect(reply).toEqual({ ok: false, error: 'The quote engine failed: boom' });
  });

  it('the content side gets the extraction, or the reason it failed', async () => {
    const sent: unknown[] = [];
    const extract = remoteExtract(async (req) => {
      sent.push(req);
      return serveEngineRequest(req, () => found);
    });
    await expect(extract(model)).resolves.toEqual(found);
    expect(isEngineRequest(sent[0])).toBe(true);
    const failing = remoteExtract(async () => ({ ok: false, error: 'nope' }));
    await expect(failing(model)).rejects.toThrow('nope');
    const silent = remoteExtract(async () => undefined);
    await expect(silent(model)).rejects.toThrow(/did not answer/);
    const hanging = remoteExtract(() => new Promise(() => undefined), 20);
    await expect(hanging(model)).rejects.toThrow(/did not answer/);
  });
});
