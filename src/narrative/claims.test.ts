import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readNarrative } from './claims.js';

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
