import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readNarrative, splitSentences } from './claims.js';

/** Claims of one paragraph: subject → the subject of the total it is a part of ('' when none). */
function partsOf(text: string): Record<string, string> {
  const { claims } = readNarrative([{ text, line: 1 }]);
  const byId = new Map(claims.map((c) => [c.id, c]));
  return Object.fromEntries(
    claims.filter((c) => c.kind === 'amount' || c.kind === 'count').map((c) => [`${c.subject} ${c.value}`, c.partOf ? byId.get(c.partOf)!.subject : '']),
  );
}

test('claims: a breakdown ends where the sentence opens the next total with its own 其中', () => {
  assert.deepEqual(
    partsOf(
      '2022年本部门预算收入227358.37万元，其中一般公共预算拨款收入227123.37万元、其他收入235万元；2022年本部门预算支出227358.37万元，其中一般公共预算拨款支出227123.37万元、结转下年235万元。',
    ),
    {
      '本部门预算收入 227358.37': '',
      '一般公共预算拨款收入 227123.37': '本部门预算收入',
      '其他收入 235': '本部门预算收入',
      '本部门预算支出 227358.37': '',
      '一般公共预算拨款支出 227123.37': '本部门预算支出',
      '结转下年 235': '本部门预算支出',
    },
  );
});

test('claims: parts listed clause by clause (其中：A…；B…；C…) stay parts', () => {
  const p = partsOf('“三公”经费预算627万元，其中：因公出国（境）费40万元；公务用车购置及运行维护费567.72万元；公务接待费19.28万元。');
  assert.equal(p['因公出国（境）费 40'], '“三公”经费预算');
  assert.equal(p['公务接待费 19.28'], '“三公”经费预算');
});

test('claims: a full stop inside brackets does not end the sentence, so the breakdown goes on after it', () => {
  const p = partsOf(
    '“三公”经费预算627万元，其中：因公出国（境）费40万元；公务用车购置及运行维护费567.72万元（公务用车购置费230.55万元；公务用车运行维护费337.17万元。）；公务接待费19.28万元。',
  );
  assert.equal(p['公务接待费 19.28'], '“三公”经费预算');
});

test('claims: amounts given as the reasons for a change are not parts of the breakdown', () => {
  const p = partsOf(
    '本年支出37891.58万元，其中：基本支出12899.62万元，比2025年增加726.21万元，主要原因是新招录职工；项目支出24991.96万元，比2025年增加74.73万元，主要原因是新增了奖补资金1000万元、压减专项资金190万元。',
  );
  assert.equal(p['基本支出 12899.62'], '本年支出');
  assert.equal(p['项目支出 24991.96'], '本年支出');
  assert.deepEqual(
    Object.entries(p)
      .filter(([k]) => /1000|190/.test(k))
      .map(([, v]) => v),
    ['', ''],
  );
});

test('claims: amounts in brackets right after an amount are its parts, not more parts of the breakdown around it', () => {
  const p = partsOf(
    '“三公”经费预算238.4万元，其中：因公出国（境）费101.75万元，公务用车购置及运行维护费112.08万元（公务用车购置费18.2万元，公务用车运行维护费93.88万元），公务接待费24.57万元。',
  );
  assert.equal(p['因公出国（境）费 101.75'], '“三公”经费预算');
  assert.equal(p['公务用车购置费 18.2'], '公务用车购置及运行维护费');
  assert.equal(p['公务用车运行维护费 93.88'], '公务用车购置及运行维护费');
  assert.equal(p['公务接待费 24.57'], '“三公”经费预算');
});

test('claims: what a 科目 amount is used for (主要用于 人员经费…) breaks down that 科目, not the department', () => {
  assert.deepEqual(partsOf('2.“农林水支出”科目83万元，主要用于人员经费18万元、公用经费58万元、项目支出7万元。'), {
    '“农林水支出”科目 83': '',
    '人员经费 18': '“农林水支出”科目',
    '公用经费 58': '“农林水支出”科目',
    '项目支出 7': '“农林水支出”科目',
  });
});

/** Every claim of one paragraph, by "subject value". */
function claimsOf(text: string) {
  const { claims } = readNarrative([{ text, line: 1 }]);
  return new Map(claims.map((c) => [`${c.kind} ${c.subject} ${c.value}`, c]));
}

test('claims: the figure a part is compared with (比 2025 年初预算数 X 万元) is last year’s, not another part', () => {
  // w024 p2.
  const text =
    '2026 度收入预算 515,665.27 万元，其中:一般公共预算收入 19,828.57 万元比 2025 年初预算数 20,292.85 万元减少 464.27 万元，降低 2.29% ；国有资本经营预算收入495,836.20 万元比 2025 年初预算数 56,831.85 增加较多。';
  assert.deepEqual(partsOf(text), {
    '2026度收入预算 515665.27': '',
    '一般公共预算收入 19828.57': '2026度收入预算',
    '2025年初预算数 20292.85': '',
    '国有资本经营预算收入 495836.2': '2026度收入预算',
  });
  const c = claimsOf(text);
  assert.equal(c.get('amount 2025年初预算数 20292.85')!.baseline, true);
  // The change and its rate are the part's, measured from the baseline.
  assert.equal(c.get('change 一般公共预算收入 464.27')!.about, c.get('amount 一般公共预算收入 19828.57')!.id);
});

test('claims: a semicolon ends a breakdown listed within one clause', () => {
  // w151 p10: 89 + 291 = 380; the retirees are another figure.
  assert.deepEqual(partsOf('实有在职人员 380 人，其中行政 89 人,事业 291 人；单位管理的离退休人员 203 人。'), {
    '实有在职人员 380': '',
    '行政 89': '实有在职人员',
    '事业 291': '实有在职人员',
    '单位管理的离退休人员 203': '',
  });
});

test('claims: a breakdown opened in brackets ends with them', () => {
  // w071 p14: 380 + 1,230 = 1,610; 510 is one of the reasons for the increase.
  const p = partsOf(
    '2026 年本部门上级专项转移支付支出预算 1,610.00 万元（其中 380.00 万元为政府性基金预算、1,230.00 万元为一般公共预算），较 2025 年年初预算增加 1,210.00 万元，主要原因包括：1.根据上级单位安排， 2026 年下达转移支付资金1,100.00 万元到我部；2.结转 2025 年下达的资金 510.00 万元。',
  );
  assert.equal(p['其中 380'], '本部门上级专项转移支付支出预算');
  assert.equal(p[' 1230'], '本部门上级专项转移支付支出预算');
  assert.equal(p['下达的资金 510'], '');
});

test('claims: a change after closing brackets qualifies the amount before them, not one inside', () => {
  // w096 p25: 39.2 ÷ (74.1 − 39.2) = 112.3%; the 57.2 inside the brackets is the running costs'.
  const c = claimsOf(
    '其中：公务用车购置及运行维护费74.1万元（公务用车购置费0万元，比上年减少18万元；公务用车运行维护费74.1万元，比上年增加57.2万元。）比上年增加39.2万元，增长112.3%，主要原因是按有关规定将长期租车经费纳入“三公”经费管理。',
  );
  const whole = c.get('amount 公务用车购置及运行维护费 74.1')!.id;
  assert.equal(c.get('change 公务用车运行维护费 57.2')!.about, c.get('amount 公务用车运行维护费 74.1')!.id);
  assert.equal(c.get('change 公务用车购置及运行维护费 39.2')!.about, whole);
  assert.equal(c.get('changeRate 公务用车购置及运行维护费 112.3')!.about, whole);
});

test('claims: an amount with no words of its own after another is a parallel figure, and 其中 breaks down the first', () => {
  // w151 p21: this year's and last year's figure of class 509, then its 人员经费 (both years).
  const p = partsOf(
    '对个人和家庭的补助（509）100151.38 万元，102374.45 万元，其中：人员经费 138.06万元，124.13 万元，较上年增加13.93万元，属正常变化；专项业务经费100013.32万元，较上年减少2237万元。',
  );
  assert.equal(p['人员经费 138.06'], '对个人和家庭的补助（509）');
  assert.equal(p[' 102374.45'], '');
  assert.equal(p[' 124.13'], '');
});

test('claims: 上年结转 stated with a project’s amount is that project’s', () => {
  // w063 p8: the department's 上年结转 (753.13) is the sum of three such project figures.
  assert.deepEqual(
    partsOf(
      '3.上级转移支付项目 10,289.74 万元,主要包括：广深港高铁西九龙站内地口岸区物业管理服务 2,520.00 万元，上年结转122.31 万元，用于广深港高铁西九龙内地口岸区运行维护工作。',
    ),
    {
      '上级转移支付项目 10289.74': '',
      '广深港高铁西九龙站内地口岸区物业管理服务 2520': '',
      '上年结转 122.31': '广深港高铁西九龙站内地口岸区物业管理服务',
    },
  );
});

test('claims: amounts given as the reason for a change are marked as such', () => {
  // w071 p10: 89.60 explains the increase of 因公出国 (108.60 in the table), it is not its total.
  const c = claimsOf(
    '2026 年预算数 108.60 万元，较2025 年年初预算增加 56.20 万元，主要是用于 2026 年因公出国（境），增加的主要原因是按照市财政填报口径，2025 年因公出国（境）费用按执行数统计，2026 年因公出国费按批复额度89.60 万元在二上时已纳入部门预算。',
  );
  const quota = [...c.values()].find((x) => x.value === '89.6')!;
  assert.equal(quota.reason, true);
  assert.equal([...c.values()].find((x) => x.value === '108.6')!.reason, undefined);
});

test('claims: a number broken by a space inside a thousands group is read whole; targets (≤ 63万元) are no claims', () => {
  // w087 p4 "项目支出 58,39 7.75 万元"; w172 p37 a 绩效目标表 run into the text.
  assert.deepEqual(partsOf('其中:基本支出43,436.09万元；项目支出 58,39 7.75 万元。'), { '基本支出 43436.09': '', '项目支出 58397.75': '' });
  assert.deepEqual(partsOf('一级指标二级指标三级指标指标值绩效指标成本指标经济成本项目总成本控制 ≤63万元绩效指标产出指标数量指标宣传次数 ≥10次'), {});
});

test('claims: a line ending in a semicolon or full stop inside brackets does not end the paragraph or the sentence', () => {
  // w094 p114: "…701.34万元（公务用车购置费331万元，比上年增加119.15万元；" ends a line.
  const { claims } = readNarrative([
    { text: '公务用车购置及运行维护费701.34万元（公务用车购置费331万元，比上年增加119.15万元；', line: 1 },
    { text: '公务用车运行维护费370.34万元，比上年减少52.36万元。）比上年增加66.79万元，增长10.5%。', line: 2 },
  ]);
  const whole = claims.find((c) => c.value === '701.34')!;
  assert.equal(claims.find((c) => c.value === '10.5')!.about, whole.id);
  assert.equal(claims.find((c) => c.value === '66.79')!.about, whole.id);
  assert.deepEqual(splitSentences('甲（乙。丙。）丁。戊（未闭合。己。'), ['甲（乙。丙。）丁。', '戊（未闭合。', '己。']);
});
