import { describe, expect, it } from 'vitest';
import {
  articleKey,
  articleKeys,
  articleSource,
  cleanUrl,
  isTrackingParam,
  normalizeUrl,
  trustedCanonical,
} from '../../../lib/notes/url';

const KEY = 'example.org/news/2026/harbour-vote';

describe('normalizeUrl: one key for every address of an article', () => {
  it.each([
    'https://example.org/news/2026/harbour-vote',
    'http://example.org/news/2026/harbour-vote',
    'https://www.example.org/news/2026/harbour-vote',
    'https://EXAMPLE.org/news/2026/harbour-vote/',
    'https://example.org/news/2026/harbour-vote#comments',
    'https://example.org/news/2026/harbour-vote?utm_source=x&utm_medium=social&utm_campaign=y',
    'https://example.org/news/2026/harbour-vote?fbclid=IwAR0abc',
    'https://example.org/news/2026/harbour-vote?gclid=abc&mc_cid=1&mc_eid=2',
    'https://example.org/news/2026/harbour-vote?ref=homepage',
    'https://example.org/news/2026/harbour-vote/amp',
    'https://example.org/news/2026/harbour-vote/amp/',
    'https://example.org/amp/news/2026/harbour-vote',
    'https://example.org/news/2026/harbour-vote?amp=1',
    'https://example.org/news/2026/harbour-vote?outputType=amp',
    'https://amp.example.org/news/2026/harbour-vote',
    'https://m.example.org/news/2026/harbour-vote',
    'https://mobile.example.org/news/2026/harbour-vote',
    'https://example.org/news/2026/harbour-vote.amp',
    'https://www-example-org.cdn.ampproject.org/c/s/www.example.org/news/2026/harbour-vote',
  ])('%s', (url) => {
    expect(normalizeUrl(url)).toBe(KEY);
  });

  it('keeps query parameters that choose the article, in a stable order', () => {
    expect(normalizeUrl('https://example.org/story.php?id=42&utm_source=a')).toBe(
      'example.org/story.php?id=42',
    );
    expect(normalizeUrl('https://example.org/s?b=2&a=1')).toBe(
      normalizeUrl('https://example.org/s?a=1&b=2'),
    );
    expect(normalizeUrl('https://example.org/story.php?id=42')).not.toBe(
      normalizeUrl('https://example.org/story.php?id=43'),
    );
  });

  it('keeps path case and distinct paths distinct', () => {
    expect(normalizeUrl('https://example.org/News/A')).toBe('example.org/News/A');
    expect(normalizeUrl('https://example.org/news/a')).not.toBe(
      normalizeUrl('https://example.org/news/b'),
    );
  });

  it('folds AMP html variants and index pages', () => {
    expect(normalizeUrl('https://example.org/a/story.amp.html')).toBe(
      normalizeUrl('https://example.org/a/story.html'),
    );
    expect(normalizeUrl('https://example.org/a/index.html')).toBe('example.org/a');
  });

  it('does not strip a host down to its public suffix', () => {
    expect(normalizeUrl('https://m.co/x')).toBe('m.co/x');
    expect(normalizeUrl('https://www.co.uk/x')).toBe('www.co.uk/x');
  });

  it('keeps ports and rejects what is not http(s)', () => {
    expect(normalizeUrl('http://127.0.0.1:8080/demo/')).toBe('127.0.0.1:8080/demo');
    expect(normalizeUrl('ftp://example.org/a')).toBeNull();
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
  });
});

describe('tracking parameters', () => {
  it('knows the families and leaves ordinary parameters', () => {
    expect(isTrackingParam('utm_content')).toBe(true);
    expect(isTrackingParam('UTM_Source')).toBe(true);
    expect(isTrackingParam('mc_anything')).toBe(true);
    expect(isTrackingParam('output', 'amp')).toBe(true);
    expect(isTrackingParam('output', 'print')).toBe(false);
    expect(isTrackingParam('page')).toBe(false);
    expect(isTrackingParam('id')).toBe(false);
    expect(isTrackingParam('q')).toBe(false);
  });

  it('cleanUrl keeps scheme and host (an address that still opens) but drops noise', () => {
    expect(cleanUrl('https://www.example.org/a?utm_source=x&p=2#top')).toBe(
      'https://www.example.org/a?p=2',
    );
    expect(cleanUrl('https://www.example.org/a?utm_source=x')).toBe('https://www.example.org/a');
  });
});

describe('canonical links', () => {
  it('prefers a trusted canonical for the source and the key', () => {
    const url = 'https://m.example.org/story?id=9&utm_source=tw';
    const canonical = 'https://www.example.org/2026/05/story-slug';
    expect(articleSource(url, canonical)).toBe(canonical);
    expect(articleKey(url, canonical)).toBe('example.org/2026/05/story-slug');
  });

  it('resolves a relative canonical against the page', () => {
    expect(trustedCanonical('https://example.org/a/b?x=1', '/a/b')).toBe('https://example.org/a/b');
  });

  it('ignores a canonical that points every article at the home page', () => {
    expect(
      trustedCanonical('https://example.org/news/harbour-vote', 'https://example.org/'),
    ).toBeNull();
    expect(articleKey('https://example.org/news/harbour-vote', 'https://example.org/')).toBe(
      'example.org/news/harbour-vote',
    );
    // …but a home page may name itself.
    expect(trustedCanonical('https://example.org/?utm_source=a', 'https://example.org/')).toBe(
      'https://example.org/',
    );
  });

  it('trusts a canonical only on the same site or a known publisher pair (issue 14 item 3)', () => {
    const article = 'https://www.example.org/2026/05/story-slug';
    // Another site naming the reader's article as its canonical gets nothing of it.
    expect(trustedCanonical('https://evil.example.net/copy', article)).toBeNull();
    expect(articleKey('https://evil.example.net/copy', article)).toBe('evil.example.net/copy');
    expect(articleKeys('https://evil.example.net/copy', article)).toEqual([
      'evil.example.net/copy',
    ]);
    // A look-alike sharing only the public suffix is another site.
    expect(trustedCanonical('https://news.co.uk/a', 'https://paper.co.uk/a')).toBeNull();
    // Two users' pages on a hosting platform are two sites (private suffix list).
    expect(trustedCanonical('https://alice.github.io/a', 'https://bob.github.io/a')).toBeNull();
    expect(trustedCanonical('http://localhost:8080/a', 'http://127.0.0.1:8080/a')).toBeNull();
    // The same site's mobile, AMP and subdomain pages keep their canonical.
    expect(trustedCanonical('https://amp.example.org/story.amp', article)).toBe(article);
    expect(trustedCanonical('https://m.example.org/s?id=9', article)).toBe(article);
    // Google's AMP cache is unwrapped to the publisher's own address first.
    expect(
      trustedCanonical(
        'https://www-example-org.cdn.ampproject.org/c/s/www.example.org/2026/05/story-slug.amp',
        article,
      ),
    ).toBe(article);
    // A known pair of one publisher's domains.
    expect(trustedCanonical('https://www.bbc.co.uk/news/x-1', 'https://www.bbc.com/news/x-1')).toBe(
      'https://www.bbc.com/news/x-1',
    );
  });

  it('ignores a canonical that is not a web address', () => {
    expect(articleKey('https://example.org/a', 'javascript:void(0)')).toBe('example.org/a');
    expect(articleKey('https://example.org/a', '')).toBe('example.org/a');
  });

  it('articleKeys lists the canonical key first, then the address key, without duplicates', () => {
    expect(articleKeys('https://example.org/a?id=1', 'https://example.org/story')).toEqual([
      'example.org/story',
      'example.org/a?id=1',
    ]);
    expect(
      articleKeys('https://example.org/story?utm_source=x', 'https://www.example.org/story/'),
    ).toEqual(['example.org/story']);
    expect(articleKeys('about:blank')).toEqual([]);
  });
});
