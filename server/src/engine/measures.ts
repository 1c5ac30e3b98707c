// Measure typing: decides what each figure measures from its noun, its neighbours and its sentence.
// General rules over the lexicon's word classes; the nearest cue to a figure wins between readings.
import Fuse from 'fuse.js';
import { tokenize, type Token } from './tokens';
import {
  CORPS_NAMES, CUES, FUZZY_NAMES, MILITARY_WORDS, NOT_NOUNS, NOUN_CLASSES, NOUN_MODIFIERS, PARTIES, TROOP_WAVES,
  type Party,
} from './lexicon';
import type { Figure, Sentence, TypedFigure } from './types';

interface Mention {
  start: number;
  end: number;
  party: Party;
}

/** Per-document state carried from sentence to sentence: who "it" and "they" are. */
export interface Discourse {
  subject?: Party;
}

const PRONOUN_START = /^(it|its|they|their|them|he|she|his|her|these|those|this|that)\b/i;
// Attributions name who says a figure, not who it is about: "Kyiv says", "according to Seoul,".
const ATTRIBUTION = /according to [^,.;]*,?|(?:^|[,;] *)[^,.;]{0,60}?\b(?:says?|said|reports?|reported|claims?|claimed|estimates?|estimated|believes?|warns?|warned|notes?|noted|suggests?|suggested|indicates?|indicated|confirmed|told)\b(?: that)?/g;
const AUXILIARIES = new Set(['has', 'have', 'had']);
// "Russia's Far East", "Russia's Kursk region": a place, not a party.
const PLACE_AFTER = /^(['’]s)?\s+(far east|kursk|border|territory|soil|region|east|west|south|north)\b/;
const PREPOSITION_BEFORE = /\b(to|for|in|into|against|with|from|toward|towards|at|across|inside|near|on|by|than|reached|reaching|entered|entering)\s+(the\s+)?$/;
const CLAUSE_BREAK = /[;:()]|,\s+(?:and|but|while|with|which|where|when|who|although|though|whereas|as)\b/g;

// Every way of naming a party, the corps or the military, in one pattern: one scan per sentence.
// Corps names come first so "the Storm Corps" is the corps, not a bare "the"; each group is one party.
const MENTION_SOURCES: [string, Party][] = [
  [`\\b(?:${CORPS_NAMES.map((n) => n.replace(/ /g, '\\s+')).join('|')})s?\\b`, 'corps'],
  [MILITARY_WORDS.source, 'military'],
  ...PARTIES.map(([re, party]) => [re.source, party] as [string, Party]),
];
const MENTION_RE = new RegExp(MENTION_SOURCES.map(([src]) => `(${src.replace(/\((?!\?)/g, '(?:')})`).join('|'), 'g');
const MENTION_PARTIES = MENTION_SOURCES.map(([, party]) => party);

const fuzzyCache = new Map<string, Party | undefined>();
function fuzzyParty(phrase: string): Party | undefined {
  if (!fuzzyCache.has(phrase)) {
    const hit = fuzzyNames.search(phrase)[0];
    if (fuzzyCache.size > 5000) fuzzyCache.clear();
    fuzzyCache.set(phrase, hit && (hit.score ?? 1) <= 0.25 ? hit.item.party : undefined);
  }
  return fuzzyCache.get(phrase);
}

const fuzzyNames = new Fuse(FUZZY_NAMES.map(([name, party]) => ({ name, party })), {
  keys: ['name'],
  includeScore: true,
  threshold: 0.25,
  ignoreLocation: true,
});

/** Types every figure of one sentence; updates the discourse subject for the next one. */
export function typeSentence(sentence: Sentence, figures: Figure[], discourse: Discourse, tokens: Token[] = tokenize(sentence.text)): TypedFigure[] {
  const lower = sentence.text.toLowerCase();
  // "U.S." has full stops that are not clause ends.
  const attributions = spans(lower.replace(/\bu\.s\./g, 'u s '), ATTRIBUTION);
  const mentions = findMentions(sentence.text, lower, figures.length > 0).filter(
    (m) => !attributions.some((a) => m.start >= a.start && m.end <= a.end) && !PLACE_AFTER.test(lower.slice(m.end, m.end + 24)),
  );
  const pronounStart = PRONOUN_START.test(sentence.text.trim());
  // The subject is the first party named that is not the object of a preposition ("sent to Russia").
  const first = mentions.find((m) => !PREPOSITION_BEFORE.test(lower.slice(Math.max(0, m.start - 12), m.start)));
  const subject = (pronounStart ? discourse.subject : undefined) ?? first?.party ?? discourse.subject;
  if (!pronounStart && first) discourse.subject = first.party;
  else if (!discourse.subject && subject) discourse.subject = subject;

  if (!figures.length) return [];
  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const list = positions.get(t.lower);
    if (list) list.push(i);
    else positions.set(t.lower, [i]);
  });
  const breaks = spans(sentence.text, CLAUSE_BREAK).map((b) => b.start);
  return figures.map((f, k) => {
    const next = figures[k + 1];
    const nextFigure = next ? tokens.findIndex((t) => t.end > next.start - sentence.start) : Infinity;
    const ctx = new FigureContext(sentence, f, tokens, positions, nextFigure, breaks, mentions, subject);
    const typed = typeFigure(ctx);
    return { ...f, ...typed, sentence };
  });
}

type Typing = Pick<TypedFigure, 'measure' | 'alternates' | 'untypedReason'>;

const untyped = (reason: string): Typing => ({ untypedReason: reason });

function typeFigure(c: FigureContext): Typing {
  switch (c.figure.kind) {
    case 'time':
      return untyped('a time of day');
    case 'date':
      return typeDate(c);
    case 'duration':
      return typeDuration(c);
    case 'ordinal':
      return typeOrdinal(c);
    case 'percent':
      return typePercent(c);
    case 'money':
      return typeMoney(c);
    case 'count':
      return typeCount(c);
  }
}

// Events a date can mark: the words that must be in the sentence, and the cue words whose distance to
// the date decides between events ("since the invasion in February 2022, … signed the treaty in June").
const DATE_EVENTS: { measure: string; needs: RegExp[]; cues: string[] }[] = [
  {
    measure: 'pact.signed',
    needs: [/\b(pact|treaty|agreement|deal|accord|partnership)\b/, /\b(sign|signed|signing|penned|inked|ratified|concluded|struck|agreed|sealed)\b/],
    cues: ['pact', 'treaty', 'agreement', 'deal', 'accord', 'partnership', 'sign', 'signed', 'signing', 'penned', 'inked', 'ratified', 'concluded', 'struck', 'agreed', 'sealed'],
  },
  {
    measure: 'sovietAid.ended',
    needs: [/\b(soviet|ussr)\b/, /\b(aid|assistance|support|subsidies|help)\b/],
    cues: ['soviet', 'ussr', 'aid', 'assistance', 'support', 'subsidies', 'help', 'stopped', 'ended', 'halted', 'ceased', 'cut'],
  },
  {
    measure: 'invasion.start',
    needs: [/\b(invasion|invaded|invade|full-scale|onset)\b|\bwar (began|started|broke out|erupted)\b/],
    cues: ['invasion', 'invaded', 'invade', 'full-scale', 'onset', 'began', 'started', 'erupted', 'broke out'],
  },
];

function typeDate(c: FigureContext): Typing {
  let best: { measure: string; d: number } | undefined;
  for (const e of DATE_EVENTS) {
    if (!e.needs.every((re) => re.test(c.lower))) continue;
    // An event usually comes before its date ("signed in June"), so a cue after the date counts a little less.
    const d = c.cueDistance(e.cues, 'both', true, 0.5);
    if (d < (best?.d ?? Infinity)) best = { measure: e.measure, d };
  }
  if (best) return { measure: best.measure };
  if (c.wordBefore() === 'since' && /\b(lost|losses|casualties|killed|wounded|war|conflict|fighting)\b/.test(c.lower)) return { measure: 'invasion.start' };
  return untyped('a date the sources do not tie to any event in this sentence');
}

function typeDuration(c: FigureContext): Typing {
  if (/\b(armistice|korean war)\b/.test(c.lower)) return { measure: 'armistice.yearsSince' };
  if (/\b(war|conflict|invasion|fighting)\b/.test(c.clauseLower) && (/old$/.test(c.figure.text) || /\b(lasted|raged|entered|running|into|for|long|old|ago)\b/.test(c.clauseLower)))
    return { measure: 'war.age' };
  return untyped('a length of time the sources do not measure');
}

function typeOrdinal(c: FigureContext): Typing {
  const next = c.after(4).map((t) => t.lower);
  if (!next.includes('corps')) return untyped(`the sources name no ${next.find((w) => /^[a-z]/.test(w)) ?? 'such'} by number`);
  // Only a possessive or adjective right before names whose formation it is: "Russia's 3rd Army".
  const owner = c.possessiveBefore();
  if (owner && owner !== 'nk') return untyped(`a ${partyName(owner)} formation, not the deployed corps`);
  return { measure: 'corps.number' };
}

function typePercent(c: FigureContext): Typing {
  const after = c.after(7);
  if (after[0]?.lower !== 'of') return untyped('a percentage of something the sources do not measure');
  const complement = after.slice(1).map((t) => t.lower).join(' ');
  const namesCorps = CORPS_NAMES.some((n) => complement.startsWith(n) || complement.startsWith(`the ${n}`) || complement.includes(`${n} `));
  const possessive = /^(its|their)\b/.test(complement) && /\b(strength|soldiers|troops|members|personnel|force|forces|ranks|fighters)\b/.test(complement);
  const corpsInView = c.mentions.some((m) => m.party === 'corps') || c.subject === 'corps';
  if (c.cueDistance(CUES.killed) < Infinity || c.cueDistance(CUES.injured) < Infinity) return untyped('a share of losses the sources do not give');
  if (namesCorps || (possessive && corpsInView)) return { measure: 'corps.shareDeployed' };
  return untyped(`a percentage of ${complement.split(' ').slice(0, 4).join(' ')}, which the sources do not measure`);
}

function typeMoney(c: FigureContext): Typing {
  const arms = c.cueDistance(CUES.arms) < Infinity;
  if (!arms || !(c.cueDistance(CUES.value) < Infinity || c.cueDistance(CUES.supply) < Infinity))
    return untyped('a sum of money the sources do not tie to the arms supplies');
  const supplier = c.supplier();
  if (supplier !== 'nk') return untyped(`${partyName(supplier ?? 'other')} money, which the sources do not total`);
  return { measure: 'arms.value' };
}

function typeCount(c: FigureContext): Typing {
  const noun = c.headNoun();
  if (noun.unknown) return untyped(`the sources count no "${noun.unknown}"`);
  // "10,000 of them": a share of the group the passage is about.
  const partitive = /^of (them|these|those|whom)\b/.test(c.after(2).map((t) => t.lower).join(' ')) && (c.subject === 'nk' || c.subject === 'corps');
  const cls = noun.cls ?? c.nounBefore() ?? (partitive ? 'troops' : undefined);
  const party = noun.party ?? c.partyBefore() ?? c.subject;

  const casualty = casualtyKind(c, cls);
  if (casualty) {
    if (party && ['ua', 'us', 'sk', 'other'].includes(party)) return untyped(`${partyName(party)} losses, which the sources do not count`);
    const side = party === 'ru' ? 'ru' : 'nk';
    return casualty === 'lost' ? { measure: `${side}.killed`, alternates: [`${side}.casualties`] } : { measure: `${side}.${casualty}` };
  }
  if (cls === 'shells' || cls === 'missiles') {
    const supplier = noun.party ?? (c.cueDistance(CUES.supply) < Infinity ? c.supplier() : undefined);
    if (supplier !== 'nk') return untyped(`${cls} that the sources do not say North Korea supplied`);
    return { measure: cls === 'shells' ? 'shells.supplied' : 'missiles.supplied' };
  }
  // With no noun, only "North Korea sent 10,000 to Russia" reads as troops: a deploy verb right before
  // the figure and North Korea named in the sentence ("Dispatch 12" in a heading is not a count).
  const bareDeployment = !cls && c.cueDistance(CUES.deploy) <= 3 && c.mentions.some((m) => m.party === 'nk');
  if (cls === 'troops' || bareDeployment) {
    if (noun.party && noun.party !== 'nk') return untyped(`${partyName(noun.party)} troops, which the sources do not count`);
    const topic = c.topicBefore() ?? c.subject;
    if (party && ['ru', 'ua', 'us', 'sk'].includes(party) && topic !== 'corps' && topic !== 'military')
      return untyped(`${partyName(party)} troops, which the sources do not count`);
    const size = Math.min(c.cueDistance(CUES.size), c.cueDistance(CUES.possession));
    const deploy = c.cueDistance(CUES.deploy);
    const other = c.cueDistance(CUES.otherEvents);
    if (other < Math.min(size, deploy)) return untyped('soldiers counted for something the sources do not count');
    // "a 1.2 million-strong army", "the 40,000-strong Storm Corps": the noun after "strong" is what is measured.
    const strongOf = noun.word === 'strong' ? c.mentionAfter() : undefined;
    if (strongOf === 'military') return { measure: 'nk.militarySize' };
    if (strongOf === 'corps' || (topic === 'corps' && size <= deploy)) return { measure: 'corps.size' };
    if (topic === 'military' && size <= deploy) return { measure: 'nk.militarySize' };
    // "North Korea has about 10,000 troops", "North Korea's 1.2 million troops": its military's size,
    // unless the count is of the deployment.
    if (c.possessiveBefore() === 'nk' || (topic === 'nk' && deploy === Infinity && c.cueDistance(CUES.possession) < Infinity))
      return { measure: 'nk.militarySize', alternates: TROOP_WAVES };
    return typeWave(c);
  }
  if (!cls && (c.topicBefore() ?? c.subject) === 'corps' && c.cueDistance(CUES.size) < Infinity) return { measure: 'corps.size' };
  return untyped('a figure with no noun the sources count');
}

/** Which part of the deployment a count of North Korean troops describes. */
function typeWave(c: FigureContext): Typing {
  const d = {
    'troops.additional': c.cueDistance(CUES.additional),
    // "the first 1,500": an ordinal right before the count names the wave.
    'troops.firstWave': ['first', 'initial'].includes(c.wordBefore() ?? '') ? 1 : c.cueDistance(CUES.firstWave),
    'troops.sent': c.cueDistance(CUES.total),
  };
  const best = (Object.entries(d) as [string, number][]).sort((a, b) => a[1] - b[1])[0];
  if (best[1] < Infinity) return { measure: best[0] };
  // No wave is named: the count may describe any wave, and the weak cues only decide which leads.
  const primary = c.cueDistance(CUES.firstWaveWeak) < Infinity ? 'troops.firstWave' : 'troops.sent';
  return { measure: primary, alternates: TROOP_WAVES.filter((m) => m !== primary) };
}

function casualtyKind(c: FigureContext, cls: string | undefined): 'killed' | 'injured' | 'casualties' | 'lost' | undefined {
  // A head noun that is itself a casualty word decides, unless "or wounded" joins another.
  const after = c.after(8).map((t) => t.lower);
  const killedNear = c.cueDistance(CUES.killed, 'after') < Infinity;
  const injuredNear = c.cueDistance(CUES.injured, 'after') < Infinity;
  if (cls === 'casualties') return 'casualties';
  if (cls === 'killed') return injuredNear && /\b(or|and)\b/.test(after.join(' ')) && joined(after, CUES.injured) ? 'casualties' : 'killed';
  if (cls === 'injured') return killedNear && joined(after, CUES.killed) ? 'casualties' : 'injured';
  if (cls && cls !== 'troops') return undefined;
  if (killedNear && injuredNear) return 'casualties';
  if (killedNear) return 'killed';
  if (injuredNear) return 'injured';
  if (c.cueDistance(CUES.losses) < Infinity) return 'casualties';
  if (c.cueDistance(CUES.lost) < Infinity) return 'lost';
  return undefined;
}

/** "killed or wounded", "dead and injured": two casualty words joined by a conjunction. */
function joined(after: string[], second: string[]): boolean {
  const i = after.findIndex((w) => w === 'or' || w === 'and');
  return i >= 0 && i <= 3 && second.includes(after[i + 1] ?? '');
}

function partyName(p: Party): string {
  return { nk: 'North Korean', ru: 'Russian', ua: 'Ukrainian', sk: 'South Korean', us: 'Western', corps: 'the corps', military: 'the military', other: 'another party' }[p];
}

function spans(text: string, re: RegExp): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[0].length) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function findMentions(text: string, lower: string, fuzzy: boolean): Mention[] {
  const out: Mention[] = [];
  MENTION_RE.lastIndex = 0;
  for (let m = MENTION_RE.exec(lower); m; m = MENTION_RE.exec(lower)) {
    const i = m.slice(1).findIndex((g) => g !== undefined);
    out.push({ start: m.index, end: m.index + m[0].length, party: MENTION_PARTIES[i] });
  }
  if (!out.length && fuzzy) {
    // Misspelt names ("Strom Corps", "Pyongyan"): fuzzy-match capitalised phrases.
    const re = /[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const party = fuzzyParty(m[0]);
      if (party) out.push({ start: m.index, end: m.index + m[0].length, party });
    }
  }
  // Longer, more specific mentions first where they overlap; then text order.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // "South Korea's military" is South Korea's, not North Korea's.
  for (let i = 1; i < out.length; i++) {
    const owner = out[i - 1];
    if (out[i].party === 'military' && owner.party !== 'nk' && owner.party !== 'corps' && /^(['’]s)?\s*$/.test(lower.slice(owner.end, out[i].start)))
      out[i] = { ...out[i], party: owner.party };
  }
  return out.filter((m, i) => !out.slice(0, i).some((o) => o.start <= m.start && o.end >= m.end && o.party !== 'corps' && m.party !== 'corps'));
}

/** A figure and its surroundings, with the measurements typing rules ask for. */
class FigureContext {
  readonly lower: string;
  readonly clauseLower: string;
  private readonly fFirst: number;
  private readonly fLast: number;
  private readonly cFirst: number;
  private readonly cLast: number;

  constructor(
    readonly sentence: Sentence,
    readonly figure: Figure,
    private readonly tokens: Token[],
    private readonly positions: Map<string, number[]>,
    /** Token index where the sentence's next figure starts (Infinity for the last). */
    private readonly nextFigure: number,
    breaks: number[],
    readonly mentions: Mention[],
    readonly subject: Party | undefined,
  ) {
    const fs = figure.start - sentence.start;
    const fe = figure.end - sentence.start;
    this.lower = sentence.text.toLowerCase();
    const cs = Math.max(0, ...breaks.filter((b) => b < fs));
    const ceCandidates = breaks.filter((b) => b >= fe);
    const ce = ceCandidates.length ? Math.min(...ceCandidates) : sentence.text.length;
    this.clauseLower = this.lower.slice(cs, ce);
    this.fFirst = tokens.findIndex((t) => t.end > fs);
    this.fLast = tokens.findLastIndex((t) => t.start < fe);
    const first = tokens.findIndex((t) => t.start >= cs);
    this.cFirst = first < 0 ? 0 : first;
    const lastIdx = tokens.findLastIndex((t) => t.end <= ce);
    this.cLast = lastIdx < 0 ? tokens.length - 1 : lastIdx;
    this.relStart = fs;
    this.clauseStart = cs;
  }

  private readonly relStart: number;
  private readonly clauseStart: number;

  wordBefore(): string | undefined {
    return this.tokens[this.fFirst - 1]?.lower;
  }

  after(n: number): Token[] {
    return this.tokens.slice(this.fLast + 1, Math.min(this.fLast + 1 + n, this.cLast + 1));
  }

  /** Token distance from the figure to the nearest cue of a class within the clause (Infinity when none). */
  cueDistance(cues: string[], side: 'both' | 'after' = 'both', wholeSentence = false, afterPenalty = 0): number {
    let best = Infinity;
    const first = wholeSentence ? 0 : this.cFirst;
    const last = wholeSentence ? this.tokens.length - 1 : this.cLast;
    for (const cue of cues) {
      const ws = cueWords(cue);
      for (const i of this.positions.get(ws[0]) ?? []) {
        if (i < first || i + ws.length - 1 > last) continue;
        // After the figure, a cue past the next figure is that figure's ("100 killed and 1,000 wounded").
        if (side === 'after' && i > this.fLast && i >= this.nextFigure) continue;
        if (i >= this.fFirst && i <= this.fLast) continue;
        if (ws.length > 1 && !ws.every((w, n) => this.tokens[i + n]?.lower === w)) continue;
        // "more than" is a bound on the figure, not a cue; "has been sent" is an auxiliary, not possession.
        if (ws[0] === 'more' && this.tokens[i + 1]?.lower === 'than') continue;
        if (AUXILIARIES.has(ws[0]) && /^(been|being|already|now|also|since)$|(ed|en)$/.test(this.tokens[i + 1]?.lower ?? '')) continue;
        const end = i + ws.length - 1;
        if (end < this.fFirst && side === 'after') continue;
        const d = end < this.fFirst ? this.fFirst - end : i - this.fLast + afterPenalty;
        if (d < best) best = d;
      }
    }
    return best;
  }

  /** The counted noun after the figure, skipping modifiers; its nationality if one is written. */
  headNoun(): { cls?: string; word?: string; unknown?: string; party?: Party } {
    let party: Party | undefined;
    const t = this.tokens;
    for (let i = this.fLast + 1; i <= this.cLast && i <= this.fLast + 8; i++) {
      const w = t[i].lower;
      if (t[i].type === 'sym' && w !== '-' && w !== '’' && w !== "'") break;
      const cls = nounClassAt(t, i);
      if (cls) {
        this.headEnd = i;
        return { cls, word: w, party };
      }
      if (w === 'north' && t[i + 1]?.lower.startsWith('korea')) party ??= 'nk';
      else if (w === 'south' && t[i + 1]?.lower.startsWith('korea')) party ??= 'sk';
      else if (/^russian/.test(w)) party ??= 'ru';
      else if (/^ukrainian/.test(w)) party ??= 'ua';
      else if (/^(american|u)$/.test(w)) party ??= 'us';
      if (NOUN_MODIFIERS.has(w) || /^korean/.test(w) || /^russian|^ukrainian/.test(w)) continue;
      if (NOT_NOUNS.has(w) || t[i].type === 'num') break;
      if (/^[a-z]+(ed|ing|ly)$/.test(w) && !/^(united|armed)$/.test(w)) break;
      return { unknown: t[i].text, party };
    }
    return { party };
  }

  private headEnd = -1;

  /** The party, corps or military named right after the head noun ("-strong army"). */
  mentionAfter(): Party | undefined {
    const after = this.tokens[this.headEnd + 1];
    if (!after) return undefined;
    const at = after.start;
    return this.mentions.find((m) => m.start >= at && m.start <= at + 12)?.party;
  }

  /** A noun class named just before the figure: "a force of 12,000", "the death toll reached 100". */
  nounBefore(): string | undefined {
    for (let i = this.fFirst - 1; i >= this.cFirst && i >= this.fFirst - 6; i--) {
      const cls = nounClassAt(this.tokens, i);
      if (cls) return cls;
      if (this.tokens[i].lower === 'toll') return 'killed';
      if (['force', 'contingent', 'army', 'military'].includes(this.tokens[i].lower)) return 'troops';
    }
    return undefined;
  }

  /** Whose formation or stock a figure names, from a possessive or adjective right before it. */
  possessiveBefore(): Party | undefined {
    const prev = this.mentions.filter((m) => m.end <= this.relStart && m.party !== 'corps' && /^(['’]s)?\s*$/.test(this.lower.slice(m.end, this.relStart)));
    return prev[prev.length - 1]?.party;
  }

  /**
   * Who supplies: North Korea when the sentence (or the passage it continues) is about North Korea and
   * no other supplier is the subject. Recipients ("supplied Russia with") do not count.
   */
  supplier(): Party | undefined {
    const recipient = /\b(supplied|supplying|shipped|shipping|sent|sending|provided|providing|delivered|gave|sold|to|for|assisting|aid|aiding|helping)\s+(the\s+)?$/;
    const parties = this.mentions
      .filter((m) => m.party !== 'corps' && m.party !== 'military' && !recipient.test(this.lower.slice(Math.max(0, m.start - 30), m.start)))
      .map((m) => m.party);
    if (parties.includes('nk')) return 'nk';
    // With no supplier named, the passage's subject supplies; with none at all, the domain's (North Korea).
    return parties[0] ?? this.subject ?? 'nk';
  }

  /** The party named nearest before the figure in its clause (attributions excluded). */
  partyBefore(): Party | undefined {
    return this.nearestBefore((m) => m.party !== 'corps' && m.party !== 'military');
  }

  /** The nearest party, corps or military named before the figure in its clause. */
  topicBefore(): Party | undefined {
    return this.nearestBefore(() => true);
  }

  private nearestBefore(keep: (m: Mention) => boolean): Party | undefined {
    let best: Mention | undefined;
    for (const m of this.mentions) if (m.end <= this.relStart && m.start >= this.clauseStart && keep(m)) best = m;
    return best?.party;
  }
}

const cueWordCache = new Map<string, string[]>();
function cueWords(cue: string): string[] {
  let ws = cueWordCache.get(cue);
  if (!ws) cueWordCache.set(cue, (ws = cue.split(' ')));
  return ws;
}

function nounClassAt(t: Token[], i: number): string | undefined {
  const two = `${t[i].lower} ${t[i + 1]?.lower ?? ''}`;
  for (const [cls, nouns] of Object.entries(NOUN_CLASSES)) if (nouns.includes(two)) return cls;
  for (const [cls, nouns] of Object.entries(NOUN_CLASSES)) if (nouns.includes(t[i].lower)) return cls;
  return undefined;
}
