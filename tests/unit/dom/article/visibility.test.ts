import { describe, expect, it } from 'vitest';
import {
  hiddenBy,
  isHiddenElement,
  isHidingStyle,
  isRendered,
  isVisuallyHiddenClass,
} from '../../../../lib/dom/article/visibility';
import { $, fixture, parse } from './fixture';
import { generated } from './generated-names';

describe('visibility', () => {
  it('hides by the hidden attribute, inline style and screen-reader-only classes', () => {
    const doc = fixture('furniture-names');
    expect(isHiddenElement($(doc, 'p[hidden]'))).toBe(true);
    expect(isHiddenElement($(doc, 'p.sr-only'))).toBe(true);
    expect(isHiddenElement($(doc, 'p[style]'))).toBe(true);
    expect(isHiddenElement($(doc, 'article > p'))).toBe(false);
  });

  it('never reads scripts, styles or form controls as text', () => {
    const doc = parse('<body><script>x</script><style>y</style><button>z</button><p>w</p></body>');
    for (const tag of ['script', 'style', 'button'])
      expect(isHiddenElement($(doc, tag))).toBe(true);
    expect(isHiddenElement($(doc, 'p'))).toBe(false);
  });

  it('takes class words whole: "hidden" hides, "hidden-on-print" or "unhidden" does not', () => {
    const doc = parse(
      '<body><p class="box hidden">a</p><p class="hidden-on-print">b</p><p class="unhidden">c</p><p style="visibility: hidden">d</p></body>',
    );
    const ps = [...doc.querySelectorAll('p')].map(isHiddenElement);
    expect(ps).toEqual([true, false, false, true]);
  });

  it('reads aria-hidden unless told to judge it later', () => {
    const p = $(parse('<body><p aria-hidden="true">a</p></body>'), 'p');
    expect(isHiddenElement(p)).toBe(true);
    expect(hiddenBy(p, 'p', null, false)).toBe(false);
  });
});

describe("isRendered (the live page's own styles)", () => {
  const fake = (visible: boolean, display = 'block') =>
    ({
      checkVisibility: (o?: { visibilityProperty?: boolean }) => visible && !!o?.visibilityProperty,
      ownerDocument: { defaultView: { getComputedStyle: () => ({ display }) } },
    }) as unknown as Element;

  it('asks the browser, visibility: hidden included', () => {
    expect(isRendered(fake(true))).toBe(true);
    expect(isRendered(fake(false))).toBe(false);
  });

  it('keeps display: contents, which has no box of its own but shows its children', () => {
    expect(isRendered(fake(false, 'contents'))).toBe(true);
  });

  it('counts everything as shown where there is no layout (the CLI)', () => {
    expect(isRendered($(parse('<body><p style="color: red">x</p></body>'), 'p'))).toBe(true);
  });
});

describe('hiding names and styles: gated for speed, same meaning', () => {
  const VISUALLY_HIDDEN_CLASS =
    /(?:^|\s)(?:sr-only|sr-text|visually-?hidden|visuallyhidden|screen-?reader[\w-]*|offscreen|a11y-hidden|is-hidden|hidden|hide|u-hidden|element-invisible|off-screen)(?:\s|$)/;
  const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/;
  const NAMES = [
    'sr',
    '-only',
    '-text',
    'visually',
    'hidden',
    'hide',
    'screen',
    'reader',
    'off',
    'a11y-',
    'is-',
    'u-',
    'element-',
    'invisible',
    'card',
    '-',
    ' ',
    '\t',
  ];
  const STYLES = ['display', 'visibility', ':', ' ', ';', 'none', 'hidden', 'block', 'color:red'];

  it('agrees with the patterns as written on every generated class list and style', () => {
    let matched = 0;
    for (const n of generated(NAMES, 30000, 5)) {
      const hit = VISUALLY_HIDDEN_CLASS.test(n);
      expect(isVisuallyHiddenClass(n), n).toBe(hit);
      if (hit) matched++;
    }
    for (const s of generated(STYLES, 30000, 9)) {
      const hit = HIDDEN_STYLE.test(s);
      expect(isHidingStyle(s), s).toBe(hit);
      if (hit) matched++;
    }
    expect(matched).toBeGreaterThan(1000);
    expect(matched).toBeLessThan(54000);
  });
});
