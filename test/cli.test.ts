// The real entry point, as a user runs it: `node bin/yusuan.js …` (compiled by `npm test`).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SEED_PATH, SEED_TEXT } from './support/seed.js';

const BIN = fileURLToPath(new URL('../bin/yusuan.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'yusuan-cli-'));

function yusuan(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

test('check: zh-CN report, errors then warnings then info, each by category, no rule ids; exit 1 on the example (it has real errors)', () => {
  const r = yusuan('check', SEED_PATH);
  assert.equal(r.code, 1);
  const at = (s: string) => r.stdout.indexOf(s);
  assert.ok(at('■ 错误（') >= 0 && at('■ 错误（') < at('■ 警告（') && at('■ 警告（') < at('■ 提示（'), r.stdout.slice(0, 400));
  const errors = r.stdout.slice(at('■ 错误（'), at('■ 警告（'));
  for (const heading of ['【说明与报表一致性】', '【绩效目标】', '【完整性】']) assert.ok(errors.includes(heading), heading);
  assert.ok(errors.indexOf('【说明与报表一致性】') < errors.indexOf('【绩效目标】') && errors.indexOf('【绩效目标】') < errors.indexOf('【完整性】'));
  // The example's one 尾差 is a warning: it is listed after every error.
  assert.ok(r.stdout.slice(at('■ 警告（'), at('■ 提示（')).includes('【表内计算】'));
  assert.ok(errors.includes('✗ 缺少必须公开的报表'), 'the rule’s zh-CN title');
  assert.doesNotMatch(r.stdout, /(arithmetic|reconcile|classification|narrative|performance|completeness)\.[a-z-]+/);
  assert.match(r.stdout, /检查：错误 \d+ 项/);
  assert.match(r.stdout, /第 841 行/);
  assert.equal(r.stderr, '');
});

test('check --format json: findings with decimal-string amounts and locations', () => {
  const r = yusuan('check', SEED_PATH, '--format', 'json');
  assert.equal(r.code, 1);
  const json = JSON.parse(r.stdout) as { document: { department: string }; findings: Record<string, unknown>[] };
  assert.equal(json.document.department, '四川省公安厅交通警察总队');
  assert.ok(json.findings.length > 5);
  for (const f of json.findings) {
    assert.deepEqual(Object.keys(f), ['rule', 'severity', 'category', 'title', 'message', 'expected', 'actual', 'difference', 'unit', 'locations']);
    for (const k of ['expected', 'actual', 'difference']) assert.ok(f[k] === null || typeof f[k] === 'string');
    assert.ok(Array.isArray(f.locations) && (f.locations as unknown[]).length > 0);
  }
  const rank = (f: Record<string, unknown>) => ['error', 'warning', 'info'].indexOf(f.severity as string);
  assert.deepEqual(
    json.findings.map(rank),
    json.findings.map(rank).sort((a, b) => a - b),
    'errors, then warnings, then info',
  );
  const sub = json.findings.find((f) => f.rule === 'arithmetic.subtotal')!;
  assert.equal(sub.expected, '26371.19');
  assert.equal(sub.actual, '26371.20');
});

test('check exits 0 on a document without error-level findings', () => {
  // Correct the example's genuine errors; the tables it lacks are added back as empty tables.
  const fixed = SEED_TEXT.replace('占 0.003‰', '占 0.003‱')
    .replace(
      '债务付息支出(类)地方政府一般债务付息支出(款)地方政府一般债务发行费用支出(项)',
      '债务发行费用支出(类)地方政府一般债务发行费用支出(款)地方政府一般债务发行费用支出(项)',
    )
    .replace(/报告完成及时率\t≤/, '报告完成及时率\t≥')
    .replace(/结算审核报告中错误量\t≤\t5\t处\t15\t正向指标/, '结算审核报告中错误量\t≤\t5\t处\t15\t反向指标')
    .replace(/购置台式电脑数量\t≤/, '购置台式电脑数量\t≥')
    .replace(
      '<p>关注人数（粉丝）增长数</p>\t<p>≥</p>\t<p>50000</p>\t<p>人次</p>\t<p>10</p>',
      '<p>关注人数（粉丝）增长数</p>\t<p>≥</p>\t<p>50000</p>\t<p>人次</p>\t<p>10</p>\t\n\t\t\t\t<p>成本指标</p>\t<p>经济成本指标</p>\t<p>成本控制</p>\t<p>≤</p>\t<p>419.88</p>\t<p>万元</p>\t<p>15</p>',
    )
    .replace(
      '部门收支总表\n\n部门：',
      '部门收入总表\n\n金额单位：万元\n\n合 计\n注：本表无数据\n\n财政拨款支出预算表（部门经济分类科目）\n\n金额单位：万元\n\n合 计\n注：本表无数据\n\n部门收支总表\n\n部门：',
    );
  const r = yusuan('check', file('fixed.txt', fixed), '--format', 'json');
  const json = JSON.parse(r.stdout) as { findings: { severity: string; message: string }[] };
  assert.deepEqual(
    json.findings.filter((f) => f.severity === 'error').map((f) => f.message),
    [],
  );
  assert.equal(r.code, 0);
});

test('summary --json and extract', () => {
  const s = yusuan('summary', SEED_PATH, '--json');
  assert.equal(s.code, 0);
  assert.equal(JSON.parse(s.stdout).figures.incomeTotal, 80818.35);
  const e = yusuan('extract', SEED_PATH);
  assert.equal(e.code, 0);
  const doc = JSON.parse(e.stdout);
  assert.equal(doc.meta.fiscalYear, 2024);
  assert.ok(doc.facts.length > 400);
  assert.ok(doc.facts.every((f: { value: string }) => /^-?\d+(\.\d+)?$/.test(f.value)));
});

test('schema, profiles, rules, help', () => {
  assert.equal(JSON.parse(yusuan('schema').stdout).$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.match(yusuan('profiles').stdout, /sichuan-province-budget-2024/);
  assert.match(yusuan('rules').stdout, /narrative\.share/);
  assert.equal(yusuan('help').code, 0);
});

test('GBK-encoded text reads the same as UTF-8', () => {
  const gbk = new TextEncoderGbk().encode(SEED_TEXT);
  assert.ok(gbk, 'every character of the example has a GBK code');
  assert.notDeepEqual(gbk, Buffer.from(SEED_TEXT, 'utf8'));
  const r = yusuan('summary', file('gbk.txt', gbk), '--json');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).figures.incomeTotal, 80818.35);
});

const bad: [string, string | Buffer | null, RegExp][] = [
  ['missing file', null, /文件不存在/],
  ['empty file', '', /文件为空/],
  ['binary file', Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7]), /不是文本文件/],
  ['PDF (not yet supported)', '%PDF-1.7\n1 0 obj\n', /PDF/],
  ['text that is not a disclosure', '这是一封普通的信。\n今天天气很好。\n我们明天见。\n祝好\n张三\n', /不像部门预算或决算公开文件/],
  ['invalid encoding', Buffer.from([0xff, 0xfe, 0x41, 0x81, 0x20, 0xfe, 0xff, 0x0a, 0x81, 0x30, 0xff]), /编码|不是文本/],
  [
    'no table of any known template',
    '某某局2024年部门预算\n一、收支情况说明\n金额单位：万元\n本年收入 100 万元，支出 100 万元。\n二、其他说明\n',
    /未找到任何公开表/,
  ],
];

for (const [name, content, message] of bad) {
  test(`unreadable input: ${name} → clear message, exit 2, no stack trace`, () => {
    const path = content === null ? join(tmp, 'nope.txt') : file(`${name.replace(/\W/g, '_')}.txt`, content);
    const r = yusuan('check', path);
    assert.equal(r.code, 2);
    assert.match(r.stderr, message);
    assert.ok(r.stderr.includes(path), 'names the file');
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });
}

test('bad usage → exit 2', () => {
  assert.equal(yusuan('frobnicate').code, 2);
  assert.equal(yusuan('check').code, 2);
  assert.equal(yusuan('check', SEED_PATH, '--format', 'xml').code, 2);
  assert.equal(yusuan('check', SEED_PATH, '--profile', 'no-such-profile').code, 2);
});

// Node has no GBK encoder; build one from the decoder for the characters the example uses.
class TextEncoderGbk {
  encode(text: string): Buffer | null {
    const decoder = new TextDecoder('gbk');
    const map = new Map<string, number[]>();
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && !map.has(ch)) map.set(ch, [hi, lo]);
      }
    const out: number[] = [];
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) out.push(c);
      else {
        const b = map.get(ch);
        if (!b) return null;
        out.push(...b);
      }
    }
    return Buffer.from(out);
  }
}
