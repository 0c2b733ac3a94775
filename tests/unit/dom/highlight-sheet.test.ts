// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { documentIsSmall, HighlightSheet } from '../../../lib/dom/highlight-sheet';

// happy-dom drops ::highlight() rules: any rule shows where the sheet is.
const CSS = 'p.quotelens-ls-0 { color: red; }';

function sheetsText(): string {
  const adopted = [...(document.adoptedStyleSheets ?? [])].flatMap((s) =>
    [...s.cssRules].map((r) => r.cssText),
  );
  const styles = [...document.querySelectorAll('style')].map((s) => s.textContent ?? '');
  return [...adopted, ...styles].join('\n');
}

describe('HighlightSheet', () => {
  it('is in the document only between attach and detach, once however often attached', () => {
    const sheet = new HighlightSheet(document, CSS);
    expect(sheetsText()).not.toContain('quotelens');
    sheet.attach();
    sheet.attach();
    expect(sheet.attached).toBe(true);
    expect(sheetsText().match(/quotelens-ls-0/g)?.length).toBe(1);
    sheet.detach();
    expect(sheet.attached).toBe(false);
    expect(sheetsText()).not.toContain('quotelens');
    expect(document.head.innerHTML).toBe('');
  });
});

describe('adopting the sheet early', () => {
  it('only into a document still small: counts elements up to the limit, no further', () => {
    const doc = document.implementation.createHTMLDocument('t');
    for (let i = 0; i < 20; i++) doc.body.appendChild(doc.createElement('p'));
    expect(documentIsSmall(doc, 100)).toBe(true);
    expect(documentIsSmall(doc, 10)).toBe(false);
    // Small while the limit is above the element count, not at it.
    const count = doc.querySelectorAll('*').length;
    expect(documentIsSmall(doc, count + 1)).toBe(true);
    expect(documentIsSmall(doc, count)).toBe(false);
  });
});
