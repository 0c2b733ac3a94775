/**
 * The popup: finds its tab, asks the tab's content script for its PageState,
 * keeps asking while the page is still working (or disagrees with the switches
 * just flipped), and shows either the speakers list or a state that says what
 * is going on; plus export, the on/off switches and the notes count.
 * All outside effects go through the `PopupApi` it is given.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { exportFileName, toCsv, toJson, toMarkdown } from '../../lib/export';
import type { PageState } from '../../lib/messages';
import { decideView, type SpeakerOrder, type TabProbe } from '../../lib/popup-state';
import { isActiveOn, type Settings, siteOf } from '../../lib/settings';
import { OrphanList } from '../notes/OrphanList';
import { ArchiveOffer, ArchiveSwitch, useArchive } from './ArchiveOffer';
import type { NotesInfo, PopupApi, TargetTab } from './api';
import { ExportBar } from './ExportBar';
import { NotesLink } from './NotesLink';
import { SpeakerList } from './SpeakerList';
import { StatusView } from './StatusView';
import { Switches } from './Switches';

export interface AppProps {
  api: PopupApi;
  initialOrder?: SpeakerOrder;
  onOrderChange?(order: SpeakerOrder): void;
  /** Time between two looks at a page that is still working (tests shorten it). */
  pollMs?: number;
  /** Time between two looks at a settled page, for statements that arrive later. */
  slowPollMs?: number;
}

function isPageState(value: unknown): value is PageState {
  const v = value as PageState | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.status === 'string' &&
    Array.isArray(v.quotes) &&
    Array.isArray(v.speakers)
  );
}

function samePage(a: PageState, b: PageState): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** How many quick looks before the popup slows down on a page that never settles. */
const MAX_POLLS = 120;
/** Views that keep an eye on the page: statements may arrive later (lazy paragraphs, SPA). */
const WATCHED: readonly string[] = ['list', 'empty', 'not-article'];

export function App({
  api,
  initialOrder,
  onOrderChange,
  pollMs = 300,
  slowPollMs = 2000,
}: AppProps) {
  const [tab, setTab] = useState<TargetTab | null>(null);
  const [probe, setProbe] = useState<TabProbe>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notes, setNotes] = useState<NotesInfo | null>(null);
  const [only, setOnly] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const polls = useRef(0);
  const alive = useRef(true);
  const gen = useRef(0);

  const announce = useCallback((text: string) => {
    // Clearing first makes a repeated message be read again.
    setAnnouncement('');
    setTimeout(() => alive.current && setAnnouncement(text), 30);
  }, []);

  /** Looks the tab up again and asks its page for its state. */
  const refresh = useCallback(async () => {
    const mine = ++gen.current;
    const lookup = await api.findTab().catch(() => ({ kind: 'no-tab' }) as const);
    if (!alive.current || mine !== gen.current) return;
    if (lookup.kind !== 'tab') {
      setTab(null);
      setProbe(lookup);
      return;
    }
    const found = lookup.tab;
    setTab((prev) =>
      prev && prev.id === found.id && prev.url === found.url && prev.title === found.title
        ? prev
        : found,
    );
    let next: TabProbe;
    try {
      const reply = await api.send(lookup.tab.id, { type: 'page:get-state' });
      next = isPageState(reply)
        ? { kind: 'page', page: reply }
        : { kind: 'unreachable', url: lookup.tab.url };
    } catch {
      next = { kind: 'unreachable', url: lookup.tab.url };
    }
    if (!alive.current || mine !== gen.current) return;
    // An unchanged page keeps its object, so the list does not recompute (slow polling).
    setProbe((prev) =>
      prev.kind === 'page' && next.kind === 'page' && samePage(prev.page, next.page)
        ? { kind: 'page', page: prev.page }
        : next,
    );
    if (next.kind === 'page') setOnly(next.page.onlySpeakerId ?? null);
  }, [api]);

  useEffect(() => {
    alive.current = true;
    void refresh();
    void api
      .getSettings()
      .then((s) => alive.current && setSettings(s))
      .catch(() => undefined);
    const unwatch = api.watchSettings((s) => {
      setSettings(s);
      polls.current = 0;
      void refresh();
    });
    return () => {
      alive.current = false;
      unwatch();
    };
  }, [api, refresh]);

  // Follow the tab: a navigation or reload means a new page; a closed tab ends the story.
  const tabId = tab?.id ?? null;
  useEffect(() => {
    if (tabId === null) return;
    return api.watchTab(tabId, {
      changed: () => {
        polls.current = 0;
        void refresh();
      },
      closed: () => {
        gen.current++;
        setProbe({ kind: 'closed' });
      },
    });
  }, [api, tabId, refresh]);

  // The page's own URL: the tab's is hidden from extensions without the `tabs` permission.
  const articleUrl = (probe.kind === 'page' ? probe.page.url : undefined) || tab?.url;
  const [notesRev, setNotesRev] = useState(0);
  useEffect(() => api.watchNotes?.(() => setNotesRev((n) => n + 1)), [api]);
  useEffect(() => {
    if (!articleUrl || tabId === null) {
      setNotes(null);
      return;
    }
    let live = true;
    api
      .notesFor(tabId, articleUrl)
      .then((info) => live && setNotes(info))
      .catch(() => live && setNotes(null));
    return () => {
      live = false;
    };
  }, [api, tabId, articleUrl, notesRev]);

  const view = decideView(probe);
  const page = probe.kind === 'page' ? probe.page : null;
  const site = page?.site || siteOf(tab?.url ?? '');
  const active = settings ? isActiveOn(settings, site) : true;

  // Keep looking while the page works, or while it has not caught up with a switch.
  const unsettled =
    page?.status === 'working' ||
    // A content script that is just starting (page still loading) answers a moment later.
    ((view.kind === 'unreachable' || view.kind === 'unreadable') && polls.current < 8) ||
    (page !== null &&
      settings !== null &&
      (active ? page.status === 'disabled' : page.status === 'ready'));
  const delay = unsettled
    ? polls.current < MAX_POLLS
      ? pollMs
      : slowPollMs
    : WATCHED.includes(view.kind)
      ? slowPollMs
      : null;
  useEffect(() => {
    if (delay === null) return;
    const t = setTimeout(() => {
      polls.current++;
      void refresh();
    }, delay);
    return () => clearTimeout(t);
  }, [delay, probe, refresh]);

  async function send(request: Parameters<PopupApi['send']>[1]): Promise<boolean> {
    if (!tab) return false;
    try {
      const reply = (await api.send(tab.id, request)) as { ok?: boolean; error?: string };
      if (reply && reply.ok === false) {
        announce(`QuoteLens could not do that: ${reply.error ?? 'unknown reason'}`);
        return false;
      }
      return true;
    } catch {
      void refresh();
      return false;
    }
  }

  const actions = {
    rescan: () => {
      polls.current = 0;
      void send({ type: 'page:reannotate' }).then(() => refresh());
    },
    reload: () => {
      if (tab) void api.reloadTab(tab.id).then(() => refresh());
    },
    turnOnSite: () => void api.setSiteEnabled(site, true).then(setSettings),
    turnOnAll: () => void api.setAllEnabled(true).then(setSettings),
  };

  async function exportAs(kind: 'md' | 'csv' | 'json') {
    if (!page) return;
    const n = page.quotes.length;
    const what = `${n} ${n === 1 ? 'statement' : 'statements'}`;
    try {
      if (kind === 'md') {
        await api.copyText(toMarkdown(page));
        announce(`Copied ${what} as Markdown.`);
      } else if (kind === 'csv') {
        api.download(exportFileName(page.title, 'csv'), 'text/csv', toCsv(page));
        announce(`Saved ${what} as CSV.`);
      } else {
        api.download(
          exportFileName(page.title, 'json'),
          'application/json',
          toJson(page, new Date()),
        );
        announce(`Saved ${what} as JSON.`);
      }
    } catch (e) {
      announce(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const hasSite =
    site !== '' && !['restricted', 'unreadable', 'closed', 'no-tab'].includes(view.kind);
  const archive = useArchive(api.archive, page);

  return (
    <div class="ql-popup" data-view={view.kind}>
      <header class="ql-header">
        <div class="ql-brand">
          <svg class="ql-logo" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path
              d="M4 5h16v11H9l-5 4z"
              fill="none"
              stroke="currentColor"
              stroke-width="2"
              stroke-linejoin="round"
            />
            <path d="M8 9h2v3H8zM13 9h2v3h-2z" fill="currentColor" />
          </svg>
          <h1 class="ql-title">QuoteLens</h1>
        </div>
        {page?.title && (
          <p class="ql-page-title" title={page.title}>
            {page.title}
          </p>
        )}
      </header>
      <main class="ql-main">
        {archive.settings && !archive.settings.asked && (
          <ArchiveOffer onAnswer={(yes) => void archive.set({ enabled: yes, asked: true })} />
        )}
        {view.kind === 'list' ? (
          <SpeakerList
            page={view.page}
            only={only}
            initialOrder={initialOrder}
            onOrderChange={onOrderChange}
            onJump={(quoteId, note) => {
              void send({ type: 'page:jump', quoteId }).then((ok) => ok && announce(note));
            }}
            seenElsewhere={archive.seenElsewhere}
            onOnly={(speakerId) => {
              void send({ type: 'page:only-speaker', speakerId }).then((ok) => {
                if (ok) setOnly(speakerId);
              });
            }}
          />
        ) : (
          <StatusView
            view={view}
            allEnabled={settings?.enabled ?? true}
            site={site}
            actions={actions}
          />
        )}
        {hasSite && notes?.orphans && notes.orphans.length > 0 && (
          <OrphanList orphans={notes.orphans} />
        )}
      </main>
      <footer class="ql-footer">
        {view.kind === 'list' && (
          <ExportBar
            count={view.page.quotes.length}
            onCopyMarkdown={() => void exportAs('md')}
            onDownloadCsv={() => void exportAs('csv')}
            onDownloadJson={() => void exportAs('json')}
          />
        )}
        {settings && (
          <Switches
            site={hasSite ? site : ''}
            siteEnabled={!settings.disabledSites.includes(site)}
            allEnabled={settings.enabled}
            onSite={(on) => void api.setSiteEnabled(site, on).then(setSettings)}
            onAll={(on) => void api.setAllEnabled(on).then(setSettings)}
          />
        )}
        {archive.settings && (
          <ArchiveSwitch
            on={archive.settings.enabled}
            onChange={(on) => void archive.set({ enabled: on, asked: true })}
          />
        )}
        {hasSite && <NotesLink info={notes} onOpen={() => api.openNotesPage()} />}
      </footer>
      <div class="ql-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
