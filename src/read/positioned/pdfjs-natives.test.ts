import assert from 'node:assert/strict';
import { test } from 'node:test';

test('loading the PDF reader leaves Node’s own push and JSON in place, and keeps what pdf.js adds', async () => {
  const before = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
  await import('./pdf-extract.js');
  assert.equal(Array.prototype.push, before.push);
  assert.equal(JSON.parse, before.parse);
  assert.equal(JSON.stringify, before.stringify);
  assert.equal(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers, 'function');
  assert.ok(Object.getOwnPropertyDescriptor(Array.prototype, 'push')!.enumerable === false);
});
