import { describe, expect, it } from 'vitest';
import {
  archiveCsv,
  archiveJson,
  archiveMarkdown,
  csvCell,
  exportArchive,
} from '../../../lib/archive/export';
import type { PersonSummary, StatementView } from '../../../lib/archive/store';

const person: PersonSummary = {
  id: 'p1',
  name: 'Ana *Ferreira*',
  kind: 'person',
  statementCount: 2,
  articleCount: 1,
  lastSeen: '2026-03-02T00:00:00.000Z',
  names: ['ana ferreira'],
};
const statement = (
  text: string,
  readAt: string,
  url = 'https://a.example/x (1)>y',
): StatementView => ({
  id: `a.example/x#${readAt}`,
  articleKey: 'a.example/x',
  personId: 'p1',
  speaker: 'Ana Ferreira',
  nameKey: 'person:ana ferreira',
  text,
  fragment: false,
  confidence: 0.95,
  selectors: { quote: { type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' } },
  readAt,
  articleTitle: 'A [title]',
  articleUrl: url,
  site: 'a.example',
  personName: 'Ana Ferreira',
});

describe('archive export', () => {
  const rows = [
    statement('=HYPERLINK("x")', '2026-03-02T00:00:00.000Z'),
    statement('We said [this](javascript:x)', '2026-03-01T00:00:00.000Z'),
  ];

  it('Markdown: oldest first, text escaped, URLs kept inside angle brackets', () => {
    const md = archiveMarkdown([person], rows);
    expect(md).toContain('## Ana \\*Ferreira\\*');
    expect(md.indexOf('We said')).toBeLessThan(md.indexOf('HYPERLINK'));
    expect(md).toContain('\\[this\\](javascript:x)');
    expect(md).toContain('[A \\[title\\]](<https://a.example/x%20(1)%3Ey#:~:text=');
    expect(md).not.toMatch(/\]\(https?:/);
  });

  it('CSV: formulas guarded, including full-width signs', () => {
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '＝1', '＋1', '－1', '＠x'])
      expect(csvCell(f).startsWith("'")).toBe(true);
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    const csv = archiveCsv([person], rows);
    expect(csv.split('\r\n')[0]).toBe(
      'speaker,date_read,statement,fragment,confidence,article_title,article_url,link_to_statement,site',
    );
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('JSON: speakers with their statements and W3C selectors', () => {
    const json = JSON.parse(archiveJson([person], rows, new Date(Date.UTC(2026, 3, 1))));
    expect(json).toMatchObject({ format: 'quotelens-archive', version: 1 });
    expect(json.speakers[0].statements).toHaveLength(2);
    expect(json.speakers[0].statements[0].selectors[0].type).toBe('TextQuoteSelector');
    expect(exportArchive('csv', [person], rows, new Date()).fileName).toBe(
      'quotelens-ana-ferreira-.csv',
    );
  });
});
