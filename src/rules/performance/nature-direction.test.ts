import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../test/support/findings.js';
import { FIX_DIRECTIONS } from '../../../test/support/fixes.js';
import { findingsOf, lineOf, SEED_LINES, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { natureDirection } from './nature-direction.js';

test('nature-direction: the example has three ≤ indicators labelled 正向指标', () => {
  const found = findingsOf(natureDirection, SEED_TEXT);
  assert.deepEqual(
    found.map((f) => f.locations[0]!.line),
    [lineOf('报告完成及时率'), lineOf('结算审核报告中错误量'), lineOf('购置台式电脑数量')],
  );
  for (const f of found) {
    assert.equal(f.severity, 'error');
    assert.equal(f.expected, '≥');
    assert.equal(f.actual, '≤');
    assert.match(f.message, /正向指标/);
  }
});

test('nature-direction: with those three corrected no indicator contradicts its direction', () => {
  assert.deepEqual(findingsOf(natureDirection, seedWith(...FIX_DIRECTIONS)), []);
});

test('nature-direction: ≥ labelled 反向指标 is an error', () => {
  const line = lineOf('维修验收合格率');
  const f = only(findingsOf(natureDirection, seedWith(...FIX_DIRECTIONS, [line, '正向指标', '反向指标'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '≤');
  assert.equal(f.actual, '≥');
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [line],
  );
});

test('nature-direction: ≤ labelled 正向指标 is an error', () => {
  const line = lineOf('完成时效\t≤\t12\t月\t10\t反向指标');
  const f = only(findingsOf(natureDirection, seedWith(...FIX_DIRECTIONS, [line, '反向指标', '正向指标'])));
  assert.equal(f.severity, 'error');
  assert.equal(f.expected, '≥');
  assert.equal(f.actual, '≤');
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [line],
  );
});

test('nature-direction: = has no direction to contradict', () => {
  // 总队机关设备购置专项经费: 大型LED显示屏 = 1 套, labelled 正向指标; as 反向指标 it is still fine.
  const line = lineOf('大型LED显示屏');
  assert.match(SEED_LINES[line - 1]!, /=\t1\t套\t5\t正向指标/);
  assert.deepEqual(findingsOf(natureDirection, seedWith(...FIX_DIRECTIONS, [line, '正向指标', '反向指标'])), []);
});
