// A figure and its surroundings in a sentence: the clause it stands in, the cue words near it, its
// head noun and the parties named before it. Typing rules (measures.ts) ask it questions.
import { CUES, NOT_NOUNS, NOUN_CLASSES, NOUN_MODIFIERS, nationalityOf, type Party } from './lexicon';
import { ADJECTIVE_USE, spans, type Mention } from './mentions';
import type { Token } from './tokens';
import type { Figure, Sentence } from './types';

const AUXILIARIES = new Set(['has', 'have', 'had']);
const COPULAS = new Set(['is', 'was', 'are', 'were', 'remains', 'stands', 'would', 'will', 'could', 'might', 'may']);
// Verbs that can follow a bare figure ("the 1,500 sent first"): never its noun.
const VERBS_AFTER = new Set([...CUES.deployVerbs, ...CUES.supply, ...CUES.killed, ...CUES.injured, ...CUES.lost]);
// Between an owner and its figure: "North Korea's 1.2 million", "the North's more than one million".
const POSSESSIVE_GAP = /^(['’]s)?\s*((more|fewer|less) than|over|under|about|around|some|nearly|almost|roughly|up to|at least|an estimated)?\s*$/;
const COUNTRY_NOUNS = /^(north korea\b(?!n)|south korea\b(?!n)|russia\b|ukraine\b|pyongyang|moscow|kyiv|seoul|washington|the north\b)/;
const LOCATIVE_BEFORE = /\b(in|to|into|towards?|inside|across|near|at)\s+(the\s+)?$/;
// An aside that closes before a figure: "China, which accounts for 90% of North Korea's trade, has…".
const ASIDE = /,\s+(?:which|who|whose)\b[^,;]*,/g;
// A colon or a parenthesis does not end a clause: "Storm Corps strength: 40,000–80,000",
// "First wave (special forces) 1,500".
const CLAUSE_BREAK = /;|,\s+(?:and|but|while|with|which|where|when|who|although|though|whereas|as)\b/g;

/** What a sentence, and the passage before it, tell every figure in it. */
export interface SentenceFrame {
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
  /** Whose troops the passage last spoke of ("North Korean soldiers"). */
  troopsInPassage?: Party;
}

/** Contexts for every figure of a sentence, sharing its word positions and clause breaks. */
export function figureContexts(frame: SentenceFrame, figures: Figure[]): FigureContext[] {
  const { sentence, tokens } = frame;
  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const list = positions.get(t.lower);
    if (list) list.push(i);
    else positions.set(t.lower, [i]);
  });
  const breaks = spans(sentence.text, CLAUSE_BREAK).map((b) => b.start);
  const asides = spans(sentence.text.toLowerCase(), ASIDE);
  return figures.map((f, k) => {
    // Only a count competes for the words after it; a date or an ordinal does not ("… killed or wounded since February 2022").
    const next = figures.slice(k + 1).find((g) => g.kind === 'count' || g.kind === 'money' || g.kind === 'percent');
    const nextFigure = next ? tokens.findIndex((t) => t.end > next.start - sentence.start) : Infinity;
    // An aside closed before the figure neither ends its clause nor lends it a party.
    const rel = f.start - sentence.start;
    const closed = asides.filter((a) => a.end <= rel);
    const open = breaks.filter((b) => !closed.some((a) => a.start === b));
    const seen = frame.mentions.filter((m) => !closed.some((a) => m.start >= a.start && m.end <= a.end));
    return new FigureContext(frame, f, positions, nextFigure, open, seen);
  });
}

/** A figure and its surroundings, with the measurements typing rules ask for. */
export class FigureContext {
  readonly lower: string;
  readonly clauseLower: string;
  readonly sentence: Sentence;
  readonly subject: Party | undefined;
  readonly troopsInPassage: Party | undefined;
  private readonly tokens: Token[];
  private readonly previous: string | undefined;
  private readonly inherited: Party | undefined;
  private readonly subjectAt: number | undefined;
  private readonly fFirst: number;
  private readonly fLast: number;
  private readonly cFirst: number;
  private readonly cLast: number;

  constructor(
    frame: SentenceFrame,
    readonly figure: Figure,
    private readonly positions: Map<string, number[]>,
    /** Token index where the sentence's next count starts (Infinity for the last). */
    private readonly nextFigure: number,
    breaks: number[],
    /** The sentence's mentions this figure can see (asides closed before it left out). */
    readonly mentions: Mention[],
  ) {
    const { sentence, tokens } = frame;
    this.sentence = sentence;
    this.tokens = tokens;
    this.subject = frame.subject;
    this.subjectAt = frame.subjectAt;
    this.previous = frame.previous;
    this.inherited = frame.inherited;
    this.troopsInPassage = frame.troopsInPassage;
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
    this.clauseEnd = ce;
  }

  private readonly relStart: number;
  private readonly clauseStart: number;
  private readonly clauseEnd: number;

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
   * `after` / `before`: only cues after / before the figure; `sentence`: the whole sentence, not the
   * clause; `afterPenalty`: added to distances after the figure; `own`: only cues this figure owns —
   * words that modify one figure ("5,000 more", "100 killed") are not another's past the next count.
   */
  cueDistance(cues: string[], opts: { after?: boolean; before?: boolean; sentence?: boolean; afterPenalty?: number; own?: boolean } = {}): number {
    let best = Infinity;
    const first = opts.sentence ? 0 : this.cFirst;
    const last = opts.sentence ? this.tokens.length - 1 : this.cLast;
    for (const cue of cues) {
      const ws = cueWords(cue);
      for (const i of this.positions.get(ws[0]) ?? []) {
        if (i < first || i + ws.length - 1 > last) continue;
        if (opts.own && i > this.fLast && i >= this.nextFigure) continue;
        if (i >= this.fFirst && i <= this.fLast) continue;
        if (ws.length > 1 && !ws.every((w, n) => this.tokens[i + n]?.lower === w)) continue;
        // "more than" is a bound on the figure, not a cue; "has been sent" is an auxiliary, not possession.
        if (ws[0] === 'more' && this.tokens[i + 1]?.lower === 'than') continue;
        if (AUXILIARIES.has(ws[0]) && /^(been|being|already|now|also|since)$|(ed|en)$/.test(this.tokens[i + 1]?.lower ?? '')) continue;
        const end = i + ws.length - 1;
        if (end < this.fFirst && opts.after) continue;
        if (i > this.fLast && opts.before) continue;
        const d = end < this.fFirst ? this.fFirst - end : i - this.fLast + (opts.afterPenalty ?? 0);
        if (d < best) best = d;
      }
    }
    return best;
  }

  /** The counted noun after the figure, skipping modifiers; its nationality if one is written. */
  headNoun(): { cls?: string; word?: string; unknown?: string; party?: Party; stopped?: boolean } {
    let party: Party | undefined;
    const t = this.tokens;
    for (let i = this.fLast + 1; i <= this.cLast && i <= this.fLast + 8; i++) {
      const w = t[i].lower;
      if (t[i].type === 'sym' && w !== '-' && w !== '’' && w !== "'") break;
      // "a million people under arms"
      const cls = nounClassAt(t, i) ?? (/^(people|men|citizens)$/.test(w) && t[i + 1]?.lower === 'under' && t[i + 2]?.lower === 'arms' ? 'troops' : undefined);
      if (cls) {
        this.headEnd = i;
        return { cls, word: w, party };
      }
      party ??= nationalityOf(`${w} ${t[i + 1]?.lower ?? ''}`);
      // "the first of 12,000 North Korea plans to send": a country starts a new clause, it is not counted.
      if (COUNTRY_NOUNS.test(`${w} ${t[i + 1]?.lower ?? ''}`)) return { party, stopped: true };
      if (NOUN_MODIFIERS.has(w) || /^korean/.test(w) || /^russian|^ukrainian/.test(w)) continue;
      if (NOT_NOUNS.has(w) || t[i].type === 'num' || VERBS_AFTER.has(w)) break;
      if (/^[a-z]+(ed|ing|ly)$/.test(w) && !/^(united|armed)$/.test(w)) break;
      return { unknown: t[i].text, party };
    }
    return { party };
  }

  private headEnd = -1;

  /**
   * With no noun beside the figure, a troop noun later in its clause: "the figure of 12,000 is where
   * Seoul expects the North Korean force to end up".
   */
  nounLater(): string | undefined {
    // Only where the figure stands alone as a subject ("12,000 is…"), never "Part 2 of 3: what the troops…".
    if (!COPULAS.has(this.tokens[this.fLast + 1]?.lower ?? '')) return undefined;
    for (let i = this.fLast + 1; i <= this.cLast && i <= this.fLast + 12; i++) if (nounClassAt(this.tokens, i) === 'troops') return 'troops';
    return undefined;
  }

  /**
   * Troops named in the sentence a leading pronoun points back to ("… the initial group of North Korean
   * special forces … It put their number at 15,000"), and whose they are.
   */
  troopsCarriedOver(): { party?: Party } | undefined {
    if (!this.previous || !this.carriedOver(NOUN_CLASSES.troops)) return undefined;
    return /\bnorth korean\s+(?:[a-z-]+\s+){0,2}(troops|soldiers|forces|fighters|commandos)\b/.test(this.previous) ? { party: 'nk' } : {};
  }

  /** The party, corps or military named right after the head noun ("-strong army"). */
  mentionAfter(): Party | undefined {
    const after = this.tokens[this.headEnd + 1];
    if (!after) return undefined;
    const at = after.start;
    return this.mentions.find((m) => m.start >= at && m.start <= at + 12)?.party;
  }

  /** A noun class named just before the figure: "a force of 12,000", "the death toll reached 100". */
  nounBefore(): string | undefined {
    return this.nounBeforeWithParty().cls;
  }

  /**
   * The noun class named before the figure and the party of the words right before that noun ("North
   * Korean soldiers at a camp, where about 2,500 had arrived": troops, North Korean). A clause that
   * opens with a relative pronoun is searched back into the clause it hangs from.
   */
  nounBeforeWithParty(): { cls?: string; party?: Party } {
    const found = new Map<string, number>();
    const relative = /^(where|who|which|whom|whose)$/.test(this.tokens[this.cFirst + 1]?.lower ?? '') || /^(where|who|which|whom|whose)$/.test(this.tokens[this.cFirst]?.lower ?? '');
    const from = relative ? Math.max(0, this.cFirst - 12) : this.cFirst;
    for (let i = this.fFirst - 1; i >= from && i >= this.fFirst - 12; i--) {
      const w = this.tokens[i].lower;
      const adjective = (w === 'military' || w === 'army') && ADJECTIVE_USE.test(` ${this.tokens[i + 1]?.lower ?? ''}`);
      const cls = w === 'toll' ? 'killed' : ['force', 'contingent', 'army', 'military'].includes(w) && !adjective ? 'troops' : nounClassAt(this.tokens, i);
      if (cls && !found.has(cls)) found.set(cls, i);
    }
    // "killed and wounded have topped 60,000": both together are casualties.
    const cls = found.has('killed') && found.has('injured') ? 'casualties' : ['casualties', 'killed', 'injured', 'shells', 'missiles', 'troops'].find((c) => found.has(c));
    if (!cls) return {};
    const at = found.get(cls) ?? found.get('killed')!;
    // The adjective right before the noun: one word ("Russian") or two ("North Korean").
    const word = (k: number) => this.tokens[k]?.lower ?? '';
    return { cls, party: nationalityOf(`${word(at - 2)} ${word(at - 1)}`) ?? nationalityOf(word(at - 1)) };
  }

  /** Whose formation or stock a figure names, from a possessive or adjective right before it. */
  possessiveBefore(): Party | undefined {
    const prev = this.mentions.filter((m) => m.end <= this.relStart && m.party !== 'corps' && POSSESSIVE_GAP.test(this.lower.slice(m.end, this.relStart)));
    return prev[prev.length - 1]?.party;
  }

  /**
   * Who supplies: North Korea when the sentence (or the passage it continues) is about North Korea and
   * no other supplier is the subject. Recipients ("supplied Russia with") do not count.
   */
  supplier(): Party | undefined {
    const recipient = /\b(supplied|supplying|shipped|shipping|sent|sending|provided|providing|delivered|gave|sold|to|for|assisting|aid|aiding|helping|of)\s+(the\s+)?$/;
    const candidates = this.mentions.filter(
      (m) => m.start >= this.clauseStart && m.end <= this.clauseEnd && m.party !== 'corps' && m.party !== 'military' && !recipient.test(this.lower.slice(Math.max(0, m.start - 30), m.start)),
    );
    // North Korea anywhere in the clause, else a party named before the figure ("supplied by North Korea" counts).
    if (candidates.some((m) => m.party === 'nk')) return 'nk';
    const before = candidates.filter((m) => m.end <= this.relStart).map((m) => m.party);
    if (before.length) return before[0];
    // With no supplier named, whoever the figure's clause is about supplies, or else whom the passage was
    // about before this sentence (the corps and the military are North Korea's); with none at all, the
    // domain's: North Korea.
    const inherited = this.inherited === 'corps' || this.inherited === 'military' ? 'nk' : this.inherited;
    return candidates[0]?.party ?? inherited ?? 'nk';
  }

  /** The party named nearest before the figure in its clause (attributions excluded). */
  partyBefore(): Party | undefined {
    return this.nearestBefore((m) => m.party !== 'corps' && m.party !== 'military');
  }

  /**
   * What the figure is about: the nearest party, corps or military before it in its clause, else the
   * sentence's subject if named before the figure, else whom the passage was about ("… bring the total
   * to 12,000, 1% of the North's army": the army comes after, so it is not what the 12,000 are).
   */
  topic(): Party | undefined {
    const before = this.topicBefore();
    if (before) return before;
    if (this.subjectAt === undefined || this.subjectAt < this.relStart) return this.subject;
    return this.inherited ?? this.subject;
  }

  /** The nearest party, corps or military named before the figure in its clause. */
  topicBefore(): Party | undefined {
    return this.nearestBefore(() => true);
  }

  private nearestBefore(keep: (m: Mention) => boolean): Party | undefined {
    let best: Mention | undefined;
    for (const m of this.mentions) {
      // "in Russia", "to Russia" name a place or destination, not whom a figure is about.
      const place = LOCATIVE_BEFORE.test(this.lower.slice(Math.max(0, m.start - 10), m.start));
      if (m.end <= this.relStart && m.start >= this.clauseStart && !place && keep(m)) best = m;
    }
    return best?.party;
  }
}

// Cue lists are fixed, so each word's pattern is compiled once.
const wordPatterns = new Map<string, RegExp>();
function wordPattern(word: string): RegExp {
  let re = wordPatterns.get(word);
  if (!re) wordPatterns.set(word, (re = new RegExp(`\\b${word}\\b`)));
  return re;
}

const cueWordCache = new Map<string, string[]>();
function cueWords(cue: string): string[] {
  let ws = cueWordCache.get(cue);
  if (!ws) cueWordCache.set(cue, (ws = cue.split(' ')));
  return ws;
}

const NOUN_CLASS = new Map(Object.entries(NOUN_CLASSES).flatMap(([cls, nouns]) => nouns.map((n) => [n, cls] as const)));

/** The noun class of the word (or two-word noun, "special forces") at token i. */
function nounClassAt(t: Token[], i: number): string | undefined {
  const next = t[i + 1];
  return (next && NOUN_CLASS.get(`${t[i].lower} ${next.lower}`)) || NOUN_CLASS.get(t[i].lower);
}
