/**
 * One speaker's page in the library: every statement by date with its article (opened at the
 * statement), the reader's notes on them, a chart per month, merge / split, export.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PersonSummary, SpeakerPage, StatementView } from '../../lib/archive/store';
import { noteText } from '../../lib/notes/web-annotation';
import { ActivityChart } from './ActivityChart';
import type { LibraryApi } from './api';

interface Props {
  api: LibraryApi;
  id: string;
  onBack(): void;
  onShow(id: string): void;
  onChanged(): void;
}

export function SpeakerDetail({ api, id, onBack, onShow, onChanged }: Props) {
  const [page, setPage] = useState<SpeakerPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mergeQuery, setMergeQuery] = useState('');
  const [candidates, setCandidates] = useState<PersonSummary[]>([]);
  const [rev, setRev] = useState(0);
  /** What opening each statement's article found: shown there, or its words gone. */
  const [opened, setOpened] = useState<ReadonlyMap<string, string>>(new Map());
  const open = (s: StatementView) =>
    void api.open(s).then((result) => setOpened((o) => new Map(o).set(s.id, result)));

  useEffect(() => {
    let live = true;
    setError(null);
    api
      .speaker(id)
      .then((p) => live && setPage(p))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [api, id, rev]);

  useEffect(() => {
    if (!mergeQuery.trim()) {
      setCandidates([]);
      return;
    }
    let live = true;
    api
      .people(mergeQuery)
      .then((list) => live && setCandidates(list.filter((p) => p.id !== id).slice(0, 8)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, mergeQuery, id]);

  const act = (work: () => Promise<unknown>) =>
    void work()
      .then(() => {
        setRev((n) => n + 1);
        onChanged();
      })
      .catch((e: Error) => setError(e.message));

  if (error) {
    return (
      <section class="ql-speaker-page">
        <button type="button" class="ql-back" onClick={onBack}>
          ← All speakers
        </button>
        <p role="alert" class="ql-error">
          {error}
        </p>
      </section>
    );
  }
  if (!page) return <p class="ql-loading">Loading…</p>;
  const { person, statements, notes, months } = page;
  const articleCount = new Set(statements.map((s) => s.articleKey)).size;
  return (
    <section class="ql-speaker-page" aria-labelledby="ql-speaker-name" data-person-id={person.id}>
      <button type="button" class="ql-back" onClick={onBack}>
        ← All speakers
      </button>
      <h2 id="ql-speaker-name">{person.name}</h2>
      <p class="ql-speaker-sum" data-testid="speaker-summary">
        {statements.length} {statements.length === 1 ? 'statement' : 'statements'} in {articleCount}{' '}
        {articleCount === 1 ? 'article' : 'articles'} you read
      </p>
      <ActivityChart months={months} />
      <div class="ql-speaker-tools">
        <span>Export:</span>
        <button type="button" onClick={() => void api.exportArchive(person.id, 'markdown')}>
          Markdown
        </button>
        <button type="button" onClick={() => void api.exportArchive(person.id, 'csv')}>
          CSV
        </button>
        <button type="button" onClick={() => void api.exportArchive(person.id, 'json')}>
          JSON
        </button>
      </div>
      <details class="ql-identity">
        <summary>Not the same person? Merge or split</summary>
        <p>Named as: </p>
        <ul class="ql-names">
          {person.names.map((n) => (
            <li key={n}>
              <span>{n}</span>
              {person.names.length > 1 && (
                <button
                  type="button"
                  onClick={() => act(async () => onShow((await api.split(person.id, n)).id))}
                >
                  Split off “{n}”
                </button>
              )}
            </li>
          ))}
        </ul>
        <label>
          Merge another entry into {person.name}:{' '}
          <input
            type="search"
            value={mergeQuery}
            placeholder="Speaker’s name"
            onInput={(e) => setMergeQuery((e.target as HTMLInputElement).value)}
          />
        </label>
        <ul class="ql-merge-candidates">
          {candidates.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() =>
                  act(async () => {
                    await api.merge(c.id, person.id);
                    setMergeQuery('');
                  })
                }
              >
                Merge “{c.name}” ({c.statementCount}) into {person.name}
              </button>
            </li>
          ))}
        </ul>
      </details>
      <ol class="ql-archive-statements" aria-label={`Statements of ${person.name}`}>
        {statements.map((s) => (
          <li
            key={s.id}
            class="ql-archive-statement"
            data-fragment={s.fragment ? '' : undefined}
            data-opened={opened.get(s.id)}
          >
            <blockquote>“{s.text}”</blockquote>
            <div class="ql-archive-meta">
              <time dateTime={s.readAt}>{s.readAt.slice(0, 10)}</time> ·{' '}
              <a
                href={s.articleUrl}
                onClick={(e) => {
                  e.preventDefault();
                  open(s);
                }}
              >
                {s.articleTitle}
              </a>{' '}
              · {s.site}
              {s.fragment && <span class="ql-tag">fragment</span>}
              {s.confidence < 0.9 && <span class="ql-tag">speaker uncertain</span>}
              {opened.get(s.id) === 'orphaned' && (
                <span class="ql-tag ql-orphan" role="status">
                  no longer on the page — kept here
                </span>
              )}
            </div>
            {(notes[s.id] ?? []).map((n) => (
              <aside key={n.id} class="ql-archive-note" aria-label="Your note">
                <strong>Your note:</strong> {noteText(n)}
              </aside>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
