// JSON Schema (draft 2020-12) of the Disclosure model in ./types.ts, printed by `yusuan schema`.
// One $def per interface, `additionalProperties: false` everywhere, titles and descriptions in
// zh-CN for the people who read the published file.
//
// Drift against types.ts is caught at compile time for property names and optionality: every
// object is built with `object<T>()`, whose `properties` argument must name exactly the keys of
// T, wrap the optional ones in `opt()` and the ones that admit null in `nullable()`. Property
// *types* are not checked by the compiler; the tests validate the example disclosure instead.

import type {
  BudgetUnit,
  CountedBreakdown,
  DepartmentPerformance,
  Disclosure,
  DisclosureMeta,
  Fact,
  FactDimensions,
  Narrative,
  NarrativeSection,
  NarrativeSentence,
  NumericClaim,
  OtherFacts,
  Performance,
  PerformanceIndicator,
  PerformanceProject,
  Provenance,
  TableInstance,
  TableReading,
  TableRow,
  TocEntry,
} from './types.js';
import { SCHEMA_VERSION } from './types.js';

type Schema = { [keyword: string]: unknown };

declare const nullBrand: unique symbol;
/** A schema that admits null (built by `nullable()`). */
type NullableSchema = Schema & { readonly [nullBrand]: true };
/** Any schema not built by `nullable()`. */
type NonNullSchema = Schema & { readonly [nullBrand]?: never };

/** Marks an optional property (`key?:` in TypeScript): left out of `required`. */
class Optional {
  private readonly optional = true;
  constructor(readonly schema: NonNullSchema) {}
}

type Properties<T> = {
  [K in keyof T]-?: Partial<Pick<T, K>> extends Pick<T, K> ? Optional : null extends T[K] ? NullableSchema : NonNullSchema;
};

const opt = (schema: NonNullSchema): Optional => new Optional(schema);

/** T | null. Title and description move to the outside so that tools show them. */
function nullable(schema: NonNullSchema): NullableSchema {
  const { title, description, ...rest } = schema;
  return {
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    anyOf: [rest, { type: 'null' }],
  } as unknown as NullableSchema;
}

function object<T>(title: string, description: string | null, properties: Properties<T>): NonNullSchema {
  const props: Schema = {};
  const required: string[] = [];
  for (const [key, value] of Object.entries(properties) as [string, Schema | Optional][]) {
    if (value instanceof Optional) props[key] = value.schema;
    else {
      props[key] = value;
      required.push(key);
    }
  }
  return {
    type: 'object',
    title,
    ...(description === null ? {} : { description }),
    properties: props,
    required,
    additionalProperties: false,
  };
}

const ref = (name: string, description?: string): NonNullSchema => ({ $ref: `#/$defs/${name}`, ...(description ? { description } : {}) });
const str = (description?: string): NonNullSchema => ({ type: 'string', ...(description ? { description } : {}) });
const int = (description: string, minimum?: number): NonNullSchema => ({
  type: 'integer',
  description,
  ...(minimum === undefined ? {} : { minimum }),
});
const bool = (description: string): NonNullSchema => ({ type: 'boolean', description });
const list = (items: Schema, description: string): NonNullSchema => ({ type: 'array', description, items });
const oneOfStrings = (values: readonly string[], description: string): NonNullSchema => ({ type: 'string', description, enum: [...values] });

const SOURCE = ref('Provenance', '来源位置');
const DECIMAL = (description: string): NonNullSchema => ref('Decimal', description);

const provenance = object<Provenance>('来源位置', '数字或文字在原文件中的位置。行号、页码从 1 起；表内行、列序号从 0 起。', {
  line: int('原文件中的行号（从 1 起）', 1),
  page: opt(int('页码（从 1 起），读自分页文件（如 PDF）时', 1)),
  table: opt(str('所在表格的表号（模板中的表 id，如 "1-2"）')),
  row: opt(int('表内行序号（从 0 起，即 TableRow.index）', 0)),
  column: opt(int('表内列序号（从 0 起）', 0)),
  box: opt({
    type: 'array',
    description: '读自 PDF 时在页面上的位置框，单位为 PDF 点（四个数）',
    prefixItems: [{ type: 'number' }, { type: 'number' }, { type: 'number' }, { type: 'number' }],
    items: false,
    minItems: 4,
  }),
});

const meta = object<DisclosureMeta>('文件信息', '公开文件本身：标题、部门、地区、年度、类型和所用模板。', {
  title: str('封面标题（去掉空白）'),
  department: str('部门名称（取自封面标题）'),
  region: nullable(str('地区，如“四川省”；模板未注明时为 null')),
  level: oneOfStrings(['central', 'province', 'city', 'county', 'unknown'], '政府层级：central 中央，province 省级，city 市级，county 县级，unknown 未知'),
  fiscalYear: nullable(int('预算/决算年度；标题中未写年度时为 null')),
  kind: oneOfStrings(['budget', 'final'], '文件类型：budget 预算，final 决算'),
  scope: oneOfStrings(['department', 'unit'], '公开主体：department 部门，unit 单位'),
  profile: str('读取时所用公开模板的 id'),
  source: object<DisclosureMeta['source']>('原文件', '被读取的文件', {
    file: str('文件路径或名称'),
    format: oneOfStrings(['text', 'pdf', 'xlsx', 'html'], '文件格式'),
    sha256: { type: 'string', description: '文件内容的 SHA-256 摘要（小写十六进制）', pattern: '^[0-9a-f]{64}$' },
    lines: int('文件的总行数', 0),
  }),
  part: opt(
    oneOfStrings(['narrative', 'tables'], '分开发布的公开文件中本文件所含的部分：narrative 只有情况说明（报表另行发布），tables 只有报表；完整文件时省略'),
  ),
});

const budgetUnit = object<BudgetUnit>('预算单位', '部门所属的一个预算单位。', {
  code: nullable(str('单位编码，如 "205001"；未能确定时为 null')),
  name: str('单位名称'),
  type: nullable(str('单位性质（行政单位、参公单位、事业单位等）；未写明也无法推断时为 null')),
  typeBasis: nullable(oneOfStrings(['stated', 'inferred'], '单位性质的依据：stated 原文写明，inferred 由其支出科目推断；性质未知时为 null')),
});

const tableRow = object<TableRow>('表格行', '表格中的一行（其金额见 facts 中 table 与 row 相同的事实）。', {
  index: int('行在表中的序号（从 0 起）', 0),
  kind: ref('RowKind', '行类型'),
  label: str('行名称，按原文'),
  code: nullable(str('支出功能分类或经济分类科目编码（完整位数）')),
  unitCode: nullable(str('该行所属预算单位的编码')),
  project: nullable(str('项目名称（项目支出表）')),
  item: nullable(str('收支总表等表中该项的键，如 incomeTotal、class:204')),
  side: nullable(oneOfStrings(['income', 'expenditure'], '收支总表等表中该项所在的一侧：income 收入，expenditure 支出')),
  parent: nullable(int('上级行的序号（index）；无上级时为 null', 0)),
  source: SOURCE,
});

const tableInstance = object<TableInstance>('表格', '公开文件中的一张表（对应模板中的一张表）。', {
  id: str('模板中的表号，如 "1-2"'),
  role: str('表格在模板中的作用，如 summary（部门收支总表）、expenditureByFunction'),
  title: str('模板中的表名'),
  printedTitle: str('正文中印出的表名'),
  unit: ref('AmountUnit', '表中金额的计量单位'),
  decimals: int('表中金额印出的小数位数（取表中最大值）', 0),
  present: bool('正文中是否有这张表'),
  empty: bool('表是否为空（如注明“本表无数据”）'),
  note: nullable(str('表下的注释，如“注：本表无数据”；无注释时为 null')),
  rows: list(ref('TableRow'), '表格各行'),
  measures: list(str('度量（列）'), '表中印出的度量（列），不论是否填数；不在其中的度量为未知，而不是 0'),
  reading: ref('TableReading', '读取结果的可靠程度'),
  source: SOURCE,
});

const tableReading = object<TableReading>(
  '读取可靠性',
  '表中数字之间的恒等关系（合计 = 各项之和、收入总计 = 支出总计、表间一致）对这张表读取结果的印证程度。',
  {
    status: oneOfStrings(
      ['confirmed', 'exceptions', 'unreliable', 'unchecked'],
      'confirmed 已印证（各恒等关系均成立）；exceptions 已印证但有个别不符（可能是文件本身的错误）；unreliable 未能可靠读取（不符之处遍布全表，更可能是读错了版式），其数字不参与检查和汇总；unchecked 无可核对的恒等关系（空表或只有一个数）',
    ),
    checked: int('核对过的恒等关系个数（表内及与其他表之间）', 0),
    failed: int('其中超出尾差而不成立的个数', 0),
    reason: nullable(str('未能可靠读取的原因；其他状态为 null')),
  },
);

const factDimensions = object<FactDimensions>('事实维度', '一个金额事实所属的分类维度，未涉及的维度省略。', {
  functionCode: opt(str('支出功能分类科目编码')),
  economicCode: opt(str('支出经济分类科目编码')),
  unitCode: opt(str('预算单位编码')),
  project: opt(str('项目名称')),
  fundType: opt(str('资金性质，如 all、gpb（一般公共预算）')),
  item: opt(str('收支总表等表中该项的键')),
});

const fact = object<Fact>('金额事实', '表格中的一个金额：某表某行某列的数。', {
  table: str('表号'),
  row: int('行序号（TableRow.index）', 0),
  measure: str('度量（列），如 total 合计、basic 基本支出、project 项目支出'),
  value: DECIMAL('金额，十进制字符串，计量单位见 unit'),
  unit: ref('AmountUnit', '金额的计量单位（即所在表格的单位）'),
  rowKind: ref('RowKind', '所在行的类型'),
  label: str('所在行的名称'),
  dims: ref('FactDimensions', '分类维度'),
  source: SOURCE,
});

const numericClaim = object<NumericClaim>('说明中的数字', '情况说明等文字中写出的一个数字及其所指。', {
  id: str('数字的 id，如 "c12"'),
  kind: ref('ClaimKind', '数字的类别'),
  subject: str('数字所说的对象，按原文，如“一般公共服务支出”'),
  value: DECIMAL('按原文写出的数字，已规范化（"3,480.25" → "3480.25"）'),
  decimals: int('原文写出的小数位数（"556.40" → 2），即该数字所声称的精度', 0),
  unit: str('单位，如 万元、元、%、‰、‱、辆、个；“持平”等无数字的变化为空字符串'),
  direction: opt(str('变化的方向，按原文：增加、减少、增长、下降、持平等')),
  basis: opt(str('占比的基数（句中写明时）')),
  partOf: opt(str('所属总数的 id（“其中”之后的分项）')),
  about: opt(str('占比或变化所修饰的金额的 id；作比较基数的金额所比较的金额的 id')),
  baseline: opt(bool('作为比较基数写出的金额（如“比 2025 年初预算数 X 万元减少”中的 X），是上年的数字')),
  reason: opt(bool('写在增减原因中的金额（“主要原因是……”），是变化的组成部分，不是某一事项的总数')),
  year: opt(int('数字前写明的年度（如“2025年预算执行数为…”中的 2025）', 1900)),
  sentence: int('所在句子的序号（NarrativeSentence.index）', 0),
  section: str('所在章节的 id'),
  source: SOURCE,
  text: str('所在句子的全文'),
});

const narrativeSentence = object<NarrativeSentence>('句子', '情况说明中的一个句子。', {
  index: int('句子序号（从 0 起）', 0),
  section: str('所在章节的 id'),
  text: str('句子全文'),
  source: SOURCE,
  unterminated: opt(bool('句子在段落末尾却没有句末标点（。！？；：等）')),
});

const narrativeSection = object<NarrativeSection>('章节', '情况说明中的一个标题及其下的内容。', {
  id: str('章节 id'),
  heading: str('标题，按原文'),
  level: int('标题层级：1 为“一、”，2 为“（一）”', 1),
  parent: nullable(str('上级章节的 id；一级标题为 null')),
  source: SOURCE,
});

const narrative = object<Narrative>('情况说明', '情况说明的章节、句子和句中的数字。', {
  sections: list(ref('NarrativeSection'), '章节'),
  sentences: list(ref('NarrativeSentence'), '句子'),
  claims: list(ref('NumericClaim'), '句中的数字'),
});

const performanceIndicator = object<PerformanceIndicator>('绩效指标', '绩效目标表中的一个指标。', {
  level1: str('一级指标，如“产出指标”'),
  level2: str('二级指标，如“数量指标”'),
  level3: str('三级指标（指标名称）'),
  nature: str('指标性质，通常为 ≥、≤、=、>、< 或“定性”，按原文'),
  value: str('指标值，按原文（定性指标可为文字，如“提高”）'),
  measureUnit: str('度量单位，如 %、人、月；无单位时为空字符串'),
  weight: nullable(str('权重（分值），按原文；未写时为 null')),
  direction: nullable(str('指标方向，如“正向指标”“反向指标”；未写时为 null')),
  source: SOURCE,
});

const performanceProject = object<PerformanceProject>('项目绩效目标', '项目支出绩效目标表中的一个项目。', {
  unitCode: nullable(str('项目所属预算单位的编码；未能确定时为 null')),
  unitName: nullable(str('项目所属预算单位的名称；未能确定时为 null')),
  name: str('项目名称'),
  amount: nullable(DECIMAL('项目资金，十进制字符串，计量单位见 unit；未写时为 null')),
  unit: ref('AmountUnit', '项目资金的计量单位'),
  goal: str('项目目标'),
  indicators: list(ref('PerformanceIndicator'), '绩效指标'),
  source: SOURCE,
});

const departmentPerformance = object<DepartmentPerformance>('部门整体绩效目标', '部门（单位）整体支出绩效目标表。', {
  totalFunds: nullable(DECIMAL('资金总额，十进制字符串，计量单位见 unit；未写时为 null')),
  fiscalFunds: nullable(DECIMAL('其中财政拨款，十进制字符串，计量单位见 unit；未写时为 null')),
  otherFunds: nullable(DECIMAL('其中其他资金，十进制字符串，计量单位见 unit；未写时为 null')),
  fundsSource: nullable(ref('Provenance', '印出资金总额、财政拨款、其他资金的那一行的来源位置；未印出时为 null')),
  unit: ref('AmountUnit', '资金的计量单位'),
  goal: str('年度总体目标'),
  tasks: list(
    object<DepartmentPerformance['tasks'][number]>('年度主要任务', null, {
      name: str('任务名称'),
      content: str('主要内容'),
    }),
    '年度主要任务',
  ),
  indicators: list(ref('PerformanceIndicator'), '绩效指标'),
  source: SOURCE,
});

const performance = object<Performance>('绩效目标', '项目支出绩效目标和部门整体支出绩效目标。', {
  declaredTotal: nullable(DECIMAL('项目绩效目标表部门行印出的资金合计，十进制字符串，计量单位同各项目；未印出时为 null')),
  declaredTotalSource: nullable(ref('Provenance', '印出该合计的部门行的来源位置；未印出时为 null')),
  projects: list(ref('PerformanceProject'), '各项目的绩效目标'),
  department: nullable(ref('DepartmentPerformance', '部门整体绩效目标；文件中没有该表时为 null')),
});

const countedBreakdown = object<CountedBreakdown>('总数及其分项', '文字中写出的一个总数及“其中”列出的分项（如公务用车总数及各车型数量）。', {
  total: nullable(
    object<NonNullable<CountedBreakdown['total']>>('总数', '总数；未写出时为 null', {
      value: DECIMAL('总数，十进制字符串，单位同原文（辆、个、万元等）'),
      source: SOURCE,
    }),
  ),
  parts: list(
    object<CountedBreakdown['parts'][number]>('分项', null, {
      label: str('分项名称，按原文'),
      value: DECIMAL('分项数，十进制字符串，单位同总数'),
      source: SOURCE,
    }),
    '分项',
  ),
});

const otherFacts = object<OtherFacts>('其他说明事项', '表格之外（主要在情况说明中）写出的数字。', {
  vehicles: list(ref('CountedBreakdown'), '公务用车：总数及按车型、用途的分项（辆）'),
  procurement: list(ref('CountedBreakdown'), '政府采购预算：总额及货物、工程、服务分项'),
  operatingCost: nullable(
    object<NonNullable<OtherFacts['operatingCost']>>('机关运行经费', '机关运行经费；未写出时为 null', {
      value: DECIMAL('金额，十进制字符串，计量单位见 unit'),
      unit: ref('AmountUnit', '金额的计量单位'),
      source: SOURCE,
    }),
  ),
  largeAssets: nullable(
    object<NonNullable<OtherFacts['largeAssets']>>('大型设备', '单价较高的大型设备数量；未写出时为 null', {
      value: DECIMAL('数量，十进制字符串'),
      source: SOURCE,
    }),
  ),
  projectCounts: list(ref('CountedBreakdown'), '项目个数：总数及按类别的分项'),
  unitCounts: nullable(ref('CountedBreakdown', '预算单位个数：总数及按单位性质的分项；未写出时为 null')),
});

const tocEntry = object<TocEntry>('目录项', '目录中的一项。', {
  title: str('目录项文字，按原文'),
  number: nullable(str('目录项所指的表号；不是表格时为 null')),
  source: SOURCE,
});

const disclosure = object<Disclosure>('部门预算公开文件', '一份部门预算/决算公开文件的全部读取结果。', {
  schemaVersion: { type: 'integer', const: SCHEMA_VERSION, description: '模型版本号' },
  meta: ref('DisclosureMeta', '文件信息'),
  units: list(ref('BudgetUnit'), '预算单位'),
  toc: list(ref('TocEntry'), '目录'),
  tables: list(ref('TableInstance'), '表格'),
  facts: list(ref('Fact'), '表格中的全部金额'),
  narrative: ref('Narrative', '情况说明'),
  performance: ref('Performance', '绩效目标'),
  other: ref('OtherFacts', '表格之外写出的其他数字'),
  glossary: list(
    object<Disclosure['glossary'][number]>('名词解释', null, {
      term: str('名词'),
      definition: str('解释'),
      source: SOURCE,
    }),
    '名词解释',
  ),
  readerNotes: list(
    object<Disclosure['readerNotes'][number]>('读取备注', null, {
      message: str('备注内容'),
      source: SOURCE,
    }),
    '读取时看到但无法归位的内容（保留下来，以免遗漏）',
  ),
});

export const DISCLOSURE_SCHEMA: Record<string, unknown> = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `https://yusuan.dev/schema/disclosure-${SCHEMA_VERSION}.json`,
  title: '部门预算公开文件的规范模型',
  description:
    'yusuan 从一份部门预算/决算公开文件中读取的全部内容：文件信息、预算单位、目录、各表的行与金额、情况说明中的句子和数字、绩效目标及其他说明事项。' +
    '金额均为十进制字符串（如 "77901.83"，不含千分位逗号），单位与其所在表格的计量单位一致（元或万元）；每个数字和每段文字都带有其在原文件中的来源位置。',
  $ref: '#/$defs/Disclosure',
  $defs: {
    Decimal: {
      type: 'string',
      title: '十进制数',
      description: '规范化的十进制数：可带负号，不含千分位逗号、空格或单位，如 "77901.83"、"-12.5"、"0"。',
      pattern: '^-?\\d+(\\.\\d+)?$',
    },
    AmountUnit: { type: 'string', title: '金额单位', description: '金额的计量单位', enum: ['元', '万元'] },
    RowKind: {
      type: 'string',
      title: '行类型',
      description: '行所汇总的范围：total 合计，department 部门，unit 单位，group 有下级的分类科目，detail 末级科目或明细，item 收支总表等表中的项目',
      enum: ['total', 'department', 'unit', 'group', 'detail', 'item'],
    },
    ClaimKind: {
      type: 'string',
      title: '数字类别',
      description: 'amount 金额，share 占比，change 增减额，changeRate 增减幅度，count 数量',
      enum: ['amount', 'share', 'change', 'changeRate', 'count'],
    },
    Provenance: provenance,
    DisclosureMeta: meta,
    BudgetUnit: budgetUnit,
    TableRow: tableRow,
    TableInstance: tableInstance,
    TableReading: tableReading,
    FactDimensions: factDimensions,
    Fact: fact,
    NumericClaim: numericClaim,
    NarrativeSentence: narrativeSentence,
    NarrativeSection: narrativeSection,
    Narrative: narrative,
    PerformanceIndicator: performanceIndicator,
    PerformanceProject: performanceProject,
    DepartmentPerformance: departmentPerformance,
    Performance: performance,
    CountedBreakdown: countedBreakdown,
    OtherFacts: otherFacts,
    TocEntry: tocEntry,
    Disclosure: disclosure,
  },
};
