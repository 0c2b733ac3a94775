/**
 * From the engine's answer to an archive record: what the background does with each article
 * the engine read, if the reader opted in. Never for private windows, excluded sites, frames,
 * or anything but our content script in a web page's tab. No browser APIs (all injected).
 */
import { describeSpan } from '../dom/anchor';
import type { EngineRequest } from '../messages';
import type { Extraction } from '../quotes/types';
import { siteOf } from '../settings';
import { type ArchiveSettings, mayRecord } from './settings';
import type { ArchiveStore, ArticleInput } from './store';

/** The parts of runtime.MessageSender the recorder reads. */
export interface RecorderSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string; incognito?: boolean };
}

/** The article to record from one engine run (null when nothing was said by anyone). */
export function articleFromExtraction(
  request: EngineRequest,
  extraction: Extraction,
  url: string,
): ArticleInput | null {
  const text = request.model.text;
  const statements = extraction.quotes
    .filter((q) => q.parent === null && q.text.trim().length > 0)
    .map((q) => {
      const speaker = q.speakerId !== null ? extraction.speakers[q.speakerId] : undefined;
      return {
        text: q.text,
        speaker: speaker?.name ?? q.speaker,
        speakerKind: speaker?.kind ?? (q.speaker ? ('person' as const) : null),
        aliases: speaker?.aliases ?? [],
        fragment: q.fragment,
        confidence: q.confidence,
        selectors: describeSpan(text, q.start, q.end),
      };
    });
  if (statements.length === 0) return null;
  const headline = request.model.blocks.find((b) => b.kind === 'headline');
  const title =
    request.page?.title?.trim() ||
    (headline ? text.slice(headline.start, headline.end) : '') ||
    url;
  return { url, canonical: request.page?.canonical ?? null, title, site: siteOf(url), statements };
}

export interface RecorderDeps {
  store: Pick<ArchiveStore, 'record'>;
  settings: () => Promise<ArchiveSettings>;
  selfId: string;
}

/** Why an engine run was not recorded, or 'recorded'. Never throws. */
export async function maybeRecord(
  deps: RecorderDeps,
  request: EngineRequest,
  extraction: Extraction,
  sender: RecorderSender,
): Promise<'recorded' | 'off' | 'private' | 'excluded' | 'not-a-page' | 'nothing-said' | 'failed'> {
  try {
    const url = sender.tab?.url ?? sender.url ?? '';
    if (
      sender.id !== deps.selfId ||
      typeof sender.tab?.id !== 'number' ||
      !/^https?:\/\//.test(url)
    ) {
      return 'not-a-page';
    }
    if ((sender.frameId ?? 0) !== 0) return 'not-a-page';
    // Private windows are never recorded, whatever the switches say.
    if (sender.tab.incognito) return 'private';
    const settings = await deps.settings();
    if (!settings.enabled) return 'off';
    if (!mayRecord(settings, siteOf(url))) return 'excluded';
    const article = articleFromExtraction(request, extraction, url);
    if (!article) return 'nothing-said';
    await deps.store.record(article);
    return 'recorded';
  } catch {
    return 'failed';
  }
}
