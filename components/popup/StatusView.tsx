/**
 * The popup's non-list states, each saying plainly what is going on and, where
 * the reader can do something about it, offering that one action. View only.
 */
import type { PopupView } from '../../lib/popup-state';

export interface StatusActions {
  rescan(): void;
  reload(): void;
  turnOnSite(): void;
  turnOnAll(): void;
}

interface Props {
  view: Exclude<PopupView, { kind: 'list' }>;
  /** For the 'disabled' state: which switch is off. */
  allEnabled: boolean;
  site: string;
  actions: StatusActions;
}

interface Message {
  title: string;
  body?: string;
  action?: { label: string; run: () => void };
  busy?: boolean;
}

function messageFor({ view, allEnabled, site, actions }: Props): Message {
  switch (view.kind) {
    case 'loading':
      return { title: 'Looking at this page…', busy: true };
    case 'working':
      return { title: 'Finding statements…', body: 'Reading the article for quotes.', busy: true };
    case 'empty':
      return {
        title: 'No statements found',
        body: 'QuoteLens read this article and found no quoted statements in it.',
        action: { label: 'Look again', run: actions.rescan },
      };
    case 'not-article':
      return {
        title: 'Not an article',
        body: 'This page does not look like a news article, so QuoteLens is leaving it alone.',
      };
    case 'disabled':
      return allEnabled
        ? {
            title: `QuoteLens is off for ${site || 'this site'}`,
            body: 'Statements on this site are not highlighted.',
            action: { label: 'Turn on for this site', run: actions.turnOnSite },
          }
        : {
            title: 'QuoteLens is off for all sites',
            body: 'Turn it back on to see who said what.',
            action: { label: 'Turn on for all sites', run: actions.turnOnAll },
          };
    case 'error':
      return {
        title: 'Something went wrong on this page',
        body: view.page.error || 'QuoteLens could not read this article.',
        action: { label: 'Try again', run: actions.rescan },
      };
    case 'restricted':
      return {
        title: 'QuoteLens cannot read this page',
        body: 'The browser does not let extensions read its own pages or its add-on store. Open a news article to use QuoteLens.',
      };
    case 'unreachable':
      return {
        title: 'QuoteLens has not started on this page',
        body: 'The page was probably open before QuoteLens was installed or switched on. Reload it to start.',
        action: { label: 'Reload the page', run: actions.reload },
      };
    case 'unreadable':
      return {
        title: 'QuoteLens cannot read this page',
        body: 'Browsers keep extensions out of their own pages and add-on stores. If this is an article that was open before QuoteLens was installed, reload it.',
        action: { label: 'Reload the page', run: actions.reload },
      };
    case 'closed':
      return {
        title: 'The tab is closed',
        body: 'The tab this popup was showing has been closed.',
      };
    case 'no-tab':
      return { title: 'No page to read', body: 'Open a news article, then open QuoteLens.' };
  }
}

export function StatusView(props: Props) {
  const m = messageFor(props);
  return (
    <section
      class="ql-status"
      data-state={props.view.kind}
      aria-busy={m.busy ? 'true' : undefined}
      aria-labelledby="ql-status-title"
    >
      {m.busy && <div class="ql-spinner" aria-hidden="true" />}
      <h2 id="ql-status-title" class="ql-status-title">
        {m.title}
      </h2>
      {m.body && <p class="ql-status-body">{m.body}</p>}
      {m.action && (
        <button type="button" class="ql-button ql-button-primary" onClick={m.action.run}>
          {m.action.label}
        </button>
      )}
    </section>
  );
}
