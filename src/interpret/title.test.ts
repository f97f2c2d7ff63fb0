import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentTitle } from './title.js';

test('a title ends at its 预算/决算: dates, 保密审查 text and paragraphs after it are not part of it', () => {
  assert.equal(documentTitle('上海市普陀区司法局 2025 年部门预算 2025 年 2 月'), '上海市普陀区司法局2025年部门预算');
  assert.equal(documentTitle('2026年度福州市公安局交通管理支队单位预算'), '2026年度福州市公安局交通管理支队单位预算');
  assert.equal(documentTitle('北京市审计局2024年度部门决算 本文件已经保密审查，可以公开'), '北京市审计局2024年度部门决算');
  assert.equal(
    documentTitle('重庆市大足区财政局2024年部门预算公开说明一、部门职能（一）贯彻执行国家财政、税收方针政策'),
    '重庆市大足区财政局2024年部门预算公开说明',
  );
  assert.equal(documentTitle('某局（含下属预算单位）2024年部门预算'), '某局（含下属预算单位）2024年部门预算');
  assert.equal(
    documentTitle('一、部门职能和机构设置 本部门主要职责是贯彻落实党中央关于审计工作的方针政策和决策部署，坚持和加强党对审计工作的集中统一领导'),
    null,
  );
});
