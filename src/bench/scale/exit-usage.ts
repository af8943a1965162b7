/**
 * Preloaded into the processes the scale bench starts (`node --import`): at exit, writes the
 * process's peak resident memory and CPU time to the file named by GRIOT_BENCH_USAGE_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.GRIOT_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssBytes: u.maxRSS * 1024, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }));
  });
}
