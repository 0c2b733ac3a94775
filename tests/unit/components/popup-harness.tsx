/** Mounts the popup App on a fake api in happy-dom and waits for it to settle. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App, type AppProps } from '../../../components/popup/App';
import type { FakeApi } from './popup-fixture';

export interface Mounted {
  root: HTMLElement;
  unmount(): void;
}

const mounted: Mounted[] = [];

export async function tick(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((ok) => setTimeout(ok, ms));
  });
}

/** Waits (in act) until `check` stops throwing, or fails with its last error. */
export async function until(check: () => void, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await tick(5);
    }
  }
}

export async function mountPopup(
  api: FakeApi,
  props: Partial<Omit<AppProps, 'api'>> = {},
): Promise<Mounted> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<App api={api} pollMs={5} {...props} />, root);
  });
  await tick();
  await tick();
  const m = { root, unmount: () => render(null, root) };
  mounted.push(m);
  return m;
}

export function unmountAll(): void {
  for (const m of mounted.splice(0)) {
    m.unmount();
    m.root.remove();
  }
}

export function $(root: ParentNode, selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`no element matches ${selector}`);
  return el;
}

export function $$(root: ParentNode, selector: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)];
}

export function button(root: ParentNode, name: string | RegExp): HTMLButtonElement {
  const all = $$(root, 'button') as HTMLButtonElement[];
  const found = all.find((b) => {
    const label = b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '';
    return typeof name === 'string'
      ? label === name || b.textContent?.trim() === name
      : name.test(label);
  });
  if (!found)
    throw new Error(
      `no button named ${name}; have: ${all.map((b) => b.getAttribute('aria-label') ?? b.textContent).join(' | ')}`,
    );
  return found;
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
  await tick();
}

export async function key(target: EventTarget, k: string): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });
  await tick();
}

export async function type(input: HTMLInputElement, text: string): Promise<void> {
  await act(async () => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await tick();
}
