/**
 * Estimates how many bytes a structured-clone payload takes, without recursion (a deeply
 * nested payload must not overflow the stack) and stopping as soon as `limit` is passed
 * (a huge payload must not cost a full walk). Strings count as UTF-8, numbers as 8 bytes,
 * every key and container a little more, roughly as JSON would. Shared references and
 * cycles, which structured clone allows, are counted once.
 */
export function payloadSizeExceeds(value: unknown, limit: number): boolean {
  let total = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    total += sizeOfLeaf(item);
    if (total > limit) return true;
    if (typeof item !== 'object' || item === null || seen.has(item)) continue;
    seen.add(item);
    if (ArrayBuffer.isView(item)) total += item.byteLength;
    else if (item instanceof ArrayBuffer) total += item.byteLength;
    else if (item instanceof Map) for (const [k, v] of item) stack.push(k, v);
    else if (item instanceof Set) for (const v of item) stack.push(v);
    else if (Array.isArray(item)) for (const v of item) stack.push(v);
    else {
      for (const key of Object.keys(item)) {
        total += utf8Length(key) + 4;
        stack.push((item as Record<string, unknown>)[key]);
      }
    }
    if (total > limit || stack.length > limit) return true;
  }
  return false;
}

function sizeOfLeaf(value: unknown): number {
  if (typeof value === 'string') return utf8Length(value) + 2;
  if (typeof value === 'bigint') return value.toString().length;
  if (typeof value === 'object' && value !== null) return 2;
  return 8;
}

/** UTF-8 length without allocating a buffer for the whole string. */
function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
