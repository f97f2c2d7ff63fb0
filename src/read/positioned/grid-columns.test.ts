// Columns and headers of wide tables: block headers, fund splits, years as rows, blank columns.
// Fixtures are token positions cut from real PDFs of ../shared/wild (page and document in each test).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Profile, ProfileTable } from '../../profiles/types.js';
import { headerStacks, statementGrid, TREE_VARIANTS, treeGrid, yearRows } from './grid.js';
import { measureOfHeader } from './header-vocabulary.js';
import type { PositionedLine } from './types.js';

const profile = (id: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../profiles/${id}.json`, import.meta.url)), 'utf8')) as Profile;
const spec = (id: string, table: string) => profile(id).tables.find((t) => t.id === table)! as ProfileTable;

/** "text[x0-x1] text[x0-x1] …" → one positioned line. */
export function line(n: number, tokens: string, page = 1): PositionedLine {
  return {
    page,
    y: n * 20,
    height: 10,
    line: n,
    tokens: [...tokens.matchAll(/(\S+)\[(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)\]/g)].map((m) => ({ text: m[1]!, x0: Number(m[2]), x1: Number(m[3]) })),
  };
}

test('三公 by fund, years as rows (w064 p.34): blocks of 一般公共预算|政府性基金|国有资本经营 under each item; the latest year is the row', () => {
  const funds = (xs: number[]) => xs.map((x, k) => `${['一般公共预', '政府性基金', '国有资本经'][k % 3]}[${x}-${x + 50}]`).join(' ');
  const xs = [318, 380, 442, 503, 565, 626, 688, 750, 811, 873, 934, 996, 1058, 1119, 1181, 1242, 1304, 1366];
  const amounts = (vals: string[]) => vals.map((v, k) => `${v}[${xs[k]! + 50 - v.length * 5}-${xs[k]! + 50}]`).join(' ');
  const lines = [
    line(1, '公务用车购置及运行维护费[1084-1204]'),
    line(2, '总计[395-415] 因公出国(境)费[555-625] 公务接待费[750-800]'),
    line(3, '预算单位[106-146] 年度[260-280] 小计[949-969] 公务用车购置费[1109-1179] 公务用车运行维护费[1284-1374]'),
    line(4, funds(xs)),
    line(5, xs.map((x, k) => `${['算', '预算', '营预算'][k % 3]}[${x + 20}-${x + 35}]`).join(' ')),
    line(
      6,
      `深圳市人民政府国有资产监督管理委员会[30-210] 2025[233-253] 年[255-265] ${amounts(['26.13', '0.00', '0.00', '3.33', '0.00', '0.00', '6.00', '0.00', '0.00', '16.80', '0.00', '0.00', '12.00', '0.00', '0.00', '4.80', '0.00', '0.00'])}`,
    ),
    line(
      7,
      `2026[233-253] 年[255-265] ${amounts(['120.80', '0.00', '0.00', '98.00', '0.00', '0.00', '6.00', '0.00', '0.00', '16.80', '0.00', '0.00', '12.00', '0.00', '0.00', '4.80', '0.00', '0.00'])}`,
    ),
    line(
      8,
      `增减变化金额[233-293] ${amounts(['94.67', '0.00', '0.00', '94.67', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'])}`,
    ),
  ];
  const grid = treeGrid(lines, spec('shenzhen-budget', '9'));
  // Only the 一般公共预算 column of each item is read; the other funds' columns carry nothing.
  assert.deepEqual(
    grid.columns.filter((c) => c.measure).map((c) => [c.measure, c.header]),
    [
      ['total', '总计›一般公共预算'],
      ['abroad', '因公出国(境)费›一般公共预算'],
      ['reception', '公务接待费›一般公共预算'],
      ['vehicle', '小计›一般公共预算'],
      ['vehiclePurchase', '公务用车购置及运行维护费›公务用车购置费›一般公共预算'],
      ['vehicleOperation', '公务用车运行维护费›一般公共预算'],
    ],
  );
  assert.deepEqual(
    grid.rows.map((r) => r.cells),
    [['', '合计', '120.80', '98.00', '16.80', '12.00', '4.80', '6.00']],
  );
});

test('years as rows: only when every row is a year or a change', () => {
  const row = (label: string) => ({ cells: ['', label, '1.00'], line: 1, page: 1 });
  assert.deepEqual(
    yearRows([row('2025年'), row('2026 年'), row('增减变化金额')], 1).map((r) => r.cells[1]),
    ['合计'],
  );
  assert.equal(yearRows([row('2025年'), row('2026年'), row('行政运行')], 1).length, 3);
  assert.equal(yearRows([row('2026年'), row('增减')], 1).length, 2);
});

test('三公 with 2025 | 2026 blocks and blank cells (w162 p.23): blank columns keep their header; this year’s block is read', () => {
  const lines = [
    line(1, '2025年预算数[206-262] 2026年预算数[581-638]'),
    line(2, '公务用车购置及运行维护费[212-325] 公务用车购置及运行维护费[586-699]'),
    line(3, '因公出国[123-161] 因公出国[498-536]'),
    line(4, '合计[67-86] 公务接待费[368-415] 合计[444-463] 公务接待费[742-789]'),
    line(5, '（境）经费[118-165] 公务用车购置[240-297] 公务用车运行[302-358] （境）经费[494-541] 公务用车购置[614-671] 公务用车运行[676-732]'),
    line(6, '小计[198-217] 小计[572-591]'),
    line(7, '经费[259-278] 维护费[316-344] 经费[633-652] 维护费[690-718]'),
    line(8, '20.60[86-105] 8.00[221-236] 8.00[344-359] 12.60[402-420] 20.60[463-482] 5.00[533-548] 4.00[595-610] 4.00[718-733] 11.60[776-794]'),
  ];
  const grid = treeGrid(lines, spec('shandong-budget', '7'));
  assert.equal(grid.columns.length, 12);
  assert.deepEqual(
    grid.columns.filter((c) => c.measure).map((c) => c.measure),
    ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'],
  );
  // 合计 20.60 = 因公出国 5.00 + 公务用车 4.00 (购置 blank + 运行 4.00) + 公务接待 11.60.
  const cells = grid.rows[0]!.cells;
  const s = spec('shandong-budget', '7');
  const at = (m: string) => cells[s.measures!.find((x) => x.measure === m)!.column];
  assert.deepEqual(['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'].map(at), ['20.60', '5.00', '4.00', '', '4.00', '11.60']);
});

test('header groups (006 p.5, w164 p.14): a label over a group, or centred over the gap between two labels, spans them', () => {
  const shanghai = headerStacks([
    line(1, '预算数[585-621]'),
    line(2, '项目[335-359] 基本支出[580-627]'),
    line(3, '合计[455-479] 项目支出[715-763]'),
    line(4, '人员经费[535-582] 公用经费[624-672]'),
  ]);
  assert.deepEqual(shanghai.groups.map((g) => g.token.text).sort(), ['基本支出', '预算数']);
  assert.deepEqual(
    shanghai.stacks.map((s) => s.words.map((w) => w.text).join('|')),
    ['项目', '合计', '人员经费', '公用经费', '项目支出'],
  );
  const yantai = headerStacks([
    line(1, '项目[374-393] 预算数[613-641]'),
    line(2, '总计[490-509] 一般公共预算[556-613] 政府性基金预算[636-702] 国有资本经营预算[716-792]'),
  ]);
  assert.deepEqual(
    yantai.groups.map((g) => g.token.text),
    ['预算数'],
  );
});

test('two blocks of rows side by side (038 p.16): the second block’s 类 and 科目名称 are no blank amount columns', () => {
  const lines = [
    line(1, '经济分类[33-77] 经济分类[335-379]'),
    line(2, '科目编码[33-77] 科目编码[335-379]'),
    line(3, '科目名称[154-198] 决算数[268-301] 科目名称[443-487] 决算数[540-573]'),
    line(4, '款[72-83] 款[374-385]'),
    line(5, '类[19-30] 类[321-332]'),
    line(6, '301[19-36] 2,082.85[263-301] 302[329-346] 171.07[539-569]'),
    line(7, '工资福利支出[90-150] 商品和服务支出[389-470]'),
    line(8, '301[19-36] 01[72-83] 302[329-346]'),
    line(9, '基本工资[90-130] 262.33[270-301] 01[374-385] 办公费[389-420] 21.21[545-569]'),
    line(10, '301[19-36] 02[72-83] 302[329-346]'),
    line(11, '津贴补贴[90-130] 1,238.58[263-301] 02[374-385] 印刷费[389-420] 7.61[551-569]'),
  ];
  const grid = treeGrid(lines, spec('shanghai-district-final', '6'));
  // The amounts' columns only: 2,082.85 | the second block's codes | 171.07.
  assert.equal(grid.columns.length, 3);
  assert.deepEqual(
    grid.columns.map((c) => c.header).filter((h) => /科目名称/.test(h)),
    [],
  );
});

test('a column no full row prints in (w165 p.15): 项目支出 amounts of rows without basic money keep their column', () => {
  const lines = [
    line(1, '科目编码[112-150] 基本支出[522-560]'),
    line(2, '科目名称[233-270] 合计[357-386] 项目支出[692-730]'),
    line(3, '类款项[98-164] 小计[442-470] 人员支出[522-560] 日常公用支出[598-654]'),
    line(4, '02[120-130] 事业单位医疗[170-230] 95.82[393-412] 95.82[478-497] 95.82[563-582]'),
    line(5, '219[98-113] 援助其他地区支出[160-240] 3,206.80[382-412] 3,206.80[721-751]'),
    line(6, '221[98-113] 住房保障支出[160-230] 412.90[389-412] 412.90[474-497] 412.90[559-582]'),
    line(7, '222[98-113] 粮油物资储备支出[160-240] 299.50[389-412] 299.50[729-751]'),
  ];
  const s = spec('shandong-budget', '5');
  const grid = treeGrid(lines, s);
  const at = (row: number, m: string) => grid.rows[row]!.cells[s.measures!.find((x) => x.measure === m)!.column];
  assert.deepEqual([at(1, 'total'), at(1, 'project'), at(1, 'publicUse')], ['3,206.80', '3,206.80', '']);
  assert.deepEqual([at(3, 'total'), at(3, 'project'), at(3, 'publicUse')], ['299.50', '299.50', '']);
});

test('continuation page whose full rows differ in shape (w173 p.14): 合计|基本 rows and 合计|项目 rows keep their own columns', () => {
  const lines = [
    line(1, '科目编码[100.0-133.9]'),
    line(2, '科目名称[259.1-293.0] 合计[423.1-440.1] 基本支出[513.6-547.5] 项目支出[612.6-646.5] 结转下年[711.6-745.5]'),
    line(3, '类[77.4-85.8] 款[112.7-121.2] 项[148.1-156.6]'),
    line(4, '09[113.2-120.7] 科技重大项目[179.5-224.8] 7,970.00[448.9-479.1] 7,970.00[646.9-677.1]'),
    line(5, '02[148.5-156.1] 重点研发计划[187.1-232.3] 7,970.00[448.9-479.1] 7,970.00[646.9-677.1]'),
    line(6, '208[76.0-87.3] 社会保障和就业支出[172.0-239.8] 428.32[456.5-479.1] 428.32[555.5-578.1]'),
    line(7, '05[113.2-120.7] 行政事业单位养老支出[179.5-254.9] 428.32[456.5-479.1] 428.32[555.5-578.1]'),
    line(8, '01[148.5-156.1] 行政单位离退休[187.1-239.8] 119.10[456.5-479.1] 119.10[555.5-578.1]'),
  ];
  const s = spec('shandong-budget', '3');
  const grid = treeGrid(lines, s, false, { parentCode: '20608' });
  const col = (m: string) => s.measures!.find((x) => x.measure === m)!.column;
  const at = (i: number) => ['total', 'basic', 'project'].map((m) => grid.rows[i]!.cells[col(m)]);
  assert.deepEqual(at(0), ['7,970.00', '', '7,970.00']);
  assert.deepEqual(at(2), ['428.32', '428.32', '']);
});

test('a part printed beside its measure (w055 p.5): 项目支出总数 is 项目支出, 扣除基建项目后预算数 is no part of the row', () => {
  const lines = [
    line(1, '功能分类科目[125.5-184.8] 预算数[521.0-550.6]'),
    line(2, '基本支出[471.9-511.3] 项目支出[693.2-732.7]'),
    line(3, '科目编码[52.2-91.7] 科目名称[167.2-206.7] 合计[304.6-324.3]'),
    line(4, '扣除基建项目后预[717.6-796.7]'),
    line(5, '小计[393.1-412.8] 人员经费[471.9-511.3] 公用经费[560.4-599.9] 项目支出总数[639.0-698.3]'),
    line(6, '算数[747.4-767.1]'),
    line(7, '2120101[41.6-72.8] 行政运行[105.2-140.6] 381.812052[312.6-357.2] 381.812052[401.1-445.7] 213.360000[489.7-534.3] 168.452052[578.3-622.8]'),
    line(
      8,
      '2120199[41.6-72.8] 其他城乡社区管理事务支出[105.2-211.1] 1,031.154757[303.7-357.2] 521.452500[401.1-445.7] 521.452500[489.7-534.3] 509.702257[666.8-711.4] 509.702257[755.4-800.0]',
    ),
    line(9, '2019999[41.6-72.8] 其他一般公共服务支出[105.2-193.5] 29,508.089661[299.3-357.2] 29,508.089661[653.5-711.5]'),
  ];
  const s = spec('generic-national-minimum', '3');
  const grid = treeGrid(lines, s);
  const col = (m: string) => s.measures!.find((x) => x.measure === m)!.column;
  assert.deepEqual(
    grid.rows.map((r) => ['total', 'personnel', 'publicUse', 'project'].map((m) => r.cells[col(m)])),
    [
      ['381.812052', '213.360000', '168.452052', ''],
      ['1,031.154757', '521.452500', '', '509.702257'],
      ['29,508.089661', '', '', '29,508.089661'],
    ],
  );
});

test('a statement continuation printing only expenditure items (w082 p.25): every label right of the income amounts is an expenditure item', () => {
  const lines = [
    line(1, '收[250.7-260.7] 入[300.7-310.7] 支[764.0-774.0] 出[814.0-824.0]'),
    line(2, '项[132.4-142.4] 目[162.4-172.4] 2026[377.8-397.8] 年预算数[400.3-440.3] 项[645.6-655.6] 目[675.6-685.6] 2026[891.0-911.0] 年预算数[913.5-953.5]'),
    line(3, '进修及培训[552.7-602.7] 5.00[1025.3-1045.3]'),
    line(4, '三、社会保障和就业支出[542.7-652.7] 194.20[1015.3-1045.3]'),
    line(5, '行政事业单位养老支出[552.7-652.7] 194.20[1015.3-1045.3]'),
    line(6, '本年收入合计[109.5-169.5] 3,703.39[491.9-531.9] 本年支出合计[632.7-692.7] 3,703.39[1005.3-1045.3]'),
  ];
  const s = spec('shenzhen-budget', '1');
  const grid = statementGrid(lines, s);
  const [income, expenditure] = s.sides!;
  const label = (i: number, side: typeof income) => grid.rows[i]!.cells[side!.labelColumn];
  assert.deepEqual(
    grid.rows.map((_, i) => [label(i, income), label(i, expenditure)]),
    [
      ['', '进修及培训'],
      ['', '三、社会保障和就业支出'],
      ['', '行政事业单位养老支出'],
      ['本年收入合计', '本年支出合计'],
    ],
  );
});

test('last year in a column of its own (w086 p.15): 2025年预算数 | 2026年预算数 › 总计 | 基本支出 | 项目支出, the total is this year’s 总计', () => {
  const lines = [
    line(1, '功能分类科目[168.8-240.8] 2026年预算数[561.0-635.4]'),
    line(2, '2025年预算[351.0-413.4]'),
    line(3, '数[376.2-388.2] 基本支出[572.5-620.5]'),
    line(4, '科目编码[75.0-123.0] 科目名称[215.6-263.6] 总计[440.4-464.4] 项目支出[718.3-766.3]'),
    line(5, '小计[511.9-535.9] 人员经费[572.5-620.5] 公用经费[645.1-693.1]'),
    line(
      6,
      '合计[194.6-214.8] 15,635.80[375.3-415.6] 18,417.70[445.7-486.0] 9,018.47[523.4-558.7] 7,180.92[596.0-631.3] 1,837.55[668.6-703.9] 9,399.23[742.3-777.6]',
    ),
    line(
      7,
      '2010301[69.2-104.5] 行政运行[139.8-180.0] 6,077.49[380.4-415.6] 6,342.71[450.7-486.0] 6,342.71[523.4-558.7] 4,542.97[596.0-631.3] 1,799.74[668.6-703.9]',
    ),
    line(8, '2010302[69.2-104.5] 一般行政管理事务[139.8-220.4] 6,027.47[380.4-415.6] 8,220.69[450.7-486.0] 8,220.69[742.3-777.6]'),
  ];
  const s = spec('chongqing-budget', '5');
  const grid = treeGrid(lines, s);
  const col = (m: string) => s.measures!.find((x) => x.measure === m)!.column;
  assert.deepEqual(
    grid.rows.map((r) => ['total', 'personnel', 'publicUse', 'project'].map((m) => r.cells[col(m)])),
    [
      ['18,417.70', '7,180.92', '1,837.55', '9,399.23'],
      ['6,342.71', '4,542.97', '1,799.74', ''],
      ['8,220.69', '', '', '8,220.69'],
    ],
  );
});

test('the of-which variant (w079 p.95): 事业单位经营支出 beside 基本 | 项目 is left out of the row, the default keeps it', () => {
  const lines = [
    line(1, '事业单位[623.1-663.1] 对附属单位[692.1-742.1]'),
    line(
      2,
      '预算单位[86.5-126.5] 科目编码[207.4-247.4] 科目名称[304.9-344.9] 支出总计[400.9-440.9] 基本支出[475.0-515.0] 项目支出[549.0-589.0] 上缴上级支出[761.2-821.2]',
    ),
    line(3, '经营支出[623.1-663.1] 补助支出[697.1-737.1]'),
    line(
      4,
      '211[194.4-209.4] 节能环保支出[271.3-331.3] 10,446.03[407.6-452.6] 1,043.32[486.6-526.6] 9,402.71[560.6-600.6] 9,118.50[634.7-674.7] 0.00[728.8-748.8] 0.00[802.8-822.8]',
    ),
    line(
      5,
      '221[194.4-209.4] 住房保障支出[271.3-331.3] 398.06[422.6-452.6] 398.06[496.6-526.6] 0.00[580.6-600.6] 357.08[644.7-674.7] 0.00[728.8-748.8] 0.00[802.8-822.8]',
    ),
  ];
  const s = spec('shenzhen-budget', '3');
  const variant = TREE_VARIANTS.find((v) => v.options.ofWhich)!;
  const col = (m: string) => s.measures!.find((x) => x.measure === m)!.column;
  const read = (g: ReturnType<typeof treeGrid>) => g.rows.map((r) => ['total', 'basic', 'project', 'operating'].map((m) => r.cells[col(m)]));
  assert.deepEqual(read(treeGrid(lines, s)), [
    ['10,446.03', '1,043.32', '9,402.71', '9,118.50'],
    ['398.06', '398.06', '0.00', '357.08'],
  ]);
  assert.deepEqual(read(treeGrid(lines, s, false, variant.options)), [
    ['10,446.03', '1,043.32', '9,402.71', ''],
    ['398.06', '398.06', '0.00', ''],
  ]);
});

test('“其中：基本支出” beside 小计 and 项目支出 (w092 p.15): the basic column itself, not a breakdown dropped', () => {
  const lines = [
    line(1, '一般公共预算支出[497-577]'),
    line(2, '功能科目名称[129-189]'),
    line(3, '小计[353-373] 其中：基本支出[502-572] 项目支出[691-731]'),
    line(4, '合计[147-167] 456,990.37[400-450] 103,700.53[573-624] 353,289.84[747-797]'),
    line(5, '[201]一般公共服务支出[48-153] 16.25[425-450] 0.00[604-624] 16.25[772-797]'),
    line(6, '[20132]组织事务[58-133] 16.25[425-450] 0.00[604-624] 16.25[772-797]'),
  ];
  const s = spec('guangdong-budget', '5');
  const grid = treeGrid(lines, s);
  const at = (row: number, m: string) => grid.rows[row]!.cells[s.measures!.find((x) => x.measure === m)!.column];
  assert.deepEqual([at(0, 'total'), at(0, 'basic'), at(0, 'project')], ['456,990.37', '103,700.53', '353,289.84']);
  assert.equal(measureOfHeader(['其中：政府采购', '小计']), 'ofWhich');
});
