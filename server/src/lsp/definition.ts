// Go to Definition on a figure: the corpus sentences that support or contradict it, the ones that
// decided the verdict first.
import type { Location, LocationLink } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine';
import { evidenceLocation, findingRange } from './diagnostics';

export function definition(doc: TextDocument, finding: Finding, linkSupport: boolean): Location[] | LocationLink[] {
  const decisive = (agrees: boolean) => (agrees === (finding.verdict === 'supported') ? 0 : 1);
  const locations = [...finding.evidence].sort((a, b) => decisive(a.agrees) - decisive(b.agrees)).map(evidenceLocation);
  if (!linkSupport) return locations;
  const origin = findingRange(doc, finding);
  return locations.map((l) => ({ originSelectionRange: origin, targetUri: l.uri, targetRange: l.range, targetSelectionRange: l.range }));
}
