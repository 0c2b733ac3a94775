/**
 * The note model: a note IS a W3C Web Annotation (https://www.w3.org/TR/annotation-model/),
 * so export is the stored object itself and import is validation. Also the JSON-LD and
 * Markdown exports and the strict JSON-LD import parser.
 * Pure: no DOM, no browser APIs, no storage. Never trusts a parsed file: every record is
 * validated before anything may be written.
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our own terms (speaker, article title, site…) live under this IRI in exported JSON-LD. */
export const QUOTELENS_NS = 'https://quotelens.invalid/ns#';

// The selector types are the anchoring layer's (lib/dom/selectors.ts); notes store them.
import type {
  NoteSelectors,
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
} from '../dom/selectors';

export type { NoteSelectors, Selector, TextPositionSelector, TextQuoteSelector };

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  /** 'commenting' = the note text (exactly one); 'tagging' = one tag per body. */
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

export interface NoteTarget {
  /** The article's URL: its <link rel=canonical> when it has one, tracking parameters removed. */
  source: string;
  selector: Selector[];
}

/** QuoteLens extension fields, kept under one key so the rest stays plain Web Annotation. */
export interface QuoteLensFields {
  /** Who said the annotated words, as the engine named them (null: unknown / plain selection). */
  speaker: string | null;
  /** The article's title when the note was written. */
  title: string;
  /** Host name shown on the notes page, e.g. "example.com". */
  site: string;
  /** The address the reader actually had open (may differ from target.source). */
  pageUrl: string;
}

export interface Note {
  '@context'?: string;
  /** "urn:uuid:…" for notes made here; any IRI is accepted on import. */
  id: string;
  type: 'Annotation';
  motivation: 'commenting';
  body: TextualBody[];
  target: NoteTarget;
  /** ISO 8601 times. `modified` decides which copy wins (import, concurrent edits). */
  created: string;
  modified: string;
  quotelens: QuoteLensFields;
}

/** What the caller knows when it asks for a new note (content script / notes page). */
export interface NoteDraft {
  /** The page's address (location.href). */
  url: string;
  /** The page's <link rel=canonical> href, if any. */
  canonical?: string | null;
  title: string;
  text: string;
  tags?: string[];
  selectors: NoteSelectors;
  speaker?: string | null;
}

/** An edit; fields left out keep their value. */
export interface NotePatch {
  text?: string;
  tags?: string[];
  speaker?: string | null;
  /** Re-anchored selectors, when the content script found the note moved. */
  selectors?: NoteSelectors;
  /**
   * The note's `modified` when the editor opened it. A field changed elsewhere after that is
   * not overwritten: the save fails with a conflict (the reader chooses). Absent: last wins.
   */
  base?: string;
}

// ── Accessors (the UI reads notes through these, never by poking at body[]) ──

export function noteText(note: Note): string {
  return note.body.find((b) => b.purpose === 'commenting')?.value ?? '';
}

export function noteTags(note: Note): string[] {
  return note.body.filter((b) => b.purpose === 'tagging').map((b) => b.value);
}

export function noteSelectors(note: Note): NoteSelectors {
  const quote = note.target.selector.find(
    (s): s is TextQuoteSelector => s.type === 'TextQuoteSelector',
  );
  const position = note.target.selector.find(
    (s): s is TextPositionSelector => s.type === 'TextPositionSelector',
  );
  // Validation guarantees a TextQuoteSelector; the fallback only keeps the type honest.
  return {
    quote: quote ?? { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
    ...(position ? { position } : {}),
  };
}

/** The quoted words the note is attached to. */
export function noteQuote(note: Note): string {
  return noteSelectors(note).quote.exact;
}

export function noteSpeaker(note: Note): string | null {
  return note.quotelens.speaker;
}

// ── Building ──

/** Tags: trimmed, leading '#' dropped, inner white space collapsed, empty and duplicate dropped. */
export function cleanTags(tags: readonly string[] | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags ?? []) {
    const tag = raw.replace(/^#+/, '').replace(/\s+/g, ' ').trim();
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

export function makeBody(text: string, tags: readonly string[] | undefined): TextualBody[] {
  return [
    { type: 'TextualBody', value: text, purpose: 'commenting', format: 'text/plain' },
    ...cleanTags(tags).map(
      (value): TextualBody => ({
        type: 'TextualBody',
        value,
        purpose: 'tagging',
        format: 'text/plain',
      }),
    ),
  ];
}

export function selectorList(selectors: NoteSelectors): Selector[] {
  const q = selectors.quote;
  const list: Selector[] = [
    { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
  ];
  if (selectors.position) {
    list.push({
      type: 'TextPositionSelector',
      start: selectors.position.start,
      end: selectors.position.end,
    });
  }
  return list;
}

export function newNoteId(): string {
  return `urn:uuid:${crypto.randomUUID()}`;
}

/** Host name for display ("www." dropped). Empty when the URL does not parse. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export interface BuildNoteArgs {
  draft: NoteDraft;
  /** Where the note points: the article's canonical URL (lib/notes/url.ts `articleSource`). */
  source: string;
  now: Date;
  id?: string;
}

export function buildNote({ draft, source, now, id }: BuildNoteArgs): Note {
  const time = now.toISOString();
  return {
    id: id ?? newNoteId(),
    type: 'Annotation',
    motivation: 'commenting',
    body: makeBody(draft.text, draft.tags),
    target: { source, selector: selectorList(draft.selectors) },
    created: time,
    modified: time,
    quotelens: {
      speaker: draft.speaker ?? null,
      title: draft.title,
      site: siteOf(source) || siteOf(draft.url),
      pageUrl: draft.url,
    },
  };
}

export function applyPatch(note: Note, patch: NotePatch, modified: string): Note {
  const text = patch.text ?? noteText(note);
  const tags = patch.tags ?? noteTags(note);
  return {
    ...note,
    body: makeBody(text, tags),
    target: patch.selectors
      ? { ...note.target, selector: selectorList(patch.selectors) }
      : note.target,
    modified,
    quotelens: {
      ...note.quotelens,
      ...(patch.speaker !== undefined ? { speaker: patch.speaker } : {}),
    },
  };
}

// ── Validation ──

export const MAX_NOTE_TEXT = 100_000;
export const MAX_QUOTE_TEXT = 20_000;
/** Caps on every other field a note carries (an import is held to them field by field). */
export const MAX_CONTEXT_TEXT = 2_000;
export const MAX_TITLE = 2_000;
export const MAX_URL = 8_000;
export const MAX_SPEAKER = 500;
export const MAX_TAG = 200;
export const MAX_TAGS = 100;

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIsoDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d\d-\d\d/.test(v) && !Number.isNaN(Date.parse(v));
}

function isHttpUrl(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function isIri(v: unknown): v is string {
  return typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(v) && v.length <= 2000;
}

/** One value or an array of them, as JSON-LD allows. */
function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function typeIs(v: Record<string, unknown>, name: string): boolean {
  return asArray(v.type).includes(name);
}

/**
 * Checks one record and returns it in QuoteLens's canonical shape (selectors as an array,
 * bodies with purposes, extension fields filled). Accepts the variations the Web Annotation
 * model allows (single body / selector instead of arrays, a body string, extra keys).
 */
export function validateNote(raw: unknown): Result<Note> {
  const fail = (error: string): Result<Note> => ({ ok: false, error });
  if (!isObject(raw)) return fail('is not an object');
  if (!isIri(raw.id)) return fail('has no "id" IRI');
  if (!typeIs(raw, 'Annotation')) return fail('"type" is not "Annotation"');
  if (raw.motivation !== undefined && !asArray(raw.motivation).includes('commenting')) {
    return fail('"motivation" is not "commenting"');
  }
  if (!isIsoDate(raw.created)) return fail('"created" is not an ISO date');
  const modified = raw.modified === undefined ? raw.created : raw.modified;
  if (!isIsoDate(modified)) return fail('"modified" is not an ISO date');

  let text: string | null = null;
  const tags: string[] = [];
  for (const b of asArray(raw.body)) {
    if (typeof b === 'string') {
      if (text !== null) return fail('has more than one comment body');
      text = b;
      continue;
    }
    if (!isObject(b) || !typeIs(b, 'TextualBody') || typeof b.value !== 'string') {
      return fail('has a body that is not a TextualBody with a text "value"');
    }
    if (b.format !== undefined && b.format !== 'text/plain') {
      return fail(`has a body in format "${String(b.format)}" (only text/plain)`);
    }
    if (b.purpose === 'tagging') tags.push(b.value);
    else if (b.purpose === undefined || b.purpose === 'commenting') {
      if (text !== null) return fail('has more than one comment body');
      text = b.value;
    } else return fail(`has a body with unknown purpose "${String(b.purpose)}"`);
  }
  if (text === null) return fail('has no comment body (TextualBody with the note text)');
  if (text.length > MAX_NOTE_TEXT) return fail('has a note text longer than 100,000 characters');
  if (tags.length > MAX_TAGS) return fail(`has more than ${MAX_TAGS} tags`);
  if (tags.some((t) => t.length > MAX_TAG))
    return fail(`has a tag longer than ${MAX_TAG} characters`);

  const targets = asArray(raw.target);
  if (targets.length !== 1 || !isObject(targets[0])) return fail('must have exactly one target');
  const target = targets[0];
  if (!isHttpUrl(target.source)) return fail('"target.source" is not an http(s) URL');
  if (target.source.length > MAX_URL)
    return fail(`"target.source" is longer than ${MAX_URL} characters`);
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  for (const s of asArray(target.selector)) {
    if (!isObject(s)) return fail('has a selector that is not an object');
    if (typeIs(s, 'TextQuoteSelector')) {
      if (typeof s.exact !== 'string' || s.exact.trim() === '') {
        return fail('has a TextQuoteSelector without "exact" text');
      }
      if (s.exact.length > MAX_QUOTE_TEXT) return fail('has a quote longer than 20,000 characters');
      for (const k of ['prefix', 'suffix'] as const) {
        if (s[k] !== undefined && typeof s[k] !== 'string') {
          return fail(`has a TextQuoteSelector whose "${k}" is not text`);
        }
        if (typeof s[k] === 'string' && (s[k] as string).length > MAX_CONTEXT_TEXT) {
          return fail(`has a TextQuoteSelector "${k}" longer than ${MAX_CONTEXT_TEXT} characters`);
        }
      }
      quote ??= {
        type: 'TextQuoteSelector',
        exact: s.exact,
        prefix: (s.prefix as string | undefined) ?? '',
        suffix: (s.suffix as string | undefined) ?? '',
      };
    } else if (typeIs(s, 'TextPositionSelector')) {
      const { start, end } = s;
      if (
        typeof start !== 'number' ||
        typeof end !== 'number' ||
        !Number.isInteger(start) ||
        !Number.isInteger(end) ||
        start < 0 ||
        end < start
      ) {
        return fail('has a TextPositionSelector whose start/end are not 0 ≤ start ≤ end integers');
      }
      position ??= { type: 'TextPositionSelector', start, end };
    }
    // Other selector kinds (CSS, XPath…) mean nothing on our text model: dropped.
  }
  if (!quote) return fail('has no TextQuoteSelector on its target');

  const ql = isObject(raw.quotelens) ? raw.quotelens : {};
  const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
  if (ql.speaker !== undefined && ql.speaker !== null && typeof ql.speaker !== 'string') {
    return fail('"quotelens.speaker" is not text');
  }
  const caps: [string, number][] = [
    ['speaker', MAX_SPEAKER],
    ['title', MAX_TITLE],
    ['site', MAX_TITLE],
    ['pageUrl', MAX_URL],
  ];
  for (const [k, max] of caps) {
    const v = ql[k];
    if (typeof v === 'string' && v.length > max) {
      return fail(`"quotelens.${k}" is longer than ${max.toLocaleString('en')} characters`);
    }
  }
  const note: Note = {
    id: raw.id,
    type: 'Annotation',
    motivation: 'commenting',
    body: makeBody(text, tags),
    target: { source: target.source, selector: selectorList({ quote, position }) },
    created: new Date(raw.created).toISOString(),
    modified: new Date(modified).toISOString(),
    quotelens: {
      speaker: typeof ql.speaker === 'string' ? ql.speaker : null,
      title: str(ql.title, ''),
      site: str(ql.site, siteOf(target.source)),
      pageUrl: isHttpUrl(ql.pageUrl) ? ql.pageUrl : target.source,
    },
  };
  return { ok: true, value: note };
}

// ── Export ──

/** The JSON-LD context of an export: the Web Annotation context plus our extension terms. */
export const EXPORT_CONTEXT = [
  ANNOTATION_CONTEXT,
  {
    '@version': 1.1,
    ql: QUOTELENS_NS,
    quotelens: { '@id': 'ql:note', '@type': '@json' },
  },
] as const;

export interface AnnotationCollection {
  '@context': typeof EXPORT_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  first: { type: 'AnnotationPage'; startIndex: 0; items: Note[] };
}

export function toJsonLd(notes: readonly Note[], now: Date): string {
  const collection: AnnotationCollection = {
    '@context': EXPORT_CONTEXT,
    id: newNoteId(),
    type: 'AnnotationCollection',
    label: 'QuoteLens notes',
    total: notes.length,
    generated: now.toISOString(),
    first: {
      type: 'AnnotationPage',
      startIndex: 0,
      items: notes.map((n) => {
        const { '@context': _drop, ...rest } = n;
        return rest;
      }),
    },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/**
 * A URL inside Markdown's <…>: percent-encoded wherever a renderer could read markup into it
 * (an imported note's source may hold `> <img onerror=…>`).
 */
export function markdownUrl(url: string): string {
  return url.replace(/[\s<>"'`()[\]\\|{}^*_]/g, (c) =>
    Array.from(
      new TextEncoder().encode(c),
      (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    ).join(''),
  );
}

/** Markdown for reading, not for import: articles as sections, each note as a quote + text. */
export function toMarkdown(notes: readonly Note[], now: Date): string {
  const groups = new Map<string, Note[]>();
  for (const n of notes) {
    const list = groups.get(n.target.source) ?? [];
    list.push(n);
    groups.set(n.target.source, list);
  }
  const esc = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
  const quoteLines = (s: string) =>
    s
      .split('\n')
      .map((l) => `> ${esc(l)}`)
      .join('\n');
  const out: string[] = [
    '# QuoteLens notes',
    '',
    `Exported ${now.toISOString()} · ${notes.length} note${notes.length === 1 ? '' : 's'}`,
    '',
  ];
  for (const [source, list] of groups) {
    const first = list[0];
    const title = first?.quotelens.title || source;
    out.push(
      `## ${esc(title)}`,
      '',
      `<${markdownUrl(source)}>${first?.quotelens.site ? ` · ${esc(first.quotelens.site)}` : ''}`,
      '',
    );
    for (const n of [...list].sort((a, b) => a.created.localeCompare(b.created))) {
      const who = n.quotelens.speaker ? ` — ${esc(n.quotelens.speaker)}` : '';
      out.push(`${quoteLines(noteQuote(n))}${who}`, '');
      out.push(esc(noteText(n)), '');
      const tags = noteTags(n);
      if (tags.length) out.push(`Tags: ${tags.map((t) => `#${esc(t)}`).join(' ')}`, '');
      out.push(`*${n.modified.slice(0, 10)}*`, '', '---', '');
    }
  }
  return out.join('\n');
}

// ── Import ──

/**
 * A file read whole (the store's importJsonLd, tests, small files) is capped; the notes page
 * streams any larger file in chunks (lib/notes/import-stream.ts), with no cap on the total.
 */
export const MAX_IMPORT_CHARS = 50_000_000;

export type ParseResult =
  | {
      ok: true;
      notes: Note[];
      /** Records dropped because the file holds a newer (or equal) copy of the same id. */
      duplicates: number;
    }
  | { ok: false; error: string };

function describeRecord(raw: unknown, index: number): string {
  const id = isObject(raw) && typeof raw.id === 'string' ? ` (${raw.id.slice(0, 80)})` : '';
  return `record ${index + 1}${id}`;
}

/** Finds the annotations of a file: an AnnotationCollection (first page(s) embedded),
 * an AnnotationPage, a bare array of annotations, or one annotation. */
function recordsOf(doc: unknown): unknown[] | string {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return 'the file is not a JSON object or array';
  if (typeIs(doc, 'AnnotationCollection')) {
    const records: unknown[] = [];
    let page: unknown = doc.first;
    const seen = new Set<unknown>();
    while (page !== undefined) {
      if (!isObject(page)) {
        return typeof page === 'string'
          ? 'the collection links to its pages instead of embedding them'
          : 'the collection\'s "first" page is not an AnnotationPage';
      }
      if (seen.has(page)) break;
      seen.add(page);
      if (!Array.isArray(page.items)) return 'an AnnotationPage has no "items" array';
      // One by one: spreading 100,000 items into push() overflows the call stack.
      for (const item of page.items) records.push(item);
      page = isObject(page.next) ? page.next : undefined;
    }
    if (doc.first === undefined && Array.isArray(doc.items)) {
      for (const item of doc.items) records.push(item);
    }
    return records;
  }
  if (typeIs(doc, 'AnnotationPage')) {
    return Array.isArray(doc.items) ? doc.items : 'the AnnotationPage has no "items" array';
  }
  if (typeIs(doc, 'Annotation')) return [doc];
  return 'the file is not Web Annotation JSON-LD (no AnnotationCollection, AnnotationPage or Annotation)';
}

/**
 * Parses a JSON-LD export. All-or-nothing: the first bad record makes the whole file fail,
 * with a message naming the record and the reason.
 */
export function parseJsonLd(text: string): ParseResult {
  if (text.length > MAX_IMPORT_CHARS) {
    return { ok: false, error: 'The file is larger than 50 MB; import it from the notes page.' };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `The file is not valid JSON: ${(e as Error).message}` };
  }
  const records = recordsOf(doc);
  if (typeof records === 'string') return { ok: false, error: `Cannot import: ${records}.` };
  const notes: Note[] = [];
  // Position in `notes` of each id: a file joined from two exports may hold one note twice;
  // like an import over the database, the copy modified last wins.
  const ids = new Map<string, number>();
  let duplicates = 0;
  for (const [i, raw] of records.entries()) {
    const r = validateNote(raw);
    if (!r.ok) return { ok: false, error: `Cannot import: ${describeRecord(raw, i)} ${r.error}.` };
    const at = ids.get(r.value.id);
    if (at === undefined) {
      ids.set(r.value.id, notes.length);
      notes.push(r.value);
      continue;
    }
    duplicates++;
    const kept = notes[at];
    if (kept && Date.parse(r.value.modified) > Date.parse(kept.modified)) notes[at] = r.value;
  }
  return { ok: true, notes, duplicates };
}
