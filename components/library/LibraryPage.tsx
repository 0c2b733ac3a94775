/**
 * The library page (the notes page grown): the reader's notes, and the Speakers view of their
 * archive. Which one shows follows the address (#speakers, #speaker=<id>), so links from the
 * popup open the right place and the back button works.
 */
import { useEffect, useState } from 'preact/hooks';
import { NotesPage, type NotesPageApi } from '../notes/NotesPage';
import type { LibraryApi } from './api';
import { SpeakersView } from './SpeakersView';

export type Route = { view: 'notes' } | { view: 'speakers'; speakerId: string | null };

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#/, '');
  if (h.startsWith('speaker=')) {
    return { view: 'speakers', speakerId: decodeURIComponent(h.slice('speaker='.length)) || null };
  }
  return h === 'speakers' ? { view: 'speakers', speakerId: null } : { view: 'notes' };
}

export function routeHash(route: Route): string {
  if (route.view === 'notes') return '#notes';
  return route.speakerId ? `#speaker=${encodeURIComponent(route.speakerId)}` : '#speakers';
}

interface Props {
  notes: NotesPageApi;
  archive: LibraryApi;
}

export function LibraryPage({ notes, archive }: Props) {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: Route) => {
    location.hash = routeHash(next);
    setRoute(next);
  };
  return (
    <div class="ql-library">
      <nav class="ql-library-tabs" aria-label="Library">
        <a href="#notes" aria-current={route.view === 'notes' ? 'page' : undefined}>
          Notes
        </a>
        <a href="#speakers" aria-current={route.view === 'speakers' ? 'page' : undefined}>
          Speakers
        </a>
      </nav>
      {route.view === 'notes' ? (
        <NotesPage api={notes} />
      ) : (
        <SpeakersView
          api={archive}
          speakerId={route.speakerId}
          onShow={(id) => go({ view: 'speakers', speakerId: id })}
        />
      )}
    </div>
  );
}
