// Preloaded (node --require) into a CLI run by the hostile-input tests: at exit, writes the process's
// own resource use (CPU time, peak resident memory) as JSON to file descriptor 3, which the test reads.
// CPU time, unlike the wall clock, does not grow when other work shares the machine.
const fs = require('node:fs');
process.on('exit', () => {
  const u = process.resourceUsage();
  fs.writeSync(3, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024 }));
});
