/**
 * A speaker's statements, or the whole archive, as Markdown, CSV or JSON. Pure. Text is
 * escaped for each format: Markdown keeps statements text and URLs inert, CSV fields that a
 * spreadsheet would run as a formula (also full-width ＝＋－＠) start with an apostrophe.
 */
import { escapeMarkdown, linkToStatement } from '../export';
import type { ExportFormat } from './messages';
import type { PersonSummary, StatementView } from './store';

export interface ArchiveExport {
  text: string;
  fileName: string;
  mime: string;
}

function markdownUrl(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r＝＋－＠]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const byPerson = (people: PersonSummary[], statements: StatementView[]) =>
  people.map((p) => ({
    person: p,
    statements: statements
      .filter((s) => s.personId === p.id)
      .sort((a, b) => a.readAt.localeCompare(b.readAt) || a.id.localeCompare(b.id)),
  }));

export function archiveMarkdown(people: PersonSummary[], statements: StatementView[]): string {
  const lines: string[] = ['# Who said what — QuoteLens archive', ''];
  for (const { person, statements: list } of byPerson(people, statements)) {
    lines.push(`## ${escapeMarkdown(person.name)}`, '');
    for (const s of list) {
      const link = markdownUrl(linkToStatement(s.articleUrl, s.text));
      const quote = escapeMarkdown(s.text).replace(/\n/g, ' ');
      const guess = s.confidence < 0.9 ? ' (speaker uncertain)' : '';
      lines.push(
        `- ${s.readAt.slice(0, 10)} — “${quote}”${s.fragment ? ' (fragment)' : ''}${guess} — [${escapeMarkdown(s.articleTitle)}](${link})`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

const CSV_COLUMNS = [
  'speaker',
  'date_read',
  'statement',
  'fragment',
  'confidence',
  'article_title',
  'article_url',
  'link_to_statement',
  'site',
] as const;

export function archiveCsv(people: PersonSummary[], statements: StatementView[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const { person, statements: list } of byPerson(people, statements)) {
    for (const s of list) {
      rows.push(
        [
          person.name,
          s.readAt,
          s.text,
          s.fragment,
          Number(s.confidence.toFixed(3)),
          s.articleTitle,
          s.articleUrl,
          linkToStatement(s.articleUrl, s.text),
          s.site,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function archiveJson(
  people: PersonSummary[],
  statements: StatementView[],
  at: Date,
): string {
  return `${JSON.stringify(
    {
      format: 'quotelens-archive',
      version: 1,
      exportedAt: at.toISOString(),
      speakers: byPerson(people, statements).map(({ person, statements: list }) => ({
        name: person.name,
        kind: person.kind,
        names: person.names,
        statements: list.map((s) => ({
          text: s.text,
          fragment: s.fragment,
          confidence: s.confidence,
          speakerAsWritten: s.speaker,
          dateRead: s.readAt,
          article: { title: s.articleTitle, url: s.articleUrl, site: s.site },
          selectors: [s.selectors.quote, ...(s.selectors.position ? [s.selectors.position] : [])],
        })),
      })),
    },
    null,
    2,
  )}\n`;
}

export function exportArchive(
  format: ExportFormat,
  people: PersonSummary[],
  statements: StatementView[],
  at: Date,
): ArchiveExport {
  const base =
    people.length === 1
      ? `quotelens-${(people[0]?.name ?? 'speaker').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`
      : 'quotelens-archive';
  switch (format) {
    case 'markdown':
      return {
        text: archiveMarkdown(people, statements),
        fileName: `${base}.md`,
        mime: 'text/markdown',
      };
    case 'csv':
      return { text: archiveCsv(people, statements), fileName: `${base}.csv`, mime: 'text/csv' };
    case 'json':
      return {
        text: archiveJson(people, statements, at),
        fileName: `${base}.json`,
        mime: 'application/json',
      };
  }
}
