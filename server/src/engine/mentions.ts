// Who a sentence names: the topic's parties, its unit and its forces, with attributions ("the ministry
// says") and places ("France's south") set aside, and which of them is the sentence's subject.
import Fuse from 'fuse.js';
import { isGroup, type Party, type Topic } from './topic';

export interface Mention {
  start: number;
  end: number;
  party: Party;
}

// Attributions name who says a figure, not who it is about: "Paris says", "according to Berlin,". A
// passive ("staff are reported to be leaving") is not one.
// Datelines ("OSLO, Oct 18 (Reuters) -", "WASHINGTON (AP) —") name where a report was filed.
const ATTRIBUTION = /^[a-z .]{3,30}(?:, [a-z]{3,9}\.? \d{1,2})? \([a-z .]+\)(?= [-—–])|according to [^,.;]*,?|\bby [^,.;]{0,30}?['’]s? (?:count|counts|estimate|estimates|reckoning|tally|account)\b|(?:^|[,;:—–-] *)[^,.;]{0,60}?(?<!\b(?:is|are|was|were|been|be) )\b(?:says?|said|reports?|reported|claims?|claimed|estimates?|estimated|believes?|warns?|warned|notes?|noted|suggests?|suggested|indicates?|indicated|confirmed|told|expects|assesses|assessed|thinks|reckons|predicts|added|values|puts)\b(?: that)?/g;
// "France's border", "France's south": a place, not a party; the topic adds its own places.
// "France's war", "France's invasion": an event, not whom a figure is about.
const PLACES = ['border', 'territory', 'soil', 'region', 'east', 'west', 'south', 'north', 'war', 'invasion', 'offensive', 'war effort', 'war efforts'];
// After "military", a word that makes it an adjective: anything but a verb, a function word or the
// nouns that keep it about the armed forces ("military personnel").
export const ADJECTIVE_USE = /^\s+(?!(?:has|have|had|is|are|was|were|counts?|numbers?|of|and|or|but|with|that|which|who|reportedly|fields?|boasts?|totals?|personnel|forces?|strength|size|lacks?|in|to|at|on|for|from)\b)[a-z]/;
// Not "by": the agent of a passive ("sent by Paris") is who acts.
const PREPOSITION_BEFORE = /\b(to|for|in|into|of|against|with|from|toward|towards|at|across|inside|near|on|than|alongside|beside|among|via|reached|reaching|entered|entering)\s+(the\s+)?$/;

/** What mentions need of a topic, compiled once per topic. */
interface MentionPatterns {
  /** Every way of naming a party, the unit or the forces, in one pattern: one scan per sentence. */
  re: RegExp;
  parties: Party[];
  placeAfter: RegExp;
  fuzzy: Fuse<{ name: string; party: Party }>;
  fuzzyCache: Map<string, Party | undefined>;
}

const patternsOf = new WeakMap<Topic, MentionPatterns>();

/**
 * Misspelt names ("Pariss", "Brusels") are found with fuse.js's Bitap search. Its score for a phrase is
 * the number of wrong letters divided by the phrase's length (with `ignoreLocation`, where in the name the
 * match falls costs nothing, and with `ignoreFieldNorm`, a name's length does not scale it), so
 * `threshold: 0.2` allows one wrong letter in five. Bitap finds the phrase *inside* a name, so on its own
 * it takes "Operations" for "Special Operations Command"; a hit therefore must also cover the whole name but
 * one letter (`includeMatches` gives the letters matched). And it must begin with the name's letter, as
 * misspellings almost always do: "Roman" is one letter from "Oman", but it is another word.
 */
function patterns(topic: Topic): MentionPatterns {
  let p = patternsOf.get(topic);
  if (!p) {
    // The unit's names come first so "the 3rd Division" is the unit, not a bare "the"; each group is one party.
    const sources = topic.mentionSources;
    const fuzzyNames = [topic.unit, topic.forces, ...topic.parties]
      .flatMap((g) => (g?.fuzzy ?? []).map((name) => ({ name, party: g!.id })));
    p = {
      // A topic that names no one (only aliases, say) finds no mention: a pattern of no alternatives matches nothing.
      re: sources.length ? new RegExp(sources.map(([src]) => `(${src.replace(/\((?!\?)/g, '(?:')})`).join('|'), 'g') : /(?!)/g,
      parties: sources.map(([, party]) => party),
      placeAfter: new RegExp(`^(['’]s)?\\s+(${[...topic.places, ...PLACES].join('|')})\\b`),
      fuzzy: new Fuse(fuzzyNames, { keys: ['name'], threshold: 0.2, ignoreLocation: true, ignoreFieldNorm: true, includeMatches: true }),
      fuzzyCache: new Map(),
    };
    patternsOf.set(topic, p);
  }
  return p;
}

/** The one pattern that finds every mention of a topic's parties, unit and forces. */
export function mentionPattern(topic: Topic): RegExp {
  return patterns(topic).re;
}

/** The party of the name a capitalised phrase misspells, if it misspells one. */
export function fuzzyParty(topic: Topic, phrase: string): Party | undefined {
  const { fuzzy, fuzzyCache } = patterns(topic);
  if (!fuzzyCache.has(phrase)) {
    const hit = fuzzy.search(phrase).find(({ item, matches }) => {
      const matched = (matches ?? []).flatMap((m) => m.indices).reduce((n, [from, to]) => n + to - from + 1, 0);
      return matched >= item.name.length - 1 && item.name[0].toLowerCase() === phrase[0].toLowerCase();
    });
    if (fuzzyCache.size > 5000) fuzzyCache.clear();
    fuzzyCache.set(phrase, hit?.item.party);
  }
  return fuzzyCache.get(phrase);
}

/**
 * The parties a sentence is about, in text order, and apart from them those it quotes as saying it
 * ("the minister said"). `fuzzy` also tries misspelt names when nothing matches exactly (worth it only
 * for sentences with figures).
 */
export function sentenceMentions(topic: Topic, text: string, lower: string, fuzzy: boolean): { mentions: Mention[]; speakers: Mention[] } {
  const mentions: Mention[] = [];
  const speakers: Mention[] = [];
  const found = findMentions(topic, text, lower, fuzzy);
  // Most sentences name no one: their attributions need not be looked for.
  if (!found.length) return { mentions, speakers };
  // "U.S." has full stops that are not clause ends.
  const attributions = spans(lower.replace(/\bu\.s\./g, 'u s '), ATTRIBUTION);
  const { placeAfter } = patterns(topic);
  for (const m of found) {
    if (placeAfter.test(lower.slice(m.end, m.end + 24))) continue;
    (attributions.some((a) => m.start >= a.start && m.end <= a.end) ? speakers : mentions).push(m);
  }
  return { mentions, speakers };
}

/**
 * The first party named that is not the object of a preposition ("sent to France"); an owner gives
 * way to what it owns ("France's elite unit" is the unit, "France's army" its forces).
 */
export function subjectOf(topic: Topic, mentions: Mention[], lower: string): Mention | undefined {
  const i = mentions.findIndex((m) => !PREPOSITION_BEFORE.test(lower.slice(Math.max(0, m.start - 12), m.start)));
  const first = mentions[i];
  if (!first || !/^['’]s\b/.test(lower.slice(first.end))) return first;
  const owned = mentions.slice(i + 1).find((m) => isGroup(topic, m.party) && m.start - first.end <= 40);
  return owned && !/\b(is|are|was|were|has|have|had)\b/.test(lower.slice(first.end, owned.start)) ? owned : first;
}

export function spans(text: string, re: RegExp): { start: number; end: number }[] {
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

function findMentions(topic: Topic, text: string, lower: string, fuzzy: boolean): Mention[] {
  const out: Mention[] = [];
  const { re: mentionRe, parties } = patterns(topic);
  const forces = topic.forces?.id;
  mentionRe.lastIndex = 0;
  for (let m = mentionRe.exec(lower); m; m = mentionRe.exec(lower)) {
    const i = m.slice(1).findIndex((g) => g !== undefined);
    const end = m.index + m[0].length;
    // "military intervention", "military support": an adjective, not the armed forces.
    if (parties[i] === forces && m[0] === 'military' && ADJECTIVE_USE.test(lower.slice(end, end + 24))) continue;
    out.push({ start: m.index, end, party: parties[i] });
  }
  if (!out.length && fuzzy) {
    // Misspelt names ("Pariss", "Brusels"): fuzzy-match capitalised phrases.
    const re = /[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const party = fuzzyParty(topic, m[0]);
      if (party) out.push({ start: m.index, end: m.index + m[0].length, party });
    }
  }
  // Longer, more specific mentions first where they overlap; then text order.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // "Spain's army" is Spain's, not the actor's.
  for (let i = 1; i < out.length; i++) {
    const owner = out[i - 1];
    if (out[i].party === forces && owner.party !== topic.actor && owner.party !== topic.unit?.id && /^(['’]s)?\s*$/.test(lower.slice(owner.end, out[i].start)))
      out[i] = { ...out[i], party: owner.party };
  }
  // A mention inside an earlier one is dropped, unless either names the unit. Earlier mentions start no
  // later, so only the furthest end reached so far matters.
  let reach = -1;
  return out.filter((m) => {
    if (m.party === topic.unit?.id) return true;
    const inside = reach >= m.end;
    reach = Math.max(reach, m.end);
    return !inside;
  });
}
