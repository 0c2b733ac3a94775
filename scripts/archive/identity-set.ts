/**
 * A generated evaluation set for speaker identity across articles: invented and well-known
 * people, several sharing a surname, each named in an article the ways the news names them
 * (full name, role + name, title + surname, surname alone, initial, possessive, nickname,
 * middle initial). Each article speaker carries its gold person. Deterministic (seeded).
 */

import { seededRandom } from '../seeded-random';

export interface GoldPerson {
  id: string;
  given: string;
  surname: string;
  middle?: string;
  nickname?: string;
  role: string;
  title: 'Mr' | 'Mrs' | 'Ms' | 'Dr';
}

export interface GoldSpeaker {
  gold: string;
  /** The engine's fullest name for them in this article… */
  name: string;
  /** …and the other ways the article named them. */
  aliases: string[];
  statements: number;
}

export interface GoldArticle {
  id: number;
  speakers: GoldSpeaker[];
}

const P = (
  id: string,
  given: string,
  surname: string,
  role: string,
  title: GoldPerson['title'],
  extra: Partial<GoldPerson> = {},
): GoldPerson => ({ id, given, surname, role, title, ...extra });

export const PEOPLE: GoldPerson[] = [
  P('putin', 'Vladimir', 'Putin', 'Russian President', 'Mr'),
  P('hclinton', 'Hillary', 'Clinton', 'former Secretary of State', 'Mrs', { middle: 'R' }),
  P('bclinton', 'William', 'Clinton', 'former President', 'Mr', { nickname: 'Bill', middle: 'J' }),
  P('gwbush', 'George', 'Bush', 'former President', 'Mr', { middle: 'W' }),
  P('jbush', 'John', 'Bush', 'former Governor', 'Mr', { nickname: 'Jeb', middle: 'E' }),
  P('bjohnson', 'Boris', 'Johnson', 'former Prime Minister', 'Mr'),
  P('mjohnson', 'Mike', 'Johnson', 'House Speaker', 'Mr'),
  P('kjohnson', 'Katherine', 'Johnson', 'mathematician', 'Dr'),
  P('ppatel', 'Priya', 'Patel', 'Health Minister', 'Dr'),
  P('mgarcia', 'Maria', 'Garcia', 'Mayor', 'Ms'),
  P('lgarcia', 'Luis', 'Garcia', 'striker', 'Mr'),
  P('vonderleyen', 'Ursula', 'von der Leyen', 'European Commission President', 'Mrs'),
  P('mbs', 'Mohammed', 'bin Salman', 'Crown Prince', 'Mr'),
  P('zelensky', 'Volodymyr', 'Zelensky', 'Ukrainian President', 'Mr'),
  P('macron', 'Emmanuel', 'Macron', 'French President', 'Mr'),
  P('merkel', 'Angela', 'Merkel', 'former Chancellor', 'Mrs'),
  P('scholz', 'Olaf', 'Scholz', 'Chancellor', 'Mr'),
  P('okafor', 'Adaeze', 'Okafor', 'climate scientist', 'Dr'),
  P('lindqvist', 'Henrik', 'Lindqvist', 'Finance Minister', 'Mr'),
  P('moreau', 'Camille', 'Moreau', 'prosecutor', 'Ms'),
  P('tanaka', 'Hiroshi', 'Tanaka', 'economist', 'Mr'),
  P('abara', 'Nkechi', 'Abara', 'Senator', 'Ms'),
  P('kowalski', 'Piotr', 'Kowalski', 'coach', 'Mr'),
  P('ferreira', 'Ana', 'Ferreira', 'union spokesperson', 'Ms'),
  P('haddad', 'Omar', 'Haddad', 'Foreign Minister', 'Mr'),
  P('novak', 'Jana', 'Novak', 'judge', 'Ms'),
  P('okonkwo', 'Emeka', 'Okonkwo', 'Governor', 'Mr'),
  P('reyes', 'Carmen', 'Reyes', 'Interior Minister', 'Ms'),
  P('schmidt', 'Klaus', 'Schmidt', 'chief executive', 'Mr'),
  P('osei', 'Kwame', 'Osei', 'Defence Secretary', 'Mr'),
  P('brennan', 'Siobhan', 'Brennan', 'Senator', 'Ms'),
  P('dubois', 'Étienne', 'Dubois', 'Mayor', 'Mr'),
  P('ivanova', 'Olga', 'Ivanova', 'Kremlin spokeswoman', 'Ms'),
  P('mwangi', 'Grace', 'Mwangi', 'activist', 'Ms'),
  P('castillo', 'Diego', 'Castillo', 'Energy Minister', 'Mr'),
  P('larsen', 'Ingrid', 'Larsen', 'researcher', 'Dr'),
  P('oconnor', 'Sean', "O'Connor", 'Labour leader', 'Mr'),
  P('achebe', 'Chidi', 'Achebe', 'central bank governor', 'Mr'),
  P('bergstrom', 'Elsa', 'Bergström', 'Environment Minister', 'Ms'),
  P('costa', 'Rui', 'Costa', 'Transport Minister', 'Mr'),
  P('duarte', 'Lucia', 'Duarte', 'Senator', 'Ms'),
  P('engel', 'Markus', 'Engel', 'police chief', 'Mr'),
  P('farouk', 'Leila', 'Farouk', 'UN envoy', 'Ms'),
  P('gallagher', 'Niamh', 'Gallagher', 'Health Secretary', 'Ms'),
  P('horvat', 'Luka', 'Horvat', 'Mayor', 'Mr'),
  P('iwu', 'Chioma', 'Iwu', 'epidemiologist', 'Dr'),
  P('jovanovic', 'Milan', 'Jovanović', 'coach', 'Mr'),
  P('kaur', 'Simran', 'Kaur', 'Councillor', 'Ms'),
  P('lemaire', 'Bruno', 'Lemaire', 'Economy Minister', 'Mr'),
  P('mensah', 'Ama', 'Mensah', 'trade negotiator', 'Ms'),
  P('nilsen', 'Tor', 'Nilsen', 'fisheries spokesman', 'Mr'),
];

/**
 * The ways an article may name the person, with how often the news does: `full` forms give
 * the given name (an article usually introduces a speaker so), `short` forms do not.
 */
function forms(p: GoldPerson): { full: Array<[string, number]>; short: Array<[string, number]> } {
  const name = `${p.given} ${p.surname}`;
  const full: Array<[string, number]> = [
    [name, 30],
    [`${p.role} ${name}`, 15],
    [`${name}'s`, 4],
  ];
  if (p.middle) full.push([`${p.given} ${p.middle}. ${p.surname}`, 8]);
  if (p.nickname) full.push([`${p.nickname} ${p.surname}`, 30]);
  const short: Array<[string, number]> = [
    [`${p.title} ${p.surname}`, 8],
    [p.surname, 8],
    [`${p.given[0]}. ${p.surname}`, 8],
    [`${p.surname}'s`, 3],
  ];
  const role = p.role.split(' ').pop() ?? '';
  if (/^[A-Z]/.test(role)) short.push([`${role} ${p.surname}`, 6]);
  return { full, short };
}

/**
 * Share of article speakers named without their given name anywhere in the article. News style
 * introduces a speaker by full name; surname-only articles (headlines, live pages) are rare.
 * The evaluation prints its numbers at this share and at harsher ones.
 */
export const SHORT_ONLY_SHARE = 0.05;

function pick<T>(r: () => number, weighted: Array<[T, number]>): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of weighted) {
    x -= w;
    if (x < 0) return v;
  }
  return (weighted[weighted.length - 1] as [T, number])[0];
}

/**
 * `count` articles in reading order. Well-known people recur more (a beat has its regulars);
 * an article names each speaker one to three ways, its fullest form first (as the engine does).
 */
export function generateArticles(
  count = 600,
  seed = 15,
  shortOnly = SHORT_ONLY_SHARE,
): GoldArticle[] {
  const r = seededRandom(seed);
  // The first twenty are the beat's regulars (namesakes among them), three times as often.
  const weights: Array<[GoldPerson, number]> = PEOPLE.map((p, i) => [p, i < 20 ? 3 : 1]);
  const articles: GoldArticle[] = [];
  for (let id = 0; id < count; id++) {
    const n = 2 + Math.floor(r() * 4);
    const chosen = new Set<GoldPerson>();
    while (chosen.size < n) chosen.add(pick(r, weights));
    const speakers: GoldSpeaker[] = [];
    for (const p of chosen) {
      const f = forms(p);
      const names = new Set<string>();
      if (r() >= shortOnly) names.add(pick(r, f.full));
      const k = Math.floor(r() * 3);
      while (names.size === 0 || names.size < k) names.add(pick(r, f.short));
      const sorted = [...names].sort((a, b) => richness(b) - richness(a));
      speakers.push({
        gold: p.id,
        name: sorted[0] as string,
        aliases: sorted.slice(1),
        statements: 1 + Math.floor(r() * 4),
      });
    }
    articles.push({ id, speakers });
  }
  return articles;
}

/** How much of a name a form gives (the engine names a speaker by the fullest it saw). */
function richness(form: string): number {
  const words = form.replace(/'s$/, '').split(' ');
  const hasGiven = words.length >= 2 && !/\.$/.test(words[words.length - 2] ?? '');
  return (hasGiven ? 10 : 0) + (/ [A-Z]\. /.test(form) ? 2 : 0) + words.length / 10;
}
