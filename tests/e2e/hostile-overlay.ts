/**
 * A hostile page's first move, shared by the Chromium and Firefox suites: it records every
 * error that reaches its own world, then defines QuoteLens's host element name as a custom
 * element of its own — one whose constructor takes the shadow root QuoteLens would attach
 * ('takes-shadow'), or throws ('throws'). Self-contained: it runs in the page, passed to
 * Playwright's addInitScript or puppeteer's evaluateOnNewDocument with its mode.
 */
export function defineHostileOverlay(mode: string): void {
  const w = window as { __errors?: string[]; __hostile?: number };
  w.__errors = [];
  addEventListener('error', (e) => w.__errors?.push(`error: ${e.message}`), true);
  addEventListener('unhandledrejection', (e) => w.__errors?.push(`rejection: ${e.reason}`));
  customElements.define(
    'quotelens-overlay',
    class extends HTMLElement {
      constructor() {
        super();
        if (mode === 'throws') throw new Error('hostile constructor');
        // attachShadow would then throw for QuoteLens
        this.attachShadow({ mode: 'open' });
        w.__hostile = 1;
      }
    },
  );
}
