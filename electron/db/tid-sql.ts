const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * SQL for a TID record key from a post's time and id, the expression the insert trigger uses:
 * milliseconds, three random sub-millisecond digits, then the id's low 10 bits as the clock id.
 */
export function tidSql(timestamp: string, id: string): string {
  const v = `((CAST(strftime('%s', ${timestamp}) AS INTEGER) * 1000 + CAST(substr(${timestamp}, 21, 3) AS INTEGER)) * 1000 + abs(random() % 1000)) * 1024 + (${id} % 1024)`;
  const chars = Array.from(
    { length: 13 },
    (_, i) => `substr('${TID_ALPHABET}', ((v >> ${60 - 5 * i}) & 31) + 1, 1)`,
  );
  return `(SELECT ${chars.join(' || ')} FROM (SELECT ${v} AS v))`;
}
