import { render } from 'preact';
import { App } from '../../components/popup/App';
import type { SpeakerOrder } from '../../lib/popup-state';
import { createBrowserApi } from './browser-api';
import './popup.css';

// The reader's choice of order outlives the popup (extension-origin localStorage, never the page's).
const ORDER_KEY = 'quotelens.popup.order';
const stored = localStorage.getItem(ORDER_KEY);
const initialOrder: SpeakerOrder = stored === 'count' ? 'count' : 'appearance';

const root = document.getElementById('app');
if (root) {
  render(
    <App
      api={createBrowserApi()}
      initialOrder={initialOrder}
      onOrderChange={(order) => localStorage.setItem(ORDER_KEY, order)}
    />,
    root,
  );
}
