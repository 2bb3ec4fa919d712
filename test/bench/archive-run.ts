/**
 * Export and import at scale: `npx tsx test/bench/archive-run.ts [--posts N ...]` builds a
 * database with 2 profiles and N posts, then exports it, imports the archive into an empty
 * database, and imports it again (which must add nothing), each step in a child process of its
 * own, so its peak RSS is that step's alone. Prints one JSON line per size.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { openDatabase } from '../../electron/db/connection';
import { migrateToLatest } from '../../electron/db/migrator';
import { exportArchive } from '../../electron/data/archive-export';
import { importArchive } from '../../electron/data/archive-import';
import { migrations } from '../../migrations/index';
import { tempFolder } from '../fixtures/temp';

/** The old-space limit each step runs under: the app's data worker's (a 1,000,000-post archive is about 96 MB). */
const HEAP_MB = 256;

const { values } = parseArgs({
  options: {
    posts: { type: 'string', multiple: true },
    child: { type: 'string' },
    db: { type: 'string' },
    file: { type: 'string' },
  },
});

/** One step in this process: its time and the process's peak RSS, as JSON on stdout. */
async function child(step: string, dbPath: string, file: string): Promise<void> {
  const db = openDatabase(dbPath);
  if (step === 'migrate') {
    await migrateToLatest(db, { migrations });
    db.close();
    return;
  }
  const started = performance.now();
  const result = step === 'export' ? exportArchive(db, file) : importArchive(db, file);
  const ms = Math.round(performance.now() - started);
  db.close();
  process.stdout.write(
    JSON.stringify({
      ms,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      heap_limit_mb: Math.round(v8.getHeapStatistics().heap_size_limit / 1024 / 1024),
      result,
    }),
  );
}

function run(step: string, dbPath: string, file = ''): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    // A small heap: a step that kept records in memory would run out of it and fail here.
    [
      `--max-old-space-size=${HEAP_MB}`,
      '--import',
      'tsx',
      import.meta.filename,
      '--child',
      step,
      '--db',
      dbPath,
      '--file',
      file,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return out === '' ? {} : (JSON.parse(out) as Record<string, unknown>);
}

async function measure(posts: number): Promise<void> {
  const folder = tempFolder('archive-bench');
  try {
    const source = path.join(folder.dir, 'source.db');
    const target = path.join(folder.dir, 'target.db');
    run('migrate', source);
    run('migrate', target);
    const db = openDatabase(source);
    db.exec(
      `INSERT INTO users (username, email) VALUES ('ada', 'ada@example.com'), ('bob', 'bob@example.com')`,
    );
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${posts})
      INSERT INTO posts (body, timestamp, user_id)
      SELECT 'post ' || i || ' by user ' || (i % 2 + 1), strftime('%Y-%m-%dT%H:%M:%fZ', '2000-01-01', '+' || i || ' seconds'), i % 2 + 1 FROM n`);
    db.close();
    const file = path.join(folder.dir, 'all.jsonl');
    const exported = run('export', source, file);
    const imported = run('import', target, file);
    const again = run('import', target, file);
    const size_mb = Math.round(fs.statSync(file).size / 1024 / 1024);
    console.log(
      JSON.stringify({ posts, archive_mb: size_mb, export: exported, import: imported, import_again: again }),
    );
  } finally {
    folder.remove();
  }
}

if (values.child) await child(values.child, values.db ?? '', values.file ?? '');
else for (const size of values.posts ?? ['100000', '1000000']) await measure(Number(size));
