/**
 * Exports one article's statements as Markdown, CSV and JSON, for the popup's
 * "copy" and "download" actions. Pure: string in, string out — no DOM, no clipboard,
 * no downloads. Statements come out in reading order, each with a link back to
 * its place in the article (a text fragment, `#:~:text=`).
 */
import type { PageState } from './messages';
import type { Quote, Speaker } from './quotes/types';

/** The part of PageState an export needs. */
export type ExportSource = Pick<PageState, 'url' | 'title' | 'quotes' | 'speakers'>;

function readingOrder(quotes: readonly Quote[]): Quote[] {
  return [...quotes].sort((a, b) => a.start - b.start || a.id - b.id);
}

function speakerOf(q: Quote, speakers: readonly Speaker[]): Speaker | undefined {
  return q.speakerId === null ? undefined : speakers.find((s) => s.id === q.speakerId);
}

/** Percent-encodes a text-directive term: `-`, `,` and `&` are syntax there. */
function encodeTextTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/**
 * A link to `quoteText` inside the article at `url`, using a text fragment
 * (`url#:~:text=start,end`); browsers without text fragments just open the article.
 * Long statements are matched by their first and last words so the link stays short.
 */
export function linkToStatement(url: string, quoteText: string): string {
  const base = url.replace(/#.*$/s, '');
  const words = quoteText.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length === 0) return base;
  const directive =
    words.length <= 8
      ? encodeTextTerm(words.join(' '))
      : `${encodeTextTerm(words.slice(0, 4).join(' '))},${encodeTextTerm(words.slice(-4).join(' '))}`;
  return `${base}#:~:text=${directive}`;
}

// ---------------------------------------------------------------- Markdown

/** Backslash-escapes what Markdown would read as formatting, so text stays text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=#])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

function markdownLinkTarget(url: string): string {
  // Angle brackets let a URL hold spaces and parentheses; escape the brackets themselves.
  return `<${url.replace(/[<>]/g, (c) => encodeURIComponent(c))}>`;
}

export function toMarkdown(source: ExportSource): string {
  const title = source.title.trim() || source.url;
  const lines: string[] = [
    `# Statements in [${escapeMarkdown(title)}](${markdownLinkTarget(source.url)})`,
    '',
  ];
  const quotes = readingOrder(source.quotes);
  if (quotes.length === 0) lines.push('_No statements found._', '');
  for (const q of quotes) {
    const speaker = speakerOf(q, source.speakers);
    for (const [i, para] of q.text.split('\n').entries()) {
      if (i > 0) lines.push('>');
      lines.push(`> ${escapeMarkdown(para.trim())}`);
    }
    const who = speaker ? `**${escapeMarkdown(speaker.name)}**` : '_Unknown speaker_';
    const role = speaker?.role ? `, ${escapeMarkdown(speaker.role)}` : '';
    const kind = q.fragment ? ' (fragment)' : '';
    const link = `[in the article](${markdownLinkTarget(linkToStatement(source.url, q.text))})`;
    lines.push('>', `> — ${who}${role}${kind} · ${link}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

// ---------------------------------------------------------------- CSV

export const CSV_COLUMNS = [
  'n',
  'speaker',
  'role',
  'statement',
  'fragment',
  'inside',
  'link',
] as const;

/**
 * One RFC 4180 field. Quoted when it holds a comma, quote or line break; a
 * leading `= + - @` (or its full-width form, or tab / carriage return; after spaces too) gets an apostrophe so spreadsheet
 * programs show it as text instead of running it as a formula.
 */
export function csvField(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  // Full-width ＝＋－＠ too: spreadsheets fold them to their ASCII forms and run the formula.
  if (typeof value === 'string' && /^\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a header row, CRLF line ends (RFC 4180); `n` numbers statements in reading order. */
export function toCsv(source: ExportSource): string {
  const quotes = readingOrder(source.quotes);
  const number = new Map(quotes.map((q, i) => [q.id, i + 1]));
  const rows = [CSV_COLUMNS.map(csvField).join(',')];
  for (const q of quotes) {
    const speaker = speakerOf(q, source.speakers);
    rows.push(
      [
        number.get(q.id) ?? null,
        speaker?.name ?? null,
        speaker?.role ?? null,
        q.text,
        q.fragment,
        q.parent === null ? null : (number.get(q.parent) ?? null),
        linkToStatement(source.url, q.text),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------- JSON

export interface StatementsExport {
  format: 'quotelens-statements';
  version: 1;
  exportedAt: string;
  article: { url: string; title: string };
  speakers: {
    id: number;
    name: string;
    role: string | null;
    kind: Speaker['kind'];
    aliases: string[];
    statements: number;
    fragments: number;
  }[];
  statements: {
    n: number;
    speaker: string | null;
    speakerId: number | null;
    mention: string | null;
    text: string;
    fragment: boolean;
    inside: number | null;
    link: string;
  }[];
}

export function toJsonExport(source: ExportSource, exportedAt: Date): StatementsExport {
  const quotes = readingOrder(source.quotes);
  const number = new Map(quotes.map((q, i) => [q.id, i + 1]));
  const used = new Set(quotes.map((q) => q.speakerId));
  return {
    format: 'quotelens-statements',
    version: 1,
    exportedAt: exportedAt.toISOString(),
    article: { url: source.url, title: source.title },
    speakers: source.speakers
      .filter((s) => used.has(s.id))
      .map((s) => {
        const own = quotes.filter((q) => q.speakerId === s.id);
        const fragments = own.filter((q) => q.fragment).length;
        return {
          id: s.id,
          name: s.name,
          role: s.role,
          kind: s.kind,
          aliases: [...s.aliases],
          statements: own.length - fragments,
          fragments,
        };
      }),
    statements: quotes.map((q, i) => {
      const speaker = speakerOf(q, source.speakers);
      return {
        n: i + 1,
        speaker: speaker?.name ?? null,
        speakerId: speaker ? speaker.id : null,
        mention: q.mention,
        text: q.text,
        fragment: q.fragment,
        inside: q.parent === null ? null : (number.get(q.parent) ?? null),
        link: linkToStatement(source.url, q.text),
      };
    }),
  };
}

export function toJson(source: ExportSource, exportedAt: Date): string {
  return `${JSON.stringify(toJsonExport(source, exportedAt), null, 2)}\n`;
}

/** A safe file name from the article title: `quotelens-<slug>.<ext>`. */
export function exportFileName(title: string, ext: 'csv' | 'json' | 'md'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return `quotelens-${slug || 'article'}.${ext}`;
}
