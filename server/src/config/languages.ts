// The file extensions of each kind of draft. This module imports nothing at run time, so the VS Code
// client can use it without bundling the engine (a test keeps the Markdown ones equal to the engine's).
import type { DocumentFormat } from '../engine/types';

/** File extensions of each kind of draft, lower case with the dot. */
export const LANGUAGE_EXTENSIONS: Readonly<Record<DocumentFormat, readonly string[]>> = {
  markdown: ['.md', '.markdown'],
  plaintext: ['.txt'],
};
