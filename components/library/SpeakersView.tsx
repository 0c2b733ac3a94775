/**
 * The library page's Speakers view (issue 15): the archive switch and its size, search over
 * speakers and statements, the list of speakers, a speaker's page, forgetting (an article, a
 * site, everything), excluded sites, and export of everything.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ArchiveArticle } from '../../lib/archive/records';
import type { ArchiveSettings } from '../../lib/archive/settings';
import type { ArchiveStats, PersonSummary, StatementView } from '../../lib/archive/store';
import type { LibraryApi } from './api';
import { SpeakerDetail } from './SpeakerDetail';

interface Props {
  api: LibraryApi;
  /** The speaker shown, from the page's address (#speaker=…), or null for the list. */
  speakerId: string | null;
  onShow(id: string | null): void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function SpeakersView({ api, speakerId, onShow }: Props) {
  const [settings, setSettings] = useState<ArchiveSettings | null>(null);
  const [stats, setStats] = useState<{ stats: ArchiveStats; usage: number | null } | null>(null);
  const [query, setQuery] = useState('');
  const [people, setPeople] = useState<PersonSummary[] | null>(null);
  const [statements, setStatements] = useState<StatementView[]>([]);
  const [more, setMore] = useState(false);
  const [articles, setArticles] = useState<ArchiveArticle[]>([]);
  const [rev, setRev] = useState(0);
  const [message, setMessage] = useState('');
  const [exclude, setExclude] = useState('');
  const changed = useCallback(() => setRev((n) => n + 1), []);

  useEffect(() => {
    void api
      .settings()
      .then(setSettings)
      .catch(() => undefined);
    void api
      .stats()
      .then(setStats)
      .catch(() => undefined);
    void api
      .articles()
      .then(setArticles)
      .catch(() => undefined);
  }, [api, rev]);

  useEffect(() => {
    let live = true;
    const q = query.trim();
    const work = q
      ? api.search(q)
      : api.people('').then((p) => ({ people: p, statements: [] as StatementView[], more: false }));
    work
      .then((r) => {
        if (!live) return;
        setPeople(r.people);
        setStatements(r.statements);
        setMore(r.more);
      })
      .catch((e: Error) => live && setMessage(e.message));
    return () => {
      live = false;
    };
  }, [api, query, rev]);

  const run = (work: () => Promise<unknown>, done: string) =>
    void work()
      .then(() => {
        setMessage(done);
        changed();
      })
      .catch((e: Error) => setMessage(e.message));

  const showMore = () => {
    const q = query.trim();
    const last = statements[statements.length - 1];
    if (!q || !last) return;
    void api
      .search(q, last.id)
      .then((r) => {
        // Only if the reader has not typed another query meanwhile.
        if (q !== query.trim()) return;
        setStatements((shown) => [...shown, ...r.statements]);
        setMore(r.more);
      })
      .catch((e: Error) => setMessage(e.message));
  };

  const set = (patch: Partial<ArchiveSettings>) =>
    run(async () => setSettings(await api.set(patch)), 'Saved.');

  if (speakerId) {
    return (
      <SpeakerDetail
        api={api}
        id={speakerId}
        onBack={() => onShow(null)}
        onShow={onShow}
        onChanged={changed}
      />
    );
  }
  const sites = [...new Set(articles.map((a) => a.site))].sort();
  return (
    <section class="ql-speakers-view" aria-label="Speakers">
      <div class="ql-archive-bar">
        <label class="ql-archive-switch">
          <input
            type="checkbox"
            checked={settings?.enabled ?? false}
            onChange={(e) => set({ enabled: (e.target as HTMLInputElement).checked, asked: true })}
          />{' '}
          Remember who said what in the articles I read
        </label>
        {stats && (
          <span class="ql-archive-size" data-testid="archive-size">
            {plural(stats.stats.articles, 'article')} ·{' '}
            {plural(stats.stats.statements, 'statement')} · {plural(stats.stats.people, 'speaker')}{' '}
            · {formatBytes(stats.stats.bytes)}
            {stats.usage !== null && ` (all QuoteLens data: ${formatBytes(stats.usage)})`}
          </span>
        )}
      </div>
      <input
        type="search"
        class="ql-archive-search"
        aria-label="Search speakers and statements"
        placeholder="Search speakers and what they said"
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      <div class="ql-visually-hidden" role="status" aria-live="polite">
        {message}
      </div>
      {people && people.length === 0 && statements.length === 0 && (
        <p class="ql-empty">
          {query
            ? 'Nothing in your archive matches.'
            : settings?.enabled
              ? 'No speakers yet: they appear here as you read articles.'
              : 'Your archive is off. Switch it on to remember who said what.'}
        </p>
      )}
      {people && people.length > 0 && (
        <ul class="ql-people" aria-label="Speakers">
          {people.map((p) => (
            <li key={p.id}>
              <a
                href={`#speaker=${encodeURIComponent(p.id)}`}
                class="ql-person"
                onClick={(e) => {
                  e.preventDefault();
                  onShow(p.id);
                }}
              >
                <span class="ql-person-name">{p.name}</span>
                <span class="ql-person-counts">
                  {p.statementCount} {p.statementCount === 1 ? 'statement' : 'statements'} ·{' '}
                  {p.articleCount} {p.articleCount === 1 ? 'article' : 'articles'}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {statements.length > 0 && (
        <>
          <h3>Statements</h3>
          <ol class="ql-archive-statements" aria-label="Matching statements">
            {statements.map((s) => (
              <li key={s.id} class="ql-archive-statement">
                <blockquote>“{s.text}”</blockquote>
                <div class="ql-archive-meta">
                  {s.personId ? (
                    <a
                      href={`#speaker=${encodeURIComponent(s.personId)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        if (s.personId) onShow(s.personId);
                      }}
                    >
                      {s.personName}
                    </a>
                  ) : (
                    <span>Unknown speaker</span>
                  )}{' '}
                  · <time dateTime={s.readAt}>{s.readAt.slice(0, 10)}</time> ·{' '}
                  <a
                    href={s.articleUrl}
                    onClick={(e) => {
                      e.preventDefault();
                      void api.open(s).then((r) => {
                        if (r === 'orphaned') {
                          setMessage(
                            'That statement is no longer on the page; it stays in your archive.',
                          );
                        }
                      });
                    }}
                  >
                    {s.articleTitle}
                  </a>
                </div>
              </li>
            ))}
          </ol>
          {more && (
            <button type="button" class="ql-archive-more" onClick={showMore}>
              More statements
            </button>
          )}
        </>
      )}
      <details class="ql-archive-manage">
        <summary>Export, forget, excluded sites</summary>
        <div class="ql-speaker-tools">
          <span>Export everything:</span>
          <button type="button" onClick={() => void api.exportArchive(null, 'markdown')}>
            Markdown
          </button>
          <button type="button" onClick={() => void api.exportArchive(null, 'csv')}>
            CSV
          </button>
          <button type="button" onClick={() => void api.exportArchive(null, 'json')}>
            JSON
          </button>
        </div>
        <h3>Articles you read</h3>
        <ul class="ql-archive-articles">
          {articles.map((a) => (
            <li key={a.key} data-site={a.site}>
              <span>
                {a.title} <small>({a.site})</small>
              </span>
              <button
                type="button"
                onClick={() => run(() => api.forget('article', a.key), `Forgot “${a.title}”.`)}
              >
                Forget this article
              </button>
            </li>
          ))}
        </ul>
        <h3>Sites</h3>
        <ul class="ql-archive-sites">
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                data-forget-site={site}
                onClick={() =>
                  run(() => api.forget('site', site), `Forgot everything from ${site}.`)
                }
              >
                Forget {site}
              </button>
            </li>
          ))}
        </ul>
        <h3>Never remember these sites</h3>
        <ul class="ql-archive-excluded">
          {(settings?.excludedSites ?? []).map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                onClick={() =>
                  set({ excludedSites: (settings?.excludedSites ?? []).filter((s) => s !== site) })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const site = exclude
              .trim()
              .toLowerCase()
              .replace(/^www\./, '');
            if (!site) return;
            setExclude('');
            run(async () => {
              setSettings(
                await api.set({ excludedSites: [...(settings?.excludedSites ?? []), site] }),
              );
              await api.forget('site', site);
            }, `${site} will not be remembered; what was kept from it is forgotten.`);
          }}
        >
          <input
            aria-label="Site to exclude"
            placeholder="example.com"
            value={exclude}
            onInput={(e) => setExclude((e.target as HTMLInputElement).value)}
          />
          <button type="submit">Exclude</button>
        </form>
        <p>
          <button
            type="button"
            class="ql-danger"
            onClick={() => {
              if (
                globalThis.confirm?.('Forget every speaker and statement in your archive?') ===
                false
              )
                return;
              run(() => api.forget('all'), 'Your archive is empty.');
            }}
          >
            Forget everything
          </button>
        </p>
      </details>
    </section>
  );
}
