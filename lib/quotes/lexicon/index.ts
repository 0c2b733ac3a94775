/**
 * The word lists of the quote engine, merged over languages into lookup sets.
 * Data lives in the JSON files beside this module; this file only indexes it.
 * Pages mix languages (a French quote in an English article), so every list is
 * searched whatever the page's language.
 */
import de from './de.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import genderNames from './gender-names.json';
import it from './it.json';
import names from './names.json';
import pt from './pt.json';
import ru from './ru.json';

interface LangLexicon {
  speechVerbs: string[];
  weakVerbs?: string[];
  accordingTo: string[][];
  auxiliaries?: string[];
  perfectAuxiliaries?: string[];
  pronouns: Record<string, string>;
  firstPerson: string[];
  titles: string[];
  femaleTitles: string[];
  maleTitles: string[];
  /** Nouns that say a person's gender when they name them: "his son, X", "the widow X". */
  femaleNouns?: string[];
  maleNouns?: string[];
  roles: string[];
  orgWords: string[];
  stopCaps?: string[];
  listenerVerbs?: string[];
  documentWords?: string[];
  speechNouns?: string[];
  possessivePronouns?: Record<string, string>;
}

const langs: LangLexicon[] = [en, fr, es, de, ru, pt, it];
const set = (pick: (l: LangLexicon) => string[] | undefined) =>
  new Set(langs.flatMap((l) => pick(l) ?? []).map((w) => w.toLowerCase()));

export const SPEECH_VERBS = set((l) => l.speechVerbs);
/** English speech verbs alone: "a" before one is an article ("a statement"), not "il a dit". */
export const ENGLISH_SPEECH_VERBS = new Set(en.speechVerbs.map((w) => w.toLowerCase()));
/** Verbs that attribute only when they sit right by the quote ("called it '…'"). */
export const WEAK_VERBS = set((l) => l.weakVerbs);
export const AUXILIARIES = set((l) => l.auxiliaries);
/** "a déclaré", "ha dicho", "hat gesagt": auxiliaries that may stand between a quote and its verb. */
export const PERFECT_AUXILIARIES = set((l) => l.perfectAuxiliaries);
export const TITLES = set((l) => l.titles);
export const FEMALE_TITLES = set((l) => l.femaleTitles);
export const MALE_TITLES = set((l) => l.maleTitles);
export const FEMALE_NOUNS = set((l) => [...l.femaleTitles, ...(l.femaleNouns ?? [])]);
export const MALE_NOUNS = set((l) => [...l.maleTitles, ...(l.maleNouns ?? [])]);
export const ROLES = set((l) => l.roles);
/** English role words alone: after "Mr." another language's role word is a surname ("Mr. Autor"). */
export const ENGLISH_ROLES = new Set(en.roles.map((w) => w.toLowerCase()));
export const ORG_WORDS = set((l) => l.orgWords);
/** Heads of described speakers that are documents, not people: "the report", "le projet de loi". */
export const DOCUMENT_WORDS = set((l) => l.documentWords);
/** Nouns for what someone said, after a possessive: "in Hale's words", "the team's request". */
export const SPEECH_NOUNS = set((l) => l.speechNouns);
/** Possessive pronoun → the gender of its owner: "in his phrase". */
export const POSSESSIVE_PRONOUNS: Readonly<Record<string, string>> = Object.assign(
  {},
  ...langs.map((l) => l.possessivePronouns ?? {}),
);
/** Capitalised words that never start a name; "Según Sánchez" starts with a cue word. */
export const STOP_CAPS = set((l) => [
  ...(l.stopCaps ?? []),
  ...l.accordingTo.map((seq) => seq[0] ?? ''),
]);
export const FIRST_PERSON = set((l) => l.firstPerson);
/** Pronoun → 'm' | 'f' | 'p' (plural) | 'o' (thing). */
export const PRONOUNS: ReadonlyMap<string, string> = new Map(
  langs.flatMap((l) => Object.entries(l.pronouns)),
);
/** "according to", "selon", "по словам"…: lowercase word sequences. */
export const ACCORDING_TO: readonly string[][] = langs.flatMap((l) => l.accordingTo);
/** Verbs whose object is the listener, never the speaker: "told reporters", "asked him". */
export const LISTENER_VERBS = set((l) => l.listenerVerbs);
/** Common first names by gender, to agree pronouns with their antecedents. */
export const FEMALE_NAMES = new Set(names.female);
export const MALE_NAMES = new Set(names.male.filter((n) => !names.female.includes(n)));
/**
 * More first names, for their gender only (a pronoun's agreement), never to decide what is a
 * name: built by scripts/train/gender-names.ts from a list of 8,800 English first names.
 */
export const GENDER_OF_NAME = new Map<string, 'f' | 'm'>([
  ...genderNames.female.split(' ').map((n): [string, 'f'] => [n, 'f']),
  ...genderNames.male.split(' ').map((n): [string, 'm'] => [n, 'm']),
]);
/** Surnames written first (Chinese, Korean, Vietnamese): "Geng said" after "Geng Shuang". */
export const SURNAME_FIRST = new Set(names.surnameFirst);
