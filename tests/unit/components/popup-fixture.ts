/**
 * A small made-up article's PageState (own words) and a fake PopupApi that
 * records what the popup asks of the browser, for popup state, export and
 * component tests.
 */
import type { NotesInfo, PopupApi, TabLookup } from '../../../components/popup/api';
import type { ContentRequest, PageState } from '../../../lib/messages';
import type { Quote, Speaker } from '../../../lib/quotes/types';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';

function quote(
  id: number,
  start: number,
  text: string,
  speakerId: number | null,
  extra: Partial<Quote> = {},
): Quote {
  const names = ['Mara Quill', 'Tobias Renn', 'Anja Sorel'];
  return {
    id,
    text,
    start,
    end: start + text.length,
    speaker: speakerId === null ? null : (names[speakerId] ?? null),
    speakerId,
    mention: null,
    fragment: false,
    parent: null,
    confidence: 1,
    runnerUp: null,
    ...extra,
  };
}

export const SPEAKERS: Speaker[] = [
  {
    id: 0,
    name: 'Mara Quill',
    aliases: ['Ms Quill', 'the harbour master'],
    role: 'harbour master',
    kind: 'person',
    count: 2,
    fragmentCount: 1,
  },
  {
    id: 1,
    name: 'Tobias Renn',
    aliases: ['Mr Renn'],
    role: 'mayor of Saltcombe',
    kind: 'person',
    count: 3,
    fragmentCount: 0,
  },
  {
    id: 2,
    name: 'Anja Sorel',
    aliases: [],
    role: null,
    kind: 'person',
    count: 1,
    fragmentCount: 0,
  },
];

/** Reading order: Quill, Renn, Quill (fragment), unknown, Renn, Renn, Sorel, unknown. */
export const QUOTES: Quote[] = [
  quote(0, 10, 'The tide gauge failed twice this week and nobody came to fix it.', 0),
  quote(1, 90, 'We will fund a new gauge, and quickly.', 1),
  quote(2, 150, 'a warning ignored', 0, { fragment: true }),
  quote(3, 200, 'Nobody told us anything,', null),
  quote(4, 260, 'Boats are safe; the port is open.', 1),
  quote(5, 320, 'I trust the engineers, not the rumours.', 1),
  quote(6, 400, 'Say "sorry", then fix it,\nand do it before *spring*.', 2),
  quote(7, 480, '=1+1 is not a plan', null, { fragment: true }),
];

/** QUOTES[i], or a clear failure. */
export function quoteAt(i: number): Quote {
  const q = QUOTES[i];
  if (!q) throw new Error(`no quote ${i}`);
  return q;
}

/** list[i], or a clear failure. */
export function nth<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

export function pageState(over: Partial<PageState> = {}): PageState {
  return {
    status: 'ready',
    url: 'https://news.example.org/saltcombe/gauge?ref=home#top',
    title: 'Saltcombe tide gauge: mayor promises repair',
    site: 'news.example.org',
    quotes: QUOTES,
    speakers: SPEAKERS,
    ...over,
  };
}

export interface FakeApi extends PopupApi {
  sent: ContentRequest[];
  copied: string[];
  downloads: { fileName: string; mime: string; text: string }[];
  reloaded: number[];
  notesOpened: number;
  settings: Settings;
  /** Fires the tab events the popup listens to. */
  emitTab: { changed(): void; closed(): void };
  emitSettings(s: Settings): void;
  /** Sets the notes count and says notes changed. */
  emitNotes(count: number): void;
}

export interface FakeOptions {
  lookup?: TabLookup;
  /** PageState replies in turn (the last one repeats); an Error = sendMessage fails. */
  states?: (PageState | Error)[];
  settings?: Settings;
  notes?: number | NotesInfo | null;
  /** Reply to page:jump / page:only-speaker. */
  actionReply?: { ok: true } | { ok: false; error: string };
}

export function fakeApi(options: FakeOptions = {}): FakeApi {
  const states = options.states ?? [pageState()];
  let asked = 0;
  const tabListeners: { changed(): void; closed(): void }[] = [];
  const settingsListeners: ((s: Settings) => void)[] = [];
  const notesListeners: (() => void)[] = [];
  let notes = options.notes;
  const api: FakeApi = {
    sent: [],
    copied: [],
    downloads: [],
    reloaded: [],
    notesOpened: 0,
    settings: options.settings ?? { ...DEFAULT_SETTINGS, disabledSites: [] },
    emitTab: {
      changed: () => {
        for (const l of tabListeners) l.changed();
      },
      closed: () => {
        for (const l of tabListeners) l.closed();
      },
    },
    emitSettings(s) {
      api.settings = s;
      for (const l of settingsListeners) l(s);
    },
    emitNotes(count) {
      notes = count;
      for (const l of notesListeners) l();
    },
    watchNotes: (cb) => {
      notesListeners.push(cb);
      return () => notesListeners.splice(notesListeners.indexOf(cb), 1);
    },
    findTab: async () =>
      options.lookup ?? {
        kind: 'tab',
        tab: { id: 7, url: 'https://news.example.org/saltcombe/gauge?ref=home#top' },
      },
    send: (async (_tabId: number, request: ContentRequest) => {
      api.sent.push(request);
      if (request.type === 'page:get-state') {
        const reply = states[Math.min(asked++, states.length - 1)];
        if (reply instanceof Error) throw reply;
        return reply;
      }
      return options.actionReply ?? { ok: true };
    }) as PopupApi['send'],
    getSettings: async () => api.settings,
    setAllEnabled: async (enabled) => {
      api.settings = { ...api.settings, enabled };
      return api.settings;
    },
    setSiteEnabled: async (site, enabled) => {
      const others = api.settings.disabledSites.filter((s) => s !== site);
      api.settings = { ...api.settings, disabledSites: enabled ? others : [...others, site] };
      return api.settings;
    },
    watchSettings: (cb) => {
      settingsListeners.push(cb);
      return () => settingsListeners.splice(settingsListeners.indexOf(cb), 1);
    },
    watchTab: (_id, events) => {
      tabListeners.push(events);
      return () => tabListeners.splice(tabListeners.indexOf(events), 1);
    },
    notesFor: async () =>
      notes === undefined || notes === null
        ? null
        : typeof notes === 'number'
          ? { count: notes }
          : notes,
    openNotesPage: () => {
      api.notesOpened++;
    },
    reloadTab: async (id) => {
      api.reloaded.push(id);
    },
    copyText: async (text) => {
      api.copied.push(text);
    },
    download: (fileName, mime, text) => {
      api.downloads.push({ fileName, mime, text });
    },
  };
  return api;
}
