// Who a sentence names: North Korea, Russia, the corps, the military…, with attributions ("Kyiv says")
// and places ("Russia's Far East") set aside, and which of them is the sentence's subject.
import Fuse from 'fuse.js';
import { CORPS_NAMES, FUZZY_NAMES, MILITARY_WORDS, PARTIES, type Party } from './lexicon';

export interface Mention {
  start: number;
  end: number;
  party: Party;
}

// Attributions name who says a figure, not who it is about: "Kyiv says", "according to Seoul,". A
// passive ("troops are reported to be fighting") is not one.
// Datelines ("SEOUL, Oct 18 (Reuters) -", "WASHINGTON (AP) —") name where a report was filed.
const ATTRIBUTION = /^[a-z .]{3,30}(?:, [a-z]{3,9}\.? \d{1,2})? \([a-z .]+\)(?= [-—–])|according to [^,.;]*,?|\bby [^,.;]{0,30}?['’]s? (?:count|counts|estimate|estimates|reckoning|tally|account)\b|(?:^|[,;:—–-] *)[^,.;]{0,60}?(?<!\b(?:is|are|was|were|been|be) )\b(?:says?|said|reports?|reported|claims?|claimed|estimates?|estimated|believes?|warns?|warned|notes?|noted|suggests?|suggested|indicates?|indicated|confirmed|told|expects|assesses|assessed|thinks|reckons|predicts|added|values|puts)\b(?: that)?/g;
// "Russia's Far East", "Russia's Kursk region": a place, not a party.
// "Russia's war", "Russia's invasion": an event, not whom a figure is about.
const PLACE_AFTER = /^(['’]s)?\s+(far east|kursk|border|territory|soil|region|east|west|south|north|war|invasion|offensive|war effort|war efforts)\b/;
// After "military", a word that makes it an adjective: anything but a verb, a function word or the
// nouns that keep it about the armed forces ("military personnel").
export const ADJECTIVE_USE = /^\s+(?!(?:has|have|had|is|are|was|were|counts?|numbers?|of|and|or|but|with|that|which|who|reportedly|fields?|boasts?|totals?|personnel|forces?|strength|size|lacks?|in|to|at|on|for|from)\b)[a-z]/;
// Not "by": the agent of a passive ("sent by Pyongyang") is who acts.
const PREPOSITION_BEFORE = /\b(to|for|in|into|of|against|with|from|toward|towards|at|across|inside|near|on|than|alongside|beside|among|via|reached|reaching|entered|entering)\s+(the\s+)?$/;

// Every way of naming a party, the corps or the military, in one pattern: one scan per sentence.
// Corps names come first so "the Storm Corps" is the corps, not a bare "the"; each group is one party.
const MENTION_SOURCES: [string, Party][] = [
  [`\\b(?:${CORPS_NAMES.map((n) => n.replace(/ /g, '\\s+')).join('|')})s?\\b`, 'corps'],
  [MILITARY_WORDS.source, 'military'],
  ...PARTIES.map(([re, party]) => [re.source, party] as [string, Party]),
];
export const MENTION_RE = new RegExp(MENTION_SOURCES.map(([src]) => `(${src.replace(/\((?!\?)/g, '(?:')})`).join('|'), 'g');
const MENTION_PARTIES = MENTION_SOURCES.map(([, party]) => party);

/**
 * Misspelt names ("Strom Corps", "Pyongyan", "Moskow") are found with fuse.js's Bitap search. Its score
 * for a phrase is the number of wrong letters divided by the phrase's length (with `ignoreLocation`, where
 * in the name the match falls costs nothing, and with `ignoreFieldNorm`, a name's length does not scale
 * it), so `threshold: 0.2` allows one wrong letter in five. Bitap finds the phrase *inside* a name, so on
 * its own it takes "Operations" for "Special Operations Corps" and "Moss" for "Moscow"; a hit therefore
 * must also cover the whole name but one letter (`includeMatches` gives the letters matched). And it must
 * begin with the name's letter, as misspellings almost always do: "Prussia" is one letter from "Russia",
 * but it is another name.
 */
const fuzzyNames = new Fuse(
  FUZZY_NAMES.map(([name, party]) => ({ name, party })),
  { keys: ['name'], threshold: 0.2, ignoreLocation: true, ignoreFieldNorm: true, includeMatches: true },
);

const fuzzyCache = new Map<string, Party | undefined>();

/** The party of the name a capitalised phrase misspells, if it misspells one. */
export function fuzzyParty(phrase: string): Party | undefined {
  if (!fuzzyCache.has(phrase)) {
    const hit = fuzzyNames.search(phrase).find(({ item, matches }) => {
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
 * ("Zelensky said"). `fuzzy` also tries misspelt names when nothing matches exactly (worth it only
 * for sentences with figures).
 */
export function sentenceMentions(text: string, lower: string, fuzzy: boolean): { mentions: Mention[]; speakers: Mention[] } {
  // "U.S." has full stops that are not clause ends.
  const attributions = spans(lower.replace(/\bu\.s\./g, 'u s '), ATTRIBUTION);
  const mentions: Mention[] = [];
  const speakers: Mention[] = [];
  for (const m of findMentions(text, lower, fuzzy)) {
    if (PLACE_AFTER.test(lower.slice(m.end, m.end + 24))) continue;
    (attributions.some((a) => m.start >= a.start && m.end <= a.end) ? speakers : mentions).push(m);
  }
  return { mentions, speakers };
}

/**
 * The first party named that is not the object of a preposition ("sent to Russia"); an owner gives
 * way to what it owns ("Kim's elite formation" is the corps, "North Korea's military" the military).
 */
export function subjectOf(mentions: Mention[], lower: string): Mention | undefined {
  const i = mentions.findIndex((m) => !PREPOSITION_BEFORE.test(lower.slice(Math.max(0, m.start - 12), m.start)));
  const first = mentions[i];
  if (!first || !/^['’]s\b/.test(lower.slice(first.end))) return first;
  const owned = mentions.slice(i + 1).find((m) => (m.party === 'corps' || m.party === 'military') && m.start - first.end <= 40);
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

function findMentions(text: string, lower: string, fuzzy: boolean): Mention[] {
  const out: Mention[] = [];
  MENTION_RE.lastIndex = 0;
  for (let m = MENTION_RE.exec(lower); m; m = MENTION_RE.exec(lower)) {
    const i = m.slice(1).findIndex((g) => g !== undefined);
    const end = m.index + m[0].length;
    // "military intervention", "military support": an adjective, not the armed forces.
    if (m[0] === 'military' && ADJECTIVE_USE.test(lower.slice(end, end + 24))) continue;
    out.push({ start: m.index, end, party: MENTION_PARTIES[i] });
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
  // A mention inside an earlier one is dropped, unless either names the corps. Earlier mentions start no
  // later, so only the furthest end reached so far matters.
  let reach = -1;
  return out.filter((m) => {
    if (m.party === 'corps') return true;
    const inside = reach >= m.end;
    reach = Math.max(reach, m.end);
    return !inside;
  });
}
