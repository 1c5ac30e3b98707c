// One sentence's typed figures, given what it reads from the sentences before it (the discourse and the
// previous sentence's tokens): corpusIndex.ts typedFigures types a whole text with it, the editor's
// incremental check (incremental.ts) only the sentences an edit changed.
import { extractFigures } from './figures';
import { withAliases } from './frames/aliases';
import { sentenceFrames, type Frame } from './frames/frame';
import { typeSentence, type Discourse } from './measures';
import type { Topic } from './topic';
import type { Token } from './tokens';
import type { Sentence, TypedFigure } from './types';

/**
 * The sentence's typed figures, offsets into `text`, by the topic's measures where there is one; updates
 * `discourse` for the next sentence.
 */
export function sentenceFigures(topic: Topic | undefined, text: string, sentence: Sentence, tokens: Token[], before: Token[] | undefined, discourse: Discourse): TypedFigure[] {
  const figures = extractFigures(sentence.text, tokens);
  for (const f of figures) {
    f.start += sentence.start;
    f.end += sentence.start;
    // The sentence is the source with markup blanked; a figure's text is what the source holds.
    f.text = text.slice(f.start, f.end);
  }
  // A frame is read only when a figure is judged by frame (check.ts): most are not, and reading costs.
  let frames: Frame[] | undefined;
  const read = () => sentenceFrames(tokens, figures, sentence.start, before);
  const frameOf = (k: number) => (frames ??= topic?.aliases.length ? withAliases(read(), sentence.text.toLowerCase(), topic.aliases) : read())[k];
  // A topic with no measures (only aliases, say) types nothing.
  return typeSentence(topic?.measures.size ? topic : undefined, sentence, figures, discourse, tokens, frameOf);
}
