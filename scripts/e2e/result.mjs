// Prints the result file that test/e2e/index.ts writes in the extension host.

/** Prints each test and every failure's error; true when tests ran and none failed. */
export function printResult(result) {
  console.log(`  suite ran in ${result.appName} ${result.vscodeVersion} (${(result.durationMs / 1000).toFixed(1)} s)`);
  for (const t of result.tests) console.log(`  ${t.state === 'passed' ? '✓' : '✗'} ${t.title}${t.durationMs === undefined ? '' : ` (${t.durationMs} ms)`}`);
  for (const t of result.tests.filter((x) => x.state === 'failed')) console.log(`\n  ✗ ${t.title}\n    ${t.error.replace(/\n/g, '\n    ')}\n`);
  console.log(`  ${result.passed} passed, ${result.failed} failed`);
  return result.failed === 0 && result.passed > 0;
}
