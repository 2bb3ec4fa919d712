/**
 * The first pass of an import: reads the whole archive and checks every line against the format
 * and the app's data rules before anything is written. The first problem ends the check with one
 * sentence naming the line; nothing is kept in memory but the profiles' names.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { z } from 'zod';
import { ArchiveProblem, type CancelFlag, JobCancelled, type JobProgress } from './archive-problem';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchiveHeader,
  COUNT_OF,
  MAX_ARCHIVE_BYTES,
  type RecordType,
  headerSchema,
  recordSchema,
} from './archive-format';
import { type ArchiveLine, readLines } from './archive-lines';

/** What the check found: the header, and the sha256 of the bytes it read. */
export interface CheckedArchive {
  header: ArchiveHeader;
  sha256: string;
}

export interface JobHooks {
  cancel?: CancelFlag;
  onProgress?: (progress: JobProgress) => void;
}

const ORDER: readonly RecordType[] = ['profile', 'post', 'follow', 'draft'];
const NOUN = { profile: 'a profile', post: 'a post', follow: 'a follow', draft: 'a draft' } as const;

/** One zod issue as the end of a sentence a person can act on. */
function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'the record';
  switch (issue.code) {
    // Every refinement, format and bound in archive-format.ts carries its own sentence.
    case 'custom':
    case 'invalid_format':
    case 'too_big':
    case 'too_small':
      return issue.message;
    case 'unrecognized_keys':
      return `it has a field Microblog does not know (${issue.keys.map((key) => `"${key}"`).join(', ')}).`;
    case 'invalid_union':
      return 'it is not a profile, a post, a follow or a draft.';
    default:
      return `${field} is missing or is not what Microblog writes there.`;
  }
}

function parseJson(line: ArchiveLine): unknown {
  try {
    return JSON.parse(line.text) as unknown;
  } catch {
    if (!line.terminated)
      throw new ArchiveProblem('The archive ends in the middle of a record: it is truncated.');
    throw new ArchiveProblem(`Line ${line.number.toLocaleString('en')} of the archive is not valid JSON.`);
  }
}

function readHeader(line: ArchiveLine | undefined): ArchiveHeader {
  if (line === undefined) throw new ArchiveProblem('The archive is empty.');
  let value: unknown;
  try {
    value = JSON.parse(line.text) as unknown;
  } catch {
    throw new ArchiveProblem('This file is not a Microblog archive.');
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (typeof value !== 'object' || value === null || format !== ARCHIVE_FORMAT) {
    throw new ArchiveProblem('This file is not a Microblog archive.');
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > ARCHIVE_VERSION) {
    throw new ArchiveProblem(
      `This archive was made by a newer Microblog (format version ${version}); update Microblog to import it.`,
    );
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) {
    throw new ArchiveProblem(
      `The archive's header is damaged: ${describe(parsed.error.issues[0] as z.core.$ZodIssue)}`,
    );
  }
  return parsed.data;
}

/** Checks the archive at `file`; throws ArchiveProblem (or JobCancelled) on the first problem. */
export function checkArchive(file: string, hooks: JobHooks = {}): CheckedArchive {
  const size = fs.statSync(file).size;
  if (size > MAX_ARCHIVE_BYTES) {
    throw new ArchiveProblem('This archive is larger than 2 GB, far more than Microblog ever writes.');
  }
  const digest = createHash('sha256');
  const lines = readLines(file, digest);
  const header = readHeader(lines.next().value ?? undefined);
  const total = header.counts.profiles + header.counts.posts + header.counts.follows + header.counts.drafts;
  const seen = { profile: 0, post: 0, follow: 0, draft: 0 };
  const profiles = new Set<string>();
  const drafted = new Set<string>();
  let stage = 0;
  for (const line of lines) {
    if (line.text === '' && !line.terminated) break;
    // Only a problem needs the line's name: formatting it for every line would cost more than the check.
    const at = () => `Line ${line.number.toLocaleString('en')}`;
    const value = parseJson(line);
    const parsed = recordSchema.safeParse(value);
    if (!parsed.success) {
      const kind = (value as { type?: unknown } | null)?.type;
      const noun =
        typeof kind === 'string' && Object.hasOwn(NOUN, kind) ? ` (${NOUN[kind as RecordType]})` : '';
      throw new ArchiveProblem(`${at()}${noun}: ${describe(parsed.error.issues[0] as z.core.$ZodIssue)}`);
    }
    const record = parsed.data;
    const place = ORDER.indexOf(record.type);
    if (place < stage) {
      throw new ArchiveProblem(
        `${at()}: ${NOUN[record.type]} comes after the ${COUNT_OF[ORDER[stage] as RecordType]}; the archive is out of order.`,
      );
    }
    stage = place;
    if (record.type === 'profile') {
      const name = record.username.toLowerCase();
      if (profiles.has(name))
        throw new ArchiveProblem(`${at()}: the profile "${record.username}" appears twice.`);
      if (header.passwordHashes !== (record.passwordHash !== undefined)) {
        throw new ArchiveProblem(
          `${at()}: the header and this profile disagree on whether password hashes are included.`,
        );
      }
      profiles.add(name);
    } else if (record.type === 'follow') {
      for (const name of [record.follower, record.followed]) {
        if (!profiles.has(name.toLowerCase())) {
          throw new ArchiveProblem(
            `${at()}: a follow names "${name}", who is not among the archive's profiles.`,
          );
        }
      }
    } else {
      if (!profiles.has(record.author.toLowerCase())) {
        throw new ArchiveProblem(
          `${at()}: ${NOUN[record.type]} by "${record.author}", who is not among the archive's profiles.`,
        );
      }
      if (record.type === 'draft') {
        if (drafted.has(record.author.toLowerCase()))
          throw new ArchiveProblem(`${at()}: "${record.author}" has two drafts.`);
        drafted.add(record.author.toLowerCase());
      }
    }
    seen[record.type]++;
    if (seen[record.type] > header.counts[COUNT_OF[record.type]]) {
      throw new ArchiveProblem(
        `${at()}: the archive holds more ${COUNT_OF[record.type]} than its header says.`,
      );
    }
    const done = seen.profile + seen.post + seen.follow + seen.draft;
    if (done % 1000 === 0) {
      if (hooks.cancel?.cancelled()) throw new JobCancelled();
      hooks.onProgress?.({ done, total });
    }
  }
  for (const type of ORDER) {
    if (seen[type] < header.counts[COUNT_OF[type]]) {
      throw new ArchiveProblem(
        `The archive ends after ${seen[type].toLocaleString('en')} of its ${header.counts[COUNT_OF[type]].toLocaleString('en')} ${COUNT_OF[type]}: it is truncated.`,
      );
    }
  }
  if (header.profile !== null && (profiles.size !== 1 || !profiles.has(header.profile.toLowerCase()))) {
    throw new ArchiveProblem(
      `The archive says it holds the profile "${header.profile}" alone, but it does not.`,
    );
  }
  hooks.onProgress?.({ done: total, total });
  return { header, sha256: digest.digest('hex') };
}
