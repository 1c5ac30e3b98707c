// A figure and its surroundings in a sentence: the clause it stands in, the cue words near it, its
// head noun and the parties named before it. Typing rules (measures.ts) ask it questions.
import { ADJECTIVE_USE, spans, type Mention } from './mentions';
import type { Token } from './tokens';
import { isGroup, nationalityOf, type Party, type Topic } from './topic';
import type { Figure, Sentence } from './types';

/** Function words and verbs that end a noun search after a figure ("sent 10,000 to France"). */
const NOT_NOUNS = new Set([
  'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'into', 'and', 'or', 'but', 'as', 'that', 'who', 'which',
  'within', 'around', 'across', 'inside', 'near', 'among', 'until', 'toward', 'towards', 'via', 'without', 'despite',
  'following', 'amid', 'beyond', 'under', 'over', 'through', 'throughout', 'against', 'alongside', 'more', 'less',
  'were', 'was', 'are', 'is', 'be', 'been', 'have', 'has', 'had', 'will', 'would', 'could', 'may', 'might',
  'according', 'since', 'after', 'before', 'during', 'while', 'so', 'than', 'then', 'this', 'these', 'those',
  'last', 'ago', 'alone', 'each', 'apiece', 'today', 'now', 'already', 'reportedly', 'said', 'says',
  'it', 'they', 'them', 'we', 'he', 'she', 'there', 'per', 'a', 'an', 'not', 'only', 'just', 'about',
]);

const AUXILIARIES = new Set(['has', 'have', 'had']);
const COPULAS = new Set(['is', 'was', 'are', 'were', 'remains', 'stands', 'would', 'will', 'could', 'might', 'may']);
// Verbs that can follow a bare figure ("the 1,500 sent first"): never its noun.
const verbsAfterOf = new WeakMap<Topic, Set<string>>();
function verbsAfter(topic: Topic): Set<string> {
  let set = verbsAfterOf.get(topic);
  if (!set) verbsAfterOf.set(topic, (set = new Set([topic.cues.deployVerbs, topic.cues.supply, topic.cues.killed, topic.cues.injured, topic.cues.lost].flat())));
  return set;
}
// Between an owner and its figure: "Norway's 1.2 million", "the firm's more than one million".
// (No two parts can match the same blanks, so a long run of them costs one pass, not its square.)
const POSSESSIVE_GAP = /^(?:['’]s)?\s*(?:(?:(?:more|fewer|less) than|over|under|about|around|some|nearly|almost|roughly|up to|at least|an estimated)\s*)?$/;
/** Characters of the longest qualifier POSSESSIVE_GAP allows, and a space. */
const POSSESSIVE_QUALIFIER_REACH = 16;
// Who is supplied ("supplied Norway with"), not who supplies.
const RECIPIENT = /\b(supplied|supplying|shipped|shipping|sent|sending|provided|providing|delivered|gave|sold|to|for|assisting|aid|aiding|helping|of)\s+(the\s+)?$/;
const LOCATIVE_BEFORE = /\b(in|to|into|towards?|inside|across|near|at)\s+(the\s+)?$/;
// An aside that closes before a figure: "China, which accounts for 90% of the region's trade, has…".
const ASIDE = /,\s+(?:which|who|whose)\b[^,;]*,/g;
// A colon or a parenthesis does not end a clause: "Fleet strength: 40,000–80,000",
// "First phase (pilot sites) 1,500".
const CLAUSE_BREAK = /;|,\s+(?:and|but|while|with|which|where|when|who|although|though|whereas|as)\b/g;

/**
 * Which cues count: `after` / `before`: only cues after / before the figure; `sentence`: the whole
 * sentence, not the clause; `afterPenalty`: added to distances after the figure; `own`: only cues this
 * figure owns — words that modify one figure ("5,000 more", "100 killed") are not another's past the
 * next count.
 */
interface CueOptions {
  after?: boolean;
  before?: boolean;
  sentence?: boolean;
  afterPenalty?: number;
  own?: boolean;
}

/** What a sentence, and the passage before it, tell every figure in it. */
export interface SentenceFrame {
  topic: Topic;
  sentence: Sentence;
  tokens: Token[];
  /** Parties named in the sentence (attributions and places left out). */
  mentions: Mention[];
  /** Whom the sentence is about, and where it names them (when it does). */
  subject?: Party;
  subjectAt?: number;
  /** The previous sentence, lower-cased, when this one opens with a pronoun that points back to it. */
  previous?: string;
  /** Whom the passage was about before this sentence. */
  inherited?: Party;
  /** Whose people the passage last spoke of (a nationality before one of the topic's passage nouns). */
  peopleInPassage?: Party;
}

/** Contexts for every figure of a sentence, sharing one view of the sentence built once. */
export function figureContexts(frame: SentenceFrame, figures: Figure[]): FigureContext[] {
  const view = new SentenceView(frame);
  // Only a count competes for the words after it; a date or an ordinal does not ("… killed or wounded since February 2022").
  const nextFigure: number[] = [];
  let next = Infinity;
  for (let k = figures.length - 1; k >= 0; k--) {
    nextFigure[k] = next;
    const g = figures[k];
    if (g.kind === 'count' || g.kind === 'money' || g.kind === 'percent') next = view.tokenAt(g.start - frame.sentence.start);
  }
  return figures.map((f, k) => new FigureContext(view, f, nextFigure[k]));
}

/** Index of the first element of a sorted list for which `before` is false (the list's length when none). */
function firstNotBefore<T>(list: readonly T[], before: (x: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What every figure of a sentence asks of it, computed once: word positions, clause breaks, asides,
 * and for each mention whether it names a place and which aside hides it. A figure's questions then
 * cost a search, not a pass over the sentence.
 */
class SentenceView {
  readonly lower: string;
  readonly positions = new Map<string, number[]>();
  /** Clause breaks, in order; for each, the end of the aside it opens (Infinity when it opens none). */
  readonly breaks: number[];
  private readonly asideEndAt: number[];
  /** For each break, the nearest break at or before it that opens no aside (-1 when none). */
  private readonly plainBreakAt: number[];
  /** Asides in order, with the count of each party's mentions they hide, summed over the asides up to each. */
  private readonly asideEnds: number[];
  private readonly hiddenUpTo: Map<Party, number>[];
  /** For each mention, the end of the aside it stands in (Infinity when none): hidden from figures after it. */
  readonly hiddenFrom: number[];
  /** For each mention, whether it names a place or destination ("in Norway") rather than whom a figure is about. */
  readonly place: boolean[];
  private readonly partyCount = new Map<Party, number>();
  /** Mentions' ends but the unit's, in order: they only grow, since no such mention stands inside another. */
  private readonly ownerEnds: { end: number; index: number }[] = [];

  constructor(readonly frame: SentenceFrame) {
    const { sentence, tokens, mentions } = frame;
    this.lower = sentence.text.toLowerCase();
    tokens.forEach((t, i) => {
      const list = this.positions.get(t.lower);
      if (list) list.push(i);
      else this.positions.set(t.lower, [i]);
    });
    this.breaks = spans(sentence.text, CLAUSE_BREAK).map((b) => b.start);
    const asides = spans(this.lower, ASIDE);
    const opened = new Map(asides.map((a) => [a.start, a.end]));
    this.asideEndAt = this.breaks.map((b) => opened.get(b) ?? Infinity);
    this.plainBreakAt = [];
    this.breaks.forEach((_, i) => this.plainBreakAt.push(this.asideEndAt[i] === Infinity ? i : (this.plainBreakAt[i - 1] ?? -1)));
    this.asideEnds = asides.map((a) => a.end);
    this.hiddenFrom = mentions.map((m) => {
      const a = asides[firstNotBefore(asides, (x) => x.end < m.end)];
      return a && m.start >= a.start ? a.end : Infinity;
    });
    const counts = new Map<Party, number>();
    this.hiddenUpTo = [new Map()];
    let k = 0;
    for (const a of asides) {
      for (; k < mentions.length && mentions[k].start < a.end; k++) {
        const m = mentions[k];
        if (this.hiddenFrom[k] === a.end) counts.set(m.party, (counts.get(m.party) ?? 0) + 1);
      }
      this.hiddenUpTo.push(new Map(counts));
    }
    for (const m of mentions) this.partyCount.set(m.party, (this.partyCount.get(m.party) ?? 0) + 1);
    this.place = mentions.map((m) => LOCATIVE_BEFORE.test(this.lower.slice(Math.max(0, m.start - 10), m.start)));
    mentions.forEach((m, index) => {
      if (m.party !== frame.topic.unit?.id) this.ownerEnds.push({ end: m.end, index });
    });
  }

  /** Index of the first token that ends after `offset`. */
  tokenAt(offset: number): number {
    return firstNotBefore(this.frame.tokens, (t) => t.end <= offset);
  }

  /** The clause around [from, to): its start after the last open break before it, its end at the next break. */
  clause(from: number, to: number): [number, number] {
    const after = firstNotBefore(this.breaks, (b) => b < to);
    const end = after < this.breaks.length ? this.breaks[after] : this.frame.sentence.text.length;
    // An aside closed before the figure does not end its clause: a break opening one is passed over.
    let i = firstNotBefore(this.breaks, (b) => b < from) - 1;
    if (i >= 0 && this.asideEndAt[i] <= from) i = this.plainBreakAt[i];
    return [i >= 0 ? this.breaks[i] : 0, end];
  }

  /** How many mentions of a party a figure at `at` sees: those in asides closed before it are hidden. */
  seen(party: Party, at: number): number {
    const closed = firstNotBefore(this.asideEnds, (e) => e <= at);
    return (this.partyCount.get(party) ?? 0) - (this.hiddenUpTo[closed].get(party) ?? 0);
  }

  /** Mentions' total, seen from a figure at `at`. */
  seenTotal(at: number): number {
    let n = 0;
    for (const party of this.partyCount.keys()) n += this.seen(party, at);
    return n;
  }

  /** The mentions but the unit's that end at or before `at`, latest first, ending no earlier than `from`. */
  *ownersBefore(at: number, from: number): Generator<number> {
    for (let i = firstNotBefore(this.ownerEnds, (o) => o.end <= at) - 1; i >= 0 && this.ownerEnds[i].end >= from; i--) yield this.ownerEnds[i].index;
  }
}

/** A figure and its surroundings, with the measurements typing rules ask for. */
export class FigureContext {
  readonly lower: string;
  readonly clauseLower: string;
  readonly sentence: Sentence;
  readonly subject: Party | undefined;
  readonly peopleInPassage: Party | undefined;
  readonly topic: Topic;
  private readonly tokens: Token[];
  private readonly mentions: Mention[];
  private readonly positions: Map<string, number[]>;
  private readonly previous: string | undefined;
  private readonly inherited: Party | undefined;
  private readonly subjectAt: number | undefined;
  private readonly fFirst: number;
  private readonly fLast: number;
  private readonly cFirst: number;
  private readonly cLast: number;
  private readonly relStart: number;
  private readonly clauseStart: number;
  private readonly clauseEnd: number;

  constructor(
    private readonly view: SentenceView,
    readonly figure: Figure,
    /** Token index where the sentence's next count starts (Infinity for the last). */
    private readonly nextFigure: number,
  ) {
    const { sentence, tokens } = view.frame;
    this.sentence = sentence;
    this.tokens = tokens;
    this.mentions = view.frame.mentions;
    this.positions = view.positions;
    this.subject = view.frame.subject;
    this.subjectAt = view.frame.subjectAt;
    this.previous = view.frame.previous;
    this.inherited = view.frame.inherited;
    this.peopleInPassage = view.frame.peopleInPassage;
    this.topic = view.frame.topic;
    const fs = figure.start - sentence.start;
    const fe = figure.end - sentence.start;
    this.lower = view.lower;
    const [cs, ce] = view.clause(fs, fe);
    this.clauseLower = this.lower.slice(cs, ce);
    this.fFirst = view.tokenAt(fs);
    this.fLast = firstNotBefore(tokens, (t) => t.start < fe) - 1;
    const first = firstNotBefore(tokens, (t) => t.start < cs);
    this.cFirst = first < tokens.length ? first : 0;
    this.cLast = firstNotBefore(tokens, (t) => t.end <= ce) - 1;
    if (this.cLast < 0) this.cLast = tokens.length - 1;
    this.relStart = fs;
    this.clauseStart = cs;
    this.clauseEnd = ce;
  }

  /** Whether the sentence, as this figure sees it (asides closed before it left out), names one of these parties. */
  names(...parties: Party[]): boolean {
    return parties.some((p) => this.view.seen(p, this.relStart) > 0);
  }

  /** Whether every party the sentence names, as this figure sees it, is one of these. */
  namesOnly(...parties: Party[]): boolean {
    return parties.reduce((n, p) => n + this.view.seen(p, this.relStart), 0) === this.view.seenTotal(this.relStart);
  }

  /** Whether the figure sees mention i (not in an aside closed before it). */
  private sees(i: number): boolean {
    return this.view.hiddenFrom[i] > this.relStart;
  }

  /** Whether the sentence a leading pronoun points back to holds one of these words. */
  carriedOver(words: string[]): boolean {
    const previous = this.previous;
    return !!previous && words.some((w) => wordPattern(w).test(previous));
  }

  /** The word n tokens before the figure (1: the one right before it). */
  wordBefore(n = 1): string | undefined {
    return this.tokens[this.fFirst - n]?.lower;
  }

  /** The word labelling the figure, past an abbreviation's full stop ("p. 283", "No. 7"). */
  labelBefore(): string | undefined {
    return this.wordBefore() === '.' ? this.wordBefore(2) : this.wordBefore();
  }

  get startsWithPronoun(): boolean {
    return this.previous !== undefined;
  }

  get previousLower(): string {
    return this.previous ?? '';
  }

  after(n: number): Token[] {
    return this.tokens.slice(this.fLast + 1, Math.min(this.fLast + 1 + n, this.cLast + 1));
  }

  /**
   * Token distance from the figure to the nearest cue of a class within its clause (Infinity when none).
   */
  cueDistance(cues: string[], opts: CueOptions = {}): number {
    let best = Infinity;
    const first = opts.sentence ? 0 : this.cFirst;
    const last = opts.sentence ? this.tokens.length - 1 : this.cLast;
    for (const ws of cueWords(cues)) {
      const at = this.positions.get(ws[0]);
      if (!at) continue;
      // Nearest first on each side of the figure: distances only grow away from it, so each walk stops
      // at the first cue that cannot beat the best.
      for (let k = firstNotBefore(at, (i) => i < this.fFirst) - 1; k >= 0 && at[k] >= first; k--) {
        const end = at[k] + ws.length - 1;
        if (end < this.fFirst && this.fFirst - end >= best) break;
        best = Math.min(best, this.cueAt(at[k], ws, last, opts));
      }
      for (let k = firstNotBefore(at, (i) => i <= this.fLast); k < at.length; k++) {
        const i = at[k];
        if (i - this.fLast + (opts.afterPenalty ?? 0) >= best || i + ws.length - 1 > last || (opts.own && i >= this.nextFigure)) break;
        best = Math.min(best, this.cueAt(i, ws, last, opts));
      }
    }
    return best;
  }

  /** Distance to the cue `ws` at token i, outside the figure (Infinity when it is not that cue here). */
  private cueAt(i: number, ws: string[], last: number, opts: CueOptions): number {
    if (i + ws.length - 1 > last) return Infinity;
    if (opts.own && i > this.fLast && i >= this.nextFigure) return Infinity;
    if (ws.length > 1 && !ws.every((w, n) => this.tokens[i + n]?.lower === w)) return Infinity;
    // "more than" is a bound on the figure, not a cue; "has been sent" is an auxiliary, not possession.
    if (ws[0] === 'more' && this.tokens[i + 1]?.lower === 'than') return Infinity;
    if (AUXILIARIES.has(ws[0]) && /^(been|being|already|now|also|since)$|(ed|en)$/.test(this.tokens[i + 1]?.lower ?? '')) return Infinity;
    const end = i + ws.length - 1;
    if (end < this.fFirst && opts.after) return Infinity;
    if (i > this.fLast && opts.before) return Infinity;
    return end < this.fFirst ? this.fFirst - end : i - this.fLast + (opts.afterPenalty ?? 0);
  }

  /** The counted noun after the figure, skipping modifiers; its nationality if one is written. */
  headNoun(): { cls?: string; word?: string; unknown?: string; party?: Party; stopped?: boolean } {
    let party: Party | undefined;
    const t = this.tokens;
    const topic = this.topic;
    for (let i = this.fLast + 1; i <= this.cLast && i <= this.fLast + 8; i++) {
      const w = t[i].lower;
      if (t[i].type === 'sym' && w !== '-' && w !== '’' && w !== "'") break;
      const cls = nounClassAt(topic, t, i);
      if (cls) {
        this.headEnd = i;
        return { cls, word: w, party };
      }
      const two = `${w} ${t[i + 1]?.lower ?? ''}`;
      party ??= nationalityOf(topic, two);
      // "the first of 12,000 Norway plans to send": a country starts a new clause, it is not counted.
      if (topic.countries?.test(two)) return { party, stopped: true };
      if (topic.modifiers.has(w) || topic.modifierPrefixes.some((m) => w.startsWith(m))) continue;
      if (NOT_NOUNS.has(w) || t[i].type === 'num' || verbsAfter(topic).has(w)) break;
      if (/^[a-z]+(ed|ing|ly)$/.test(w) && !/^(united|armed)$/.test(w)) break;
      return { unknown: t[i].text, party };
    }
    return { party };
  }

  private headEnd = -1;

  /**
   * With no noun beside the figure, a personnel noun later in its clause: "the figure of 12,000 is where
   * the ministry expects the Danish force to end up".
   */
  nounLater(): string | undefined {
    // Only where the figure stands alone as a subject ("12,000 is…"), never "Part 2 of 3: what the staff…".
    if (!COPULAS.has(this.tokens[this.fLast + 1]?.lower ?? '')) return undefined;
    for (let i = this.fLast + 1; i <= this.cLast && i <= this.fLast + 12; i++) if (nounClassAt(this.topic, this.tokens, i) === 'personnel') return 'personnel';
    return undefined;
  }

  /**
   * People named in the sentence a leading pronoun points back to ("… the initial group of Danish
   * engineers … It put their number at 150"), and whether they are the actor's.
   */
  peopleCarriedOver(): { party?: Party } | undefined {
    const previous = this.previous;
    if (!previous || !this.carriedOver(this.topic.personnelNouns)) return undefined;
    const re = this.topic.peopleOf;
    const actors = re && [...previous.matchAll(new RegExp(re.source, 'g'))].some((m) => nationalityOf(this.topic, m[1]) === this.topic.actor);
    return actors ? { party: this.topic.actor } : {};
  }

  /** The party, unit or forces named right after the head noun ("-strong army"). */
  mentionAfter(): Party | undefined {
    const after = this.tokens[this.headEnd + 1];
    if (!after) return undefined;
    const at = after.start;
    for (let i = firstNotBefore(this.mentions, (m) => m.start < at); i < this.mentions.length && this.mentions[i].start <= at + 12; i++)
      if (this.sees(i)) return this.mentions[i].party;
    return undefined;
  }

  /** A noun class named just before the figure: "a staff of 12,000", "the death toll reached 100". */
  nounBefore(): string | undefined {
    return this.nounBeforeWithParty().cls;
  }

  /**
   * The noun class named before the figure and the party of the words right before that noun ("Danish
   * engineers at a camp, where about 2,500 had arrived": personnel, Danish). A clause that
   * opens with a relative pronoun is searched back into the clause it hangs from.
   */
  nounBeforeWithParty(): { cls?: string; party?: Party } {
    const found = new Map<string, number>();
    const relative = /^(where|who|which|whom|whose)$/.test(this.tokens[this.cFirst + 1]?.lower ?? '') || /^(where|who|which|whom|whose)$/.test(this.tokens[this.cFirst]?.lower ?? '');
    const from = relative ? Math.max(0, this.cFirst - 12) : this.cFirst;
    const topic = this.topic;
    for (let i = this.fFirst - 1; i >= from && i >= this.fFirst - 12; i--) {
      const w = this.tokens[i].lower;
      // "military support": the forces' name as an adjective is no noun.
      const adjective = !!topic.forcesRe?.test(w) && ADJECTIVE_USE.test(` ${this.tokens[i + 1]?.lower ?? ''}`);
      const cls = (adjective ? undefined : topic.nounBefore.get(w)) ?? nounClassAt(topic, this.tokens, i);
      if (cls && !found.has(cls)) found.set(cls, i);
    }
    // "killed and wounded have topped 60,000": both together are casualties.
    const cls = found.has('killed') && found.has('injured') ? 'casualties' : topic.classOrder.find((c) => found.has(c));
    if (!cls) return {};
    const at = found.get(cls) ?? found.get('killed')!;
    // The adjective right before the noun: one word ("Danish") or two ("New Zealand").
    const word = (k: number) => this.tokens[k]?.lower ?? '';
    return { cls, party: nationalityOf(topic, `${word(at - 2)} ${word(at - 1)}`) ?? nationalityOf(topic, word(at - 1)) };
  }

  /** Whose formation or stock a figure names, from a possessive or adjective right before it. */
  possessiveBefore(): Party | undefined {
    // Owners nearest first; one ending before the gap could start cannot be joined to the figure.
    for (const i of this.view.ownersBefore(this.relStart, possessiveReach(this.lower, this.relStart))) {
      const m = this.mentions[i];
      if (this.sees(i) && POSSESSIVE_GAP.test(this.lower.slice(m.end, this.relStart))) return m.party;
    }
    return undefined;
  }

  /**
   * Who supplies: the topic's actor when the sentence (or the passage it continues) is about it and no
   * other supplier is the subject. Recipients ("supplied Norway with") do not count.
   */
  supplier(): Party | undefined {
    // The actor anywhere in the clause, else the first party the clause names (before the figure if
    // any is: "supplied by Norway" counts).
    const actor = this.topic.actor;
    let first: Party | undefined;
    for (let i = firstNotBefore(this.mentions, (m) => m.start < this.clauseStart); i < this.mentions.length && this.mentions[i].start < this.clauseEnd; i++) {
      const m = this.mentions[i];
      if (m.end > this.clauseEnd || isGroup(this.topic, m.party) || !this.sees(i) || RECIPIENT.test(this.lower.slice(Math.max(0, m.start - 30), m.start))) continue;
      if (m.party === actor) return actor;
      first ??= m.party;
    }
    // With no supplier named, whoever the figure's clause is about supplies, or else whom the passage was
    // about before this sentence (the unit and the forces are the actor's); with none at all, the actor.
    const inherited = isGroup(this.topic, this.inherited) ? actor : this.inherited;
    return first ?? inherited ?? actor;
  }

  /** The party named nearest before the figure in its clause (attributions excluded). */
  partyBefore(): Party | undefined {
    return this.nearestBefore((m) => !isGroup(this.topic, m.party));
  }

  /**
   * What the figure is about: the nearest party, unit or forces before it in its clause, else the
   * sentence's subject if named before the figure, else whom the passage was about ("… bring the total
   * to 12,000, 1% of the country's army": the army comes after, so it is not what the 12,000 are).
   */
  about(): Party | undefined {
    const before = this.topicBefore();
    if (before) return before;
    if (this.subjectAt === undefined || this.subjectAt < this.relStart) return this.subject;
    return this.inherited ?? this.subject;
  }

  /** The nearest party, unit or forces named before the figure in its clause. */
  topicBefore(): Party | undefined {
    return this.nearestBefore(() => true);
  }

  private nearestBefore(keep: (m: Mention) => boolean): Party | undefined {
    // The latest first; "in Norway", "to Norway" name a place or destination, not whom a figure is about.
    for (let i = firstNotBefore(this.mentions, (m) => m.start < this.relStart) - 1; i >= 0 && this.mentions[i].start >= this.clauseStart; i--) {
      const m = this.mentions[i];
      if (m.end <= this.relStart && !this.view.place[i] && this.sees(i) && keep(m)) return m.party;
    }
    return undefined;
  }
}

// Cue lists are fixed, so each word's pattern is compiled once.
const wordPatterns = new Map<string, RegExp>();
function wordPattern(word: string): RegExp {
  let re = wordPatterns.get(word);
  if (!re) wordPatterns.set(word, (re = new RegExp(`\\b${word}\\b`)));
  return re;
}

// Cue lists are fixed, so each list's words are split once (a list is looked up by identity, not by
// hashing each of its cues on every call).
const cueListWords = new WeakMap<string[], string[][]>();
function cueWords(cues: string[]): string[][] {
  let list = cueListWords.get(cues);
  if (!list) cueListWords.set(cues, (list = cues.map((c) => c.split(' '))));
  return list;
}

/** The topic's noun class of the word, or the longest noun of several words ("special forces"), at token i. */
function nounClassAt(topic: Topic, t: Token[], i: number): string | undefined {
  let words = t[i].lower;
  let found = topic.nounClass.get(words);
  for (let n = 1; n < topic.longestNoun && t[i + n]; n++) {
    words += ` ${t[i + n].lower}`;
    found = topic.nounClass.get(words) ?? found;
  }
  return found;
}

/** The earliest offset an owner can end at and still be joined by POSSESSIVE_GAP to a figure at `at`. */
function possessiveReach(lower: string, at: number): number {
  const blanksBefore = (i: number) => {
    while (i > 0 && /\s/.test(lower[i - 1])) i--;
    return i;
  };
  // The blanks before the figure, a qualifier, the blanks before that, and "'s".
  return blanksBefore(Math.max(0, blanksBefore(at) - POSSESSIVE_QUALIFIER_REACH)) - 2;
}
