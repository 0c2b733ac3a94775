import { describe, expect, it } from 'vitest';
import { assertHtml, decodeHtml, InputError } from '../../../scripts/html-input';

const page = (charset: string, body: string) =>
  `<html><head><meta charset="${charset}"></head><body><p>${body}</p></body></html>`;

describe('decodeHtml', () => {
  it('reads UTF-8 even when the page still declares its original charset', () => {
    const bytes = new TextEncoder().encode(page('Shift_JIS', '脆弱性 « café »'));
    expect(decodeHtml(bytes)).toContain('脆弱性 « café »');
  });

  it('uses the declared charset when the bytes are not UTF-8', () => {
    // "café" in windows-1251 would be mojibake; use a Cyrillic word in windows-1251.
    const head = new TextEncoder().encode(
      '<html><head><meta charset="windows-1251"></head><body><p>',
    );
    const word = Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // Привет
    const tail = new TextEncoder().encode('</p></body></html>');
    const bytes = new Uint8Array([...head, ...word, ...tail]);
    expect(decodeHtml(bytes)).toContain('<p>Привет</p>');
  });

  it('falls back to windows-1252 for undeclared legacy bytes', () => {
    const enc = (t: string) => [...new TextEncoder().encode(t)];
    const bytes = Uint8Array.from([...enc('<p>caf'), 0xe9, ...enc(' '), 0x93, ...enc('x'), 0x94]);
    expect(decodeHtml(bytes)).toBe('<p>café “x”');
  });

  it('honours a byte order mark', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>x</p>')]);
    expect(decodeHtml(bytes)).toBe('<p>x</p>');
  });
});

describe('assertHtml', () => {
  it('accepts a page and a fragment with markup', () => {
    expect(() => assertHtml(page('utf-8', 'hello'), 'a.html')).not.toThrow();
    expect(() => assertHtml('<p>just a paragraph</p>', 'b.html')).not.toThrow();
  });

  it.each([
    ['', /empty input/],
    ['   \n ', /empty input/],
    ['plain prose, no tags', /no HTML markup/],
    ['{"json": "<not html"}', /no HTML markup/],
    ['{"html": "<p>a paragraph inside JSON</p>"}', /JSON data/],
    ['\u0000\u0001binary<p>', /binary data/],
  ])('refuses %j', (text, message) => {
    expect(() => assertHtml(text, 'x')).toThrow(InputError);
    expect(() => assertHtml(text, 'x')).toThrow(message);
  });
});

describe('where the page is read from, and how much of it (issue 14)', () => {
  it('resolves a relative path against the folder npm was run in (INIT_CWD)', async () => {
    const { inputPath } = await import('../../../scripts/html-input');
    expect(inputPath('page.html', { INIT_CWD: '/home/reader/saved' })).toBe(
      '/home/reader/saved/page.html',
    );
    expect(inputPath('/abs/page.html', { INIT_CWD: '/elsewhere' })).toBe('/abs/page.html');
  });

  it('stops reading endless input with a clear message', async () => {
    const { readHtml } = await import('../../../scripts/html-input');
    await expect(readHtml('/dev/zero', 1024 * 1024)).rejects.toThrow(
      /\/dev\/zero: larger than 1 MB, which no saved web page is/,
    );
  });
});
