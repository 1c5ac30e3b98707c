// Generated drafts for benchmarks: realistic sentences with figures, mixed with plain prose, to a word count.

/** Sentences of reporting prose with no figure in them. */
const PROSE = [
  'Analysts warn that the regime might fear their exposure to the outside world could inspire dissent upon their return.',
  'South Korea has summoned the Russian ambassador and is weighing its response to the deployment.',
  'The situation may prompt South Korea and the U.S. to enhance their military readiness in response.',
  'Officials in Kyiv said the soldiers were being integrated into Russian units near the front.',
  'Diplomats expect the issue to dominate talks between Seoul and Washington in the coming weeks.',
  'The Kremlin has neither confirmed nor denied the presence of foreign troops on its soil.',
  'Experts say the move gives Pyongyang combat experience it has lacked for decades.',
  'Satellite images showed new activity at training grounds in the region.',
];

/** Sentences with figures (and a few without), as a fact-dense draft has them. */
const SENTENCES = [
  'About 1,500 North Korean special forces were sent to Russia for training.',
  'North Korea has reportedly sent over 11,000 troops to join Russian forces in the Kursk region.',
  'The elite unit consists of approximately 40,000 to 80,000 soldiers.',
  'Up to 30% of the Storm Corps is being deployed, analysts say.',
  'Pyongyang supplied around eight million artillery shells valued at approximately $5.5 billion.',
  'Reports indicate over 100 fatalities and approximately 1,000 injured shortly after their arrival.',
  'The defence pact between Moscow and Pyongyang was signed in June.',
  'Samsung hired 10,500 engineers in Seoul this year, a spokesman said on Tuesday.',
  'The troops are drawn from the 11th Corps, known as the Storm Corps.',
  'Analysts warn that the regime might fear their exposure to the outside world could inspire dissent upon their return.',
  'South Korea has summoned the Russian ambassador and is weighing its response to the deployment.',
  'The situation may prompt South Korea and the U.S. to enhance their military readiness in response.',
];

/**
 * A Markdown draft of about `words` words: headed paragraphs of the sentences above in a varying order,
 * each figure's digits varied so that no two sentences are alike (no cache can help). `proseShare` is
 * the share of sentences drawn from figure-free reporting prose.
 */
export function generateDraft(words: number, seed = 1, proseShare = 0): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  const parts: string[] = ['# Draft\n'];
  let count = 0;
  let paragraph: string[] = [];
  while (count < words) {
    const pool = next() % 100 < proseShare * 100 ? PROSE : SENTENCES;
    const s = pool[next() % pool.length].replace(/\d[\d,]*/g, (n) => vary(n, next()));
    paragraph.push(s);
    count += s.split(/\s+/).length;
    if (paragraph.length === 5) {
      parts.push(paragraph.join(' '), '');
      paragraph = [];
      if (next() % 4 === 0) parts.push(`## Section ${parts.length}\n`);
    }
  }
  if (paragraph.length) parts.push(paragraph.join(' '));
  return parts.join('\n') + '\n';
}

/** Same number of digits and grouping, other digits ("1,500" → "7,305"). */
function vary(n: string, r: number): string {
  let i = 0;
  return n.replace(/\d/g, (d) => (i++ === 0 ? String(1 + ((r + Number(d)) % 9)) : String((r >> i) % 10)));
}
