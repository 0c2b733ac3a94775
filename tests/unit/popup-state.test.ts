import { describe, expect, it } from 'vitest';
import { speakerColour } from '../../lib/palette';
import {
  countLabel,
  decideView,
  filterGroups,
  groupBySpeaker,
  isRestrictedUrl,
  normaliseForSearch,
  openingWords,
  positionLabel,
  statementSnippet,
  stepStatement,
  UNKNOWN_KEY,
} from '../../lib/popup-state';
import { pageState, QUOTES, quoteAt, SPEAKERS } from './components/popup-fixture';

const names = (groups: { name: string }[]) => groups.map((g) => g.name);

describe('groupBySpeaker', () => {
  it('orders speakers by first appearance, unknown speaker last', () => {
    const groups = groupBySpeaker(QUOTES, SPEAKERS);
    expect(names(groups)).toEqual(['Mara Quill', 'Tobias Renn', 'Anja Sorel', 'Unknown speaker']);
    expect(groups.at(-1)?.key).toBe(UNKNOWN_KEY);
  });

  it('counts fragments apart from full statements', () => {
    const [quill, renn, , unknown] = groupBySpeaker(QUOTES, SPEAKERS);
    expect([quill?.fullCount, quill?.fragmentCount]).toEqual([1, 1]);
    expect([renn?.fullCount, renn?.fragmentCount]).toEqual([3, 0]);
    expect([unknown?.fullCount, unknown?.fragmentCount]).toEqual([1, 1]);
  });

  it('orders by count on request, ties by first appearance, unknown still last', () => {
    const groups = groupBySpeaker(QUOTES, SPEAKERS, 'count');
    expect(names(groups)).toEqual(['Tobias Renn', 'Mara Quill', 'Anja Sorel', 'Unknown speaker']);
    // Unknown with the most statements of all still goes last.
    const many = [
      ...QUOTES,
      ...[1, 2, 3, 4].map((i) => ({ ...quoteAt(3), id: 100 + i, start: 900 + i })),
    ];
    expect(names(groupBySpeaker(many, SPEAKERS, 'count')).at(-1)).toBe('Unknown speaker');
  });

  it('lists statements in reading order whatever order the quotes come in', () => {
    const shuffled = [...QUOTES].reverse();
    const renn = groupBySpeaker(shuffled, SPEAKERS).find((g) => g.speakerId === 1);
    expect(renn?.statements.map((s) => s.id)).toEqual([1, 4, 5]);
    expect(names(groupBySpeaker(shuffled, SPEAKERS))[0]).toBe('Mara Quill');
  });

  it('puts a quote whose speaker id is not listed with the unknown speaker', () => {
    const stray = { ...quoteAt(0), id: 50, start: 5, speakerId: 42 };
    const groups = groupBySpeaker([stray], SPEAKERS);
    expect(groups.map((g) => g.key)).toEqual([UNKNOWN_KEY]);
  });

  it('leaves out speakers with no statement and handles an empty page', () => {
    expect(groupBySpeaker([], SPEAKERS)).toEqual([]);
  });
});

describe('filterGroups (search)', () => {
  const groups = groupBySpeaker(QUOTES, SPEAKERS);

  it('keeps everything for an empty or blank query', () => {
    expect(filterGroups(groups, '   ')).toHaveLength(groups.length);
  });

  it('keeps a speaker with all statements when the name, an alias or the role matches', () => {
    for (const q of ['quill', 'MS QUILL', 'harbour master']) {
      const out = filterGroups(groups, q);
      expect(names(out)).toEqual(['Mara Quill']);
      expect(out[0]?.matchedBy).toBe('speaker');
      expect(out[0]?.statements).toHaveLength(2);
    }
  });

  it('narrows to the statements whose text matches, across speakers', () => {
    const out = filterGroups(groups, 'gauge');
    expect(names(out)).toEqual(['Mara Quill', 'Tobias Renn']);
    expect(out.map((g) => g.statements.map((s) => s.id))).toEqual([[0], [1]]);
    expect(out[1]?.matchedBy).toBe('statements');
    expect(out[1]?.fullCount).toBe(1);
  });

  it('matches every word, in the speaker or the statement', () => {
    const out = filterGroups(groups, 'renn port');
    expect(out.map((g) => g.statements.map((s) => s.id))).toEqual([[4]]);
  });

  it('ignores accents, case and curly quotes', () => {
    expect(normaliseForSearch('“Crème”  Brûlée’s')).toBe('"creme" brulee\'s');
    const accented = groupBySpeaker([{ ...quoteAt(0), text: 'Le café est fermé.' }], SPEAKERS);
    expect(filterGroups(accented, 'cafe ferme')).toHaveLength(1);
  });

  it('returns nothing when nothing matches', () => {
    expect(filterGroups(groups, 'zeppelin')).toEqual([]);
  });
});

describe('stepping through statements', () => {
  const renn = groupBySpeaker(QUOTES, SPEAKERS).find((g) => g.speakerId === 1)?.statements ?? [];

  it('steps forward and back in reading order, wrapping at both ends', () => {
    expect(stepStatement(renn, 1, 1)?.id).toBe(4);
    expect(stepStatement(renn, 5, 1)?.id).toBe(1);
    expect(stepStatement(renn, 1, -1)?.id).toBe(5);
    expect(stepStatement(renn, 4, -1)?.id).toBe(1);
  });

  it('starts from the first (forward) or last (back) when nothing is chosen', () => {
    expect(stepStatement(renn, null, 1)?.id).toBe(1);
    expect(stepStatement(renn, 999, -1)?.id).toBe(5);
    expect(stepStatement([], 1, 1)).toBeNull();
  });

  it('says where the reader is as "n of m"', () => {
    expect(positionLabel(renn, 4)).toBe('2 of 3');
    expect(positionLabel(renn, 999)).toBeNull();
  });
});

describe('labels', () => {
  it('cuts opening words at a word boundary with an ellipsis', () => {
    expect(openingWords('One two three, four five', 3)).toBe('One two three…');
    expect(openingWords('  Short   one ', 3)).toBe('Short one');
  });

  it('shows the words around a search match that the opening words miss', () => {
    const text = 'One two three four five six seven eight nine ten eleven twelve bridge fourteen';
    expect(statementSnippet(text, '', 5)).toBe('One two three four five…');
    expect(statementSnippet(text, 'two', 5)).toBe('One two three four five…');
    expect(statementSnippet(text, 'Bridge rot', 5)).toBe('…ten eleven twelve bridge fourteen');
    expect(statementSnippet(text, 'zebra', 5)).toBe('One two three four five…');
  });

  it('counts statements and fragments in words', () => {
    expect(countLabel(4, 1)).toBe('4 statements · 1 fragment');
    expect(countLabel(1, 0)).toBe('1 statement');
    expect(countLabel(0, 2)).toBe('2 fragments');
    expect(countLabel(0, 0)).toBe('0 statements');
  });
});

describe('isRestrictedUrl', () => {
  it('flags browser pages and add-on stores, not ordinary sites', () => {
    for (const url of [
      'chrome://extensions/',
      'about:addons',
      'edge://settings',
      'view-source:https://example.org/',
      'https://chromewebstore.google.com/detail/x',
      'https://chrome.google.com/webstore/category/extensions',
      'https://addons.mozilla.org/en-GB/firefox/',
      'not a url',
    ]) {
      expect(isRestrictedUrl(url), url).toBe(true);
    }
    for (const url of [
      'https://news.example.org/a',
      'http://127.0.0.1:8080/demo/',
      'https://chrome.google.com/maps',
    ]) {
      expect(isRestrictedUrl(url), url).toBe(false);
    }
  });
});

describe('decideView', () => {
  it('maps each page status to its state', () => {
    expect(
      decideView({ kind: 'page', page: pageState({ status: 'working', quotes: [] }) }).kind,
    ).toBe('working');
    // What is found so far is listed while the page is still being read.
    expect(decideView({ kind: 'page', page: pageState({ status: 'working' }) }).kind).toBe('list');
    expect(decideView({ kind: 'page', page: pageState({ status: 'not-article' }) }).kind).toBe(
      'not-article',
    );
    expect(decideView({ kind: 'page', page: pageState({ status: 'disabled' }) }).kind).toBe(
      'disabled',
    );
    expect(decideView({ kind: 'page', page: pageState({ status: 'error' }) }).kind).toBe('error');
    expect(decideView({ kind: 'page', page: pageState({ quotes: [] }) }).kind).toBe('empty');
    expect(decideView({ kind: 'page', page: pageState() }).kind).toBe('list');
  });

  it('tells a forbidden page from one whose content script is not running', () => {
    expect(decideView({ kind: 'unreachable', url: 'chrome://newtab/' }).kind).toBe('restricted');
    // Without the tabs permission the URL is hidden: the popup cannot tell, and says both.
    expect(decideView({ kind: 'unreachable' }).kind).toBe('unreadable');
    expect(decideView({ kind: 'unreachable', url: 'https://example.org/a' }).kind).toBe(
      'unreachable',
    );
    expect(decideView({ kind: 'closed' }).kind).toBe('closed');
  });
});

describe('speakerColour', () => {
  it('is stable, distinct for the first speakers, and grey for the unknown speaker', () => {
    expect(speakerColour(3)).toEqual(speakerColour(3));
    const swatches = new Set(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => speakerColour(i).swatch),
    );
    expect(swatches.size).toBe(12);
    expect(speakerColour(null).swatch).toMatch(/0%/);
    expect(speakerColour(12).hue).not.toBe(speakerColour(0).hue);
  });
});
