// How alike two frames are: the same kind and unit, the same counted thing and predicate (or words
// WordNet relates), the same modifiers and period, and the words around the figures, weighted by how
// rare each word is in the corpus. 0 means "about something else"; 1 "the same fact, worded alike".
import { PEOPLE_NOUNS } from '../english/functionWords';
import { lemmaOf, relatedness } from '../english/lemma';
import type { WordWeights } from './factIndex';
import { Mod, type Frame } from './frame';
import MODEL from './frameModel.json';

const MODS = [Mod.First, Mod.More, Mod.Total, Mod.Each];

// Rates over time must be over the same time: $3 a day is not $3 a week.
const TIME_RATES = /^(day|week|fortnight|month|quarter|year|hour|minute|second)$/;

/**
 * Frames that can be about the same fact at all: kind, currency, label, and rate. A rate per one thing
 * may be the same as a rate per another ("per person", "for every registered voter"); the words decide.
 */
export function comparable(a: Frame, b: Frame): boolean {
  const rates = a.per === b.per || (!!a.per && !!b.per && !TIME_RATES.test(a.per) && !TIME_RATES.test(b.per));
  if (a.kind !== b.kind || !rates || a.label !== b.label) return false;
  return !(a.kind === 'money' && a.unit && b.unit && a.unit !== b.unit);
}

/** The evidence two frames give of being one fact, each 0–1 (see FEATURES for their names). */
export function pairFeatures(draft: Frame, fact: Frame, weights: WordWeights): number[] {
  const head = headScore(draft, fact);
  const verbs = draft.verb && fact.verb;
  const verb = verbs ? Math.max(relatedness(draft.verb!, fact.verb!), draft.terms.has(fact.verb!) || fact.terms.has(draft.verb!) ? 0.5 : 0) : 0;
  let modsDiffer = 0;
  for (const m of MODS) if ((draft.mods & m) !== (fact.mods & m)) modsDiffer++;
  const differ = (m: Mod) => ((draft.mods & m) !== (fact.mods & m) ? 1 : 0);
  const subjects = draft.subject && fact.subject;
  const subjectDiffers = subjects && relatedness(draft.subject!, fact.subject!) === 0 && !draft.terms.has(fact.subject!) && !fact.terms.has(draft.subject!) ? 1 : 0;
  const parties = draft.party && fact.party;
  const heads = draft.head && fact.head;
  const [cover, coverNear] = coverage(draft.terms, fact.terms, weights);
  const [coveredBy, coveredByNear] = coverage(fact.terms, draft.terms, weights);
  return [
    head,
    heads ? 0 : 1,
    heads && head === 0 ? 1 : 0,
    verb,
    verbs ? 0 : 1,
    cover,
    coveredBy,
    coverNear,
    coveredByNear,
    Math.min(modsDiffer, 2) / 2,
    differ(Mod.Prior),
    differ(Mod.Change),
    draft.years.length && fact.years.length && !draft.years.some((y) => fact.years.includes(y)) ? 1 : 0,
    partiesDiffer(draft, fact) ? 1 : 0,
    parties && sameParty(draft.party!, fact.party!) ? 1 : 0,
    subjectDiffers,
    namesMissing(draft.names, fact.terms, weights),
    namesMissing(fact.names, draft.terms, weights),
    unheardOf(draft.terms, weights),
  ];
}

export const FEATURES = [
  'head', 'noHead', 'headConflict', 'verb', 'noVerb', 'cover', 'coveredBy', 'coverNear', 'coveredByNear', 'modsDiffer', 'priorDiffers', 'changeDiffers', 'yearsDiffer',
  'partyDiffers', 'partySame', 'subjectDiffers', 'namesMissing', 'namesMissingFromDraft', 'unheardOf',
];

/**
 * How much of what a claim says right around its figure no source sentence with a figure says at all
 * ("debris removal", "distribution centres"): a claim about something the sources never cover.
 */
function unheardOf(terms: Map<string, number>, weights: WordWeights): number {
  let unknown = 0;
  let all = 0;
  for (const [t, w] of terms) {
    if (w < NEAR) continue;
    all += w;
    if (!weights.known(t)) unknown += w;
  }
  return all ? unknown / all : 0;
}

/** How much of one side's names (by rarity) the other side's sentence never mentions: another fire, firm or place. */
function namesMissing(names: Set<string>, other: Map<string, number>, weights: WordWeights): number {
  let missing = 0;
  let all = 0;
  for (const n of names) {
    const idf = weights.idf(n);
    all += idf;
    if (!other.has(n)) missing += idf;
  }
  return all ? missing / all : 0;
}

const PARTY_DIFFERS = FEATURES.indexOf('partyDiffers');
/** Log-odds a party conflict costs beyond what the sets taught: they hold few stories with two sides. */
const PARTY_PENALTY = 2;

/** Words this close to a figure (term weight, see frame.ts) describe it rather than its sentence. */
const NEAR = 0.5;

/**
 * How likely two frames are one fact, 0–1: a logistic model over pairFeatures, whose weights are
 * learned from labelled cases (scripts/train-frames.ts → frameModel.json).
 */
export function frameSimilarity(draft: Frame, fact: Frame, weights: WordWeights): number {
  if (!comparable(draft, fact)) return 0;
  // The model is data learned for these features in this order: a stale one must not be read silently.
  if (MODEL.features.length !== FEATURES.length || MODEL.features.some((name, k) => name !== FEATURES[k]))
    throw new Error('frameModel.json was trained for other features: run npx tsx scripts/train-frames.ts');
  const x = pairFeatures(draft, fact, weights);
  let z = MODEL.bias;
  for (let k = 0; k < x.length; k++) z += MODEL.weights[k] * x[k];
  // Another party's figure ("12,000 French workers" against Germany's) is another fact, however alike the words.
  if (x[PARTY_DIFFERS]) z -= PARTY_PENALTY;
  return 1 / (1 + Math.exp(-z));
}

/** Two frames name whose figure each is, and they are not the same party: France's 10,000 are not Germany's. */
export function partiesDiffer(a: Frame, b: Frame): boolean {
  return !!a.party && !!b.party && !sameParty(a.party, b.party);
}

/** "Northwind" is "Northwind Foods", "French" is "France"; "East Timor" is not "West Timor". */
function sameParty(a: string, b: string): boolean {
  if (a === b || relatedness(a, b) >= 0.8) return true;
  const wa = a.split(' ');
  const wb = b.split(' ');
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.every((w, k) => long[k] === w) || short.every((w, k) => long[long.length - short.length + k] === w);
}

/** 1 for the same counted thing, less for a related one, 0 for a different one ("stores" against "staff"). */
function headScore(a: Frame, b: Frame): number {
  if (a.head && b.head) {
    const r = Math.max(relatedness(a.head, b.head), relatedness(lastWord(a.head), lastWord(b.head)));
    if (r > 0) return r;
    if (PEOPLE_NOUNS.has(a.head) || PEOPLE_NOUNS.has(b.head)) return 0.5;
    // "3,000 injured" counts what "3,000 fans have been injured" says of them.
    const predicate = Math.max(b.verb ? relatedness(a.head, b.verb) : 0, a.verb ? relatedness(a.verb, b.head) : 0);
    if (predicate >= 0.8) return 0.8;
    // The draft's noun may be a word of the source's clause: "350 stores" against "bringing its total to 350".
    return Math.max(a.terms.get(b.head) ?? 0, b.terms.get(a.head) ?? 0) >= 0.5 ? 0.4 : 0;
  }
  const one = a.head ?? b.head;
  if (!one) return 0.5;
  const other = a.head ? b : a;
  return (other.terms.get(one) ?? 0) >= 0.3 ? 0.6 : 0.3;
}

const lastWord = (w: string) => w.slice(w.lastIndexOf(' ') + 1);

/** A frame's words as the concepts they name, each with the weight of its best word. */
interface Concepts {
  named: Map<string, number>;
  broader: Map<string, number>;
}

const conceptCache = new WeakMap<Map<string, number>, Concepts>();

function conceptsOf(terms: Map<string, number>): Concepts {
  let c = conceptCache.get(terms);
  if (!c) {
    c = { named: new Map(), broader: new Map() };
    for (const [t, w] of terms) {
      const l = lemmaOf(t);
      for (const id of l.concepts) if ((c.named.get(id) ?? 0) < w) c.named.set(id, w);
      for (const id of l.broader) if ((c.broader.get(id) ?? 0) < w) c.broader.set(id, w);
    }
    conceptCache.set(terms, c);
  }
  return c;
}

/**
 * How much of `a`'s weighted vocabulary `b` covers: of all its words, and of those weighing at least
 * NEAR. Each word counts by its best relative in `b` as relatedness() rates them: the same word, a
 * shared concept (0.8), a broader one (0.5). One pass gives both, as this is the matcher's inner loop.
 */
function coverage(a: Map<string, number>, b: Map<string, number>, weights: WordWeights): [number, number] {
  const cb = conceptsOf(b);
  let num = 0;
  let den = 0;
  let numNear = 0;
  let denNear = 0;
  for (const [w, wa] of a) {
    const idf = weights.idf(w);
    let best = b.get(w) ?? 0;
    if (best < wa) {
      const l = lemmaOf(w);
      for (const id of l.concepts) best = Math.max(best, 0.8 * (cb.named.get(id) ?? 0), 0.5 * (cb.broader.get(id) ?? 0));
      for (const id of l.broader) best = Math.max(best, 0.5 * (cb.named.get(id) ?? 0));
    }
    const covered = wa * idf * Math.min(1, best / wa);
    num += covered;
    den += wa * idf;
    if (wa >= NEAR) {
      numNear += covered;
      denNear += wa * idf;
    }
  }
  return [den ? num / den : 0, denNear ? numNear / denNear : 0];
}
