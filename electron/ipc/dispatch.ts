import type { z } from 'zod';
import { MicroblogError } from '../db/index';
import { say, sentenceOf } from '../db/sentences';
import { diskFailure } from '../db/sqlite-errors';
import {
  type Channel,
  type IpcError,
  MAX_PAYLOAD_BYTES,
  MAX_PAYLOAD_ITEMS,
  type Result,
  channels,
} from './contract';
import type { Handlers } from './handler-types';
import { payloadSizeExceeds } from './payload-size';

/** What the IPC layer calls for every message: never throws, always resolves to a Result. */
export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

const INTERNAL_MESSAGE = say('errors.codes.INTERNAL');

/** The error envelope; a catalog sentence also carries its key, for the renderer's language. */
function failure(code: IpcError['code'], message: string, field?: string): Result<never> {
  const sentence = sentenceOf(message);
  const error: IpcError = { code, message };
  if (field !== undefined) error.field = field;
  if (sentence) error.sentence = sentence;
  return { ok: false, error };
}

/** Own keys only: a channel named `__proto__` or `toString` is simply unknown. */
function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

/** The value at `path` inside the payload, reading own properties only. */
function valueAt(payload: unknown, path: readonly PropertyKey[]): unknown {
  let value = payload;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, key)) {
      return undefined;
    }
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The first issue as a sentence a person can read, and the field it is about. */
function describeIssue(issue: z.core.$ZodIssue, payload: unknown): { message: string; field?: string } {
  if (issue.code === 'unrecognized_keys') {
    const key = String(issue.keys[0]);
    return { message: say('errors.unexpectedField', { key }), field: [...issue.path, key].join('.') };
  }
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  if (issue.code === 'invalid_type') {
    const what = field === undefined ? 'The request' : `"${field}"`;
    const message =
      valueAt(payload, issue.path) === undefined
        ? `${what} is required.`
        : `${what} must be ${article(issue.expected)}.`;
    return field === undefined ? { message } : { message, field };
  }
  return field === undefined ? { message: issue.message } : { message: issue.message, field };
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/**
 * Wraps the handler table into the single entry point of IPC: channel lookup, size limit,
 * schema validation, then the handler, with every outcome turned into a Result value.
 */
export function createDispatcher(handlers: Handlers): Dispatch {
  return async (channel, payload) => {
    try {
      if (!isChannel(channel)) return failure('UNKNOWN_CHANNEL', say('errors.codes.UNKNOWN_CHANNEL'));
      // A channel that carries a picture says how many bytes it takes; every other one has the cap.
      const spec = channels[channel];
      const bytes = 'maxBytes' in spec ? spec.maxBytes : MAX_PAYLOAD_BYTES;
      if (payloadSizeExceeds(payload, { bytes, items: MAX_PAYLOAD_ITEMS })) {
        return failure('PAYLOAD_TOO_LARGE', say('errors.codes.PAYLOAD_TOO_LARGE'));
      }
      const parsed = spec.input.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        if (!issue) return failure('BAD_REQUEST', say('errors.codes.BAD_REQUEST'));
        const { message, field } = describeIssue(issue, payload);
        return failure('BAD_REQUEST', message, field);
      }
      // The table is indexed by the same key the schema came from, so input and handler agree.
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof MicroblogError && error.code !== 'INTERNAL') {
        return failure(error.code, error.message, error.field);
      }
      // A read that failed on the disk (a lock, the shared-memory file) says so, not "try again".
      const disk = diskFailure(error);
      if (disk) return failure(disk.code, disk.message);
      console.error(
        `IPC ${String(channel).slice(0, 64)} failed:`,
        (error as { cause?: unknown })?.cause ?? error,
      );
      return failure('INTERNAL', INTERNAL_MESSAGE);
    }
  };
}
