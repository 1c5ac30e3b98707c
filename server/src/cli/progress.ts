// "checked 120/1,000 drafts" on a terminal's stderr while many drafts are checked; silent otherwise.
export const PROGRESS_MIN_FILES = 20;
const INTERVAL_MS = 100;

export function progressReporter(stream: NodeJS.WriteStream): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    if (total < PROGRESS_MIN_FILES) return;
    if (done === total) {
      stream.write('\r\x1b[K');
      return;
    }
    const now = Date.now();
    if (now - last < INTERVAL_MS) return;
    last = now;
    stream.write(`\r\x1b[Kfactlint: checked ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} drafts`);
  };
}
