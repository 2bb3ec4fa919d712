/**
 * Import: check the whole archive first (archive-check.ts), then apply it in one transaction.
 * Profiles are matched by username ignoring case; a post already present (same author, time and
 * body) and a profile's existing draft are kept as they are, so importing the same archive twice
 * adds nothing the second time. The second read hashes the bytes again: if the file changed
 * between the two reads, the transaction is rolled back and nothing is imported.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/index';
import { type ImportResult, createApplier } from './archive-apply';
import { ArchiveProblem, JobCancelled } from './archive-problem';
import { type JobHooks, checkArchive } from './archive-check';
import type { ArchiveRecord } from './archive-format';
import { readLines } from './archive-lines';
import { say } from '../db/sentences';

export type { ImportResult } from './archive-apply';

/** Imports the archive at `file` into `db`; throws ArchiveProblem, with the database unchanged. */
export function importArchive(db: Db, file: string, hooks: JobHooks = {}): ImportResult {
  const checked = checkArchive(file, {
    ...hooks,
    onProgress: (p) => hooks.onProgress?.({ done: Math.floor(p.done / 2), total: p.total }),
  });
  const { counts } = checked.header;
  const total = counts.profiles + counts.posts + counts.follows + counts.drafts;
  const applier = createApplier(db);

  const apply = db.transaction((): ImportResult => {
    const digest = createHash('sha256');
    let done = 0;
    let first = true;
    for (const line of readLines(file, digest)) {
      if (first || (line.text === '' && !line.terminated)) {
        first = false;
        continue;
      }
      // The check validated every line, and the hash compared below proves these are the same
      // bytes (the transaction rolls back otherwise), so the records are not validated twice.
      const record = JSON.parse(line.text) as ArchiveRecord;
      if (record.type === 'profile') applier.profile(record);
      else if (record.type === 'post') applier.post(record);
      else if (record.type === 'follow') applier.follow(record);
      else applier.draft(record);
      done++;
      if (done % 1000 === 0) {
        if (hooks.cancel?.cancelled()) throw new JobCancelled();
        hooks.onProgress?.({ done: Math.floor((total + done) / 2), total });
      }
    }
    if (digest.digest('hex') !== checked.sha256) {
      throw new ArchiveProblem(say('archive.changed'));
    }
    return applier.result;
  });
  const result = apply.immediate();
  hooks.onProgress?.({ done: total, total });
  return result;
}
