// Measure typing: decides what each figure measures from its noun, its neighbours and its sentence.
// General rules over the lexicon's word classes; the nearest cue to a figure wins between readings.
import { figureContexts, type FigureContext, type SentenceFrame } from './figureContext';
import { CORPS_NAMES, CUES, DATE_EVENTS, TROOP_WAVES, nationalityOf, type Party } from './lexicon';
import { sentenceMentions, subjectOf } from './mentions';
import type { Frame } from './frames/frame';
import type { Token } from './tokens';
import type { Figure, Sentence, TypedFigure } from './types';

/** Per-document state carried from sentence to sentence: who "it" and "they" are. */
export interface Discourse {
  subject?: Party;
  /** Whose troops the passage last spoke of. */
  troops?: Party;
  /** The previous sentence, lower-cased, for a sentence that opens with a pronoun. */
  previous?: string;
}

const TROOPS_OF = /\b(north korean|south korean|russian|ukrainian)\s+(?:[a-z-]+\s+){0,2}(?:troops|soldiers|forces|fighters|commandos)\b/;
const FIRST_PERSON = /\b(we|our|ours)\b/;
const PRONOUN_START = /^(it|its|they|their|them|he|she|his|her|these|those|this|that)\b/i;

/** Types every figure of one sentence; updates the discourse subject for the next one. */
export function typeSentence(sentence: Sentence, figures: Figure[], discourse: Discourse, tokens: Token[], frameOf: (k: number) => Frame): TypedFigure[] {
  const lower = sentence.text.toLowerCase();
  const { mentions, speakers } = sentenceMentions(sentence.text, lower, figures.length > 0);
  const pronounStart = PRONOUN_START.test(sentence.text.trim());
  const first = subjectOf(mentions, lower);
  // "'We have lost 43,000 soldiers,' Zelensky said": "we" is whoever says it.
  const speaker = FIRST_PERSON.test(lower) ? speakers[0]?.party : undefined;
  const frame: SentenceFrame = {
    sentence,
    tokens,
    mentions,
    subject: speaker ?? (pronounStart ? discourse.subject : undefined) ?? first?.party ?? discourse.subject,
    subjectAt: first?.start,
    previous: pronounStart ? discourse.previous : undefined,
    inherited: discourse.subject,
    troopsInPassage: discourse.troops,
  };
  if (!pronounStart && first) discourse.subject = first.party;
  else if (!discourse.subject && frame.subject) discourse.subject = frame.subject;
  discourse.previous = lower;
  const troops = TROOPS_OF.exec(lower)?.[1];
  if (troops) discourse.troops = nationalityOf(troops);
  frame.troopsInPassage ??= discourse.troops;
  if (!figures.length) return [];
  // "South Korea … Its army numbers 500,000": the army is the subject's, not North Korea's.
  const owner = frame.subject;
  if (owner && !['nk', 'corps', 'military'].includes(owner))
    for (const m of mentions) if (m.party === 'military' && /\b(its|their)\s+$/.test(lower.slice(Math.max(0, m.start - 7), m.start))) m.party = owner;
  // The figures are this sentence's own, fresh from the grammar: typed in place rather than copied.
  return figureContexts(frame, figures).map((c, k) =>
    Object.defineProperty(Object.assign(c.figure, typeFigure(c), { sentence }), 'frame', { get: () => frameOf(k), enumerable: true }) as TypedFigure,
  );
}

type Typing = Pick<TypedFigure, 'measure' | 'alternates' | 'untypedReason' | 'notAClaim'>;

const untyped = (reason: string): Typing => ({ untypedReason: reason });
/** A figure that states nothing a source could: a label, a time of day, a figure the draft denies. */
const notAClaim = (reason: string): Typing => ({ untypedReason: reason, notAClaim: true });
const LABEL_WORDS = new Set([
  'part', 'section', 'chapter', 'page', 'pages', 'clause', 'paragraph', 'item', 'room', 'step',
  'phase', 'round', 'episode', 'volume', 'vol', 'issue', 'annex', 'appendix', 'exhibit', 'table', 'fig', 'figure',
  'tier', 'level', 'grade', 'version', 'route', 'highway', 'gate', 'platform', 'flight', 'resolution', 'p', 'pp',
  'no', 'fig',
]);
// Cues that modify a single figure: past the next figure they are that figure's.
const OWN = { own: true };

// "1,000 casualties a day", "$2,000 a month": a rate, which no source states.
const RATE = /^(?:[a-z'’-]+ ){0,3}(a|per|each|every) (day|week|month|year)\b|^(?:[a-z'’-]+ ){0,3}(daily|weekly|monthly|annually|yearly)\b/;

function typeFigure(c: FigureContext): Typing {
  // "put not at 15,000 but at 12,000", "rather than 15,000": a figure the draft itself denies.
  if (c.wordBefore() === 'not' || (c.wordBefore(2) === 'not' && /^(at|by|in|to|about|around|some)$/.test(c.wordBefore() ?? '')) || /^(rather than|instead of)$/.test(`${c.wordBefore(2)} ${c.wordBefore()}`))
    return notAClaim('a figure the draft itself sets aside');
  if (c.figure.kind !== 'date' && c.figure.kind !== 'ordinal' && RATE.test(c.after(6).map((t) => t.lower).join(' ')))
    return untyped('a rate over time');
  switch (c.figure.kind) {
    case 'time':
      return notAClaim('a time of day');
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

function typeDate(c: FigureContext): Typing {
  // "aid during the 1980s": a period, not the date of an event.
  if (/^(during|throughout|over)$/.test(c.wordBefore() ?? '') || (c.wordBefore() === 'the' && /^(during|throughout)$/.test(c.wordBefore(2) ?? '')))
    return untyped('a period, not the date of an event the sources date');
  let best: { measure: string; d: number } | undefined;
  const text = c.clauseLower + (c.startsWithPronoun ? ` ${c.previousLower}` : '');
  for (const e of DATE_EVENTS) {
    if (!e.needs.every((re) => re.test(text)) || (e.accepts && !e.accepts(c.figure.date?.year, text))) continue;
    // An event usually comes before its date ("signed in June"), so a cue after the date counts a
    // little less; a cue too far off is about something else.
    const d = c.cueDistance(e.cues, { afterPenalty: 0.5 });
    if (d <= 12 && d < (best?.d ?? Infinity)) best = { measure: e.measure, d };
    // "It was signed in June": the event named in the sentence before.
    if (!best && c.startsWithPronoun && c.cueDistance(e.cues.filter((w) => /^[a-z]+(ed|ified)$/.test(w)), { afterPenalty: 0.5 }) <= 4) best = { measure: e.measure, d: 4 };
  }
  if (best) return { measure: best.measure };
  if (c.wordBefore() === 'since' && /\b(lost|losses|casualties|killed|wounded)\b/.test(c.clauseLower)) return { measure: 'invasion.start' };
  return untyped('a date the sources do not tie to any event in this sentence');
}

function typeDuration(c: FigureContext): Typing {
  if (/\b(armistice|korean war)\b/.test(c.lower)) return { measure: 'armistice.yearsSince' };
  if (/\b(grown|grew|grow|drawn|drew|become|became|moved|come)\s+(ever\s+)?closer\b/.test(c.clauseLower) && (c.names('nk', 'ru') || c.subject === 'nk' || c.subject === 'ru' || /\b(allies|the two (countries|nations|sides)|both (countries|nations|sides))\b/.test(c.clauseLower)))
    return { measure: 'ties.yearsCloser' };
  if (/\b(war|conflict|invasion|fighting)\b/.test(c.clauseLower) && (/old$/.test(c.figure.text) || /\b(lasted|raged|entered|running|into|for|long|old|ago|anniversary)\b/.test(c.clauseLower)))
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

const CORPS_RE = new RegExp(`\\b(${CORPS_NAMES.filter((n) => !/^(the|this|that) /.test(n)).join('|')})\\b`);

// Words that may stand between a share and its "of": "a 30% share of", "three in ten members of".
const SHARE_WORDS = new Set(['share', 'portion', 'proportion', 'fraction', 'part', 'slice', 'members', 'soldiers', 'troops', 'personnel', 'fighters']);

function typePercent(c: FigureContext): Typing {
  // "30% of the corps", "a 30% share of the corps".
  const after = c.after(10);
  const of = after.findIndex((t, i) => t.lower === 'of' && after.slice(0, i).every((w) => SHARE_WORDS.has(w.lower)));
  if (of < 0) {
    // A table row or label: "Storm Corps share deployed | up to 45%".
    if (/\b(share|portion|proportion|percentage)\b/.test(c.clauseLower) && c.topicBefore() === 'corps' && c.cueDistance(CUES.deploy) < Infinity)
      return { measure: 'corps.shareDeployed' };
    return untyped('a percentage of something the sources do not measure');
  }
  const complement = after.slice(of + 1).map((t) => t.lower).join(' ');
  const namesCorps = CORPS_RE.test(complement);
  const possessive = (/^(its|their)\b/.test(complement) && /\b(strength|soldiers|troops|members|personnel|force|forces|ranks|fighters)\b/.test(complement)) || /^(it|them)\b/.test(complement);
  const corpsInView = c.names('corps') || c.subject === 'corps';
  if (c.cueDistance(CUES.killed) < Infinity || c.cueDistance(CUES.injured) < Infinity) return untyped('a share of losses the sources do not give');
  if (namesCorps || (possessive && corpsInView)) return { measure: 'corps.shareDeployed' };
  return untyped(`a percentage of ${complement.split(' ').slice(0, 4).join(' ')}, which the sources do not measure`);
}

function typeMoney(c: FigureContext): Typing {
  // "Its arms deliveries were large. They are valued at $5.5 billion": the arms may be named before "They".
  const arms = c.cueDistance(CUES.arms) < Infinity || c.carriedOver(CUES.arms);
  if (!arms || !(c.cueDistance(CUES.value) < Infinity || c.cueDistance(CUES.supply) < Infinity))
    return untyped('a sum of money the sources do not tie to the arms supplies');
  const supplier = c.supplier();
  if (supplier !== 'nk') return untyped(`${partyName(supplier ?? 'other')} money, which the sources do not total`);
  return { measure: 'arms.value' };
}

function typeCount(c: FigureContext): Typing {
  // "Article 51 of the United Nations Charter": a reference, whose number the sources give for the UN Charter.
  if (c.wordBefore() === 'article') {
    const after = c.after(6).map((t) => t.lower).join(' ');
    return /^of the (united nations|un) charter\b/.test(after) ? { measure: 'unCharter.article' } : untyped('an article of a document the sources do not cite');
  }
  // "Part 2", "page 12", "p. 283", "room 1500": a label, not a quantity.
  const label = c.labelBefore();
  if (label && LABEL_WORDS.has(label)) return notAClaim(`a ${label} number, not a quantity`);
  const noun = c.headNoun();
  if (noun.unknown) return untyped(`the sources count no "${noun.unknown}"`);
  // "10,000 of them": a share of the group the passage is about.
  const partitive = /^of (them|these|those|whom)\b/.test(c.after(2).map((t) => t.lower).join(' ')) && (c.subject === 'nk' || c.subject === 'corps');
  const carried = noun.cls || noun.stopped ? undefined : c.troopsCarriedOver();
  const before = noun.cls ? {} : c.nounBeforeWithParty();
  const cls = noun.cls ?? before.cls ?? (partitive ? 'troops' : undefined) ?? (noun.stopped ? undefined : c.nounLater()) ?? (carried ? 'troops' : undefined);
  const party = noun.party ?? before.party ?? c.partyBefore() ?? carried?.party ?? c.subject;

  const casualty = casualtyKind(c, cls);
  if (casualty) {
    if (party && ['ua', 'us', 'sk', 'other'].includes(party)) return untyped(`${partyName(party)} losses, which the sources do not count`);
    const side = party === 'ru' ? 'ru' : 'nk';
    return casualty === 'lost' ? { measure: `${side}.killed`, alternates: [`${side}.casualties`] } : { measure: `${side}.${casualty}` };
  }
  if (cls === 'shells' || cls === 'missiles') {
    // Without a supply verb, shells are North Korea's unless another party is named before them
    // ("Russia fires 10,000 shells").
    const supplier = noun.party ?? (c.cueDistance(CUES.supply) < Infinity ? c.supplier() : (c.partyBefore() ?? 'nk'));
    if (supplier !== 'nk') return untyped(`${cls} that the sources do not say North Korea supplied`);
    return { measure: cls === 'shells' ? 'shells.supplied' : 'missiles.supplied' };
  }
  if (cls === 'troops' || (!cls && isBareDeployment(c))) {
    if (noun.party && noun.party !== 'nk') return untyped(`${partyName(noun.party)} troops, which the sources do not count`);
    const topic = c.topic();
    if (party && ['ru', 'ua', 'us', 'sk', 'other'].includes(party) && topic !== 'corps' && topic !== 'military')
      return untyped(`${partyName(party)} troops, which the sources do not count`);
    // "its 80,000 soldiers": the soldiers of whatever "it" is.
    if (/^(its|their)$/.test(c.wordBefore() ?? '')) {
      if (c.subject === 'corps') return { measure: 'corps.size' };
      if (c.subject === 'military' || c.subject === 'nk') return { measure: 'nk.militarySize', alternates: TROOP_WAVES };
    }
    const size = Math.min(c.cueDistance(CUES.size), c.cueDistance(CUES.possession));
    const deploy = c.cueDistance(CUES.deploy);
    const other = c.cueDistance(CUES.otherEvents);
    if (other < Math.min(size, deploy)) return untyped('soldiers counted for something the sources do not count');
    // "a 1.2 million-strong army", "the 40,000-strong Storm Corps": the noun after "strong" is what is measured.
    const strongOf = noun.word === 'strong' ? c.mentionAfter() : undefined;
    if (strongOf === 'military') return { measure: 'nk.militarySize' };
    // The corps or the military with a size word nearer than any deployment word, or in a sentence
    // that speaks of no deployment at all: its size.
    const sized = size < deploy || c.cueDistance(CUES.deploy, { sentence: true }) === Infinity;
    if (strongOf === 'corps' || (topic === 'corps' && sized)) return { measure: 'corps.size' };
    if (topic === 'military' && sized) return { measure: 'nk.militarySize' };
    // "North Korea has about 10,000 troops", "North Korea's 1.2 million troops": its military's size,
    // unless the count is of the deployment.
    if (c.possessiveBefore() === 'nk' || (topic === 'nk' && deploy === Infinity && c.cueDistance(CUES.possession) < Infinity))
      return { measure: 'nk.militarySize', alternates: TROOP_WAVES };
    return typeWave(c);
  }
  if (!cls && c.topic() === 'corps' && c.cueDistance(CUES.size) < Infinity) return { measure: 'corps.size' };
  return untyped('a figure with no noun the sources count');
}

/**
 * With no noun, "North Korea sent 10,000 to Russia" reads as troops: a deploy verb near the figure and
 * North Korea named ("Dispatch 12" in a heading is not a count). So do "a further 10,500 were to
 * follow" in a passage about North Korea's troops and "the 1,500 sent first" where no one else is
 * named (North Korea is the subject of the domain).
 */
function isBareDeployment(c: FigureContext): boolean {
  const aboutNk = c.subject === undefined || c.subject === 'nk' || c.subject === 'corps' || c.troopsInPassage === 'nk';
  if (c.cueDistance(CUES.deployVerbs) <= 6) {
    if (c.names('nk')) return true;
    if (aboutNk && c.namesOnly('nk', 'corps')) return true;
  }
  return aboutNk && Math.min(c.cueDistance(CUES.additional, OWN), totalDistance(c), c.cueDistance(CUES.firstWave, OWN)) <= 3;
}

function totalDistance(c: FigureContext): number {
  return Math.min(c.cueDistance(CUES.totalBefore, { before: true, own: true }), c.cueDistance(CUES.totalAfter, { after: true, own: true }));
}

/** Which part of the deployment a count of North Korean troops describes. */
function typeWave(c: FigureContext): Typing {
  const d = {
    'troops.additional': c.cueDistance(CUES.additional, OWN),
    // "the first 1,500": an ordinal right before the count names the wave.
    'troops.firstWave': ['first', 'initial'].includes(c.wordBefore() ?? '') ? 1 : c.cueDistance(CUES.firstWave, OWN),
    'troops.sent': totalDistance(c),
  };
  const best = (Object.entries(d) as [string, number][]).sort((a, b) => a[1] - b[1])[0];
  if (best[1] < Infinity) return { measure: best[0] };
  // "… tracked the initial group to Russia's Far East. It put their number at 15,000."
  if (c.carriedOver(CUES.firstWave)) return { measure: 'troops.firstWave' };
  if (c.carriedOver(CUES.additional)) return { measure: 'troops.additional' };
  // No wave is named: the count may describe any wave, and the weak cues only decide which leads.
  const primary = c.cueDistance(CUES.firstWaveWeak, OWN) < Infinity ? 'troops.firstWave' : 'troops.sent';
  return { measure: primary, alternates: TROOP_WAVES.filter((m) => m !== primary) };
}

function casualtyKind(c: FigureContext, cls: string | undefined): 'killed' | 'injured' | 'casualties' | 'lost' | undefined {
  // A head noun that is itself a casualty word decides, unless "or wounded" joins another.
  const after = c.after(8).map((t) => t.lower);
  const killedNear = c.cueDistance(CUES.killed, { after: true, own: true }) < Infinity;
  const injuredNear = c.cueDistance(CUES.injured, { after: true, own: true }) < Infinity;
  if (cls === 'casualties') return 'casualties';
  if (cls === 'killed') return injuredNear && joined(after, CUES.injured) ? 'casualties' : 'killed';
  if (cls === 'injured') return killedNear && joined(after, CUES.killed) ? 'casualties' : 'injured';
  if (cls && cls !== 'troops') return undefined;
  if (killedNear && injuredNear) return 'casualties';
  if (killedNear) return 'killed';
  if (injuredNear) return 'injured';
  if (c.cueDistance(CUES.losses, OWN) < Infinity) return 'casualties';
  if (c.cueDistance(CUES.lost, OWN) < Infinity) return 'lost';
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

