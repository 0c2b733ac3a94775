import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  csvField,
  escapeMarkdown,
  exportFileName,
  linkToStatement,
  toCsv,
  toJson,
  toMarkdown,
} from '../../lib/export';
import { pageState, QUOTES, quoteAt } from './components/popup-fixture';

/** A strict RFC 4180 reader, to prove the CSV round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) throw new Error('missing final CRLF');
  return rows;
}

const page = pageState();

describe('linkToStatement', () => {
  it('links a short statement by its whole text, dropping the old fragment', () => {
    expect(linkToStatement('https://x.org/a?b=1#top', 'Nobody told us anything,')).toBe(
      'https://x.org/a?b=1#:~:text=Nobody%20told%20us%20anything%2C',
    );
  });

  it('links a long statement by its first and last four words', () => {
    const link = linkToStatement('https://x.org/a', quoteAt(0).text);
    expect(link).toBe('https://x.org/a#:~:text=The%20tide%20gauge%20failed,came%20to%20fix%20it.');
  });

  it('percent-encodes the characters that are syntax in a text directive', () => {
    const link = linkToStatement('https://x.org/', 'well-known & loved, yes');
    expect(link).toBe('https://x.org/#:~:text=well%2Dknown%20%26%20loved%2C%20yes');
  });
});

describe('toMarkdown', () => {
  const md = toMarkdown(page);

  it('titles the export with a link to the article', () => {
    expect(md.split('\n')[0]).toBe(
      `# Statements in [Saltcombe tide gauge: mayor promises repair](<${page.url}>)`,
    );
  });

  it('gives every statement in reading order with its speaker, role and a link back', () => {
    const order = QUOTES.map((q) => md.indexOf(escapeMarkdown(q.text.split('\n')[0] ?? '')));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md).toContain(
      '> — **Mara Quill**, harbour master · [in the article](<https://news.example.org/saltcombe/gauge?ref=home#:~:text=',
    );
    expect(md).toContain('> — **Mara Quill**, harbour master (fragment) ·');
    expect(md).toContain('> — _Unknown speaker_ ·');
    expect(md.match(/\[in the article\]/g)).toHaveLength(QUOTES.length);
  });

  it('keeps statement text literal: Markdown syntax is escaped, paragraphs stay in the quote', () => {
    expect(md).toContain('> Say "sorry", then fix it,\n>\n> and do it before \\*spring\\*.');
    expect(md).toContain('> \\=1+1 is not a plan');
  });

  it('says so when there is nothing to export', () => {
    expect(toMarkdown(pageState({ quotes: [] }))).toContain('_No statements found._');
  });
});

describe('CSV', () => {
  it('escapes fields the RFC 4180 way', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(3)).toBe('3');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-3)).toBe('-3');
    // Full-width forms, which spreadsheets fold to = + - @ (issue 14).
    expect(csvField('＝1+1')).toBe("'＝1+1");
    expect(csvField('＋1')).toBe("'＋1");
    expect(csvField('－1')).toBe("'－1");
    expect(csvField('＠SUM(A1)')).toBe("'＠SUM(A1)");
    expect(csvField(' =1')).toBe("' =1");
  });

  it('round-trips every statement through a strict CSV reader', () => {
    const csv = toCsv(page);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(QUOTES.length);
    expect(rows.map((r) => r[3])).toEqual(
      QUOTES.map((q) => (q.text.startsWith('=') ? `'${q.text}` : q.text)),
    );
    expect(rows[0]).toEqual([
      '1',
      'Mara Quill',
      'harbour master',
      quoteAt(0).text,
      'false',
      '',
      linkToStatement(page.url, quoteAt(0).text),
    ]);
    expect(rows[3]?.slice(1, 3)).toEqual(['', '']);
    expect(rows[2]?.[4]).toBe('true');
  });

  it('numbers the statement a nested quote sits in', () => {
    const nested = pageState({
      quotes: [quoteAt(1), { ...quoteAt(0), id: 9, start: 95, parent: 1 }],
    });
    const rows = parseCsv(toCsv(nested));
    expect(rows[2]?.[5]).toBe('1');
  });
});

describe('JSON', () => {
  it('exports the article, its speakers with counts and its statements in reading order', () => {
    const data = JSON.parse(toJson(page, new Date('2026-03-14T10:00:00Z')));
    expect(data.format).toBe('quotelens-statements');
    expect(data.version).toBe(1);
    expect(data.exportedAt).toBe('2026-03-14T10:00:00.000Z');
    expect(data.article).toEqual({ url: page.url, title: page.title });
    expect(data.statements.map((s: { text: string }) => s.text)).toEqual(QUOTES.map((q) => q.text));
    expect(data.statements[2]).toMatchObject({ n: 3, speaker: 'Mara Quill', fragment: true });
    expect(data.statements[3]).toMatchObject({ speaker: null, speakerId: null });
    expect(data.speakers).toEqual([
      expect.objectContaining({ name: 'Mara Quill', statements: 1, fragments: 1 }),
      expect.objectContaining({ name: 'Tobias Renn', statements: 3, fragments: 0 }),
      expect.objectContaining({ name: 'Anja Sorel', statements: 1, fragments: 0 }),
    ]);
  });
});

describe('exportFileName', () => {
  it('makes a short, safe file name from the title', () => {
    expect(exportFileName('Saltcombe tide gauge: mayor promises repair', 'csv')).toBe(
      'quotelens-saltcombe-tide-gauge-mayor-promises-repair.csv',
    );
    expect(exportFileName('Café / "Ölmühle" ?', 'json')).toBe('quotelens-cafe-olmuhle.json');
    expect(exportFileName('', 'md')).toBe('quotelens-article.md');
    expect(exportFileName('a'.repeat(200), 'csv').length).toBeLessThanOrEqual(74);
  });
});
