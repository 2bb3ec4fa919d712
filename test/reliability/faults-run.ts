/**
 * `npx tsx test/reliability/faults-run.ts [--full] [--seed N] [--runs N] [--parallel N]`: the
 * fault-injection matrix outside Vitest, printing the figures; exit code 1 on any wrong answer.
 */
import { parseArgs } from 'node:util';
import { isWrong, plan, runAll, sample, summarize } from './faults';

const { values } = parseArgs({
  options: {
    full: { type: 'boolean' },
    seed: { type: 'string' },
    runs: { type: 'string' },
    parallel: { type: 'string' },
  },
});
const seed = Number(values.seed ?? Date.now() % 2 ** 31);
const runs = values.full ? plan() : sample(seed, Number(values.runs ?? 24));
process.stderr.write(`${runs.length} runs${values.full ? ' (full matrix)' : ` (seed ${seed})`}\n`);
let done = 0;
const results = await runAll(runs, Number(values.parallel ?? 2), (r) => {
  done++;
  if (done % 25 === 0 || isWrong(r))
    process.stderr.write(
      `  ${done}/${runs.length}${isWrong(r) ? ` WRONG ${r.scenario} ${r.syscall}:${r.error}:${r.when}` : ''}\n`,
    );
});
process.stdout.write(`${summarize(results)}\n`);
process.exitCode = results.some(isWrong) ? 1 : 0;
