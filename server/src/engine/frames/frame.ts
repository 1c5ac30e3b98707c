// A figure's frame: what it claims, read from its clause with general English analysis: its kind and
// unit, the thing it counts, the predicate, the words around it and the modifiers that change what is
// measured ("additional", "first", "in total", "each"). Frames of draft figures and of source figures
// are built the same way and compared by frameSimilarity (match.ts).
import { FUNCTION_WORDS, GENERIC_NOUNS, REPORTING_WORDS, TIME_WORDS } from '../english/functionWords';
import { analyseSentence, capitalOf, compound, describing, measurable, nounish, type SentenceWords, type Word } from './sentence';
import type { Token } from '../tokens';
import type { Figure, FigureKind } from '../types';

/** Modifiers that change what a figure measures: a further batch is not the total. */
export const enum Mod {
  First = 1,
  More = 2,
  Total = 4,
  Each = 8,
  /** An earlier value a change is measured from: "up from 17%", "compared with $2.35 billion a year earlier". */
  Prior = 16,
  /** A change rather than a level: "rose 12%", "a 42% reduction", "cut by $6.5 million". */
  Change = 32,
}

export interface Frame {
  kind: FigureKind;
  /** Currency of money; for other kinds undefined. */
  unit?: string;
  /** What the figure is per, for a rate: "day" for "$3.2 million a day", "resident" for "$640 per resident". */
  per?: string;
  /** The noun a figure numbers rather than counts: "article" for "Article 51", "level" for "Level 3". */
  label?: string;
  /** Base form of the counted thing or the measured quantity ("store", "revenue", "death toll"). */
  head?: string;
  /** Base form of the predicate nearest the figure ("employ", "kill", "open"). */
  verb?: string;
  mods: number;
  /** Content words of the sentence by base form, weighted by closeness to the figure (0–1). */
  terms: Map<string, number>;
  /** Years named in the figure's clause other than the figure itself ("revenue in 2024"). */
  years: number[];
  /**
   * Whose figure it is, lower-case: the name that owns the counted thing ("12,000 French workers",
   * "Acme's 50,000"), else the clause's subject ("Northwind opened 35 stores"). Names that only say
   * who reports it ("Paris says", "according to the ministry") or where ("shipped to Brazil") are not parties.
   */
  party?: string;
  /** Base of the clause's subject noun when it is not the counted thing: "rash" in "Rash affected 41% of patients". */
  subject?: string;
  /** Words of the names in the figure's clause ("copper", "ridge"): which fire, firm or place it is about. */
  names: Set<string>;
  /** Paired with one of several things by "respectively": only the frame says which. */
  respectively?: boolean;
  /**
   * A date or length of time that only sets when another figure of its clause holds: "By July 2024
   * the project was 38% complete", "61% two years later". It says when, not what happened when.
   */
  setting?: boolean;
  /** The year a setting of its clause puts it at ("By April 2025 the project was 38% complete": 2025). */
  asOf?: number;
  /** The claim says it is the latest version of a figure that changed: "the final turnout", "now employs". */
  latest?: boolean;
}

/** A word this far from a figure weighs half as much as one beside it; outside its clause, a third as much again. */
const DECAY = 4;
const OUTSIDE_CLAUSE = 0.35;
// The value a change starts from, and a change rather than a level, by the words around the figure.
const PRIOR_BEFORE = /\b(from|compared (with|to)|versus|vs|against)( (the|its|their))?$/;
const PRIOR_AFTER = /^(a year (earlier|ago|before)|the (year|quarter|month) before|(in )?the (previous|prior|same) (year|quarter|period)|last year|previously)\b/;
const CHANGE_BEFORE = /\b(up|down|rose|rise|risen|rising|fell|fall|fallen|falling|grew|grow|grown|growing|increased?|decreased?|declined?|jumped|climbed|gained|dropped|slipped|slid|surged|soared|plunged|cut|raised|lowered|by)$/;
// Nouns that name a change: "a 12% rise", "an increase of 9.5%".
const CHANGE_WORDS = 'increase|rise|drop|decline|gain|growth|jump|cut|reduction|decrease|fall|hike|surge|slump|boost';
const CHANGE_AFTER = new RegExp(`^(${CHANGE_WORDS})\\b`);
const CHANGE_NOUNS = new RegExp(`^(${CHANGE_WORDS})$`);

/** What a change noun next to a figure says changed: "a 42% reduction in deaths" → "death". */
function changedThing(s: SentenceWords, first: number, last: number): string | undefined {
  for (let i = Math.max(0, first - 3); i <= last + 4 && i < s.tokens.length - 1; i++) {
    if (!CHANGE_NOUNS.test(s.words[i]?.base ?? '') || s.tokens[i + 1].lower !== 'in') continue;
    const noun = s.words.slice(i + 2, i + 5).find((w) => measurable(w));
    if (noun) return compound(s, noun);
  }
  return undefined;
}

// Words that say a figure is the last of its versions: what the newest source says decides.
const LATEST = /^(final|finally|certified|latest|now|currently|ultimately)$/;

const MOD_WORDS: [RegExp, Mod][] = [
  [/^(first|initial|earliest|opening)$/, Mod.First],
  [/^(additional|more|another|further|extra|fresh|subsequent)$/, Mod.More],
  [/^(total|overall|altogether|cumulative|combined|all|entire|whole|eventual|eventually)$/, Mod.Total],
  [/^(each|per|apiece|every|daily|weekly|monthly|annually|yearly|average)$/, Mod.Each],
];
/** Frames of a sentence's figures (offsets into the text the sentence starts at `offset` of). */
export function sentenceFrames(tokens: Token[], figures: Figure[], offset: number, previous?: Token[]): Frame[] {
  const s = analyseSentence(tokens);
  const carried = previous && ANAPHOR.test(tokens[0]?.lower ?? '') ? carriedWords(analyseSentence(previous)) : [];
  const spans = figures.map((f) => {
    const first = tokens.findIndex((t) => t.end > f.start - offset);
    const last = tokens.findLastIndex((t) => t.start < f.end - offset);
    return [first < 0 ? 0 : first, last < 0 ? tokens.length - 1 : last] as const;
  });
  const figureTokens = new Set(spans.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k)));
  const frames = figures.map((f, k) => {
    const frame = frameOf(s, f, spans[k][0], spans[k][1], figureTokens);
    for (const w of carried) if (!frame.terms.has(w)) frame.terms.set(w, CARRIED);
    frame.years = figures.filter((g, j) => j !== k && g.kind === 'date' && g.date?.year !== undefined && s.clause[spans[j][0]] === s.clause[spans[k][0]]).map((g) => g.date!.year!);
    return frame;
  });
  // A list shares its first item's noun and verb: "412 patients had died: 118 in the 240 mg arm, 131 in
  // the 160 mg arm and 163 in the chemotherapy arm".
  for (let k = 1; k < frames.length; k++) {
    const [prev, frame] = [frames[k - 1], frames[k]];
    if (frame.head || prev.kind !== frame.kind || !prev.head || !listed(s, spans[k - 1][1], spans[k][0])) continue;
    frame.head = prev.head;
    frame.verb ??= prev.verb;
  }
  inheritComparisons(s, spans, frames);
  pairRespectively(s, spans, frames);
  markSettings(s, spans, frames);
  // The amounts of a clause hold as of its setting's year.
  figures.forEach((g, k) => {
    const year = g.date?.year;
    if (!frames[k].setting || year === undefined) return;
    frames.forEach((other, j) => {
      if (AMOUNTS.has(other.kind) && s.clause[spans[j][0]] === s.clause[spans[k][0]]) other.asOf = Math.max(other.asOf ?? year, year);
    });
  });
  return frames;
}

// Words that make a time the frame of a state rather than the time of an event: "by July",
// "during the first eleven weeks", "at the start of September", "two years later". Not a deadline:
// "results due by 2028".
const SETTING_BEFORE = /(?<!\b(due|expected|scheduled|slated|set|planned|ready) )\b(by|during|throughout|as of|start of|end of|beginning of|middle of)( (late|early|mid|the))*$/;
const SETTING_AFTER = /^(later|earlier)\b/;
const AMOUNTS = new Set<FigureKind>(['count', 'money', 'percent']);

function markSettings(s: SentenceWords, spans: (readonly [number, number])[], frames: Frame[]): void {
  frames.forEach((frame, k) => {
    if (frame.kind !== 'date' && frame.kind !== 'duration') return;
    const [first, last] = spans[k];
    const before = s.tokens.slice(Math.max(0, first - 5), first).map((t) => t.lower).join(' ');
    const after = s.tokens[last + 1]?.lower ?? '';
    if (!SETTING_BEFORE.test(before) && !SETTING_AFTER.test(after)) return;
    frame.setting = frames.some((other, j) => j !== k && AMOUNTS.has(other.kind) && s.clause[spans[j][0]] === s.clause[first]);
  });
}

// A sentence that opens by pointing back ("The department's budget would grow…", "It…") is about
// what the sentence before named: its nouns and names join the frame's words, lightly.
const ANAPHOR = /^(the|it|its|they|their|this|these|that|those|he|she|his|her)$/;
const CARRIED = 0.3;

function carriedWords(s: SentenceWords): string[] {
  return s.words.filter((w) => w && (w.name || measurable(w))).map((w) => w!.base);
}

/** Words that make a change's direction its predicate when the tail has no verb of its own. */
const DIRECTIONS: Record<string, string> = { up: 'rise', down: 'fall' };
/** Words that open a comparison tail, whatever modifiers stand between it and its figure. */
const COMPARISON_MARKERS = /^(up|down|from|with|than|versus|vs)$/;

/**
 * "posted revenue of $2.71 billion for the quarter ended March 30, down 4.9% from $2.85 billion a year
 * earlier": a change or an earlier value with no noun of its own is about the figure it follows, and
 * its nearest verb ("ended") belongs to a modifier, not to it. It takes that figure's noun and
 * predicate; "up" and "down" are its direction.
 */
function inheritComparisons(s: SentenceWords, spans: (readonly [number, number])[], frames: Frame[]): void {
  for (let k = 1; k < frames.length; k++) {
    const frame = frames[k];
    if (frame.head || !(frame.mods & (Mod.Change | Mod.Prior)) || frame.kind === 'date' || frame.kind === 'duration') continue;
    let j = k - 1;
    while (j >= 0 && !(frames[j].head && (frame.kind === 'percent' || frames[j].kind === frame.kind))) j--;
    const marker = s.tokens[spans[k][0] - 1]?.lower ?? '';
    if (j < 0 || !COMPARISON_MARKERS.test(marker)) continue;
    frame.head = frames[j].head;
    const direction = DIRECTIONS[marker];
    frame.verb = direction ?? frames[j].verb;
  }
}

/**
 * "The initial contingent and the reinforcements are put at 1,500 and 10,500, respectively": the
 * n-th figure of the list is about the n-th thing named before the verb. Each figure keeps the words
 * of its own conjunct and loses those of the others; the list's shared noun stays.
 */
function pairRespectively(s: SentenceWords, spans: (readonly [number, number])[], frames: Frame[]): void {
  const at = s.words.findIndex((w) => w?.lower === 'respectively');
  if (at < 0 || frames.length < 2) return;
  // The figures listed right before "respectively" (those of its clause), and the things listed before the first of them.
  const before = spans.map((_, k) => k).filter((k) => spans[k][1] < at);
  if (!before.length) return;
  const clause = s.clause[spans[before[before.length - 1]][0]];
  const figures = before.filter((k) => s.clause[spans[k][0]] === clause);
  if (figures.length < 2) return;
  const firstFigure = spans[figures[0]][0];
  let verbAt = -1;
  for (let i = 0; i < firstFigure; i++) if (s.words[i]?.verb) verbAt = i;
  const end = verbAt >= 0 ? verbAt : firstFigure;
  const conjuncts: number[][] = [[]];
  for (let i = 0; i < end; i++) {
    const t = s.tokens[i];
    if (t.text === ',' || t.lower === 'and') {
      if (conjuncts[conjuncts.length - 1].length) conjuncts.push([]);
      continue;
    }
    conjuncts[conjuncts.length - 1].push(i);
  }
  const things = conjuncts.filter((c) => c.some((i) => s.words[i]?.content));
  if (things.length !== figures.length) return;
  // A noun after the list is shared by all its figures: "1,500 and 10,500 nurses".
  const lastSpan = spans[figures[figures.length - 1]];
  const after = s.words.slice(lastSpan[1] + 1, lastSpan[1] + 4).find((w) => w && measurable(w));
  const shared = after ? compound(s, after) : undefined;
  figures.forEach((k, n) => {
    const frame = frames[k];
    for (const [m, other] of things.entries()) {
      for (const i of other) {
        const w = s.words[i];
        if (!w?.content) continue;
        if (m === n) frame.terms.set(w.base, 1);
        else if (!things[n].some((j) => s.words[j]?.base === w.base)) frame.terms.delete(w.base);
      }
    }
    const own = [...things[n]].reverse().map((i) => s.words[i]).find((w) => w && measurable(w));
    frame.respectively = true;
    if (own) frame.subject = own.base;
    frame.head = shared ?? (own ? compound(s, own) : frame.head);
  });
}

/** Whether the words between two figures only separate list items (no verb, no new clause subject). */
function listed(s: SentenceWords, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (s.words[i]?.verb) return false;
  return true;
}

function frameOf(s: SentenceWords, f: Figure, first: number, last: number, figureTokens: ReadonlySet<number>): Frame {
  const { words, clause } = s;
  const own = clause[first];
  const terms = new Map<string, number>();
  let mods = 0;
  let latest = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w || (i >= first && i <= last)) continue;
    const d = i < first ? first - i : i - last;
    const near = clause[i] === own;
    // Modifiers count only right by the figure, before the next figure ("35 more stores, 350 in all").
    // A name's word is no modifier: "Varnholm First" is a party, not the first of anything.
    if (near && d <= 3 && !w.name && !crossesFigure(first, last, i, figureTokens)) for (const [re, m] of MOD_WORDS) if (re.test(w.lower)) mods |= m;
    if (near && d <= 4 && LATEST.test(w.lower)) latest = true;
    if (!w.content || GENERIC_NOUNS.has(w.base)) continue;
    const weight = (near ? 1 : OUTSIDE_CLAUSE) / (1 + d / DECAY);
    if ((terms.get(w.base) ?? 0) < weight) terms.set(w.base, weight);
  }
  // "in all", "in total", "all told": after the figure.
  const after = s.tokens.slice(last + 1, last + 4).map((t) => t.lower).join(' ');
  const before = s.tokens.slice(Math.max(0, first - 3), first).map((t) => t.lower).join(' ');
  if (/^(in (all|total)|all told|altogether|overall)\b/.test(after)) mods |= Mod.Total;
  if (PRIOR_BEFORE.test(before) || PRIOR_AFTER.test(after)) mods |= Mod.Prior;
  if (CHANGE_BEFORE.test(before) || CHANGE_AFTER.test(after)) mods |= Mod.Change;
  let head = headOf(s, first, last, f.kind);
  // "an increase of 9.5%", "a 42% reduction in deaths": a change, whose thing is what changed.
  if (head && CHANGE_NOUNS.test(head)) {
    mods |= Mod.Change;
    head = changedThing(s, first, last);
  }
  return {
    kind: f.kind,
    unit: f.kind === 'money' ? f.unit : undefined,
    per: rateOf(s, last),
    label: labelOf(s, first),
    head,
    verb: verbOf(s, first, last),
    mods,
    terms,
    years: [],
    party: partyOf(s, first, last),
    subject: subjectOf(s, first),
    names: new Set(s.words.filter((w, i) => w?.name && w.content && s.clause[i] === own).map((w) => w!.base)),
    latest: latest || undefined,
  };
}

/**
 * The clause's subject: its first noun, when a verb stands between it and the figure ("Rash affected
 * 41%"); in a gapped list ("…and rash 33%") the noun right before the figure.
 */
function subjectOf(s: SentenceWords, first: number): string | undefined {
  const { words, tokens, clause } = s;
  const before = words[first - 1];
  if (before && nounish(before) && /^(and|or|,|while)$/.test(tokens[first - 2]?.lower ?? '')) return before.base;
  let noun: Word | undefined;
  for (let i = 0; i < first; i++) {
    const w = words[i];
    if (clause[i] !== clause[first] || !w) continue;
    if (!noun) {
      if (w.lower && FUNCTION_WORDS.has(w.lower) && !/^(the|a|an|its|their)$/.test(w.lower)) return undefined;
      if (measurable(w)) {
        // "Net income fell": a run of nouns is named by its last.
        let k = i;
        while (measurable(words[k + 1]) && clause[k + 1] === clause[first] && k + 1 < first) k++;
        noun = words[k]!;
        i = k;
      }
      continue;
    }
    if (w.verb) return compound(s, noun);
  }
  return undefined;
}

/**
 * "Article 51", "Level 3", "Phase 2": a capitalised common noun right before the figure numbers a thing.
 * Not the last word of a name ("Varnholm First 186,182") nor an owner ("Varnholm First's 186,182").
 */
function labelOf(s: SentenceWords, first: number): string | undefined {
  const w = s.words[first - 1];
  const t = s.tokens[first - 1];
  const before = s.tokens[first - 2];
  const endsName = !!before && before.type === 'word' && capitalOf(before) && !FUNCTION_WORDS.has(before.lower);
  return w && /^[A-Z][a-z]/.test(t.text) && !/['’]s$/.test(t.text) && !endsName && w.pos.includes('n') && !w.pos.includes('p') && !FUNCTION_WORDS.has(w.lower) ? w.base : undefined;
}

const PERIODS = /^(day|week|month|year|hour|minute|second|person|head|capita)$/;
const PER_ADVERBS: Record<string, string> = { daily: 'day', weekly: 'week', monthly: 'month', annually: 'year', yearly: 'year', hourly: 'hour' };

/** "a day", "per resident", "each month", "daily", within a few words after the figure. */
function rateOf(s: SentenceWords, last: number): string | undefined {
  const { tokens, words } = s;
  for (let i = last + 1; i < tokens.length && i <= last + 5; i++) {
    const w = tokens[i].lower;
    if (tokens[i].type !== 'word') return undefined;
    if (PER_ADVERBS[w]) return PER_ADVERBS[w];
    const next = words[i + 1];
    // "a day" but not "a year earlier" nor "a share of".
    if (/^(a|an)$/.test(w) && next && PERIODS.test(next.base) && next.pos.includes('n') && !/^(earlier|ago|before|later)$/.test(tokens[i + 2]?.lower ?? '')) return next.base;
    // "per resident", "each month", "for each of the 14,000 homes", "for every registered voter".
    if (/^(per|each|every)$/.test(w)) return nounAfter(s, i + 1);
    if (LOOK_BACK_STOPS.has(w)) return undefined;
  }
  return undefined;
}

/**
 * The noun from token i on, past "of the", numbers and describing words, within a few words; of nouns in
 * a row the last ("registered voter": voter).
 */
function nounAfter(s: SentenceWords, i: number): string | undefined {
  for (let j = i; j < s.tokens.length && j < i + 5; j++) {
    const t = s.tokens[j];
    if (t.type === 'num' || /^(of|the|its|their)$/.test(t.lower)) continue;
    let w = s.words[j];
    if (!w || !(w.pos.includes('n') || describing(w))) return undefined;
    if (describing(w)) continue;
    while (s.words[w.i + 1]?.pos.includes('n') && s.words[w.i + 1]!.content) w = s.words[w.i + 1]!;
    return w.base;
  }
  return undefined;
}

/** The names of a sentence: runs of name words, each as [first, last] token index and lower-case text. */
function namesOf(s: SentenceWords): { first: number; last: number; text: string }[] {
  const out: { first: number; last: number; text: string }[] = [];
  for (let i = 0; i < s.words.length; i++) {
    if (!s.words[i]?.name) continue;
    let j = i;
    while (s.words[j + 1]?.name && !/['’]s$/i.test(s.tokens[j].text)) j++;
    // "March", "Friday": when, not who.
    if (s.words.slice(i, j + 1).every((w) => TIME_WORDS.has(w!.lower))) {
      i = j;
      continue;
    }
    out.push({ first: i, last: j, text: s.words.slice(i, j + 1).map((w) => w!.lower).join(' ') });
    i = j;
  }
  return out;
}

function partyOf(s: SentenceWords, first: number, last: number): string | undefined {
  const names = namesOf(s);
  const { tokens, clause } = s;
  // "12,000 French workers": a name between the figure and the noun it counts.
  const owner = names.find((n) => n.first > last && n.first <= last + 3 && tokens.slice(last + 1, n.first).every((t) => t.type === 'word' && !FUNCTION_WORDS.has(t.lower)));
  if (owner) return owner.text;
  // "Acme's 50,000", "Northwind's about 18,000".
  const possessive = names.find((n) => n.last < first && n.last >= first - 3 && /['’]s$/i.test(tokens[n.last].text));
  if (possessive) return possessive.text;
  // The clause's subject: a name that opens it, past determiners and adverbs ("The Copper Ridge Fire
  // had burned…"), and not one that only says who reports the figure ("Ottawa says").
  for (const n of names) {
    if (n.first >= first || clause[n.first] !== clause[first]) continue;
    const opens = tokens.slice(0, n.first).every((t, k) => clause[k] !== clause[first] || t.type === 'sym' || FUNCTION_WORDS.has(t.lower) || s.words[k]?.pos === 'r');
    if (!opens) break;
    // "Ottawa says", "Berlin's statistics office said": the first verb after the name reports the figure.
    const verb = s.words.slice(n.last + 1, first).find((w) => w?.verb || (w && REPORTING_WORDS.has(w.base)));
    if (verb && REPORTING_WORDS.has(verb.base)) continue;
    return n.text;
  }
  return undefined;
}

function crossesFigure(first: number, last: number, i: number, figureTokens: ReadonlySet<number>): boolean {
  const [a, b] = i < first ? [i + 1, first - 1] : [last + 1, i - 1];
  for (let k = a; k <= b; k++) if (figureTokens.has(k)) return true;
  return false;
}

// A look-back for the measured noun stops at these: "…and was just 5% contained" is not about the noun before "and".
const LOOK_BACK_STOPS = new Set(['and', 'or', 'but', 'while', 'whereas', 'as', 'because', 'after', 'before', 'since', 'than', 'that', 'which', 'who']);
const PREPOSITIONS = /^(by|in|at|on|from|with|for|across|during|after|before|over|under|near|into|through|since|until|against|among|between|within|without)$/;
const DETERMINERS = /^(the|its|their|his|her|our|a|an|all|this|these|those|every|each|own)$/;

/**
 * The counted thing or the measured quantity. A count names it after the figure, past adjectives
 * ("35 new stores", "18,000 of its employees"); a sum says it through "in" or "of" ("$4.2 billion in
 * revenue"), a percentage through "of" ("12% of sales") or by the word it describes ("5% contained").
 * Failing that, it is the noun the figure completes ("revenue of $4.2 billion", "net income fell 23% to
 * $412 million", "the death toll rose to 14"). Dates and durations count nothing: their predicate says
 * what they are.
 */
function headOf(s: SentenceWords, first: number, last: number, kind: FigureKind): string | undefined {
  if (kind === 'date' || kind === 'duration' || kind === 'time') return undefined;
  const { words, tokens, clause } = s;
  const through = kind === 'count' || kind === 'ordinal' ? /^of$/ : kind === 'money' ? /^(in|of)$/ : /^of$/;
  let crossed = false;
  let described: Word | undefined;
  for (let i = last + 1; i < tokens.length && i <= last + 6 && clause[i] === clause[last]; i++) {
    const t = tokens[i];
    const w = words[i];
    if (t.type === 'sym' && t.text === '-' && t.glued) continue;
    if (!w) break;
    if (!crossed && i === last + 1 && through.test(w.lower)) {
      crossed = true;
      // "$2.93 billion in the quarter" is when, not what.
      if (w.lower === 'in' && DETERMINERS.test(tokens[i + 1]?.lower ?? '')) break;
      continue;
    }
    if (crossed && DETERMINERS.test(w.lower)) continue;
    // "full-time jobs", "year-on-year growth": a hyphenated word before a noun modifies it.
    if (tokens[i + 1]?.text === '-' && tokens[i + 1].glued) {
      while (tokens[i + 1]?.text === '-' && tokens[i + 1].glued && tokens[i + 2]?.glued) i += 2;
      continue;
    }
    // A sum or a share names its thing only through "in"/"of" ("$412m last year" is not about years),
    // or a share by the word right after it: "5% contained", "a 42% reduction", "a 24% stake".
    if (kind !== 'count' && kind !== 'ordinal' && !crossed) {
      if (kind === 'percent' && i === last + 1 && (describing(w) || measurable(w))) return w.base;
      break;
    }
    if (measurable(w)) {
      // "a 64-page agreement", "an 11.6-mile line": the noun glued to the figure is what it counts.
      if (i === last + 2 && tokens[last + 1].text === '-' && tokens[last + 1].glued && w.i === i && tokens[i].glued) return w.base;
      // A compound keeps its last noun: "grocery stores" counts stores.
      let end = i;
      while (measurable(words[end + 1]) && tokens[end + 1].type === 'word') end++;
      return compound(s, words[end]!);
    }
    // "South African miners", "35 new stores": names and adjectives before the noun modify it.
    if (w.capitalised || describing(w) || (w.content && w.pos.includes('a'))) {
      if (i === last + 1 && describing(w)) described = w;
      continue;
    }
    break;
  }
  // "3,000 injured", "100 dead": with no noun after it, the word right after a count is what it counts.
  if (described && kind === 'count') return described.base;
  for (let i = first - 1; i >= 0 && i >= first - 8 && clause[i] === clause[first]; i--) {
    const t = tokens[i];
    const w = words[i];
    if ((t.type === 'sym' && !/^[$€£¥%.-]$/.test(t.text)) || (w && LOOK_BACK_STOPS.has(w.lower))) break;
    // "the number of people killed by the fire to five": a preposition's object ("by the fire") is not the head.
    if (w && measurable(w) && !PREPOSITIONS.test(tokens[objectStart(s, i) - 1]?.lower ?? '')) return compound(s, w);
  }
  return undefined;
}

/** Where the noun phrase ending at token i starts, past its determiners, adjectives and names ("the burned-out Copper Ridge"). */
function objectStart(s: SentenceWords, i: number): number {
  let k = i;
  while (k > 0) {
    const w = s.words[k - 1];
    const t = s.tokens[k - 1];
    if ((t.text === '-' && t.glued) || (w && (DETERMINERS.test(w.lower) || w.capitalised || (w.content && !w.verb && !PREPOSITIONS.test(w.lower) && (w.pos.includes('a') || w.pos.includes('n')))))) k--;
    else break;
  }
  return k;
}

/** The predicate: the nearest verb form in the figure's clause, before it or (a little less readily) after. */
function verbOf(s: SentenceWords, first: number, last: number): string | undefined {
  const { words, clause } = s;
  let best: { base: string; d: number } | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w || !w.content || clause[i] !== clause[first] || (i >= first && i <= last)) continue;
    if (!w.verb) continue;
    const d = i < first ? first - i : (i - last) * 1.5;
    if (!best || d < best.d) best = { base: w.base, d };
  }
  return best?.base;
}
