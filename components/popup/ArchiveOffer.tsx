/**
 * The popup's part of the reader's archive (issue 15): the one-time offer ("Remember who said
 * what…?"), its switch, and the per-speaker "also in N articles you read" lookups.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ArchiveSettings } from '../../lib/archive/settings';
import type { LookupHit } from '../../lib/archive/store';
import type { PageState } from '../../lib/messages';
import type { PopupArchiveApi } from './api';
import { Switch } from './Switches';

export function ArchiveOffer({ onAnswer }: { onAnswer(yes: boolean): void }) {
  return (
    <section class="ql-archive-offer" aria-label="Remember speakers">
      <p>
        <strong>Remember who said what in the articles you read?</strong> QuoteLens would keep each
        article’s speakers and statements in this browser only, so you can look a person up later.
        Private windows are never kept; you can forget anything at any time.
      </p>
      <div class="ql-archive-offer-buttons">
        <button type="button" class="ql-button" onClick={() => onAnswer(true)}>
          Yes, remember
        </button>
        <button type="button" class="ql-button ql-button-quiet" onClick={() => onAnswer(false)}>
          No, thanks
        </button>
      </div>
    </section>
  );
}

export function ArchiveSwitch({ on, onChange }: { on: boolean; onChange(on: boolean): void }) {
  return (
    <section class="ql-switches" aria-label="Archive">
      <Switch
        id="ql-switch-archive"
        label="Remember who said what"
        detail="in the articles you read"
        on={on}
        onChange={onChange}
      />
    </section>
  );
}

/** The archive's state for the popup: its settings and this page's speakers' hits. */
export function useArchive(api: PopupArchiveApi | undefined, page: PageState | null) {
  const [settings, setSettings] = useState<ArchiveSettings | null>(null);
  const [hits, setHits] = useState<Map<number, LookupHit>>(new Map());
  useEffect(() => {
    let live = true;
    api
      ?.settings()
      .then((s) => live && setSettings(s))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  const speakers = page?.status === 'ready' ? page.speakers : [];
  const wanted = JSON.stringify(speakers.map((s) => [s.id, s.name, s.kind, s.aliases]));
  const url = page?.url ?? '';
  useEffect(() => {
    if (!api || !url || wanted === '[]') return;
    let live = true;
    const list = JSON.parse(wanted) as Array<
      [number, string, PageState['speakers'][0]['kind'], string[]]
    >;
    api
      .lookup(
        url,
        list.map(([, name, kind, aliases]) => ({ name, kind, aliases })),
      )
      .then((found) => {
        if (!live) return;
        const next = new Map<number, LookupHit>();
        found.forEach((hit, i) => {
          const id = list[i]?.[0];
          if (hit && id !== undefined) next.set(id, hit);
        });
        setHits(next);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, url, wanted]);
  const set = useCallback(
    async (patch: Partial<ArchiveSettings>) => {
      if (!api) return;
      setSettings(await api.set(patch));
    },
    [api],
  );
  const seenElsewhere = useCallback(
    (speakerId: number | null) => {
      const hit = speakerId === null ? undefined : hits.get(speakerId);
      if (!hit || !api) return null;
      return { count: hit.otherArticles, onOpen: () => api.openSpeaker(hit.personId) };
    },
    [hits, api],
  );
  return { settings, set, seenElsewhere };
}
