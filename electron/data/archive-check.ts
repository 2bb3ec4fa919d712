/**
 * The first pass of an import: reads the whole archive and checks every line against the format
 * and the app's data rules before anything is written. The first problem ends the check with one
 * sentence naming the line; nothing is kept in memory but the profiles' names.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { z } from 'zod';
import {
  ArchiveProblem,
  type CancelFlag,
  JobCancelled,
  type JobProgress,
  lineProblem,
} from './archive-problem';
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
import { say, sentenceOf } from '../db/sentences';

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

/** One zod issue as the end of a sentence a person can act on. */
function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? `"${issue.path.join('.')}"` : null;
  switch (issue.code) {
    // Every refinement, format and bound in archive-format.ts carries its own sentence.
    case 'custom':
    case 'invalid_format':
    case 'too_big':
    case 'too_small':
      return issue.message;
    case 'unrecognized_keys':
      return say('archive.unknownField', { keys: issue.keys.map((key) => `"${key}"`).join(', ') });
    case 'invalid_union':
      return say('archive.notARecord');
    default:
      return field === null ? say('archive.recordWrong') : say('archive.fieldWrong', { field });
  }
}

/** "The archive's header is damaged: <detail>", as one catalog sentence. */
function headerProblem(detail: string): ArchiveProblem {
  const ref = sentenceOf(detail);
  const params = { detailKey: ref?.key ?? 'archive.verbatim', ...(ref ? ref.params : { text: detail }) };
  return new ArchiveProblem(say('archive.header', params));
}

function parseJson(line: ArchiveLine): unknown {
  try {
    return JSON.parse(line.text) as unknown;
  } catch {
    if (!line.terminated) throw new ArchiveProblem(say('archive.truncatedRecord'));
    throw new ArchiveProblem(say('archive.notJson', { line: line.number }));
  }
}

function readHeader(line: ArchiveLine | undefined): ArchiveHeader {
  if (line === undefined) throw new ArchiveProblem(say('archive.empty'));
  let value: unknown;
  try {
    value = JSON.parse(line.text) as unknown;
  } catch {
    throw new ArchiveProblem(say('archive.notArchive'));
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (typeof value !== 'object' || value === null || format !== ARCHIVE_FORMAT) {
    throw new ArchiveProblem(say('archive.notArchive'));
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > ARCHIVE_VERSION) {
    throw new ArchiveProblem(say('archive.newer', { version: String(version) }));
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) {
    throw headerProblem(describe(parsed.error.issues[0] as z.core.$ZodIssue));
  }
  return parsed.data;
}

/** Checks the archive at `file`; throws ArchiveProblem (or JobCancelled) on the first problem. */
export function checkArchive(file: string, hooks: JobHooks = {}): CheckedArchive {
  const size = fs.statSync(file).size;
  if (size > MAX_ARCHIVE_BYTES) {
    throw new ArchiveProblem(say('archive.tooLarge'));
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
    const value = parseJson(line);
    const parsed = recordSchema.safeParse(value);
    if (!parsed.success) {
      const kind = (value as { type?: unknown } | null)?.type;
      const known = typeof kind === 'string' && (ORDER as readonly string[]).includes(kind);
      const detail = describe(parsed.error.issues[0] as z.core.$ZodIssue);
      throw lineProblem(line.number, detail, known ? (kind as RecordType) : undefined);
    }
    const record = parsed.data;
    const place = ORDER.indexOf(record.type);
    if (place < stage) {
      const detail = say('archive.outOfOrder', {
        kind: record.type,
        after: COUNT_OF[ORDER[stage] as RecordType],
      });
      throw lineProblem(line.number, detail);
    }
    stage = place;
    if (record.type === 'profile') {
      const name = record.username.toLowerCase();
      if (profiles.has(name))
        throw lineProblem(line.number, say('archive.twice', { username: record.username }));
      if (header.passwordHashes !== (record.passwordHash !== undefined)) {
        throw lineProblem(line.number, say('archive.hashesDisagree'));
      }
      profiles.add(name);
    } else if (record.type === 'follow') {
      for (const name of [record.follower, record.followed]) {
        if (!profiles.has(name.toLowerCase())) {
          throw lineProblem(line.number, say('archive.followStranger', { username: name }));
        }
      }
    } else {
      if (!profiles.has(record.author.toLowerCase())) {
        throw lineProblem(
          line.number,
          say('archive.byStranger', { kind: record.type, username: record.author }),
        );
      }
      if (record.type === 'draft') {
        if (drafted.has(record.author.toLowerCase()))
          throw lineProblem(line.number, say('archive.twoDrafts', { username: record.author }));
        drafted.add(record.author.toLowerCase());
      }
    }
    seen[record.type]++;
    if (seen[record.type] > header.counts[COUNT_OF[record.type]]) {
      throw lineProblem(line.number, say('archive.moreThanHeader', { what: COUNT_OF[record.type] }));
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
        say('archive.truncated', {
          seen: seen[type],
          total: header.counts[COUNT_OF[type]],
          what: COUNT_OF[type],
        }),
      );
    }
  }
  if (header.profile !== null && (profiles.size !== 1 || !profiles.has(header.profile.toLowerCase()))) {
    throw new ArchiveProblem(say('archive.notAlone', { username: header.profile }));
  }
  hooks.onProgress?.({ done: total, total });
  return { header, sha256: digest.digest('hex') };
}
