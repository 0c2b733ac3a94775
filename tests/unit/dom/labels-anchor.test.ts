// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { anchorOf } from '../../../lib/dom/labels';

describe('anchorOf', () => {
  it('is the first character of a range that starts inside text', () => {
    document.body.innerHTML = '<p id="p">He said "we will build it" and left.</p>';
    const text = document.getElementById('p')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 9);
    range.setEnd(text, 24);
    const head = anchorOf(range);
    expect(head.toString()).toBe('w');
    expect(head.startContainer).toBe(text);
  });

  it('finds the text of a range that starts at an element boundary (wrapped statements)', () => {
    document.body.innerHTML =
      '<p id="p">He said <ql-mark id="m"><b></b>we will</ql-mark><ql-mark> build it</ql-mark>.</p>';
    const first = document.getElementById('m')!;
    const last = first.nextElementSibling!;
    const range = document.createRange();
    range.setStart(first, 0);
    range.setEnd(last, last.childNodes.length);
    const head = anchorOf(range);
    expect(head.toString()).toBe('w');
    expect(head.collapsed).toBe(false);
  });

  it('is collapsed when the range holds no text', () => {
    document.body.innerHTML = '<p id="p"><b></b><i></i></p>';
    const p = document.getElementById('p')!;
    const range = document.createRange();
    range.setStart(p, 0);
    range.setEnd(p, 2);
    expect(anchorOf(range).collapsed).toBe(true);
  });
});
