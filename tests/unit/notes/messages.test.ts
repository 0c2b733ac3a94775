import { describe, expect, it } from 'vitest';
import {
  isContentRequest,
  isNotesChanged,
  isNotesRequest,
  looksLikeNotesMessage,
} from '../../../lib/messages';

const selectors = { quote: { exact: 'a b', prefix: '', suffix: '' } };
const draft = { url: 'https://example.org/a', title: 't', text: 'x', selectors };

describe('notes message guards (runtime checks of what arrives)', () => {
  it.each([
    { type: 'notes:list-for-page', url: 'https://example.org/a' },
    { type: 'notes:list-for-page', url: 'https://example.org/a', canonical: null },
    {
      type: 'notes:count-for-page',
      url: 'https://example.org/a',
      canonical: 'https://example.org/b',
    },
    { type: 'notes:get', id: 'urn:uuid:1' },
    { type: 'notes:add', draft },
    {
      type: 'notes:add',
      draft: { ...draft, tags: ['x'], speaker: null, canonical: 'https://e.org/' },
    },
    { type: 'notes:update', id: 'urn:uuid:1', patch: { text: 'y' } },
    {
      type: 'notes:update',
      id: 'u',
      patch: { selectors: { ...selectors, position: { start: 1, end: 4 } } },
    },
    { type: 'notes:delete', id: 'u' },
    { type: 'notes:restore', id: 'u' },
    { type: 'notes:list-all' },
    { type: 'notes:list-all', cursor: null, limit: 50, order: 'article' },
    { type: 'notes:search', query: 'ferry' },
    { type: 'notes:export', format: 'markdown' },
    { type: 'notes:import', text: '[]' },
  ])('accepts %o', (m) => {
    expect(isNotesRequest(m)).toBe(true);
  });

  it.each([
    null,
    'notes:add',
    { type: 'notes:add' },
    { type: 'notes:add', draft: { ...draft, text: 3 } },
    { type: 'notes:add', draft: { ...draft, selectors: { quote: { exact: 'x' } } } },
    { type: 'notes:add', draft: { ...draft, tags: 'x' } },
    {
      type: 'notes:update',
      id: 'u',
      patch: { selectors: { ...selectors, position: { start: 5, end: 1 } } },
    },
    { type: 'notes:update', id: 'u' },
    { type: 'notes:delete' },
    { type: 'notes:list-all', limit: 0 },
    { type: 'notes:list-all', order: 'random' },
    { type: 'notes:search' },
    { type: 'notes:export', format: 'html' },
    { type: 'notes:import', text: { a: 1 } },
    { type: 'notes:drop-database' },
  ])('rejects %o', (m) => {
    expect(isNotesRequest(m)).toBe(false);
  });

  it('tells notes messages from others, broadcasts excluded', () => {
    expect(looksLikeNotesMessage({ type: 'notes:whatever' })).toBe(true);
    expect(looksLikeNotesMessage({ type: 'notes:changed' })).toBe(false);
    expect(looksLikeNotesMessage({ type: 'page:get-state' })).toBe(false);
    expect(isNotesChanged({ type: 'notes:changed', rev: 1, articleKeys: [], ids: [] })).toBe(true);
    expect(isNotesChanged({ type: 'notes:changed' })).toBe(false);
    expect(isContentRequest({ type: 'page:note-selection', selectionText: 'x' })).toBe(true);
  });
});
