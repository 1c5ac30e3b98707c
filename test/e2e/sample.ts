// What factlint must show for the README's sample draft (examples/draft.md, copied into the test
// workspace as draft.md). The engine computes the findings, so ranges and messages cannot drift from
// it; the verdict table below pins what the sample is known to contain, so a regression in the engine
// or in the extension fails here with a concrete figure named.
import { Engine, type Finding } from '../../server/src/engine';

/** The sample's mismatched figures and the figure the sources give instead. */
export const SAMPLE_MISMATCHES: Record<string, string> = {
  '2,500': '1,500',
  '50%': '30%',
  '3,000': '1,000',
};

/** Figures in the sample that a source agrees with. */
export const SAMPLE_SUPPORTED = ['10,500', '11th', '40,000 to 80,000', '11,000', '100', 'eight million', '$5.5 billion', 'two', 'June'];

/** Figures no source speaks to. */
export const SAMPLE_UNVERIFIED = ['300'];

/** The workspace-relative file the runners put the sample in, and the folder of extra sources in the fixture. */
export const DRAFT_FILE = 'draft.md';
export const UNOPENED_FILE = 'notes/unopened.md';
export const EXTRA_CORPUS_FOLDER = 'extra-sources';

export function findings(text: string, corpusDirs: string[] = []): Finding[] {
  return Engine.load({ corpusDirs }).check(text, { format: 'markdown' });
}

/** What the language status item shows for a corpus: "5 documents, 32 facts". */
export function corpusStatusText(corpusDirs: string[] = []): string {
  const engine = Engine.load({ corpusDirs });
  return `${engine.documents.length} documents, ${engine.factCount} facts`;
}

/** The one finding for a figure's text; fails when the text has none or several. */
export function findingFor(all: Finding[], figure: string): Finding {
  const matches = all.filter((f) => f.text === figure);
  if (matches.length !== 1) throw new Error(`expected one finding for "${figure}", found ${matches.length}`);
  return matches[0];
}

/** What the runner checks in the workbench's DOM: the mismatches as a person sees them. */
export interface VisibleMismatch {
  figure: string;
  source: string;
  message: string;
  /** The first source excerpt the hover quotes, and its document's title. */
  excerpt: string;
  title: string;
}

export function visibleMismatches(all: Finding[]): VisibleMismatch[] {
  return all
    .filter((f) => f.verdict === 'mismatch')
    .map((f) => ({
      figure: f.text,
      source: SAMPLE_MISMATCHES[f.text],
      message: f.message,
      excerpt: f.evidence[0].excerpt,
      title: f.evidence[0].title,
    }));
}
