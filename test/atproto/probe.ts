/** How long IPC answers take while other work runs on the same event loop. */

/** Calls `call` every 10 ms while `work` runs; returns each answer's delay (lateness of its tick plus its own time). */
export async function answersDuring(
  call: () => Promise<unknown>,
  work: () => Promise<void>,
): Promise<number[]> {
  const delays: number[] = [];
  let done = false;
  let expected = performance.now() + 10;
  const probe = async () => {
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, expected - performance.now())));
      // A timer may fire a fraction of a millisecond early: that is no lateness.
      const late = Math.max(0, performance.now() - expected);
      const started = performance.now();
      await call();
      delays.push(late + performance.now() - started);
      expected = performance.now() + 10;
    }
  };
  const probing = probe();
  await work();
  done = true;
  await probing;
  return delays;
}

/** The p-th percentile (0–100) of `values`, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}
