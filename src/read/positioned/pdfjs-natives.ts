// pdf.js's legacy build (the one that runs on Node 20) bundles core-js, which replaces built-ins that
// Node already implements correctly by slower JavaScript: Array.prototype.push (about 2.5× slower),
// JSON.parse (a parser written in JavaScript, for a proposal nobody here uses) and JSON.stringify.
// In the read child everything after pdf.js — lines, grids, interpretation, rules — would run on
// them. The natives are kept when this module is first evaluated (or earlier, by a preamble that
// runs before pdf.js is loaded: NATIVES_PREAMBLE) and put back once pdf.js is loaded. What core-js
// only adds (Promise.withResolvers, Map.prototype.getOrInsert, Uint8Array.fromBase64, …) stays:
// pdf.js needs it on Node 20.

const KEY = Symbol.for('yusuan.natives');

interface Natives {
  push: typeof Array.prototype.push;
  parse: typeof JSON.parse;
  stringify: typeof JSON.stringify;
}

/** Source text that keeps the natives, for a process or thread that loads pdf.js before this module. */
export const NATIVES_PREAMBLE = `globalThis[Symbol.for('yusuan.natives')] ??= { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };`;

const store = globalThis as unknown as Record<symbol, Natives | undefined>;
store[KEY] ??= { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

/** Put the kept natives back (after pdf.js is loaded). */
export function restoreNatives(): void {
  const n = store[KEY]!;
  if (Array.prototype.push !== n.push) Object.defineProperty(Array.prototype, 'push', { value: n.push, writable: true, configurable: true, enumerable: false });
  if (JSON.parse !== n.parse) Object.defineProperty(JSON, 'parse', { value: n.parse, writable: true, configurable: true, enumerable: false });
  if (JSON.stringify !== n.stringify) Object.defineProperty(JSON, 'stringify', { value: n.stringify, writable: true, configurable: true, enumerable: false });
}
