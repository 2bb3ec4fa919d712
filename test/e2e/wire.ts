/**
 * Carries an already structured-cloned value across a channel that moves only text (Playwright's
 * binding, `electronApp.evaluate`), keeping what JSON and Playwright's own serializer lose: the
 * holes and length of sparse arrays, lone surrogates (JSON.stringify escapes them as `\ud800`),
 * -0, NaN, undefined, BigInt, Dates, RegExps, Maps, Sets, Errors, Uint8Arrays (a picture's bytes),
 * and shared or cyclic objects. Anything else (other typed arrays, Blobs) is refused by name
 * rather than carried wrongly.
 *
 * Both functions are self-contained (no imports, no outer names) because the harness also runs
 * their source text in the page and in Electron's main process.
 */

/** The text form of `value`; throws a TypeError naming what it cannot carry. */
export function encodeClone(value: unknown): string {
  const ids = new Map<object, number>();
  const encode = (v: unknown): unknown => {
    if (typeof v === 'string' || typeof v === 'boolean' || v === null) return v;
    if (typeof v === 'number') {
      if (Number.isFinite(v) && !Object.is(v, -0)) return v;
      return ['n', Object.is(v, -0) ? '-0' : String(v)];
    }
    if (v === undefined) return ['u'];
    if (typeof v === 'bigint') return ['b', v.toString()];
    if (typeof v !== 'object') throw new TypeError(`The e2e wire cannot carry a ${typeof v}.`);
    const seen = ids.get(v);
    if (seen !== undefined) return ['r', seen];
    const id = ids.size;
    ids.set(v, id);
    // Object.keys lists only the elements a sparse array has, so 2**32-1 holes cost nothing.
    const own = (o: object) => Object.keys(o).map((k) => [k, encode((o as Record<string, unknown>)[k])]);
    if (Array.isArray(v)) return ['a', id, v.length, own(v)];
    if (v instanceof Date) return ['d', id, encode(v.getTime())];
    if (v instanceof RegExp) return ['x', id, v.source, v.flags];
    if (v instanceof Map) return ['m', id, [...v].map(([k, x]) => [encode(k), encode(x)])];
    if (v instanceof Set) return ['s', id, [...v].map(encode)];
    if (v instanceof Error) return ['e', id, v.name, v.message];
    const tag = Object.prototype.toString.call(v).slice(8, -1);
    if (tag === 'Uint8Array') return ['8', id, Array.from(v as Uint8Array)];
    if (tag === 'Object') return ['o', id, own(v)];
    throw new TypeError(`The e2e wire cannot carry a ${tag}.`);
  };
  return JSON.stringify(encode(value));
}

/** The value `encodeClone` wrote, rebuilt in this realm. */
export function decodeClone(text: string): unknown {
  const refs: unknown[] = [];
  // defineProperty, so that an own "__proto__" key stays a key instead of setting the prototype.
  const put = (target: object, key: string, v: unknown) =>
    Object.defineProperty(target, key, { value: v, writable: true, enumerable: true, configurable: true });
  const errors: Record<string, ErrorConstructor> = {
    EvalError,
    RangeError,
    ReferenceError,
    SyntaxError,
    TypeError,
    URIError,
  };
  const decode = (node: unknown): unknown => {
    if (!Array.isArray(node)) return node;
    const [tag, id, a, b] = node as [string, number, unknown, unknown];
    const keep = <T>(made: T): T => ((refs[id] = made), made);
    switch (tag) {
      case 'u':
        return undefined;
      case 'n':
        return Number(id);
      case 'b':
        return BigInt(id);
      case 'r':
        return refs[id];
      case 'a': {
        const array = keep(new Array<unknown>(a as number));
        for (const [k, x] of b as [string, unknown][]) put(array, k, decode(x));
        return array;
      }
      case 'o': {
        const object = keep({});
        for (const [k, x] of a as [string, unknown][]) put(object, k, decode(x));
        return object;
      }
      case 'd':
        return keep(new Date(decode(a) as number));
      case 'x':
        return keep(new RegExp(a as string, b as string));
      case 'm': {
        const map = keep(new Map<unknown, unknown>());
        for (const [k, x] of a as [unknown, unknown][]) map.set(decode(k), decode(x));
        return map;
      }
      case 's': {
        const set = keep(new Set<unknown>());
        for (const x of a as unknown[]) set.add(decode(x));
        return set;
      }
      case 'e':
        return keep(new (errors[a as string] ?? Error)(b as string));
      case '8':
        return keep(Uint8Array.from(a as number[]));
      default:
        throw new TypeError(`The e2e wire has no tag ${String(tag)}.`);
    }
  };
  return decode(JSON.parse(text));
}
