// Progress on a terminal's stderr while a large corpus is indexed or many drafts are checked; silent
// otherwise, and never on a stream that is not a terminal.
export const PROGRESS_MIN_FILES = 20;
/** Fewer corpus documents than this index in about a second: no bar. */
export const PROGRESS_MIN_SOURCES = 500;
const INTERVAL_MS = 100;
const BAR_WIDTH = 20;

type Reporter = (done: number, total: number) => void;

function throttled(stream: NodeJS.WriteStream, min: number, line: (done: number, total: number) => string): Reporter | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    if (total < min) return;
    if (done === total) {
      stream.write('\r\x1b[K');
      return;
    }
    const now = Date.now();
    if (now - last < INTERVAL_MS) return;
    last = now;
    stream.write(`\r\x1b[Kfactlint: ${line(done, total)}`);
  };
}

const count = (n: number) => n.toLocaleString('en-US');

/** "checked 120/1,000 drafts". */
export function progressReporter(stream: NodeJS.WriteStream): Reporter | undefined {
  return throttled(stream, PROGRESS_MIN_FILES, (done, total) => `checked ${count(done)}/${count(total)} drafts`);
}

/** "indexing 10,000 sources [########            ] 40%". */
export function indexProgressReporter(stream: NodeJS.WriteStream): Reporter | undefined {
  return throttled(stream, PROGRESS_MIN_SOURCES, (done, total) => {
    const filled = Math.floor((done / total) * BAR_WIDTH);
    return `indexing ${count(total)} sources [${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${Math.floor((done / total) * 100)}%`;
  });
}
