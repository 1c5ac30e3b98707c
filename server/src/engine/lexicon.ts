// The domain lexicon: the measures factlint knows, and the words that signal them.
// Measure typing (measures.ts) is general rules over these word classes; nothing here names a sentence.
import type { FigureKind } from './types';

export interface MeasureDef {
  id: string;
  /** What the figure measures, as a writer would say it. */
  label: string;
  /** The noun a message puts after a figure ("1,500 troops"), if any. */
  noun?: string;
  kind: FigureKind;
  /** How a message states a value of the measure; {} stands for the figure. */
  phrase: string;
}

const MEASURES: MeasureDef[] = [
  { id: 'troops.sent', label: 'North Korean troops sent to Russia', noun: 'troops', kind: 'count', phrase: '{} North Korean troops sent to Russia' },
  { id: 'troops.firstWave', label: "North Korean troops in the first wave (arrived in Russia's Far East)", noun: 'troops', kind: 'count', phrase: "{} North Korean troops arrived in Russia's Far East in the first wave" },
  { id: 'troops.additional', label: 'additional North Korean troops to follow the first wave', noun: 'troops', kind: 'count', phrase: '{} more North Korean troops to follow the first wave' },
  { id: 'corps.size', label: 'size of the Storm Corps', noun: 'soldiers', kind: 'count', phrase: 'a Storm Corps of {} soldiers' },
  { id: 'corps.shareDeployed', label: 'share of the Storm Corps deployed', kind: 'percent', phrase: '{} of the Storm Corps deployed' },
  { id: 'corps.number', label: "the Storm Corps' number", kind: 'ordinal', phrase: 'the Storm Corps is the {} Corps' },
  { id: 'nk.killed', label: 'North Korean soldiers killed', noun: 'killed', kind: 'count', phrase: '{} North Korean soldiers killed' },
  { id: 'nk.injured', label: 'North Korean soldiers injured', noun: 'injured', kind: 'count', phrase: '{} North Korean soldiers injured' },
  { id: 'nk.casualties', label: 'North Korean casualties (killed and injured)', noun: 'casualties', kind: 'count', phrase: '{} North Korean soldiers killed or injured' },
  { id: 'nk.militarySize', label: "size of North Korea's military", noun: 'soldiers', kind: 'count', phrase: "North Korea's military has {} soldiers" },
  { id: 'shells.supplied', label: 'artillery shells North Korea supplied to Russia', noun: 'shells', kind: 'count', phrase: '{} artillery shells supplied to Russia' },
  { id: 'missiles.supplied', label: 'missiles North Korea supplied to Russia', noun: 'missiles', kind: 'count', phrase: '{} missiles supplied to Russia' },
  { id: 'arms.value', label: "value of North Korea's arms supplies to Russia", kind: 'money', phrase: "North Korea's arms supplies were worth {}" },
  { id: 'ru.casualties', label: 'Russian soldiers killed or wounded', noun: 'casualties', kind: 'count', phrase: '{} Russian soldiers killed or wounded' },
  { id: 'ru.killed', label: 'Russian soldiers killed', noun: 'killed', kind: 'count', phrase: '{} Russian soldiers killed' },
  { id: 'ru.injured', label: 'Russian soldiers wounded', noun: 'wounded', kind: 'count', phrase: '{} Russian soldiers wounded' },
  { id: 'pact.signed', label: 'when the North Korea–Russia defence pact was signed', kind: 'date', phrase: 'the defence pact was signed in {}' },
  { id: 'pact.ratified', label: 'when the North Korea–Russia defence pact was ratified', kind: 'date', phrase: 'the defence pact was ratified in {}' },
  { id: 'unCharter.article', label: 'the article of the UN Charter the treaty cites', kind: 'count', phrase: 'the treaty cites Article {} of the UN Charter' },
  { id: 'sovietAid.ended', label: 'when Soviet economic aid to North Korea stopped', kind: 'date', phrase: 'Soviet economic aid stopped in {}' },
  { id: 'invasion.start', label: "when Russia's full-scale invasion of Ukraine began", kind: 'date', phrase: "Russia's full-scale invasion began in {}" },
  { id: 'ties.yearsCloser', label: 'how long North Korea and Russia have been drawing closer', kind: 'duration', phrase: 'the two have grown closer over {}' },
  { id: 'war.age', label: 'how long the war in Ukraine has lasted', kind: 'duration', phrase: 'the war has lasted {}' },
  { id: 'armistice.yearsSince', label: 'time since the Korean War armistice', kind: 'duration', phrase: '{} have passed since the Korean War armistice' },
];

const BY_ID = new Map(MEASURES.map((m) => [m.id, m]));

export function measureDef(id: string): MeasureDef | undefined {
  return BY_ID.get(id);
}

export function measureLabel(id: string): string {
  return BY_ID.get(id)?.label ?? id;
}

/** Measures that describe one deployment from different angles: a bare count may be any of them. */
export const TROOP_WAVES = ['troops.sent', 'troops.firstWave', 'troops.additional'];

/** Word classes of the noun a count is about. */
export const NOUN_CLASSES: Record<string, string[]> = {
  troops: [
    'troops', 'troop', 'soldiers', 'soldier', 'forces', 'fighters', 'personnel', 'servicemen', 'servicemembers',
    'men', 'commandos', 'infantry', 'infantrymen', 'recruits', 'conscripts', 'operatives', 'paratroopers',
    'special forces', 'service members', 'members', 'strong', 'north koreans', 'koreans', 'reinforcements', 'force',
  ],
  killed: ['fatalities', 'deaths', 'dead', 'killed', 'lives', 'died', 'death'],
  injured: ['injured', 'wounded', 'injuries', 'wounds'],
  casualties: ['casualties', 'losses', 'casualty'],
  shells: ['shells', 'rounds', 'munitions', 'ammunition', 'artillery shells', 'artillery rounds', 'shell'],
  missiles: ['missiles', 'missile', 'ballistic missiles', 'rockets'],
};

/** Words between a figure and its noun that do not change what is counted. */
export const NOUN_MODIFIERS = new Set([
  'north', 'south', 'korean', 'russian', 'ukrainian', 'american', 'chinese', 'elite', 'special', 'more',
  'additional', 'extra', 'new', 'fresh', 'other', 'further', 'regular', 'active', 'duty', 'combat', 'ground',
  'military', 'armed', 'ready', 'well', 'trained', 'highly', 'battle', 'hardened', 'frontline', 'front', 'line',
  'short', 'long', 'range', 'ballistic', 'artillery', 'heavy', 'light', 'storm', 'corps', 'army', 'kpa', 'of',
  'the', 'its', 'their', 'his', 'pyongyang', "pyongyang's", "korea's", 'dprk', '-', 'young', 'professional',
  'infantry', 'shock', 'assault', 'foot', 'members', 'others',
]);

/** Nationality words and names, each mapped to the party it marks. */
export const PARTIES: [RegExp, Party][] = [
  [/\b(north korean?s?|north korea['’]s|pyongyang['’]?s?|dprk|kim jong[- ]?un|kim|kpa|hermit kingdom|the north(?:['’]s)?)\b/g, 'nk'],
  [/\b(russian?s?|russia['’]s|moscow['’]?s?|kremlin['’]?s?|putin['’]?s?|peskov|lavrov|shoigu|belousov)\b/g, 'ru'],
  [/\b(ukrain(e|ian|ians|e['’]s)|kyiv['’]?s?|kiev|zelensky[iy]?|zelenskyy|sybiha|budanov|syrskyi)\b/g, 'ua'],
  [/\b(south korean?s?|south korea['’]s|seoul['’]?s?)\b/g, 'sk'],
  [/\b(u\.s\.?|the us|united states|america['’]?s?|american|washington|nato|the west|western|pentagon)(?!\w)/g, 'us'],
  // Others whose numbers a draft may quote beside North Korea's.
  [/\b(china['’]?s?|chinese|beijing|japan(?:ese|['’]s)?|tokyo|iran(?:ian|['’]s)?|tehran|belarus(?:ian)?|india(?:n|['’]s)?|taiwan(?:ese)?|britain|british|france|french|germany|german|poland|polish|israel(?:i|['’]s)?|the alliance|the eu|european union)\b/g, 'other'],
];
export type Party = 'nk' | 'ru' | 'ua' | 'sk' | 'us' | 'corps' | 'military' | 'other';

// Nationality adjectives, as written right before a noun ("North Korean soldiers", "Russian forces").
const NATIONALITIES: [RegExp, Party][] = [
  [/^north korea/, 'nk'], [/^south korea/, 'sk'], [/^russian/, 'ru'], [/^ukrainian/, 'ua'], [/^(american|u)\b/, 'us'],
];

/** The party a nationality adjective at the start of `words` (lower-case) marks, if any. */
export function nationalityOf(words: string): Party | undefined {
  return NATIONALITIES.find(([re]) => re.test(words))?.[1];
}

/** Names of the corps, including how writers misspell or shorten them (fuse.js catches the rest). */
export const CORPS_NAMES = [
  'storm corps', 'the storm', '11th corps', 'special operations corps', 'elite unit', 'the unit', 'this unit',
  'that unit', 'the corps', 'this corps', 'formation', 'storm unit', 'corps',
];
export const FUZZY_NAMES: [string, Party][] = [
  ['Storm Corps', 'corps'], ['Special Operations Corps', 'corps'], ['Pyongyang', 'nk'], ['North Korea', 'nk'],
  ['Kim Jong Un', 'nk'], ['Russia', 'ru'], ['Moscow', 'ru'], ['Kremlin', 'ru'], ['Ukraine', 'ua'],
];
export const MILITARY_WORDS = /\b(military|army|armed forces|standing army|people['’]s army|active[- ]duty force)\b/;

/** Cue words, each pulling a figure towards one reading. Distance to the figure decides between them. */
export const CUES = {
  deploy: [
    'sent', 'send', 'sending', 'deployed', 'deploy', 'deploying', 'deployment', 'deployments', 'dispatched',
    'dispatch', 'dispatching', 'joined', 'join', 'joining', 'fighting', 'fight', 'fought', 'arrived', 'arriving',
    'heading', 'contingent', 'stationed', 'serving', 'committed', 'transferred', 'mobilised', 'mobilized',
    'entered', 'shipped', 'supplied', 'provided', 'landed', 'reached', 'in russia', 'in kursk', 'in ukraine',
    'to russia', 'to ukraine', 'to kursk', 'on the front', 'front lines', 'front line', 'abroad', 'overseas',
    'going', 'goes',
  ],
  // Deployment as an action: what makes a bare number a count of troops sent ("the 1,500 sent first").
  deployVerbs: [
    'sent', 'send', 'sending', 'deployed', 'deploy', 'deploying', 'dispatched', 'dispatching', 'joined', 'joining',
    'arrived', 'arriving', 'heading', 'committed', 'followed', 'follow', 'fighting', 'stationed',
  ],
  size: [
    'consists', 'consist', 'comprises', 'comprise', 'number', 'numbers', 'numbering', 'strength', 'size', 'strong',
    'members', 'made up', 'counts', 'boasts', 'includes', 'totals',
  ],
  additional: ['additional', 'extra', 'another', 'further', 'more', 'follow', 'following', 'reinforcements', 'second'],
  firstWave: [
    'first wave', 'first group', 'first batch', 'first contingent', 'first deployment', 'first troops',
    'first soldiers', 'initial wave', 'initial group', 'initial batch', 'initial contingent', 'vanguard',
    'advance party', 'advance group', 'far east',
  ],
  firstWaveWeak: ['training', 'special forces', 'arrived'],
  // Before the figure ("the total could reach 12,000") or after it ("12,000 in all").
  totalBefore: ['total', 'overall', 'eventually', 'altogether', 'a force of', 'reach', 'rise to', 'grow to', 'become', 'grow into'],
  totalAfter: ['in all', 'in total', 'all told', 'altogether', 'overall', 'eventually'],
  // Things that happen to soldiers that the sources never count.
  otherEvents: [
    'captured', 'capture', 'captives', 'prisoner', 'prisoners', 'surrendered', 'defected', 'deserted', 'executed',
    'missing', 'detained', 'interrogated', 'interviewed', 'rescued', 'repatriated', 'moved', 'redeployed',
    'moving', 'marching', 'massing', 'massed', 'spotted', 'seen',
  ],
  killed: ['killed', 'died', 'dead', 'fatalities', 'deaths', 'slain', 'perished', 'death toll'],
  injured: ['injured', 'wounded', 'injuries', 'hurt'],
  losses: ['casualties', 'losses'],
  // "lost 100 soldiers" usually means killed, but may mean killed and wounded.
  lost: ['lost', 'lose', 'losing', 'loses'],
  // "North Korea has 1.2 million soldiers": what a country or unit has is its size, not a deployment.
  possession: ['has', 'have', 'had', 'boasts', 'field', 'fields', 'maintains', 'commands', 'counts', 'numbers', 'keeps', 'keep'],
  supply: [
    'supplied', 'shipped', 'sent', 'provided', 'delivered', 'transferred', 'sold', 'gave', 'given', 'fed', 'handed',
    'supplying', 'shipping', 'sending', 'providing', 'delivering', 'feeding', 'exported', 'supply', 'supplies',
    'ships', 'sends', 'provides', 'delivers', 'gives', 'sells',
  ],
  value: ['valued', 'values', 'worth', 'value', 'cost', 'costing', 'priced', 'price', 'estimated'],
  arms: [
    'shells', 'missiles', 'munitions', 'arms', 'weapons', 'ammunition', 'shipments', 'supplies', 'aid', 'weaponry',
    'artillery', 'equipment', 'hardware', 'haul', 'consignment', 'deliveries', 'transfers',
  ],
};

/** Function words and verbs that end a noun search after a figure ("sent 10,000 to Russia"). */
export const NOT_NOUNS = new Set([
  'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'into', 'and', 'or', 'but', 'as', 'that', 'who', 'which',
  'within', 'around', 'across', 'inside', 'near', 'among', 'until', 'toward', 'towards', 'via', 'without', 'despite',
  'following', 'amid', 'beyond', 'under', 'over', 'through', 'throughout', 'against', 'alongside', 'more', 'less',
  'were', 'was', 'are', 'is', 'be', 'been', 'have', 'has', 'had', 'will', 'would', 'could', 'may', 'might',
  'according', 'since', 'after', 'before', 'during', 'while', 'so', 'than', 'then', 'this', 'these', 'those',
  'last', 'ago', 'alone', 'each', 'apiece', 'today', 'now', 'already', 'reportedly', 'said', 'says',
  'it', 'they', 'them', 'we', 'he', 'she', 'there', 'per', 'a', 'an', 'not', 'only', 'just', 'about',
]);

// Events a date can mark: the words that must be in the sentence, and the cue words whose distance to
// the date decides between events ("since the invasion in February 2022, … signed the treaty in June").
export interface DateEvent {
  measure: string;
  /** Patterns the sentence must match for the event to be a reading at all. */
  needs: RegExp[];
  /** Words whose distance to the date decides between events. */
  cues: string[];
  /** A last say, given the date's year and the lower-cased sentence. */
  accepts?: (year: number | undefined, sentence: string) => boolean;
}

export const DATE_EVENTS: DateEvent[] = [
  {
    measure: 'pact.signed',
    needs: [/\b(pact|treaty|agreement|deal|accord|partnership)\b/],
    cues: ['pact', 'treaty', 'agreement', 'deal', 'accord', 'partnership', 'sign', 'signed', 'signing', 'penned', 'inked', 'concluded', 'struck', 'agreed', 'sealed'],
  },
  {
    // Ratification is its own event: the sources say the treaty was ratified, never when.
    measure: 'pact.ratified',
    needs: [/\b(pact|treaty|agreement|deal|accord|partnership)\b/, /\b(ratif\w*)\b/],
    cues: ['ratified', 'ratification', 'ratify', 'ratifies', 'ratifying'],
  },
  {
    measure: 'sovietAid.ended',
    // Moscow's aid before 2000 was the Soviet Union's or its successor's ("Moscow cut off economic
    // assistance in 1995"); Russia's aid since is another matter.
    needs: [/\b(soviet|ussr|moscow|kremlin|russia)\b/, /\b(aid|assistance|support|subsidies|subsidy|help|largesse|handouts)\b/],
    accepts: (year, sentence) => /\b(soviet|ussr)\b/.test(sentence) || (year !== undefined && year < 2000),
    cues: ['soviet', 'ussr', 'aid', 'assistance', 'support', 'subsidies', 'help', 'largesse', 'stopped', 'ended', 'halted', 'ceased', 'cut', 'dried'],
  },
  {
    measure: 'invasion.start',
    needs: [/\b(invasion|invaded|invade|full-scale|onset)\b|\bwar (began|started|broke out|erupted)\b/],
    // "The Korean War began in June 1950" is another war.
    accepts: (_year, sentence) => !/\b(korean|world|cold|vietnam|gulf|civil) war\b/.test(sentence) || /\b(invasion|invaded|full-scale)\b/.test(sentence),
    cues: ['invasion', 'invaded', 'invade', 'full-scale', 'onset', 'began', 'started', 'erupted', 'broke out'],
  },
];
