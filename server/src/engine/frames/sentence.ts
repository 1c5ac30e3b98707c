// A sentence read word by word for its figures' frames (frame.ts): each word's base form and part of
// speech in context ("will sell" is a verb, "the drug" a noun), whether it is part of a name, and which
// clause it stands in.
import { FUNCTION_WORDS, GENERIC_NOUNS, REPORTING_WORDS, TIME_WORDS } from '../english/functionWords';
import { lemmaOf, type Lemma } from '../english/lemma';
import type { Token } from '../tokens';

// Where a clause ends for the words that describe a figure.
const CLAUSE_END = new Set([';', '—', '–', '(', ')', ':']);
const CLAUSE_JOINERS = new Set(['and', 'but', 'while', 'whereas', 'which', 'who', 'where', 'when', 'although', 'though']);

export interface Word {
  i: number;
  /** Written with a capital and not a common word at the start of a sentence: part of a name. */
  name: boolean;
  lower: string;
  base: string;
  pos: string;
  /** Read here as a verb: an inflected verb form, a word after "will" or "to", a word only ever a verb. */
  verb: boolean;
  content: boolean;
  capitalised: boolean;
}

/** Per-sentence analysis shared by the frames of its figures. */
export interface SentenceWords {
  tokens: Token[];
  words: (Word | undefined)[];
  /** Clause index of each token. */
  clause: number[];
}

export function analyseSentence(tokens: Token[]): SentenceWords {
  const words: (Word | undefined)[] = [];
  tokens.forEach((t, i) => {
    if (t.type !== 'word') return words.push(undefined);
    const lower = t.lower.replace(/['’]s$/, '');
    const capital = capitalOf(t);
    // A capitalised word inside a sentence is a name, unless it labels a number ("Article 51"): no need to look it up.
    const l = capital && i > 0 && tokens[i + 1]?.type !== 'num' && !FUNCTION_WORDS.has(lower) ? nameLemma(lower) : lemmaOf(lower);
    // Adverbs ("just", "nearly") and reporting words say nothing of what is measured.
    const content = !FUNCTION_WORDS.has(lower) && !REPORTING_WORDS.has(l.base) && lower.length > 1 && !(l.pos === 'r' && !capital);
    // At the start of a sentence a capital proves nothing, unless WordNet knows only the name or a name goes on ("South Africa").
    const name = capital && !FUNCTION_WORDS.has(lower) && (i > 0 || l.pos === '' || l.pos.includes('p') || (tokens[1] !== undefined && capitalOf(tokens[1])));
    const prev = tokens[i - 1];
    // "the drug", "35 stores": a noun; "will sell", "to open": a verb; otherwise the form decides.
    const nounSlot = !!prev && (prev.type === 'num' || NOUN_BEFORE.test(prev.lower));
    const verbSlot = !!prev && l.pos.includes('v') && (VERB_BEFORE.test(prev.lower) || (BE.test(prev.lower) && !/s$/.test(lower)));
    // "the dividend goes up", "it employs": a third-person form after its subject.
    const subject = words[i - 1];
    // Not after a nationality ("French workers"), nor before an auxiliary ("workers are").
    const afterSubject =
      !!prev && /s$/.test(lower) && l.base !== lower && l.pos.includes('v') && !AUXILIARY.test(tokens[i + 1]?.lower ?? '') && !verbFollows(tokens, i) &&
      ((capitalOf(prev) && !lemmaOf(prev.lower).pos.includes('a')) || /^(it|he|she|this|that|which|who)$/.test(prev.lower) || (!!subject && subject.content && !subject.verb && subject.pos.includes('n') && !subject.pos.includes('a') && !/s$/.test(prev.lower) && tokens[i - 2]?.type !== 'num'));
    const verb = !nounSlot && (verbSlot || afterSubject || l.verbForm || (l.pos.includes('v') && !l.pos.includes('n') && !l.pos.includes('a')));
    // A name is kept as written: "Unified" in "Brenford Unified" is not the verb "unify".
    const base = name && i > 0 ? lower : !verb && l.pos.includes('n') ? l.nounBase : l.base;
    return words.push({ i, lower, base, pos: l.pos, verb, content, capitalised: capital && i > 0, name });
  });
  return { tokens, words, clause: clauses(tokens) };
}

/**
 * The clause of each token. A relative clause closed by a comma (", which ignited Sunday,") is an
 * aside with its own number; the clause around it goes on after it.
 */
function clauses(tokens: Token[]): number[] {
  const out: number[] = [];
  let c = 0;
  let aside = -1;
  let asideUntil = -1;
  tokens.forEach((t, i) => {
    if (i < asideUntil) return out.push(aside);
    if (t.type === 'sym' && CLAUSE_END.has(t.text)) c++;
    else if (t.type === 'word' && CLAUSE_JOINERS.has(t.lower) && tokens[i - 1]?.text === ',') {
      const close = /^(which|who)$/.test(t.lower) ? asideClose(tokens, i) : -1;
      if (close > 0) {
        aside = -1 - i;
        asideUntil = close;
        return out.push(aside);
      }
      c++;
    }
    return out.push(c);
  });
  return out;
}

const NOUN_BEFORE = /^(the|a|an|its|their|his|her|our|this|these|those|each|every)$/;
const VERB_BEFORE = /^(will|would|can|could|may|might|must|should|shall|to|did|does|do|not|n't)$/;
// After a form of "be", a word that can be a verb is one ("are put at"), unless it reads as a plural noun.
const BE = /^(is|are|was|were|be|been|being)$/;
const AUXILIARY = /^(is|are|was|were|have|has|had|will|would|could|can|may|might|must|should)$/;

const PREPOSITION = /^(at|in|on|of|from|for|with|near|across|around|inside|outside|under|over)$/;
const PHRASE_ENDS = /^(and|or|but|that|which|who|than|as|while|if)$/;

/**
 * Whether a finite verb follows the word at i, directly or past a prepositional phrase: then the word
 * ends the subject ("academy graduates made", "league crowds at Marlow Road averaged") and is a noun.
 */
function verbFollows(tokens: Token[], i: number): boolean {
  const finite = (t: Token | undefined) => !!t && t.type === 'word' && !/ing$/.test(t.lower) && lemmaOf(t.lower).verbForm;
  if (finite(tokens[i + 1])) return true;
  if (!PREPOSITION.test(tokens[i + 1]?.lower ?? '')) return false;
  for (let k = i + 2; k < tokens.length && k <= i + 7; k++) {
    const t = tokens[k];
    if (t.type !== 'word' || PHRASE_ENDS.test(t.lower)) return false;
    if (finite(t)) return true;
  }
  return false;
}

const nameLemma = (word: string): Lemma => ({ base: word, nounBase: word, pos: 'p', verbForm: false, concepts: NONE, broader: NONE });
const NONE: ReadonlySet<string> = new Set();

export const capitalOf = (t: Token) => /^[A-Z]/.test(t.text);

/** Where a relative clause opened at i closes with a comma (the comma's index), or -1 when it runs on. */
function asideClose(tokens: Token[], i: number): number {
  for (let k = i + 1; k < tokens.length && k < i + 30; k++) {
    if (tokens[k].type === 'sym' && CLAUSE_END.has(tokens[k].text)) return -1;
    if (tokens[k].text === ',') return k;
  }
  return -1;
}

export const nounish = (w: Word | undefined): boolean => !!w && w.content && !w.verb && !w.capitalised && !w.name && (w.pos.includes('n') || w.pos === '');
/** A noun that can name what a figure measures: not "the total", not "the quarter". */
export const measurable = (w: Word | undefined): boolean => !!w && nounish(w) && !GENERIC_NOUNS.has(w.base) && !TIME_WORDS.has(w.base);
export const describing = (w: Word) => w.content && (w.pos.includes('a') || w.verb) && !w.pos.includes('n');

/** "death toll", "net income": a two-word noun WordNet knows, else the head word. */
export function compound(s: SentenceWords, w: Word): string {
  const prev = s.words[w.i - 1];
  if (prev && prev.content) {
    const pair = `${prev.lower} ${w.base}`;
    if (lemmaOf(pair).pos.includes('n')) return pair;
  }
  return w.base;
}
