// Names a story gives one thing under several (corpus.json "topic.aliases"): "the 11th Corps" is "the
// Storm Corps" to a reader of that story, and to no general reading. A frame whose sentence names one of
// them is read as naming the group's first: that is its party, and that name's words join its terms, so
// a claim that says one name is not taken for another fact by the names it lacks. Only the first name's
// words are added: a pair that already shares a name gains no more words in common.
import { lemmaOf } from '../english/lemma';
import type { Frame } from './frame';

export interface AliasGroup {
  /** Lower-case names, the first the one a party is given as. */
  names: string[];
  /** Each name as a whole-word pattern. */
  patterns: RegExp[];
  /** The words of the first name. */
  words: string[];
}

export function aliasGroups(groups: string[][]): AliasGroup[] {
  return groups.map((names) => {
    const lower = names.map((n) => n.toLowerCase());
    return {
      names: lower,
      patterns: lower.map((n) => new RegExp(`(?<![\\w])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?![\\w])`)),
      // A frame's terms are base forms, and a name's words are its own: both, to find either.
      words: [...new Set(lower[0].split(/\s+/).flatMap((w) => [w, lemmaOf(w).base]))],
    };
  });
}

/** The frames of a sentence (lower-cased), with the aliases it names applied. */
export function withAliases(frames: Frame[], lower: string, groups: AliasGroup[]): Frame[] {
  for (const group of groups) {
    if (!group.patterns.some((re) => re.test(lower))) continue;
    for (const frame of frames) {
      // The party may be the name's capitalised part only: "Hollister" of "the Hollister blaze".
      const party = frame.party;
      if (party && group.names.some((n) => ` ${n} `.includes(` ${party} `))) frame.party = group.names[0];
      // The weight of the name the clause gives, for the first name's words.
      const weight = Math.max(0, ...group.names.flatMap((n) => n.split(/\s+/)).map((w) => frame.terms.get(w) ?? frame.terms.get(lemmaOf(w).base) ?? 0));
      if (!weight) continue;
      for (const w of group.words) if ((frame.terms.get(w) ?? 0) < weight) frame.terms.set(w, weight);
    }
  }
  return frames;
}
