/** `npm run db -- export | import | backup | backups` as real processes, with the other commands' exit codes. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownMigrationNames } from '../../electron/db/migrator';
import { migrations } from '../../migrations/index';
import { runCli, seedDatabase, sha256, tempDir } from '../fixtures/index';

const HEAD = knownMigrationNames(migrations).at(-1) as string;

describe('npm run db: the data commands', () => {
  it('export, import twice, a CSV, a refusal with exit code 1, backup and backups', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.db');
    const target = path.join(dir, 'target.db');
    await seedDatabase(source, { users: 2, posts: 40 });
    await seedDatabase(target, { users: 0, posts: 0 });
    const archive = path.join(dir, 'all.jsonl');

    const exported = await runCli('db', ['export', '--out', archive], { db: source });
    expect(exported).toMatchObject({ code: 0, stdout: `Exported 2 profiles, 40 posts to ${archive}.\n` });

    const first = await runCli('db', ['import', archive], { db: target });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Imported 2 new profiles, 40 new posts and 0 drafts.');
    const again = await runCli('db', ['import', archive], { db: target });
    expect(again.stdout).toContain('Imported 0 new profiles, 0 new posts and 0 drafts.');

    const csv = path.join(dir, 'bob.csv');
    const csvRun = await runCli('db', ['export', '--out', csv, '--user', 'bob', '--format', 'csv'], {
      db: source,
    });
    expect(csvRun.code).toBe(0);
    expect(fs.readFileSync(csv, 'utf8').split('\n')).toHaveLength(1 + 20 + 1);

    fs.writeFileSync(path.join(dir, 'bad.jsonl'), '{"format":"microblog-archive","version":9}\n');
    const before = sha256(target);
    const refused = await runCli('db', ['import', path.join(dir, 'bad.jsonl')], { db: target });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'This archive was made by a newer Microblog (format version 9); update Microblog to import it.',
    );
    expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(sha256(target)).toBe(before);

    const backup = await runCli('db', ['backup'], { db: source });
    expect(backup.code).toBe(0);
    const made = /Backed up to (.+-manual\.db)\./.exec(backup.stdout)?.[1] as string;
    expect(fs.existsSync(made)).toBe(true);
    const list = await runCli('db', ['backups'], { db: source });
    expect(list.stdout).toMatch(new RegExp(String.raw`\d{4}-\d\d-\d\dT[\d:.]+Z\s+\d+ KB\s+${HEAD}\s+manual`));
  }, 120_000); // seven tool processes, each starting tsx

  it('refuses a database that is not up to date, and a missing one, like the other commands', async () => {
    const dir = tempDir();
    const missing = await runCli('db', ['export', '--out', path.join(dir, 'x.jsonl')], {
      db: path.join(dir, 'none.db'),
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist yet. Run "npm run db -- upgrade" first.');
    expect(fs.existsSync(path.join(dir, 'x.jsonl'))).toBe(false);
  });
});
