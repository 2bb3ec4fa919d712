/**
 * The page side of the Chromium harness: the real preload runs in the page with a stand-in for
 * `require('electron')` that copies values the way Electron does on the way to main.
 *
 * 1. `contextBridge`: between the page and the preload's world Electron copies arrays element
 *    by element (holes become `undefined`), copies plain objects' own enumerable keys (the
 *    prototype is dropped), turns an Error into `new Error(message)`, proxies functions and
 *    promises, and structured-clones everything else (Dates, Maps, Sets, RegExps), as
 *    `PassValueToOtherContext` in shell/renderer/api/electron_api_context_bridge.cc does.
 * 2. `ipcRenderer.invoke`: the preload's payload is structured-cloned (a function or symbol
 *    fails here, as in Electron), then carried to Node as text by `encodeClone`, which keeps
 *    what Playwright's serializer would change (holes, lone surrogates, Maps, Dates).
 */
import { decodeClone, encodeClone } from './wire';

/** The name of the Node binding that answers the preload's `ipcRenderer.invoke`. */
export const INVOKE_BINDING = '__microblogInvoke';
/** The page function the harness calls to deliver main's `webContents.send` to `ipcRenderer.on` listeners. */
export const DELIVER_EVENT = '__microblogDeliver';

const MAX_DEPTH = 1000;

/** One value copied from one world to the other, as Electron's contextBridge copies it. */
export function bridgeCopy(value: unknown, cache = new Map<object, unknown>(), depth = 0): unknown {
  if (depth >= MAX_DEPTH) {
    throw new TypeError(
      'Electron contextBridge recursion depth exceeded.  Nested objects deeper than 1000 are not supported.',
    );
  }
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
  if (cache.has(value)) return cache.get(value);
  const keep = <T>(copy: T): T => (cache.set(value, copy), copy);
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    // Each call copies its arguments in and its result out afresh, like ProxyFunctionWrapper.
    return keep((...args: unknown[]) => {
      const inbound = new Map<object, unknown>();
      return bridgeCopy(fn(...args.map((arg) => bridgeCopy(arg, inbound))));
    });
  }
  if (value instanceof Promise) {
    return keep(
      value.then(
        (result: unknown) => bridgeCopy(result),
        (error: unknown) => Promise.reject(bridgeCopy(error)),
      ),
    );
  }
  if (value instanceof Error) return new Error(value.message);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (let i = 0; i < value.length; i++) copy.push(bridgeCopy(value[i], cache, depth + 1));
    return keep(copy);
  }
  if (Object.prototype.toString.call(value) === '[object Object]') {
    const copy = keep<Record<string, unknown>>({});
    for (const key of Object.keys(value)) {
      copy[key] = bridgeCopy((value as Record<string, unknown>)[key], cache, depth + 1);
    }
    return copy;
  }
  return keep(structuredClone(value));
}

interface StandInTools {
  bridgeCopy: typeof bridgeCopy;
  encodeClone: typeof encodeClone;
  decodeClone: typeof decodeClone;
}

/**
 * The preload's view of `require('electron')`, given the binding that reaches main. Its helpers
 * come in as arguments: the page runs this function's source, where module imports do not exist.
 */
function electronStandIn(
  invokeMain: (channel: string, wire: string) => Promise<string>,
  { bridgeCopy, encodeClone, decodeClone }: StandInTools,
) {
  const freeze = (object: unknown): unknown => {
    if (object === null || typeof object !== 'object' || Object.isFrozen(object)) return object;
    for (const child of Object.values(object)) freeze(child);
    return Object.freeze(object);
  };
  return {
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        const value = freeze(bridgeCopy(api));
        Object.defineProperty(globalThis, key, {
          value,
          enumerable: true,
          configurable: false,
          writable: false,
        });
      },
    },
    ipcRenderer: {
      async invoke(channel: string, payload: unknown) {
        return decodeClone(await invokeMain(channel, encodeClone(structuredClone(payload))));
      },
      on(channel: string, listener: (event: unknown, message: unknown) => void) {
        const listeners = ((globalThis as Record<string, unknown>).__microblogListeners ??= new Map()) as Map<
          string,
          ((event: unknown, message: unknown) => void)[]
        >;
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      },
    },
  };
}

/** The init script that runs the built preload in the page (main frame only), as Electron would. */
export function preloadScript(preloadCode: string): string {
  return `(() => {
  if (window.top !== window) return;
  // tsx (npm run screenshots) wraps named functions in __name(); the page has no such helper.
  const __name = (fn) => fn;
  const encodeClone = ${encodeClone.toString()};
  const decodeClone = ${decodeClone.toString()};
  const bridgeCopy = ${bridgeCopy.toString()};
  const MAX_DEPTH = ${MAX_DEPTH};
  const electronStandIn = (${electronStandIn.toString()})(window[${JSON.stringify(INVOKE_BINDING)}], {
    bridgeCopy,
    encodeClone,
    decodeClone,
  });
  const requireInPreload = (name) => {
    if (name === 'electron') return electronStandIn;
    throw new Error('The sandboxed preload cannot require ' + name);
  };
  // main's webContents.send: the message is structured-cloned on the way, as Electron does.
  Object.defineProperty(window, ${JSON.stringify(DELIVER_EVENT)}, {
    value: (channel, wire) => {
      for (const listener of globalThis.__microblogListeners?.get(channel) ?? []) listener({}, decodeClone(wire));
    },
  });
  const preloadModule = { exports: {} };
  // Its own scope, so the bundle's top-level names cannot collide with the ones above.
  ((require, module, exports) => {
    ${preloadCode}
  })(requireInPreload, preloadModule, preloadModule.exports);
})();`;
}
