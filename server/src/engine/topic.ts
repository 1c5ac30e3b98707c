// A story's own knowledge, from its corpus folder's corpus.json ("topic"): who its parties are, the
// nouns it counts, the cue words that tell its measures apart, and the measures themselves. The typing
// rules (measures.ts) are general: they ask a topic which words play which part. A corpus without a
// topic is read by frame alone (frames/), which needs no topic at all.
import { createHash } from 'node:crypto';
import { FactlintError } from './errors';
import { aliasGroups, type AliasGroup } from './frames/aliases';
import type { FigureKind } from './types';

/** Cue classes the typing rules weigh; the topic gives the words of each. */
export const CUE_NAMES = [
  'deploy', 'deployVerbs', 'size', 'additional', 'first', 'firstWeak', 'totalBefore', 'totalAfter', 'otherEvents',
  'killed', 'injured', 'losses', 'lost', 'possession', 'supply', 'value', 'goods',
] as const;
export type CueName = (typeof CUE_NAMES)[number];

/** A party: someone a figure can be about (a country, an organisation), and every way of naming it. */
interface PartySpec {
  id: string;
  /** As an adjective in messages ("Norwegian"). */
  label: string;
  /** Patterns (lower case) that name it. */
  names: string[];
  /** Pattern of its nationality adjective, as written before a noun ("norwegian"). */
  nationality?: string;
  /** Pattern of the names that start a new clause when they follow a figure ("… 12,000 Norway plans"). */
  country?: string;
  /** Names to find misspelt (fuse.js). */
  fuzzy?: string[];
}

/** A group that belongs to the topic's actor: its unit (a formation) or its forces as a whole. */
interface GroupSpec {
  id: string;
  label: string;
  /** The noun a number names it by ("the 3rd Division"). */
  noun?: string;
  names: string[];
  fuzzy?: string[];
}

interface NounClassSpec {
  class: string;
  nouns: string[];
  /** Nouns that name the class only before a figure ("the death toll reached 100"). */
  before?: string[];
  /** Nouns that, after a nationality, say whose people a passage speaks of. */
  passage?: string[];
}

interface MeasureSpec {
  id: string;
  label: string;
  noun?: string;
  kind: FigureKind;
  phrase: string;
}

interface ConditionSpec {
  clause?: string;
  notClause?: string;
  sentence?: string;
  figure?: string;
  parties?: string[];
  yearBefore?: number;
}

interface EventSpec {
  measure: string;
  all?: ConditionSpec[];
  any?: ConditionSpec[];
  cues?: string[];
  /** The word right before the figure that makes it this event's ("since"). */
  after?: string;
}

interface RulesSpec {
  personnel?: { total?: string; first?: string; additional?: string; unitSize?: string; forcesSize?: string };
  losses?: Record<string, { killed?: string; injured?: string; casualties?: string }>;
  supplied?: Record<string, string>;
  value?: string;
  unitNumber?: string;
  unitShare?: string;
  references?: { label: string; of: string; measure: string }[];
  dates?: EventSpec[];
  durations?: EventSpec[];
}

/** The `topic` of a corpus.json, as written. */
export interface TopicSpec {
  parties?: PartySpec[];
  /** Needed with measures. */
  actor?: string;
  unit?: GroupSpec;
  forces?: GroupSpec;
  places?: string[];
  nounClasses?: NounClassSpec[];
  modifiers?: string[];
  cues?: Partial<Record<CueName, string[]>>;
  measures?: MeasureSpec[];
  rules?: RulesSpec;
  /** Names of one thing ("Storm Corps", "11th Corps"): read alike by every frame. */
  aliases?: string[][];
}

export type Party = string;
export type MeasureDef = MeasureSpec;

export interface Condition {
  clause?: RegExp;
  notClause?: RegExp;
  sentence?: RegExp;
  figure?: RegExp;
  parties?: Party[];
  yearBefore?: number;
}

export interface EventRule {
  measure: string;
  all: Condition[];
  any: Condition[];
  cues: string[];
  after?: string;
}

/** A topic ready for typing: patterns compiled, word lists indexed. */
export interface Topic {
  actor: Party;
  unit?: GroupSpec;
  forces?: GroupSpec;
  parties: PartySpec[];
  /** Every way of naming a party, the unit or the forces, as [pattern source, party]: the unit's first. */
  mentionSources: [string, Party][];
  forcesRe?: RegExp;
  places: string[];
  countries?: RegExp;
  nationalities: [RegExp, Party][];
  /** "Danish … engineers": a nationality, up to two words, and a passage noun. */
  peopleOf?: RegExp;
  nounClass: Map<string, string>;
  /** Classes in the order a noun before a figure is preferred. */
  classOrder: string[];
  nounBefore: Map<string, string>;
  longestNoun: number;
  modifiers: Set<string>;
  modifierPrefixes: string[];
  cues: Record<CueName, string[]>;
  /** Nouns of the personnel class. */
  personnelNouns: string[];
  measures: Map<string, MeasureDef>;
  aliases: AliasGroup[];
  rules: {
    personnel: NonNullable<RulesSpec['personnel']>;
    losses: NonNullable<RulesSpec['losses']>;
    supplied: Record<string, string>;
    value?: string;
    unitNumber?: string;
    unitShare?: string;
    references: { label: string; of: RegExp; measure: string }[];
    dates: EventRule[];
    durations: EventRule[];
  };
}

/**
 * The topic of a corpus.json, checked: a FactlintError names the first thing wrong and where
 * (`corpus/corpus.json: topic.parties[2].names[0] is not a valid pattern: …`).
 */
export function readTopic(value: unknown, file: string): TopicSpec {
  const fail = (path: string, what: string): never => {
    throw new FactlintError(`corpus manifest ${file}: topic${path} ${what}`);
  };
  const object = (v: unknown, path: string) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(path, 'must be an object'));
  const string = (v: unknown, path: string) => (typeof v === 'string' && v.length ? v : fail(path, 'must be a non-empty string'));
  const pattern = (v: unknown, path: string) => {
    try {
      new RegExp(string(v, path));
    } catch (e) {
      fail(path, `is not a valid pattern: ${(e as Error).message}`);
    }
    if (repeatsARepeat(v as string)) fail(path, 'repeats a group that holds a repeat or alternatives, which can take exponential time on some text; write it without one');
  };
  const list = (v: unknown, path: string, each: (x: unknown, path: string) => void) => (Array.isArray(v) ? v.forEach((x, i) => each(x, `${path}[${i}]`)) : fail(path, 'must be a list'));
  const optional = (o: Record<string, unknown>, key: string, path: string, check: (v: unknown, path: string) => void) => o[key] !== undefined && check(o[key], `${path}.${key}`);
  const words = (v: unknown, path: string) => list(v, path, string);
  const patterns = (v: unknown, path: string) => list(v, path, pattern);

  const topic = object(value, '');
  const optionalList = (key: string, each: (x: unknown, path: string) => void) => optional(topic, key, '', (v, path) => list(v, path, each));
  optionalList('parties', (p, path) => {
    const party = object(p, path);
    string(party.id, `${path}.id`);
    string(party.label, `${path}.label`);
    patterns(party.names, `${path}.names`);
    optional(party, 'nationality', path, pattern);
    optional(party, 'country', path, pattern);
    optional(party, 'fuzzy', path, words);
  });
  const ids = ((topic.parties ?? []) as { id: string }[]).map((p) => p.id);
  if (topic.actor === undefined && Array.isArray(topic.measures) && topic.measures.length) fail('.actor', 'is needed with measures: the party the story is about');
  if (topic.actor !== undefined && !ids.includes(string(topic.actor, '.actor'))) fail('.actor', `names no party (${ids.join(', ') || 'there are none'})`);
  for (const key of ['unit', 'forces']) {
    optional(topic, key, '', (g, path) => {
      const group = object(g, path);
      string(group.id, `${path}.id`);
      string(group.label, `${path}.label`);
      optional(group, 'noun', path, string);
      patterns(group.names, `${path}.names`);
      optional(group, 'fuzzy', path, words);
    });
  }
  optional(topic, 'places', '', words);
  optionalList('nounClasses', (c, path) => {
    const cls = object(c, path);
    string(cls.class, `${path}.class`);
    words(cls.nouns, `${path}.nouns`);
    optional(cls, 'before', path, words);
    optional(cls, 'passage', path, words);
  });
  optional(topic, 'modifiers', '', words);
  const cues = topic.cues === undefined ? {} : object(topic.cues, '.cues');
  for (const key of Object.keys(cues)) {
    if (!(CUE_NAMES as readonly string[]).includes(key)) fail(`.cues.${key}`, `is not a cue class (${CUE_NAMES.join(', ')})`);
    words(cues[key], `.cues.${key}`);
  }
  optionalList('measures', (m, path) => {
    const measure = object(m, path);
    for (const key of ['id', 'label', 'kind', 'phrase']) string(measure[key], `${path}.${key}`);
    optional(measure, 'noun', path, string);
    if (!String(measure.phrase).includes('{}')) fail(`${path}.phrase`, 'must hold {} where the figure goes');
  });
  const known = new Set(((topic.measures ?? []) as MeasureSpec[]).map((m) => m.id));
  const measure = (v: unknown, path: string) => known.has(string(v, path)) || fail(path, `names no measure in topic.measures`);
  const rules = topic.rules === undefined ? {} : object(topic.rules, '.rules');
  const measuresOf = (v: unknown, path: string) => Object.entries(object(v, path)).forEach(([k, id]) => measure(id, `${path}.${k}`));
  optional(rules, 'personnel', '.rules', measuresOf);
  optional(rules, 'losses', '.rules', (v, path) => Object.entries(object(v, path)).forEach(([party, slots]) => measuresOf(slots, `${path}.${party}`)));
  optional(rules, 'supplied', '.rules', measuresOf);
  for (const key of ['value', 'unitNumber', 'unitShare']) optional(rules, key, '.rules', measure);
  optional(rules, 'references', '.rules', (v, path) =>
    list(v, path, (r, p) => {
      const ref = object(r, p);
      string(ref.label, `${p}.label`);
      pattern(ref.of, `${p}.of`);
      measure(ref.measure, `${p}.measure`);
    }),
  );
  const condition = (c: unknown, path: string) => {
    const cond = object(c, path);
    for (const key of ['clause', 'notClause', 'sentence', 'figure']) optional(cond, key, path, pattern);
    optional(cond, 'parties', path, words);
    optional(cond, 'yearBefore', path, (y, p) => Number.isInteger(y) || fail(p, 'must be a year'));
  };
  const events = (v: unknown, path: string) =>
    list(v, path, (e, p) => {
      const event = object(e, p);
      measure(event.measure, `${p}.measure`);
      optional(event, 'all', p, (c, q) => list(c, q, condition));
      optional(event, 'any', p, (c, q) => list(c, q, condition));
      optional(event, 'cues', p, words);
      optional(event, 'after', p, string);
    });
  optional(topic, 'aliases', '', (v, path) =>
    list(v, path, (g, p) => (Array.isArray(g) && g.length >= 2 ? words(g, p) : fail(p, 'must be a list of two or more names'))),
  );
  optional(rules, 'dates', '.rules', events);
  optional(rules, 'durations', '.rules', events);
  return topic as unknown as TopicSpec;
}

/**
 * Whether a pattern puts an unbounded repeat (`*`, `+`, `{n,}`) on a group that itself holds one, or holds
 * alternatives: the shapes that make a backtracking regex try every split of a long run ("(a+)+",
 * "(a|ab)*"). A topic's patterns run on every sentence of every draft, and corpus.json may come from
 * anyone, so such a pattern is refused rather than run.
 */
export function repeatsARepeat(source: string): boolean {
  const unboundedAt = (i: number) => source[i] === '*' || source[i] === '+' || (source[i] === '{' && /^\{\d+,\}/.test(source.slice(i)));
  const groups = [{ repeats: false, alternatives: false }];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') groups.push({ repeats: false, alternatives: false });
    else if (c === '|') groups[groups.length - 1].alternatives = true;
    else if (c === ')' && groups.length > 1) {
      const group = groups.pop()!;
      const repeated = unboundedAt(i + 1);
      if (repeated && (group.repeats || group.alternatives)) return true;
      groups[groups.length - 1].repeats ||= group.repeats || repeated;
    } else if (unboundedAt(i)) groups[groups.length - 1].repeats = true;
  }
  return false;
}

const keys = new WeakMap<TopicSpec, string>();

/** A short digest of a topic, for caches of what it typed ('' for none). */
export function topicKey(spec: TopicSpec | undefined): string {
  if (!spec) return '';
  let key = keys.get(spec);
  if (!key) keys.set(spec, (key = createHash('sha256').update(JSON.stringify(spec)).digest('base64').slice(0, 16)));
  return key;
}

// Documents of one folder share one spec: it is compiled once.
const compiled = new WeakMap<TopicSpec, Topic>();

/** The topic of a spec read by readTopic(). */
export function topicOf(spec: TopicSpec): Topic {
  let topic = compiled.get(spec);
  if (!topic) compiled.set(spec, (topic = compile(spec)));
  return topic;
}

function compile(given: TopicSpec): Topic {
  const spec = { parties: [], actor: '', nounClasses: [], cues: {}, measures: [], rules: {}, ...given };
  const classes = spec.nounClasses;
  const nounClass = new Map(classes.flatMap((c) => c.nouns.map((n) => [n, c.class] as const)));
  const personnel = classes.find((c) => c.class === 'personnel');
  const nationalities = spec.parties.filter((p) => p.nationality).map((p): [RegExp, Party] => [new RegExp(`^(?:${p.nationality})`), p.id]);
  const passage = personnel?.passage ?? [];
  const countries = spec.parties.filter((p) => p.country).map((p) => `(?:${p.country})`);
  const cues = Object.fromEntries(CUE_NAMES.map((name) => [name, spec.cues[name] ?? []])) as Record<CueName, string[]>;
  const rules = spec.rules;
  const event = (e: EventSpec): EventRule => ({ measure: e.measure, all: (e.all ?? []).map(condition), any: (e.any ?? []).map(condition), cues: e.cues ?? [], after: e.after });
  const group = (g: GroupSpec | undefined): [string, Party][] => (g ? [[`\\b(?:${g.names.map((n) => n.replace(/ /g, '\\s+')).join('|')})s?\\b`, g.id]] : []);
  return {
    actor: spec.actor,
    unit: spec.unit,
    forces: spec.forces,
    parties: spec.parties,
    mentionSources: [
      ...group(spec.unit),
      ...(spec.forces ? [[`\\b(?:${spec.forces.names.join('|')})\\b`, spec.forces.id] as [string, Party]] : []),
      ...spec.parties.map((p): [string, Party] => [`\\b(?:${p.names.join('|')})(?!\\w)`, p.id]),
    ],
    forcesRe: spec.forces && new RegExp(`^(?:${spec.forces.names.join('|')})$`),
    places: spec.places ?? [],
    countries: countries.length ? new RegExp(`^(?:${countries.join('|')})`) : undefined,
    nationalities,
    peopleOf: nationalities.length && passage.length ? new RegExp(`\\b((?:${spec.parties.filter((p) => p.nationality).map((p) => p.nationality).join('|')})[a-z]*)\\s+(?:[a-z-]+\\s+){0,2}(?:${passage.join('|')})\\b`) : undefined,
    nounClass,
    classOrder: classes.map((c) => c.class),
    nounBefore: new Map(classes.flatMap((c) => (c.before ?? []).map((n) => [n, c.class] as const))),
    longestNoun: Math.max(1, ...[...nounClass.keys()].map((n) => n.split(' ').length)),
    modifiers: new Set((spec.modifiers ?? []).filter((m) => !m.endsWith('*'))),
    modifierPrefixes: (spec.modifiers ?? []).filter((m) => m.endsWith('*')).map((m) => m.slice(0, -1)),
    cues,
    personnelNouns: personnel?.nouns ?? [],
    measures: new Map(spec.measures.map((m) => [m.id, m])),
    aliases: aliasGroups(spec.aliases ?? []),
    rules: {
      personnel: rules.personnel ?? {},
      losses: rules.losses ?? {},
      supplied: rules.supplied ?? {},
      value: rules.value,
      unitNumber: rules.unitNumber,
      unitShare: rules.unitShare,
      references: (rules.references ?? []).map((r) => ({ label: r.label, of: new RegExp(r.of), measure: r.measure })),
      dates: (rules.dates ?? []).map(event),
      durations: (rules.durations ?? []).map(event),
    },
  };
}

function condition(c: ConditionSpec): Condition {
  const re = (s: string | undefined) => (s === undefined ? undefined : new RegExp(s));
  return { clause: re(c.clause), notClause: re(c.notClause), sentence: re(c.sentence), figure: re(c.figure), parties: c.parties, yearBefore: c.yearBefore };
}

/** The party a nationality adjective at the start of `words` (lower case) marks, if any. */
export function nationalityOf(topic: Topic, words: string): Party | undefined {
  return topic.nationalities.find(([re]) => re.test(words))?.[1];
}

/** The topic's unit or forces: groups of the actor's, not parties of their own. */
export function isGroup(topic: Topic, party: Party | undefined): boolean {
  return party !== undefined && (party === topic.unit?.id || party === topic.forces?.id);
}

/** How a message names a party: its adjective, or the group's label. */
export function partyName(topic: Topic, party: Party): string {
  return topic.parties.find((p) => p.id === party)?.label ?? (party === topic.unit?.id ? topic.unit.label : party === topic.forces?.id ? topic.forces.label : party);
}
