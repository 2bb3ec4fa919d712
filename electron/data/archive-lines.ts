import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { ArchiveProblem } from './archive-problem';
import { MAX_LINE_BYTES } from './archive-format';
import { say } from '../db/sentences';

const CHUNK = 256 * 1024;

/** One line of an archive: its 1-based number, its text, and whether a newline ended it. */
export interface ArchiveLine {
  number: number;
  text: string;
  terminated: boolean;
}

/**
 * Reads a file line by line on the calling thread (the import runs in a worker), in bounded
 * memory: a line longer than `MAX_LINE_BYTES` is refused before it is decoded, and `digest`
 * receives every byte read, so the caller can tell whether the file changed between two reads.
 */
export function* readLines(file: string, digest = createHash('sha256')): Generator<ArchiveLine> {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    const decoder = new StringDecoder('utf8');
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let number = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0) break;
      digest.update(buffer.subarray(0, read));
      let start = 0;
      for (let end = buffer.indexOf(10, start); end !== -1 && end < read; end = buffer.indexOf(10, start)) {
        pending.push(buffer.subarray(start, end));
        pendingBytes += end - start;
        number++;
        if (pendingBytes > MAX_LINE_BYTES) throw tooLong(number);
        yield { number, text: decoder.write(Buffer.concat(pending)) + decoder.end(), terminated: true };
        pending = [];
        pendingBytes = 0;
        start = end + 1;
      }
      pending.push(Buffer.from(buffer.subarray(start, read)));
      pendingBytes += read - start;
      if (pendingBytes > MAX_LINE_BYTES) throw tooLong(number + 1);
    }
    if (pendingBytes > 0) {
      yield {
        number: number + 1,
        text: decoder.write(Buffer.concat(pending)) + decoder.end(),
        terminated: false,
      };
    }
  } finally {
    fs.closeSync(fd);
  }
}

function tooLong(line: number): ArchiveProblem {
  return new ArchiveProblem(say('archive.lineTooLong', { line }));
}
