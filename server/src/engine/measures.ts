// Measure typing: decides what each figure measures from its noun, its neighbours and its sentence.
// General rules over a topic's word classes (topic.ts, from a corpus's corpus.json); the nearest cue to a
// figure wins between readings. Without a topic only what no source could state is marked.
import { figureContexts, type FigureContext, type SentenceFrame } from './figureContext';
import { sentenceMentions, subjectOf } from './mentions';
import { isGroup, nationalityOf, partyName, topicOf, type Condition, type Party, type Topic } from './topic';
import type { Frame } from './frames/frame';
import type { Token } from './tokens';
import type { Figure, Sentence, TypedFigure } from './types';

/** Per-document state carried from sentence to sentence: who "it" and "they" are. */
export interface Discourse {
  subject?: Party;
  /** Whose people the passage last spoke of. */
  people?: Party;
  /** The previous sentence, lower-cased, for a sentence that opens with a pronoun. */
  previous?: string;
}

const FIRST_PERSON = /\b(we|our|ours)\b/;
const PRONOUN_START = /^(it|its|they|their|them|he|she|his|her|these|those|this|that)\b/i;

/**
 * Types every figure of one sentence by the topic's measures (or, with none, only marks what is no
 * claim); updates the discourse subject for the next one.
 */
export function typeSentence(topic: Topic | undefined, sentence: Sentence, figures: Figure[], discourse: Discourse, tokens: Token[], frameOf: (k: number) => Frame): TypedFigure[] {
  if (!topic) return figureContexts({ topic: NO_TOPIC, sentence, tokens, mentions: [] }, figures).map((c, k) => typed(c.figure, claimOrNot(c) ?? {}, sentence, frameOf, k));
  const lower = sentence.text.toLowerCase();
  const { mentions, speakers } = sentenceMentions(topic, sentence.text, lower, figures.length > 0);
  const pronounStart = PRONOUN_START.test(sentence.text.trim());
  const first = subjectOf(topic, mentions, lower);
  // "'We have lost 43,000 jobs,' the minister said": "we" is whoever says it.
  const speaker = FIRST_PERSON.test(lower) ? speakers[0]?.party : undefined;
  const frame: SentenceFrame = {
    topic,
    sentence,
    tokens,
    mentions,
    subject: speaker ?? (pronounStart ? discourse.subject : undefined) ?? first?.party ?? discourse.subject,
    subjectAt: first?.start,
    previous: pronounStart ? discourse.previous : undefined,
    inherited: discourse.subject,
    peopleInPassage: discourse.people,
  };
  if (!pronounStart && first) discourse.subject = first.party;
  else if (!discourse.subject && frame.subject) discourse.subject = frame.subject;
  discourse.previous = lower;
  const people = topic.peopleOf?.exec(lower)?.[1];
  if (people) discourse.people = nationalityOf(topic, people);
  frame.peopleInPassage ??= discourse.people;
  if (!figures.length) return [];
  // "Spain … Its army numbers 120,000": the army is the subject's, not the actor's.
  const owner = frame.subject;
  if (owner && owner !== topic.actor && !isGroup(topic, owner))
    for (const m of mentions) if (m.party === topic.forces?.id && /\b(its|their)\s+$/.test(lower.slice(Math.max(0, m.start - 7), m.start))) m.party = owner;
  return figureContexts(frame, figures).map((c, k) => typed(c.figure, claimOrNot(c) ?? typeFigure(c, topic), sentence, frameOf, k));
}

/** The figure, typed in place (the figures are the sentence's own, fresh from the grammar), its frame read when first asked for. */
function typed(f: Figure, typing: Typing, sentence: Sentence, frameOf: (k: number) => Frame, k: number): TypedFigure {
  return Object.defineProperty(Object.assign(f, typing, { sentence }), 'frame', { get: () => frameOf(k), enumerable: true }) as TypedFigure;
}

type Typing = Pick<TypedFigure, 'measure' | 'alternates' | 'untypedReason' | 'notAClaim'>;

/** Sentences typed with no topic still need contexts: this one names nothing and counts nothing. */
const NO_TOPIC = topicOf({});

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

/** What any reading, with or without a topic, sets apart: figures that state nothing a source could. */
function claimOrNot(c: FigureContext): Typing | undefined {
  // "put not at 15,000 but at 12,000", "rather than 15,000": a figure the draft itself denies.
  if (c.wordBefore() === 'not' || (c.wordBefore(2) === 'not' && /^(at|by|in|to|about|around|some)$/.test(c.wordBefore() ?? '')) || /^(rather than|instead of)$/.test(`${c.wordBefore(2)} ${c.wordBefore()}`))
    return notAClaim('a figure the draft itself sets aside');
  if (c.figure.kind !== 'date' && c.figure.kind !== 'ordinal' && RATE.test(c.after(6).map((t) => t.lower).join(' ')))
    return untyped('a rate over time');
  if (c.figure.kind === 'time') return notAClaim('a time of day');
  // "aid during the 1980s": a period, not the date of an event.
  if (c.figure.kind === 'date' && (/^(during|throughout|over)$/.test(c.wordBefore() ?? '') || (c.wordBefore() === 'the' && /^(during|throughout)$/.test(c.wordBefore(2) ?? ''))))
    return untyped('a period, not the date of an event the sources date');
  // "Part 2", "page 12", "p. 283", "room 1500": a label, not a quantity.
  const label = c.figure.kind === 'count' ? c.labelBefore() : undefined;
  if (label && LABEL_WORDS.has(label)) return notAClaim(`a ${label} number, not a quantity`);
  return undefined;
}

function typeFigure(c: FigureContext, topic: Topic): Typing {
  switch (c.figure.kind) {
    case 'date':
      return typeDate(c, topic);
    case 'duration':
      return typeDuration(c, topic);
    case 'ordinal':
      return typeOrdinal(c, topic);
    case 'percent':
      return typePercent(c, topic);
    case 'money':
      return typeMoney(c, topic);
    default:
      return typeCount(c, topic);
  }
}

/**
 * Whether a rule's condition holds for the figure. `clause` reads the figure's clause, and the sentence
 * before it where the sentence opens with a pronoun ("It was signed in June").
 */
function holds(cond: Condition, c: FigureContext): boolean {
  const clause = c.clauseLower + (c.startsWithPronoun ? ` ${c.previousLower}` : '');
  if (cond.clause && !cond.clause.test(clause)) return false;
  if (cond.notClause && cond.notClause.test(clause)) return false;
  if (cond.sentence && !cond.sentence.test(c.lower)) return false;
  if (cond.figure && !cond.figure.test(c.figure.text)) return false;
  if (cond.parties && !(c.names(...cond.parties) || (c.subject !== undefined && cond.parties.includes(c.subject)))) return false;
  const year = c.figure.date?.year;
  if (cond.yearBefore !== undefined && !(year !== undefined && year < cond.yearBefore)) return false;
  return true;
}

const applies = (rule: { all: Condition[]; any: Condition[] }, c: FigureContext) => rule.all.every((x) => holds(x, c)) && (!rule.any.length || rule.any.some((x) => holds(x, c)));

function typeDate(c: FigureContext, topic: Topic): Typing {
  let best: { measure: string; d: number } | undefined;
  for (const e of topic.rules.dates) {
    if (e.after !== undefined || !applies(e, c)) continue;
    // An event usually comes before its date ("signed in June"), so a cue after the date counts a
    // little less; a cue too far off is about something else.
    const d = c.cueDistance(e.cues, { afterPenalty: 0.5 });
    if (d <= 12 && d < (best?.d ?? Infinity)) best = { measure: e.measure, d };
    // "It was signed in June": the event named in the sentence before.
    if (!best && c.startsWithPronoun && c.cueDistance(e.cues.filter((w) => /^[a-z]+(ed|ified)$/.test(w)), { afterPenalty: 0.5 }) <= 4) best = { measure: e.measure, d: 4 };
  }
  if (best) return { measure: best.measure };
  // "losses since February 2022": the date after a word the topic ties to an event.
  const after = topic.rules.dates.find((e) => e.after !== undefined && c.wordBefore() === e.after && applies(e, c));
  if (after) return { measure: after.measure };
  return untyped('a date the sources do not tie to any event in this sentence');
}

function typeDuration(c: FigureContext, topic: Topic): Typing {
  const rule = topic.rules.durations.find((e) => applies(e, c));
  return rule ? { measure: rule.measure } : untyped('a length of time the sources do not measure');
}

function typeOrdinal(c: FigureContext, topic: Topic): Typing {
  const next = c.after(4).map((t) => t.lower);
  const noun = topic.unit?.noun;
  if (!noun || !topic.rules.unitNumber || !next.includes(noun)) return untyped(`the sources name no ${next.find((w) => /^[a-z]/.test(w)) ?? 'such'} by number`);
  // Only a possessive or adjective right before names whose formation it is: "Spain's 3rd Army".
  const owner = c.possessiveBefore();
  if (owner && owner !== topic.actor) return untyped(`a ${partyName(topic, owner)} formation, not ${topic.unit!.label}`);
  return { measure: topic.rules.unitNumber };
}

// Words that may stand between a share and its "of": "a 30% share of", "three in ten members of".
const SHARE_WORDS = ['share', 'portion', 'proportion', 'fraction', 'part', 'slice', 'members'];

/** What a topic's share rule reads, built once per topic. */
interface ShareWords {
  between: Set<string>;
  unitName: RegExp;
  possessive: RegExp;
}
const shareWordsOf = new WeakMap<Topic, ShareWords>();
function shareWords(topic: Topic, unit: NonNullable<Topic['unit']>): ShareWords {
  let words = shareWordsOf.get(topic);
  if (!words) {
    const people = topic.personnelNouns;
    words = {
      between: new Set([...SHARE_WORDS, ...people]),
      // Named, not pointed at: "the unit" is no name.
      unitName: new RegExp(`\\b(${unit.names.filter((n) => !/^(the|this|that) /.test(n)).join('|')})\\b`),
      possessive: new RegExp(`\\b(strength|members|force|forces|ranks|${people.join('|')})\\b`),
    };
    shareWordsOf.set(topic, words);
  }
  return words;
}

function typePercent(c: FigureContext, topic: Topic): Typing {
  const unit = topic.unit;
  const measure = topic.rules.unitShare;
  if (!unit || !measure) return untyped('a percentage of something the sources do not measure');
  const words = shareWords(topic, unit);
  // "30% of the unit", "a 30% share of the unit".
  const after = c.after(10);
  const of = after.findIndex((t, i) => t.lower === 'of' && after.slice(0, i).every((w) => words.between.has(w.lower)));
  if (of < 0) {
    // A table row or label: "Unit share deployed | up to 45%".
    if (/\b(share|portion|proportion|percentage)\b/.test(c.clauseLower) && c.topicBefore() === unit.id && c.cueDistance(topic.cues.deploy) < Infinity) return { measure };
    return untyped('a percentage of something the sources do not measure');
  }
  const complement = after.slice(of + 1).map((t) => t.lower).join(' ');
  const possessive = (/^(its|their)\b/.test(complement) && words.possessive.test(complement)) || /^(it|them)\b/.test(complement);
  const unitInView = c.names(unit.id) || c.subject === unit.id;
  if (c.cueDistance(topic.cues.killed) < Infinity || c.cueDistance(topic.cues.injured) < Infinity) return untyped('a share of losses the sources do not give');
  if (words.unitName.test(complement) || (possessive && unitInView)) return { measure };
  return untyped(`a percentage of ${complement.split(' ').slice(0, 4).join(' ')}, which the sources do not measure`);
}

function typeMoney(c: FigureContext, topic: Topic): Typing {
  const measure = topic.rules.value;
  const label = measure ? topic.measures.get(measure)!.label : 'anything';
  // "Its deliveries were large. They are valued at $5.5 billion": the goods may be named before "They".
  const goods = c.cueDistance(topic.cues.goods) < Infinity || c.carriedOver(topic.cues.goods);
  if (!measure || !goods || !(c.cueDistance(topic.cues.value) < Infinity || c.cueDistance(topic.cues.supply) < Infinity))
    return untyped(`a sum of money the sources do not tie to the ${label}`);
  const supplier = c.supplier();
  if (supplier !== topic.actor) return untyped(`${partyName(topic, supplier ?? 'other')} money, which the sources do not total`);
  return { measure };
}

function typeCount(c: FigureContext, topic: Topic): Typing {
  // "Article 51 of the United Nations Charter": a reference, whose number the sources give for one document.
  const reference = topic.rules.references.filter((r) => r.label === c.wordBefore());
  if (reference.length) {
    const after = c.after(6).map((t) => t.lower).join(' ');
    const hit = reference.find((r) => r.of.test(after));
    return hit ? { measure: hit.measure } : untyped(`${c.wordBefore() === 'article' ? 'an' : 'a'} ${c.wordBefore()} of a document the sources do not cite`);
  }
  const noun = c.headNoun();
  if (noun.unknown) return untyped(`the sources count no "${noun.unknown}"`);
  const { actor } = topic;
  const unit = topic.unit?.id;
  const forces = topic.forces?.id;
  const aboutActor = (p: Party | undefined) => p === actor || p === unit;
  // "10,000 of them": a share of the group the passage is about.
  const partitive = /^of (them|these|those|whom)\b/.test(c.after(2).map((t) => t.lower).join(' ')) && aboutActor(c.subject);
  const carried = noun.cls || noun.stopped ? undefined : c.peopleCarriedOver();
  const before = noun.cls ? {} : c.nounBeforeWithParty();
  const cls = noun.cls ?? before.cls ?? (partitive ? 'personnel' : undefined) ?? (noun.stopped ? undefined : c.nounLater()) ?? (carried ? 'personnel' : undefined);
  const party = noun.party ?? before.party ?? c.partyBefore() ?? carried?.party ?? c.subject;

  const casualty = casualtyKind(c, topic, cls);
  if (casualty) {
    // Losses are the named party's where the topic counts them, and the actor's where none is named.
    const side = party === undefined || isGroup(topic, party) ? actor : party;
    const losses = topic.rules.losses[side];
    if (!losses) return untyped(`${partyName(topic, side)} losses, which the sources do not count`);
    const measure = losses[casualty === 'lost' ? 'killed' : casualty];
    if (!measure) return untyped(`${partyName(topic, side)} ${casualty}, which the sources do not count`);
    return casualty === 'lost' && losses.casualties ? { measure, alternates: [losses.casualties] } : { measure };
  }
  const supplied = cls === undefined ? undefined : topic.rules.supplied[cls];
  if (supplied) {
    // Without a supply verb, the goods are the actor's unless another party is named before them
    // ("Spain fires 10,000 rounds").
    const supplier = noun.party ?? (c.cueDistance(topic.cues.supply) < Infinity ? c.supplier() : (c.partyBefore() ?? actor));
    if (supplier !== actor) return untyped(`${cls} from a supplier the sources do not count`);
    return { measure: supplied };
  }
  const rules = topic.rules.personnel;
  if (cls === 'personnel' || (!cls && isBareDeployment(c, topic))) {
    const waves = deployed(topic);
    if (!waves.length && !rules.unitSize && !rules.forcesSize) return untyped('a figure with no noun the sources count');
    if (noun.party && noun.party !== actor) return untyped(`${partyName(topic, noun.party)} ${noun.word ?? 'people'}, which the sources do not count`);
    const about = c.about();
    if (party && party !== actor && !isGroup(topic, party) && !isGroup(topic, about))
      return untyped(`${partyName(topic, party)} ${noun.word ?? 'people'}, which the sources do not count`);
    // "its 80,000 staff": the staff of whatever "it" is.
    if (/^(its|their)$/.test(c.wordBefore() ?? '')) {
      if (c.subject === unit && rules.unitSize) return { measure: rules.unitSize };
      if ((c.subject === forces || c.subject === actor) && rules.forcesSize) return { measure: rules.forcesSize, alternates: waves };
    }
    const size = Math.min(c.cueDistance(topic.cues.size), c.cueDistance(topic.cues.possession));
    const deploy = c.cueDistance(topic.cues.deploy);
    const other = c.cueDistance(topic.cues.otherEvents);
    if (other < Math.min(size, deploy)) return untyped(`${noun.word ?? 'people'} counted for something the sources do not count`);
    // "a 1.2 million-strong army", "the 40,000-strong brigade": the noun after "strong" is what is measured.
    const strongOf = noun.word === 'strong' ? c.mentionAfter() : undefined;
    if (strongOf === forces && rules.forcesSize) return { measure: rules.forcesSize };
    // The unit or the forces with a size word nearer than any deployment word, or in a sentence that
    // speaks of no deployment at all: its size.
    const sized = size < deploy || c.cueDistance(topic.cues.deploy, { sentence: true }) === Infinity;
    if (rules.unitSize && (strongOf === unit || (about === unit && sized))) return { measure: rules.unitSize };
    if (rules.forcesSize && about === forces && sized) return { measure: rules.forcesSize };
    // "Norway has about 10,000 sailors", "Norway's 20,000 sailors": its forces' size, unless the count
    // is of the deployment.
    if (rules.forcesSize && (c.possessiveBefore() === actor || (about === actor && deploy === Infinity && c.cueDistance(topic.cues.possession) < Infinity)))
      return { measure: rules.forcesSize, alternates: waves };
    return typeWave(c, topic);
  }
  if (!cls && c.about() === unit && rules.unitSize && c.cueDistance(topic.cues.size) < Infinity) return { measure: rules.unitSize };
  return untyped('a figure with no noun the sources count');
}

/** The measures of the actor's deployment, each a way of describing it: total, first wave, those to follow. */
function deployed(topic: Topic): string[] {
  const { total, first, additional } = topic.rules.personnel;
  return [total, first, additional].filter((m): m is string => m !== undefined);
}

/**
 * With no noun, "Norway sent 10,000 to the front" reads as the actor's people: a deploy verb near the
 * figure and the actor named ("Dispatch 12" in a heading is not a count). So do "a further 10,500 were to
 * follow" in a passage about the actor's people and "the 1,500 sent first" where no one else is named
 * (the actor is the subject of the topic).
 */
function isBareDeployment(c: FigureContext, topic: Topic): boolean {
  const { actor } = topic;
  const unit = topic.unit?.id;
  const aboutActor = c.subject === undefined || c.subject === actor || c.subject === unit || c.peopleInPassage === actor;
  if (c.cueDistance(topic.cues.deployVerbs) <= 6) {
    if (c.names(actor)) return true;
    if (aboutActor && c.namesOnly(actor, ...(unit ? [unit] : []))) return true;
  }
  return aboutActor && Math.min(c.cueDistance(topic.cues.additional, OWN), totalDistance(c, topic), c.cueDistance(topic.cues.first, OWN)) <= 3;
}

function totalDistance(c: FigureContext, topic: Topic): number {
  return Math.min(c.cueDistance(topic.cues.totalBefore, { before: true, own: true }), c.cueDistance(topic.cues.totalAfter, { after: true, own: true }));
}

/** Which part of the deployment a count of the actor's people describes. */
function typeWave(c: FigureContext, topic: Topic): Typing {
  const { total, first, additional } = topic.rules.personnel;
  const d: [string | undefined, number][] = [
    [additional, c.cueDistance(topic.cues.additional, OWN)],
    // "the first 1,500": an ordinal right before the count names the wave.
    [first, ['first', 'initial'].includes(c.wordBefore() ?? '') ? 1 : c.cueDistance(topic.cues.first, OWN)],
    [total, totalDistance(c, topic)],
  ];
  const best = d.filter((x): x is [string, number] => x[0] !== undefined).sort((a, b) => a[1] - b[1])[0];
  if (!best) return untyped('a figure with no noun the sources count');
  if (best[1] < Infinity) return { measure: best[0] };
  // "… tracked the initial group to the coast. It put their number at 15,000."
  if (first && c.carriedOver(topic.cues.first)) return { measure: first };
  if (additional && c.carriedOver(topic.cues.additional)) return { measure: additional };
  // No wave is named: the count may describe any wave, and the weak cues only decide which leads.
  const primary = (first && c.cueDistance(topic.cues.firstWeak, OWN) < Infinity ? first : total) ?? best[0];
  return { measure: primary, alternates: deployed(topic).filter((m) => m !== primary) };
}

function casualtyKind(c: FigureContext, topic: Topic, cls: string | undefined): 'killed' | 'injured' | 'casualties' | 'lost' | undefined {
  const cues = topic.cues;
  // A head noun that is itself a casualty word decides, unless "or wounded" joins another.
  const after = c.after(8).map((t) => t.lower);
  const killedNear = c.cueDistance(cues.killed, { after: true, own: true }) < Infinity;
  const injuredNear = c.cueDistance(cues.injured, { after: true, own: true }) < Infinity;
  if (cls === 'casualties') return 'casualties';
  if (cls === 'killed') return injuredNear && joined(after, cues.injured) ? 'casualties' : 'killed';
  if (cls === 'injured') return killedNear && joined(after, cues.killed) ? 'casualties' : 'injured';
  if (cls && cls !== 'personnel') return undefined;
  if (killedNear && injuredNear) return 'casualties';
  if (killedNear) return 'killed';
  if (injuredNear) return 'injured';
  if (c.cueDistance(cues.losses, OWN) < Infinity) return 'casualties';
  if (c.cueDistance(cues.lost, OWN) < Infinity) return 'lost';
  return undefined;
}

/** "killed or wounded", "dead and injured": two casualty words joined by a conjunction. */
function joined(after: string[], second: string[]): boolean {
  const i = after.findIndex((w) => w === 'or' || w === 'and');
  return i >= 0 && i <= 3 && second.includes(after[i + 1] ?? '');
}
