/** The UI benchmark's figures, their ratios against the targets, and the table printed for people. */

/** Median and 95th percentile of a set of times, in milliseconds. */
export interface Spread {
  samples: number;
  median_ms: number;
  p95_ms: number;
}

/** One ratio the issue sets a target for: `value` must be at most `target`. */
export interface Ratio {
  what: string;
  value: number;
  target: number;
  met: boolean;
}

export interface UiBenchResult {
  sizes: { users: number; posts: number; rows: number };
  browser: string;
  open: { database: Spread; memory: Spread };
  post: { top: Spread; deep: Spread };
  delete: { top: Spread; deep: Spread };
  heap_bytes: { top: number; deep: number };
  keystroke: Spread;
  /** `posts:timeline` calls main received while posting and deleting at depth (none re-read a loaded page). */
  timeline_calls_at_depth: number;
  ratios: Ratio[];
  seconds: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** The median and p95 of `times`. */
export function spread(times: readonly number[]): Spread {
  const sorted = [...times].sort((a, b) => a - b);
  return { samples: sorted.length, median_ms: percentile(sorted, 50), p95_ms: percentile(sorted, 95) };
}

/** A ratio against its target. */
export function ratio(what: string, value: number, target: number): Ratio {
  return { what, value, target, met: value <= target };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** The table printed on stdout (and pasted into docs/bench.md). */
export function formatUiTable(r: UiBenchResult): string {
  const rows = r.sizes.rows.toLocaleString('en-US');
  const line = (what: string, a: string, b: string, x: Ratio | undefined) =>
    `| ${what} | ${a} | ${b} | ${x ? `${x.value.toFixed(2)}× (≤ ${x.target}×) ${x.met ? 'met' : 'MISSED'}` : ''} |`;
  const [open, post, remove, heap] = r.ratios;
  return [
    `| measure | baseline | measured | ratio |`,
    `|---|---:|---:|---|`,
    line(
      'open → first post (memory IPC / database)',
      ms(r.open.memory.median_ms),
      ms(r.open.database.median_ms),
      open,
    ),
    line(
      `Post → drawn first (top / ${rows} rows down)`,
      ms(r.post.top.median_ms),
      ms(r.post.deep.median_ms),
      post,
    ),
    line(
      `delete → row gone (top / ${rows} rows down)`,
      ms(r.delete.top.median_ms),
      ms(r.delete.deep.median_ms),
      remove,
    ),
    line(`JS heap after GC (top / ${rows} rows down)`, mib(r.heap_bytes.top), mib(r.heap_bytes.deep), heap),
    `| keystroke → next frame (median / p95) | ${ms(r.keystroke.median_ms)} | ${ms(r.keystroke.p95_ms)} | |`,
  ].join('\n');
}
