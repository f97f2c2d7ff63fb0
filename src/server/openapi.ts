// The API's OpenAPI 3.1 description (served at /api/openapi.json) and a self-contained HTML page
// rendering it (/api/docs; no CDN, no script). Keep it in step with routes.ts and app.ts.

import { escapeHtml } from './site.js';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const amount = { type: 'string', description: '金额，万元，精确十进制字符串（如 "1234.56"、"0.000012"）', examples: ['1234.56'] } as const;
const error = { description: '错误（zh-CN）', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const q = (name: string, description: string, schema: object = str) => ({ name, in: 'query', required: false, description, schema });
const idParam = { name: 'id', in: 'path', required: true, description: '文档（某一版本）的编号', schema: int };
const ok = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const keyParam = {
  name: 'key',
  in: 'path',
  required: true,
  description: '检查发现的编号（由规则、位置与数值算出，见 /api/documents/{id}/reviews）',
  schema: str,
};
const reviewOrNull = { oneOf: [ref('Review'), { type: 'null' }] };

const DOC_FILTERS = [
  q('region', '地区，如 四川省'),
  q('level', '级次：central / province / city / county / unknown'),
  q('year', '年度', int),
  q('kind', '类型：budget（预算）/ final（决算）'),
  q('department', '部门名称（完全相同）'),
  q('status', '检查状态：clean / warning / error'),
  q('q', '标题或部门名称中包含的文字'),
];

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'yusuan 预算公开门户 API',
    version: '1',
    description:
      '部门预算/决算公开文件的存储、查询、汇总、比较、检查与导出。读取公开；写入（导入、删除、检查并保存、审核标记）需要令牌：`Authorization: Bearer <YUSUAN_API_TOKEN>`，未设置令牌时写入关闭（403）。金额为万元的精确十进制字符串（`summary` 与 `yusuan summary --json` 相同，用 JSON 数字）。文档编号指某一版本；同一份公开文件（地区、部门、年度、类型、范围和标题相同）再次导入时成为新版本，旧版本保留，列表默认只列最新版本。错误一律为 `{ "error": "中文说明" }`。',
  },
  paths: {
    '/api/documents': {
      get: {
        summary: '文档列表（默认每份公开文件的最新版本）',
        parameters: [
          ...DOC_FILTERS,
          q('allVersions', '1：列出所有版本'),
          q('unreviewed', '1：只列有未审核错误的文档'),
          q('limit', '每页条数（1–500，默认 50）', int),
          q('offset', '跳过条数', int),
        ],
        responses: { 200: ok('文档', { type: 'object', properties: { total: int, items: { type: 'array', items: ref('DocumentItem') } } }), 400: error },
      },
      post: {
        summary: '导入（需要令牌）：multipart 字段 file，可多个（分册发布的同一份文件）',
        security: [{ bearer: [] }],
        requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } },
        responses: {
          201: ok('已导入（新建或新版本）', ref('ImportResult')),
          200: ok('内容与最新版本相同，未重复保存', ref('ImportResult')),
          400: error,
          401: error,
          403: error,
          408: error,
          413: error,
          415: error,
          422: error,
          429: error,
          503: error,
        },
      },
    },
    '/api/documents/{id}': {
      get: {
        summary: '文档元数据、版本与完整模型（与 yusuan extract 输出相同）',
        parameters: [idParam],
        responses: {
          200: ok('文档', {
            type: 'object',
            properties: {
              document: ref('DocumentItem'),
              versions: { type: 'array', items: { type: 'object', properties: { id: int, version: int, importedAt: str } } },
              disclosure: { type: 'object', description: 'Disclosure 模型，见 yusuan schema' },
            },
          }),
          404: error,
        },
      },
      delete: {
        summary: '删除这一版本（需要令牌）；删除最新版本时上一版本成为最新',
        security: [{ bearer: [] }],
        parameters: [idParam],
        responses: { 204: { description: '已删除' }, 401: error, 403: error, 404: error },
      },
    },
    '/api/documents/{id}/findings': {
      get: {
        summary: '检查结果（与 yusuan check --format json 的 findings 相同）',
        parameters: [idParam],
        responses: { 200: ok('findings', { type: 'array', items: ref('Finding') }), 404: error },
      },
    },
    '/api/documents/{id}/findings/{key}/review': {
      get: {
        summary: '某条检查发现的审核标记（review 为 null 表示未审核）',
        parameters: [idParam, keyParam],
        responses: {
          200: ok('发现及其审核', { type: 'object', properties: { key: str, finding: ref('Finding'), review: reviewOrNull } }),
          400: error,
          404: error,
        },
      },
      put: {
        summary: '标记某条检查发现（需要令牌）：confirmed 已核实、false-positive 误报、corrected 已整改；status 为 null 时撤销',
        description:
          '请求内容为 JSON：`{"status": "false-positive", "note": "备注", "reviewer": "审核人"}`。status 也可写中文名（已核实 / 误报 / 已整改）；reviewer 必填（最多 60 字），note 最多 2000 字。同一份公开文件再次导入为新版本时，新版本中规则、位置与数值都相同的发现保留原有标记。',
        security: [{ bearer: [] }],
        parameters: [idParam, keyParam],
        requestBody: { content: { 'application/json': { schema: ref('ReviewInput') } } },
        responses: {
          200: ok('已保存', { type: 'object', properties: { key: str, review: reviewOrNull } }),
          400: error,
          401: error,
          403: error,
          404: error,
          415: error,
        },
      },
    },
    '/api/documents/{id}/reviews': {
      get: {
        summary: '这一版本全部发现的编号（与 findings 顺序相同）及其审核标记',
        parameters: [idParam],
        responses: {
          200: ok('编号与标记', { type: 'object', properties: { keys: { type: 'array', items: str }, reviews: { type: 'array', items: ref('Review') } } }),
          404: error,
        },
      },
    },
    '/api/documents/{id}/findings/export': {
      get: {
        summary: '检查发现导出为 CSV 或 XLSX，含审核状态、备注、审核人与审核时间列',
        parameters: [idParam, { ...q('format', 'csv（默认）/ xlsx'), schema: { type: 'string', enum: ['csv', 'xlsx'] } }],
        responses: { 200: { description: '文件' }, 400: error, 404: error },
      },
    },
    '/api/documents/{id}/summary': {
      get: {
        summary: '关键数字（与 yusuan summary --json 相同；金额为万元 JSON 数字）',
        parameters: [idParam],
        responses: { 200: ok('summary', { type: 'object' }), 404: error },
      },
    },
    '/api/documents/{id}/tables': {
      get: {
        summary: '模型中的公开表（TableInstance 数组：行、层级、来源）',
        parameters: [idParam],
        responses: { 200: ok('tables', { type: 'array', items: { type: 'object' } }), 404: error },
      },
    },
    '/api/documents/{id}/facts': {
      get: {
        summary: '模型中的数字（Fact 数组：表、行、指标、金额字符串及其单位、维度、来源）',
        parameters: [
          idParam,
          q('table', '表号，如 1-2'),
          q('measure', '指标，如 total / basic / project / amount'),
          q('rowKind', '行类型'),
          q('functionCode', '功能分类科目'),
          q('economicCode', '经济分类科目'),
          q('unitCode', '单位代码'),
          q('project', '项目名称'),
          q('fundType', '资金性质'),
          q('item', '收支项目'),
        ],
        responses: { 200: ok('facts', { type: 'array', items: { type: 'object' } }), 404: error },
      },
    },
    '/api/reviews/summary': {
      get: {
        summary: '审核进度：文档数、有错误的文档数、有未审核错误的文档数（一次查询），以及各审核状态的标记数（最新版本）',
        parameters: [...DOC_FILTERS],
        responses: {
          200: ok('审核进度', {
            type: 'object',
            properties: {
              documents: int,
              withErrors: int,
              withUnreviewedErrors: int,
              marks: { type: 'object', properties: { confirmed: int, 'false-positive': int, corrected: int } },
            },
          }),
          400: error,
        },
      },
    },
    '/api/coverage': {
      get: {
        summary: '首页矩阵：部门 × 年度及检查状态（一格有预算和决算时以预算为主，documents 列出全部）',
        parameters: DOC_FILTERS.filter((p) => p.name !== 'year'),
        responses: {
          200: ok('coverage', {
            type: 'object',
            properties: {
              departments: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    department: str,
                    region: str,
                    level: str,
                    years: {
                      type: 'object',
                      additionalProperties: {
                        type: 'object',
                        properties: { id: int, kind: str, status: str, counts: ref('Counts'), documents: { type: 'array' } },
                      },
                    },
                  },
                },
              },
              years: { type: 'array', items: int },
            },
          }),
        },
      },
    },
    '/api/aggregate': {
      get: {
        summary: '汇总（OLAP，类似 OpenSpending babbage）：某指标按维度求和',
        description:
          '只计每份公开文件的最新版本，只计一张表（table，默认 expenditureByFunction 部门支出总表）的明细行（叶子行：detail 行，以及收支总表的功能分类“类”行），避免合计行、小计行重复计算。指标默认 total（部门收支总表 summary 为 amount）；按 measure 下钻或筛选时不限定指标。维度：department, region, level, year, kind, table, measure, functionClass（功能分类前 3 位）, functionCode, economicCode, unitCode, project。count 为参与求和的数字个数。',
        parameters: [
          q('measure', '指标'),
          q('table', '表的角色（profile role），如 expenditureByFunction、gpbProjects、gpbBasicByEconomic、summary'),
          q('drilldown', '下钻维度，逗号分隔，如 year,functionClass'),
          q('cut', '筛选：维度:值，用 | 分隔多个条件，同一维度多个值用 ; 分隔，如 kind:budget|year:2023;2024'),
        ],
        responses: {
          200: ok('cells', {
            type: 'object',
            properties: {
              cells: { type: 'array', items: { type: 'object', properties: { value: amount, count: int }, additionalProperties: true } },
              total: amount,
              count: int,
              table: str,
              measure: { type: ['string', 'null'] },
            },
          }),
          400: error,
        },
      },
    },
    '/api/compare': {
      get: {
        summary: '比较两份文档的关键数字与功能分类（同一部门两年，或两个部门）',
        description:
          'diff = b − a（万元）；rate = diff ÷ a（%，两位小数，精确计算后四舍五入一次）；shareA/shareB 为占本文档支出总计（关键数字）或功能分类合计（功能分类）的百分比。',
        parameters: [q('a', '文档编号', int), q('b', '文档编号', int)],
        responses: {
          200: ok('比较', { type: 'object', properties: { a: { type: 'object' }, b: { type: 'object' }, rows: { type: 'array', items: ref('CompareRow') } } }),
          400: error,
          404: error,
        },
      },
    },
    '/api/search': {
      get: {
        summary: '搜索部门、单位、项目、分类科目',
        parameters: [{ ...q('q', '搜索词'), required: true }],
        responses: {
          200: ok('结果', {
            type: 'object',
            properties: {
              departments: { type: 'array', items: { type: 'object', properties: { department: str, ids: { type: 'array', items: int } } } },
              units: { type: 'array', items: { type: 'object', properties: { name: str, code: str, documentId: int, department: str, year: int } } },
              projects: { type: 'array', items: { type: 'object', properties: { name: str, documentId: int, department: str, year: int, amount } } },
              classifications: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    code: str,
                    name: str,
                    kind: str,
                    documents: {
                      type: 'array',
                      description: '使用该科目的文件（最多 8 份）',
                      items: { type: 'object', properties: { id: { type: 'integer' }, department: str, year: { type: ['integer', 'null'] } } },
                    },
                  },
                },
              },
            },
          }),
          400: error,
        },
      },
    },
    '/api/check': {
      post: {
        summary: '检查上传的文件（默认不保存；?store=1 且带令牌时保存）',
        parameters: [q('store', '1：检查后保存（需要令牌）')],
        requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } },
        responses: {
          200: ok('检查结果', {
            type: 'object',
            properties: {
              document: { type: 'object', properties: { title: str, department: str, year: int, kind: str, profile: str, format: str, file: str } },
              summary: { type: 'object' },
              findings: { type: 'array', items: ref('Finding') },
              counts: ref('Counts'),
              stored: ref('ImportResult'),
            },
          }),
          400: error,
          401: error,
          403: error,
          408: { ...error, description: '上传超过 15 秒没有收到数据（zh-CN 错误）' },
          413: error,
          415: error,
          422: error,
          429: { ...error, description: '同一客户端已有一个上传在进行（zh-CN 错误）' },
          503: error,
        },
      },
    },
    '/api/export': {
      get: {
        summary: '导出数据（每份公开文件的最新版本）',
        description:
          'json / csv / xlsx：全部数字，leaf=1 为可求和的明细行；csv 为 UTF-8（带 BOM），以 = + - @ 开头的文字前加单引号以防公式注入。fdp：财政数据包（Fiscal Data Package）——一个 datapackage.json 描述文件，数据内联在 resources[0].data，只含明细行，带 Table Schema 与 FDP model（measures / dimensions）。',
        parameters: [{ ...q('format', 'json / csv / xlsx / fdp'), schema: { type: 'string', enum: ['json', 'csv', 'xlsx', 'fdp'] } }, ...DOC_FILTERS],
        responses: { 200: { description: '文件（json、csv 分批流式发送）' }, 400: error, 413: error, 429: error, 503: error },
      },
    },
    '/api/openapi.json': { get: { summary: '本说明（OpenAPI 3.1）', responses: { 200: { description: 'OpenAPI' } } } },
    '/api/docs': { get: { summary: '本说明的网页版', responses: { 200: { description: 'HTML' } } } },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: { type: 'object', properties: { error: str }, required: ['error'] },
      Counts: { type: 'object', properties: { error: int, warning: int, info: int } },
      DocumentItem: {
        type: 'object',
        properties: {
          id: int,
          version: int,
          department: str,
          title: str,
          region: { type: ['string', 'null'] },
          level: str,
          year: { type: ['integer', 'null'] },
          kind: str,
          scope: str,
          profile: str,
          status: { type: 'string', enum: ['clean', 'warning', 'error'] },
          counts: ref('Counts'),
          sourceFile: str,
          format: str,
          importedAt: { type: 'string', format: 'date-time' },
        },
      },
      ImportResult: {
        type: 'object',
        properties: { id: int, version: int, outcome: { type: 'string', enum: ['created', 'newVersion', 'unchanged'] }, status: str, counts: ref('Counts') },
      },
      Finding: {
        type: 'object',
        properties: {
          rule: str,
          severity: str,
          category: str,
          title: str,
          message: str,
          expected: { type: ['string', 'null'] },
          actual: { type: ['string', 'null'] },
          difference: { type: ['string', 'null'] },
          unit: { type: ['string', 'null'] },
          locations: { type: 'array', items: { type: 'object' } },
        },
      },
      ReviewInput: {
        type: 'object',
        required: ['status'],
        properties: {
          status: { type: ['string', 'null'], enum: ['confirmed', 'false-positive', 'corrected', '已核实', '误报', '已整改', null] },
          note: str,
          reviewer: str,
        },
      },
      Review: {
        type: 'object',
        properties: {
          key: str,
          status: { type: 'string', enum: ['confirmed', 'false-positive', 'corrected'] },
          statusName: str,
          note: str,
          reviewer: str,
          reviewedAt: { type: 'string', format: 'date-time' },
        },
      },
      CompareRow: {
        type: 'object',
        properties: {
          key: str,
          label: str,
          a: { type: ['string', 'null'] },
          b: { type: ['string', 'null'] },
          diff: { type: ['string', 'null'] },
          rate: { type: ['string', 'null'] },
          shareA: { type: ['string', 'null'] },
          shareB: { type: ['string', 'null'] },
        },
      },
    },
  },
};

type Op = {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  responses?: Record<string, unknown>;
  security?: unknown;
};

let page: string | null = null;

/** Escaped text with `code` spans. */
const prose = (s: string) => escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>');

/** The OpenAPI description as a readable page (escaped; no script, no external resource). */
export function docsPage(): string {
  if (page) return page;
  const ops = Object.entries(OPENAPI.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Op>).map(([method, op]) => {
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${escapeHtml(p.name)}</code>（${p.in === 'path' ? '路径' : '查询'}${p.required ? '，必填' : ''}）${escapeHtml(p.description ?? '')}</li>`,
        )
        .join('');
      return `<section><h2><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code>${op.security ? ' <small>需要令牌</small>' : ''}</h2>
<p>${prose(op.summary ?? '')}</p>${op.description ? `<p class="d">${prose(op.description)}</p>` : ''}${params ? `<ul>${params}</ul>` : ''}
<p class="r">响应：${Object.keys(op.responses ?? {})
        .map(escapeHtml)
        .join('、')}</p></section>`;
    }),
  );
  page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(OPENAPI.info.title)}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.6}section{border-top:1px solid #ddd;padding:.5rem 0}h2{font-size:1.05rem}.m{display:inline-block;min-width:4.5rem;text-align:center;border-radius:3px;color:#fff;font-size:.85rem}.get{background:#2b7bb9}.post{background:#2e8b57}.delete{background:#c0392b}.put{background:#8e5a00}.d{color:#555}.r{color:#777;font-size:.9rem}code{background:#f4f4f4;padding:0 .2rem}</style></head>
<body><h1>${escapeHtml(OPENAPI.info.title)}</h1><p>${prose(OPENAPI.info.description)}</p><p>机器可读版本：<a href="/api/openapi.json">/api/openapi.json</a>（OpenAPI ${OPENAPI.openapi}）</p>
${ops.join('\n')}</body></html>`;
  return page;
}
