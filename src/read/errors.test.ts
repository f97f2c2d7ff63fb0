import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parserFailure } from './errors.js';

const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });

test("pdf.js's exceptions on a malformed file, exhausted memory and runaway recursion are the file's fault, in Chinese", () => {
  for (const name of ['FormatError', 'XRefEntryException', 'XRefParseException', 'InvalidPDFException', 'UnknownErrorException'])
    assert.equal(parserFailure(named(name, 'Bad FCHECK in flate stream: 120, 239')), 'PDF 文件已损坏或不完整', name);
  assert.match(parserFailure(new RangeError('Array buffer allocation failed'))!, /超出内存上限/);
  assert.match(parserFailure(new RangeError('Invalid typed array length: -1'))!, /超出内存上限/);
  assert.match(parserFailure(new RangeError('Maximum call stack size exceeded'))!, /结构过深/);
});

test('anything else is a bug of yusuan, not a reason to blame the file', () => {
  assert.equal(parserFailure(new TypeError("Cannot read properties of undefined (reading 'rows')")), null);
  assert.equal(parserFailure(named('FormatErrorX')), null);
  assert.equal(parserFailure('a string'), null);
});
