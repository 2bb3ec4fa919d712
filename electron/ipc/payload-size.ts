/**
 * Estimates how many bytes a structured-clone payload takes, and says whether it passes
 * `limits.bytes`. Electron delivers sparse arrays as they are: `new Array(2 ** 32 - 1)` has
 * no elements but a length of four billion, and walking it (or any object with millions of
 * keys) would hang or crash main. So every array's length, every object's key count and
 * every Map's or Set's size is checked against `limits.items` before anything inside it is
 * read, and arrays are read by their own keys, never by index, so holes cost nothing.
 *
 * No recursion (a deeply nested payload must not overflow the stack), and the walk stops as
 * soon as the limit is passed. Strings count as UTF-8, numbers as 8 bytes, every key and
 * container a little more, roughly as JSON would. Shared references and cycles, which
 * structured clone allows, are counted once.
 */
export interface PayloadLimits {
  /** The most bytes the whole payload may take. */
  bytes: number;
  /** The most elements, keys or entries any one array, object, Map or Set may hold. */
  items: number;
}

/** True when the payload is over either limit. */
export function payloadSizeExceeds(value: unknown, limits: PayloadLimits): boolean {
  let total = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    total += sizeOfLeaf(item, limits.bytes);
    if (total > limits.bytes) return true;
    if (typeof item !== 'object' || item === null || seen.has(item)) continue;
    seen.add(item);
    if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer) {
      total += item.byteLength;
    } else if (item instanceof Map || item instanceof Set) {
      if (item.size > limits.items) return true;
      if (item instanceof Map) for (const [k, v] of item) stack.push(k, v);
      else for (const v of item) stack.push(v);
    } else {
      // An array's length is checked on its own: a sparse one has few keys but a huge length.
      if (Array.isArray(item) && item.length > limits.items) return true;
      const keys = Object.keys(item);
      if (keys.length > limits.items) return true;
      for (const key of keys) {
        total += utf8Length(key) + 4;
        stack.push((item as Record<string, unknown>)[key]);
      }
    }
    if (total > limits.bytes) return true;
  }
  return false;
}

function sizeOfLeaf(value: unknown, limit: number): number {
  if (typeof value === 'string') {
    // Each UTF-16 unit is at least one UTF-8 byte: a string longer than the limit is over it.
    return value.length > limit ? value.length : utf8Length(value) + 2;
  }
  if (typeof value === 'bigint') return value.toString(16).length;
  if (typeof value === 'object' && value !== null) return 2;
  return 8;
}

/** UTF-8 length without allocating a buffer for the whole string. */
function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
