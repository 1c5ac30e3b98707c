// The figure grammar: finds every figure in a sentence and normalises it to a value, a bound and a kind.
// Hand-written over tokens: general NLP number parsers misread "Recent" as 0% and "may" as May, and
// are two orders of magnitude slower on long drafts.
import { tokenize, type Token } from './tokens';
import {
  CURRENCY_SYMBOLS, FRACTIONS, ORDINAL_WORDS, SCALE_SUFFIXES, SCALE_WORDS, UNITS, TENS, isNumberWord, wordsValue,
} from './numberWords';
import { MONTHS, SEASONS, parseDate } from './dates';
import type { Bound, FigDraft, Figure, FigureKind, NumberStyle } from './types';

type Qualifier = { bound: 'lower' | 'upper' | 'approx'; below?: boolean };

// Qualifiers before a figure, longest first when matching.
export const PREFIX_QUALIFIERS: [string, Qualifier][] = [
    ['more than', { bound: 'lower' }], ['over', { bound: 'lower' }], ['at least', { bound: 'lower' }],
    ['upwards of', { bound: 'lower' }], ['upward of', { bound: 'lower' }], ['in excess of', { bound: 'lower' }],
    ['no fewer than', { bound: 'lower' }], ['no less than', { bound: 'lower' }], ['not less than', { bound: 'lower' }],
    ['well over', { bound: 'lower' }], ['just over', { bound: 'lower' }], ['exceeding', { bound: 'lower' }],
    ['above', { bound: 'lower' }], ['greater than', { bound: 'lower' }], ['a minimum of', { bound: 'lower' }],
    ['north of', { bound: 'lower' }], ['south of', { bound: 'upper' }],
    ['up to', { bound: 'upper' }], ['under', { bound: 'upper' }], ['fewer than', { bound: 'upper' }],
    ['less than', { bound: 'upper' }], ['at most', { bound: 'upper' }], ['no more than', { bound: 'upper' }],
    ['not more than', { bound: 'upper' }], ['as many as', { bound: 'upper' }], ['as much as', { bound: 'upper' }],
    ['below', { bound: 'upper' }], ['a maximum of', { bound: 'upper' }], ['just under', { bound: 'upper' }],
    ['about', { bound: 'approx' }], ['around', { bound: 'approx' }], ['approximately', { bound: 'approx' }],
    ['roughly', { bound: 'approx' }], ['some', { bound: 'approx' }], ['circa', { bound: 'approx' }],
    ['approx', { bound: 'approx' }], ['approx .', { bound: 'approx' }], ['~', { bound: 'approx' }],
    ['an estimated', { bound: 'approx' }], ['estimated', { bound: 'approx' }], ['an approximate', { bound: 'approx' }],
    ['in the region of', { bound: 'approx' }], ['on the order of', { bound: 'approx' }],
    ['nearly', { bound: 'approx', below: true }], ['almost', { bound: 'approx', below: true }],
    ['close to', { bound: 'approx', below: true }], ['just shy of', { bound: 'approx', below: true }],
];

export const SUFFIX_QUALIFIERS: [string, Qualifier][] = [
  ['or more', { bound: 'lower' }], ['or so', { bound: 'approx' }], ['or fewer', { bound: 'upper' }],
  ['or less', { bound: 'upper' }], ['plus', { bound: 'lower' }], ['+', { bound: 'lower' }],
];

const CURRENCY_WORDS: Record<string, string> = {
  dollars: 'USD', dollar: 'USD', usd: 'USD', euros: 'EUR', euro: 'EUR', won: 'KRW', rubles: 'RUB', roubles: 'RUB',
};
// In years; a week is seven days, so "two weeks" and "14 days" are one length.
const DURATION_UNITS: Record<string, number> = {
  year: 1, years: 1, decade: 10, decades: 10, month: 1 / 12, months: 1 / 12, week: 7 / 365, weeks: 7 / 365,
  fortnight: 14 / 365, fortnights: 14 / 365,
  day: 1 / 365, days: 1 / 365, century: 100, centuries: 100,
  hour: 1 / 8760, hours: 1 / 8760, minute: 1 / 525_600, minutes: 1 / 525_600,
};
// Formations whose number is an ordinal worth checking ("3rd Division", "Third Fleet").
const FORMATION_WORDS = new Set(['corps', 'division', 'brigade', 'army', 'regiment', 'battalion', 'fleet', 'squadron']);
const VAGUE_PLURALS: Record<string, number> = {
  dozens: 12, hundreds: 1e2, thousands: 1e3, millions: 1e6, billions: 1e9,
};

// Past 10^21 a number no longer prints as digits (and past 10^308 it is Infinity): a serial number, a
// pasted blob or "hundred hundred hundred…", not a figure anyone could check.
const MAX_VALUE = 1e21;

/** A number and what is written right around it, before bounds and ranges are applied. */
interface Core {
  first: number; // token index
  last: number; // token index, inclusive
  value: number;
  style: NumberStyle;
  scale: number; // 1 when no scale word or suffix
  kind: FigureKind;
  currency?: string;
  ordinal?: boolean;
  vague?: [number, number];
  /** True when the number came from a fraction word and needs "of" or a scale. */
  fraction?: boolean;
}

/** Every figure in `text` (a sentence or any prose), offsets relative to `text`. */
export function extractFigures(text: string, tokens: Token[] = tokenize(text)): Figure[] {
  const out: Figure[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!canStart(tokens[i])) {
      i++;
      continue;
    }
    const found = parseFigureAt(tokens, i, text);
    if (found && found.figure.low < MAX_VALUE && found.figure.high < MAX_VALUE) {
      out.push(found.figure);
      i = found.next;
    } else i++;
  }
  return out;
}

// Words a figure (or its qualifier) can begin with; any other word is skipped without parsing.
const START_WORDS = new Set([
  ...PREFIX_QUALIFIERS.map(([p]) => p.split(' ')[0]),
  ...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(FRACTIONS), ...Object.keys(ORDINAL_WORDS),
  ...Object.keys(VAGUE_PLURALS), ...Object.keys(MONTHS), ...Object.keys(SEASONS), 'a', 'an', 'tens', 'between', 'from', 'us', 'hundred',
]);

/** Whether a word can begin a figure: no figure starts at any other word (digits aside). */
export function startsFigure(word: string): boolean {
  return START_WORDS.has(word);
}

function canStart(t: Token): boolean {
  return t.type === 'num' || START_WORDS.has(t.lower) || (t.type === 'sym' && (t.text in CURRENCY_SYMBOLS || "~'’".includes(t.text)));
}

function parseFigureAt(t: Token[], i: number, text: string): { figure: Figure; next: number } | undefined {
  const date = parseDate(t, i);
  if (date) return { figure: toFigure(text, t, date.first, date.last, date.fig), next: date.last + 1 };

  const q = matchPhrase(t, i, PREFIX_TABLE);
  let j = i + (q?.length ?? 0);
  let between = false;
  // "from 1990's end", "between June and August": the dates are read where they start.
  if ((t[j]?.lower === 'between' || t[j]?.lower === 'from') && parseDate(t, j + 1)) return undefined;
  if (t[j]?.lower === 'between' || t[j]?.lower === 'from') {
    between = t[j].lower === 'between';
    j++;
  }
  const c1 = parseCore(t, j);
  if (!c1) return undefined;
  if (c1.fraction) return undefined;

  let c2: Core | undefined;
  let k = c1.last + 1;
  const conn = t[k];
  if (conn && !c1.ordinal && (['to', '-', '–', '—'].includes(conn.lower) || (between && conn.lower === 'and'))) {
    let m = k + 1;
    const q2 = matchPhrase(t, m, PREFIX_TABLE);
    if (q2 && q2.value.bound === 'approx') m += q2.length;
    c2 = parseCore(t, m);
    // "twelve-year" is a compound, not a range; a range joins numbers of one kind.
    if (c2 && (c2.fraction || c2.ordinal || c2.kind === 'time' || c2.vague || c1.vague)) c2 = undefined;
    if (c2 && conn.lower === '-' && !(conn.glued && t[m]?.glued) && c1.style === 'words') c2 = undefined;
  }
  if (c2) {
    // "4 to 8 million", "$5-6 billion": the scale and currency of the second apply to the first.
    if (c1.scale === 1 && c2.scale > 1 && c1.value * c2.scale <= c2.value) {
      c1.value *= c2.scale;
      c1.scale = c2.scale;
    }
    c1.currency ??= c2.currency;
    c2.currency ??= c1.currency;
    if (c2.value < c1.value) c2 = undefined; // "2024-25" style or a list, not a range we can trust
  }
  const head = c2 ?? c1;
  k = head.last + 1;

  // "its third anniversary": so many years.
  if (c1.ordinal && !c2 && t[k]?.lower === 'anniversary') {
    return { figure: toFigure(text, t, c1.first, k, { kind: 'duration', low: c1.value, high: c1.value, bound: q ? 'approx' : 'exact', approximate: !!q, below: q?.value.below, unit: 'years', style: c1.style }), next: k + 1 };
  }
  // Units after the number.
  let kind: FigureKind = c2 && c2.kind !== 'count' ? c2.kind : c1.kind;
  let unit = c1.currency ?? c2?.currency;
  let last = head.last;
  let durationFactor = 0;
  let andAHalf = 0;
  if (kind === 'count' && !c1.ordinal) {
    if (t[k]?.lower === '%') {
      kind = 'percent';
      last = k++;
    } else if (t[k]?.lower === 'percent' || t[k]?.lower === 'pc') {
      kind = 'percent';
      last = k++;
    } else if (t[k]?.lower === 'per' && t[k + 1]?.lower === 'cent') {
      kind = 'percent';
      last = k + 1;
      k += 2;
    } else if (t[k] && CURRENCY_WORDS[t[k].lower] && !(t[k].lower === 'won' && !/^W/.test(t[k].text) && t[k + 1]?.type === 'word')) {
      kind = 'money';
      unit = CURRENCY_WORDS[t[k].lower];
      last = k++;
    } else {
      const d = durationAt(t, k);
      if (d) {
        kind = 'duration';
        durationFactor = d.factor;
        andAHalf = d.andAHalf ? 0.5 : 0;
        unit = d.unit;
        last = d.last;
        k = d.last + 1;
      }
    }
  }
  // "billions of dollars"
  if (c1.vague && t[k]?.lower === 'of' && t[k + 1] && CURRENCY_WORDS[t[k + 1].lower]) {
    unit = CURRENCY_WORDS[t[k + 1].lower];
    last = k + 1;
    k += 2;
  }
  if (unit && kind === 'count') kind = 'money';

  // Qualifiers after the number.
  let post: Qualifier | undefined;
  if (kind !== 'date' && kind !== 'ordinal') {
    const gluedPlus = t[k]?.lower === '-' && t[k].glued && t[k + 1]?.lower === 'plus';
    const sq = matchPhrase(t, gluedPlus ? k + 1 : k, SUFFIX_TABLE);
    if (sq && (sq.phrase !== '+' || t[k].glued)) {
      post = sq.value;
      if (sq.phrase === '+' || sq.phrase === 'plus') last = k + (gluedPlus ? 1 : 0) + sq.length - 1;
    }
  }
  const qual = (q && !(q.phrase === 'over' && kind === 'duration' && spanned(t[i - 1])) ? q.value : undefined) ?? post;

  let low = c1.value;
  let high = c2 ? c2.value : c1.value;
  if (c1.vague) [low, high] = c1.vague;
  if (durationFactor) {
    low = (low + andAHalf) * durationFactor;
    high = (high + andAHalf) * durationFactor;
  }
  const bound: Bound = c2 || c1.vague ? 'range' : qual?.bound === 'lower' ? 'lower' : qual?.bound === 'upper' ? 'upper' : qual ? 'approx' : 'exact';
  const fig: FigDraft = {
    kind: c1.ordinal ? 'ordinal' : kind,
    low,
    high,
    bound,
    approximate: qual?.bound === 'approx' || !!c1.vague,
    below: qual?.below,
    vague: !!c1.vague,
    unit,
    style: c1.style,
  };
  return { figure: toFigure(text, t, c1.first, last, fig), next: last + 1 };
}


function toFigure(text: string, t: Token[], first: number, last: number, fig: FigDraft): Figure {
  const start = t[first].start;
  const end = t[last].end;
  return { start, end, text: text.slice(start, end), ...fig };
}

// Words after which "over" a length of time still means "more than": "for over two years", "lasted over a decade".
const MORE_THAN_OVER = /^(for|in|after|than|of|within|is|was|are|were|be|been|being|last|lasts|lasted|lasting|take|takes|took|taken|spent|spend|spends)$/;

/**
 * "to be carried out over 24 months", "rebuild over five years": after another word, "over" a length
 * of time is the period something spans, not a floor.
 */
function spanned(before: Token | undefined): boolean {
  return !!before && before.type === 'word' && !MORE_THAN_OVER.test(before.lower);
}

type PhraseTable<T> = Map<string, { words: string[]; value: T; phrase: string }[]>;

/** Indexes phrases by their first word, longest first, so matching at a token costs one map look-up. */
function phraseTable<T>(entries: [string, T][]): PhraseTable<T> {
  const table: PhraseTable<T> = new Map();
  for (const [phrase, value] of entries) {
    const words = phrase.split(' ');
    const list = table.get(words[0]) ?? [];
    list.push({ words, value, phrase });
    list.sort((a, b) => b.words.length - a.words.length);
    table.set(words[0], list);
  }
  return table;
}

const PREFIX_TABLE = phraseTable(PREFIX_QUALIFIERS);
const SUFFIX_TABLE = phraseTable(SUFFIX_QUALIFIERS);

function matchPhrase<T>(t: Token[], i: number, table: PhraseTable<T>): { value: T; length: number; phrase: string } | undefined {
  const candidates = t[i] && table.get(t[i].lower);
  if (!candidates) return undefined;
  for (const { words, value, phrase } of candidates) {
    if (words.every((w, n) => t[i + n]?.lower === w)) return { value, length: words.length, phrase };
  }
  return undefined;
}

/** A number (digits or words) with its currency, scale and ordinal marks, starting at token i. */
function parseCore(t: Token[], i: number): Core | undefined {
  let j = i;
  let currency: string | undefined;
  if (t[j]?.lower === 'us' && t[j + 1]?.text === '$' && t[j + 1].glued) j++;
  if (t[j] && CURRENCY_SYMBOLS[t[j].text]) {
    currency = CURRENCY_SYMBOLS[t[j].text];
    j++;
    if (t[j]?.type !== 'num' || !t[j].glued) return undefined;
  }
  const tok = t[j];
  if (!tok) return undefined;
  const core = tok.type === 'num' ? digitsCore(t, j) : currency ? undefined : wordsCore(t, j);
  if (!core) return undefined;
  core.first = i;
  if (currency) {
    core.currency = currency;
    core.kind = 'money';
  }
  return core;
}

function digitsCore(t: Token[], j: number): Core | undefined {
  const tok = t[j];
  const prev = t[j - 1];
  // Designations and identifiers: F-35, Su-27, COVID-19, G7, apollo-11.
  if (tok.glued && prev && (prev.type === 'word' || (prev.lower === '-' && t[j - 2]?.type === 'word' && prev.glued))) return undefined;
  if (tok.glued && prev?.type === 'num') return undefined;
  // A keycap emoji ("1️⃣") is a picture of a digit.
  if (/^[\uFE0F\u20E3]/.test(t[j + 1]?.text ?? '') && t[j + 1].glued) return undefined;
  if (prev?.lower === 'war' && t[j - 2]?.lower === 'world') return undefined;
  const raw = tok.text.replace(/[\u00A0\u202F\u2009]/g, ',');
  if (!/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(raw)) return undefined;
  let value = Number(raw.replace(/,/g, ''));
  let style: NumberStyle = raw.includes(',') ? 'grouped' : 'digits';
  let scale = 1;
  let last = j;
  let kind: FigureKind = 'count';
  let ordinal = false;
  const next = t[j + 1];
  if (next?.glued && next.type === 'word') {
    if (SCALE_SUFFIXES[next.text] !== undefined) {
      scale = SCALE_SUFFIXES[next.text];
      style = 'suffix';
      last = j + 1;
    } else if (/^(st|nd|rd|th)$/i.test(next.text)) {
      ordinal = true;
      kind = 'ordinal';
      last = j + 1;
    } else if (/^(am|pm)$/i.test(next.text)) {
      kind = 'time';
      last = j + 1;
    } else return undefined; // "35I", "5G", "3D"
  } else if (next?.text === ':' && next.glued && t[j + 2]?.type === 'num' && t[j + 2].glued) {
    return { first: j, last: j + 2, value, style, scale: 1, kind: 'time' };
  } else if (next && /^[ap]$/i.test(next.text) && t[j + 2]?.text === '.' && /^m$/i.test(t[j + 3]?.text ?? '')) {
    return { first: j, last: t[j + 4]?.text === '.' ? j + 4 : j + 3, value, style, scale: 1, kind: 'time' };
  }
  if (!ordinal && kind === 'count' && scale === 1 && t[last + 1] && SCALE_WORDS[t[last + 1].lower]) {
    scale = SCALE_WORDS[t[last + 1].lower];
    style = 'scaled';
    last++;
  }
  value *= scale;
  const ratio = kind === 'count' && scale === 1 && value < 100 ? ratioAfter(t, last) : undefined;
  if (ratio && value < ratio.of) return { first: j, last: ratio.last, value: (value / ratio.of) * 100, style, scale: 1, kind: 'percent' };
  return { first: j, last, value, style, scale, kind, ordinal };
}

function wordsCore(t: Token[], j: number): Core | undefined {
  const w = t[j].lower;
  if (oneSpan(t, j)) return { first: j, last: j, value: 1, style: 'words', scale: 1, kind: 'count' };
  // Vague plurals: "thousands of", "tens of thousands of".
  if (w === 'tens' && t[j + 1]?.lower === 'of' && VAGUE_PLURALS[t[j + 2]?.lower ?? ''] >= 1e3 && t[j + 3]?.lower === 'of') {
    const s = VAGUE_PLURALS[t[j + 2].lower];
    return { first: j, last: j + 2, value: 20 * s, style: 'words', scale: s, kind: 'count', vague: [20 * s, 100 * s] };
  }
  if (VAGUE_PLURALS[w] && t[j + 1]?.lower === 'of') {
    const s = VAGUE_PLURALS[w];
    if (VAGUE_PLURALS[t[j + 2]?.lower ?? ''] >= 1e3 && t[j + 3]?.lower === 'of') {
      const s2 = s * VAGUE_PLURALS[t[j + 2].lower];
      return { first: j, last: j + 2, value: 2 * s2, style: 'words', scale: s2, kind: 'count', vague: [2 * s2, 10 * s2] };
    }
    return { first: j, last: j, value: 2 * s, style: 'words', scale: s, kind: 'count', vague: [2 * s, s === 12 ? 120 : 10 * s] };
  }
  // Spelled ordinal naming a formation ("Third Division") or counting years ("its third anniversary").
  if (ORDINAL_WORDS[w] && ((/^[A-Z]/.test(t[j].text) && formationFollows(t, j + 1)) || t[j + 1]?.lower === 'anniversary' || superlativeFollows(t, j + 1) || isRank(t, j))) {
    return { first: j, last: j, value: ORDINAL_WORDS[w], style: 'words', scale: 1, kind: 'ordinal', ordinal: true };
  }
  // Fractions: "a third", "two-thirds", "half a million", "half of".
  const frac = fractionAt(t, j);
  if (frac) return frac;

  const run: string[] = [];
  let last = j - 1;
  let k = j;
  if ((w === 'a' || w === 'an') && (SCALE_WORDS[t[j + 1]?.lower ?? ''] || t[j + 1]?.lower === 'dozen')) {
    run.push('one');
    last = j;
    k = j + 1;
  }
  for (; k < t.length; k++) {
    const tk = t[k];
    if (isNumberWord(tk.lower)) {
      run.push(tk.lower);
      last = k;
    } else if (tk.lower === '-' && tk.glued && run.length && t[k + 1]?.glued && isNumberWord(t[k + 1].lower)) {
      continue; // "twenty-five", "eleven-thousand-strong
    } else if (tk.lower === 'and' && run.length && run[run.length - 1] === 'hundred' && t[k + 1] && isNumberWord(t[k + 1].lower)) {
      continue;
    } else break;
  }
  if (!run.length) return undefined;
  // "two and a half thousand", "five and a half billion", "two and a half percent"
  if (t[last + 1]?.lower === 'and' && t[last + 2]?.lower === 'a' && t[last + 3]?.lower === 'half') {
    const n = wordsValue(run);
    const scale = SCALE_WORDS[t[last + 4]?.lower ?? ''];
    if (n !== undefined && n < 1000 && !run.some((r) => r in SCALE_WORDS))
      return scale
        ? { first: j, last: last + 4, value: (n + 0.5) * scale, style: 'words', scale, kind: 'count' }
        : { first: j, last: last + 3, value: n + 0.5, style: 'words', scale: 1, kind: 'count' };
  }
  // "three in ten", "one in five": a share.
  const ratio = ratioAfter(t, last);
  if (ratio && !run.some((r) => r in SCALE_WORDS)) {
    const n = wordsValue(run);
    if (n !== undefined && n < ratio.of) return { first: j, last: ratio.last, value: (n / ratio.of) * 100, style: 'words', scale: 1, kind: 'percent' };
  }
  // A lone "one" is a pronoun far more often than a figure; "hundred" alone is not a number either.
  const hasScale = run.some((r) => r in SCALE_WORDS || r === 'dozen');
  if (run.length === 1 && run[0] === 'one') return undefined;
  if (run[0] in SCALE_WORDS && run[0] !== 'hundred' && !(w === 'a' || w === 'an')) return undefined;
  const value = wordsValue(run);
  if (value === undefined) return undefined;
  // "five-year", "one of" still count; only "zero" alone is noise.
  if (value === 0) return undefined;
  const scale = hasScale ? run.reduce((s, r) => Math.max(s, SCALE_WORDS[r] ?? (r === 'dozen' ? 12 : 1)), 1) : 1;
  return { first: j, last, value, style: 'words', scale, kind: 'count' };
}

/** "… in ten", "… out of five" after a number: the denominator of a share, up to a hundred. */
function ratioAfter(t: Token[], last: number): { of: number; last: number } | undefined {
  let k = last + 1;
  if (t[k]?.lower === 'in') k++;
  else if (t[k]?.lower === 'out' && t[k + 1]?.lower === 'of') k += 2;
  else return undefined;
  const d = t[k];
  if (!d) return undefined;
  const of = d.type === 'num' && /^\d{1,3}$/.test(d.text) ? Number(d.text) : (UNITS[d.lower] ?? TENS[d.lower] ?? (d.lower === 'hundred' ? 100 : undefined));
  return of !== undefined && of >= 2 && of <= 100 ? { of, last: k } : undefined;
}

function fractionAt(t: Token[], j: number): Core | undefined {
  let k = j;
  let n = 1;
  const w = t[j].lower;
  if (w === 'a' || w === 'an' || w === 'one') k++;
  else if (UNITS[w] && UNITS[w] > 1 && UNITS[w] < 10) {
    n = UNITS[w];
    k++;
    if (t[k]?.lower === '-' && t[k].glued) k++;
  }
  const f = FRACTIONS[t[k]?.lower ?? ''];
  if (f === undefined) return undefined;
  if (k === j && t[k].lower !== 'half') return undefined; // "third" alone is an ordinal
  if (n === 1 && /s$/.test(t[k].lower)) return undefined;
  const value = n * f;
  // "half a million"
  if ((t[k + 1]?.lower === 'a' || t[k + 1]?.lower === 'an') && SCALE_WORDS[t[k + 2]?.lower ?? ''] >= 1e3) {
    const s = SCALE_WORDS[t[k + 2].lower];
    return { first: j, last: k + 2, value: value * s, style: 'words', scale: s, kind: 'count' };
  }
  if (t[k + 1]?.lower === 'of') return { first: j, last: k, value: value * 100, style: 'words', scale: 1, kind: 'percent' };
  return { first: j, last: k, value, style: 'words', scale: 1, kind: 'count', fraction: true };
}

/** A rank by a superlative: "third-largest", "second biggest", "fifth-most". */
// A position in a ranking: "in ninth place", or after a verb that places its subject ("finished
// second", "climbed to fourth", "were second in the table"), where no noun follows the ordinal.
const RANK_NOUNS = /^(place|position|spot)$/;
const PLACING_VERBS = /^(finish|finished|finishes|finishing|place|placed|rank|ranked|ranks|came|come|comes|sat|sit|sits|lie|lies|lay|lying|was|were|is|are|be|been|stand|stands|stood|end|ended|ends)$/;
const MOVING_TO = /^(climbed|climb|climbs|rose|rise|rises|risen|moved|move|dropped|drop|drops|fell|fall|falls|slipped|slip|slips|slid|up|down)$/;
const AFTER_RANK = /^([,.;:)]|in|on|with|after|behind|by|last|this|overall|again|and|but|—|–)$/;

function isRank(t: Token[], j: number): boolean {
  if (RANK_NOUNS.test(t[j + 1]?.lower ?? '')) return true;
  const after = t[j + 1];
  if (after && !AFTER_RANK.test(after.lower)) return false;
  const before = t[j - 1]?.lower ?? '';
  return PLACING_VERBS.test(before) || (before === 'to' && MOVING_TO.test(t[j - 2]?.lower ?? ''));
}

function superlativeFollows(t: Token[], k: number): boolean {
  const at = t[k]?.lower === '-' && t[k].glued ? k + 1 : k;
  return /^([a-z]+est|most|least)$/.test(t[at]?.lower ?? '') && t[at].lower !== 'interest';
}

/**
 * "a week later", "in a fortnight", "about a day of training": one span of time. Not "$3 a day" (a
 * rate) nor "a year earlier" (the period a comparison looks back to).
 */
function oneSpan(t: Token[], j: number): boolean {
  const unit = t[j + 1]?.lower ?? '';
  if ((t[j].lower !== 'a' && t[j].lower !== 'an') || !DURATION_UNITS[unit] || unit.endsWith('s')) return false;
  const before = t[j - 1];
  if (!before || before.type === 'num' || before.text === '%' || /^(per|times|once|twice)$/.test(before.lower)) return false;
  const after = t[j + 2]?.lower ?? '';
  if (/^(earlier|ago|before|previously)$/.test(after)) return false;
  // "lasted an hour and a half": a span by its own words.
  if (after === 'and' && t[j + 3]?.lower === 'a' && t[j + 4]?.lower === 'half') return true;
  return /^(later|after|of|long|on)$/.test(after) || /^(for|within|in|after|about|around|nearly|almost|only|just|over|under|than|roughly|barely|some)$/.test(before.lower);
}

function formationFollows(t: Token[], k: number): boolean {
  for (let n = 0; n < 4 && t[k + n]; n++) {
    const tk = t[k + n];
    if (FORMATION_WORDS.has(tk.lower)) return true;
    if (!/^[A-Z]/.test(tk.text)) return false;
  }
  return false;
}

/** A length of time's unit as a plural ("a fortnight": "fortnights"): the value itself is in years. */
const unitName = (word: string) => (word === 'century' || word === 'centuries' ? 'centuries' : word.replace(/s$/, '') + 's');

function durationAt(t: Token[], k: number): { factor: number; last: number; andAHalf: boolean; unit: string } | undefined {
  // "seven decades", "three-year-old", "18-month", "two years", "an hour and a half".
  let m = k;
  if (t[m]?.lower === '-' && t[m].glued) m++;
  const u = t[m];
  if (!u || DURATION_UNITS[u.lower] === undefined) return undefined;
  if (m > k && !u.glued) return undefined;
  let last = m;
  if (t[m + 1]?.lower === '-' && t[m + 1].glued && t[m + 2]?.lower === 'old' && t[m + 2].glued) last = m + 2;
  const andAHalf = t[last + 1]?.lower === 'and' && t[last + 2]?.lower === 'a' && t[last + 3]?.lower === 'half';
  return { factor: DURATION_UNITS[u.lower], last: andAHalf ? last + 3 : last, andAHalf, unit: unitName(u.lower) };
}
