import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../errors.js';
import { readHtml } from './html.js';
import type { PositionedLine } from './types.js';

const cells = (l: PositionedLine) => l.tokens.map((t) => [t.text, t.x0, t.x1]);

const PAGE = `<!DOCTYPE html>
<html><head><title>忽略的标题</title><style>td { color: red }</style><script>var x = "<td>no</td>";</script></head>
<body>
  <h1>国家信访局2026年部门预算</h1>
  <p>一、部门收支总表<br>说明：本表&nbsp;反映收支&amp;结余。</p>
  <table border="1">
    <caption>部门支出总表</caption>
    <thead>
      <tr><th colspan="2">科目编码</th><th rowspan="2">科目名称</th><th rowspan="2">合&nbsp;计</th><th colspan="2">其中</th></tr>
      <tr><th>类</th><th>款</th><th>基本支出</th><th>项目支出</th></tr>
    </thead>
    <tbody>
      <tr><td>201</td><td>03</td><td>政府办公厅（室）<br/>及相关机构事务</td><td>16,474.82</td><td>9,880.88</td><td>6,593.94</td></tr>
      <tr><td colspan="3">合计</td><td>16,474.82</td><td></td><td>6,593.94</td></tr>
    </tbody>
  </table>
  <div>注：&#x4E00;般公共预算 <span>拨款</span></div>
  <table><tr><td><p>布局表格中的段落</p><table><tr><td>内</td><td>1.00</td></tr></table></td></tr></table>
  <ul><li>第一项</li><li>第二项</li></ul>
</body></html>`;

test('html: tables become lines of cells (colspan → x1, rowspan on its first row only), other text one-token lines in order', () => {
  const doc = readHtml(PAGE, 'page.html');
  assert.equal(doc.format, 'html');
  assert.deepEqual(doc.files, ['page.html']);
  assert.match(doc.sha256, /^[0-9a-f]{64}$/);
  assert.equal(doc.pages.length, 1);
  const lines = doc.pages[0]!.lines;
  assert.deepEqual(
    lines.map((l) => cells(l)),
    [
      [['国家信访局2026年部门预算', 0, 1]],
      [['一、部门收支总表', 0, 1]],
      [['说明：本表 反映收支&结余。', 0, 1]],
      [['部门支出总表', 0, 1]],
      [
        ['科目编码', 0, 2],
        ['科目名称', 2, 3],
        ['合 计', 3, 4],
        ['其中', 4, 6],
      ],
      [
        ['类', 0, 1],
        ['款', 1, 2],
        ['基本支出', 4, 5],
        ['项目支出', 5, 6],
      ],
      [
        ['201', 0, 1],
        ['03', 1, 2],
        ['政府办公厅（室） 及相关机构事务', 2, 3],
        ['16,474.82', 3, 4],
        ['9,880.88', 4, 5],
        ['6,593.94', 5, 6],
      ],
      [
        ['合计', 0, 3],
        ['16,474.82', 3, 4],
        ['6,593.94', 5, 6],
      ],
      [['注：一般公共预算 拨款', 0, 1]],
      [['布局表格中的段落', 0, 1]],
      [
        ['内', 0, 1],
        ['1.00', 1, 2],
      ],
      [['第一项', 0, 1]],
      [['第二项', 0, 1]],
    ],
  );
  assert.deepEqual(
    lines.map((l) => [l.page, l.y, l.line]),
    lines.map((_, i) => [1, i, i + 1]),
  );
  assert.equal(doc.pages[0]!.width, 6);
  assert.equal(doc.pages[0]!.imageOnly, false);
});

test('html: a page without text is an InputError naming the file', () => {
  assert.throws(
    () => readHtml('<html><body><img src="scan.png"></body></html>', 'scan.html'),
    (e: unknown) => e instanceof InputError && e.message.includes('scan.html') && e.message.includes('没有任何文字'),
  );
});
