import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, seedBlanking } from '../../../test/support/findings.js';
import { findingsOf, lineOf, SEED_TEXT, seedWith } from '../../../test/support/seed.js';
import { narrativeTopics } from './narrative-topics.js';

const NARRATIVE = lineOf('第三部分', 100);
const GLOSSARY = lineOf('第四部分 名词解释', 100);

test('narrative-topics: the example covers every required topic and has its glossary and units', () => {
  assert.deepEqual(findingsOf(narrativeTopics, SEED_TEXT), []);
});

test('narrative-topics: a 情况说明 without 政府采购 is a warning naming the topic', () => {
  const heading = lineOf('(二) 政府采购情况');
  const text = lineOf('安排政府采购预算');
  const f = only(
    findingsOf(
      narrativeTopics,
      seedWith(
        [heading, '政府采购情况', '采购情况'],
        [text, '安排政府采购预算', '安排采购预算'],
        [text, '政府采购货物', '采购货物'],
        [text, '政府采购工程', '采购工程'],
        [text, '政府采购服务', '采购服务'],
      ),
    ),
  );
  assert.equal(f.severity, 'warning');
  assert.equal(f.expected, '政府采购情况');
  assert.equal(f.actual, null);
  assert.deepEqual(
    f.locations.map((l) => l.line),
    [lineOf('一、收支预算情况说明')],
  );
});

test('narrative-topics: a document without glossary entries is a warning', () => {
  const f = only(findingsOf(narrativeTopics, seedBlanking(GLOSSARY + 1, GLOSSARY + 20)));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /缺少“名词解释”/);
});

test('narrative-topics: a file without 情况说明 is information (it may be the tables attachment of a publication)', () => {
  const f = only(findingsOf(narrativeTopics, seedBlanking(NARRATIVE + 1, GLOSSARY - 1)));
  assert.equal(f.severity, 'info');
  assert.match(f.message, /没有“情况说明”部分/);
});
