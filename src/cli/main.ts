// The `yusuan` command. zh-CN for everything a user reads. Exit codes: 0 clean, 1 error-level
// findings, 2 unreadable input or bad usage, 3 an internal error (a bug; never a stack trace
// unless YUSUAN_DEBUG is set).

import { createRequire } from 'node:module';
import { CATEGORIES, SEVERITIES } from '../glossary.js';
import { DISCLOSURE_SCHEMA } from '../model/schema.js';
import { CONVENTIONS } from '../profiles/conventions.js';
import { loadProfiles } from '../profiles/registry.js';
import type { Profile } from '../profiles/types.js';
import { InputError } from '../read/errors.js';
import type { ReadResult } from '../read/index.js';
import { readSandboxed } from '../read/sandbox.js';
import { IDENTITY_RULE_IDS, RULES } from '../rules/catalog.js';
import { summarize } from '../summary.js';
import { textReport } from './report.js';

const HELP = `yusuan（预算）— 部门预算/决算公开文件的读取、检查与发布

用法：
  yusuan check <文件…> [--format text|json] [--profile <模板>] [--all]
                                  检查公开文件，按类别列出发现的问题
  yusuan extract <文件…> [--profile <模板>]
                                  输出读取到的完整模型（JSON）
  yusuan summary <文件…> [--json] [--profile <模板>]
                                  输出关键数字
  文件可以是 PDF、XLSX、HTML 或文本；分成多个文件发布的（如说明 + 报表）依次列出，作为一份读取。
  yusuan render <文件…> --to html|pdf|xlsx -o <输出文件> [--previous <上年文件>] [--draft] [--profile <模板>]
                                  生成完整的公开文件（封面、目录、概况、全部公开表、情况说明、名词解释）；
                                  情况说明由表中数字计算生成。存在错误级问题时拒绝生成 PDF/XLSX，--draft 生成带“草稿”水印的草稿
  yusuan template --profile <模板> -o <工作簿.xlsx>
                                  生成填报用 Excel 工作簿（每张公开表一个工作表，另有填报说明和人工填写内容）
  yusuan import <文件或目录…> [--jobs N]
                                  导入数据库（同一份公开文件再次导入时保存为新版本；内容已导入的文件跳过）；
                                  N 个进程同时读取和检查（默认为 CPU 核数），一个写入者逐份保存
  yusuan import --queue <队列> <文件或目录…> [--jobs N]
                                  加入 PostgreSQL 任务队列并处理（多台机器可运行同一命令，每份只导入一次）
  yusuan worker [--queue <队列>] [--jobs N]
                                  处理任务队列直到完成（进程中断的任务在租约过期后由其他进程接手）
  yusuan serve [--port 8080] [--host 127.0.0.1] [--example]
                                  启动门户网站和 API（--example：先导入例子，后台导入 ../shared/corpus）
  yusuan export [--format json|csv|xlsx|fdp] [--out <文件>] [--year …] [--department …]
                                  导出数据（fdp：财政数据包 Fiscal Data Package）
  yusuan export --reviews [--format json|tsv] [--out <文件>]
                                  导出审核中标为“误报”的检查发现及其标记（tsv 为人工核对集的列）
  数据库：默认 SQLite（YUSUAN_DATA_DIR，默认 ./data）；设置 DATABASE_URL 时使用 PostgreSQL。
  yusuan schema                   输出模型的 JSON Schema
  yusuan profiles [--json]        列出支持的公开模板
  yusuan rules [--json]           列出检查规则目录

退出码：0 未发现错误（render/template：已生成）；1 发现错误级问题（render：拒绝生成）；2 文件无法读取或用法错误。`;

export class UsageError extends Error {}

export interface Args {
  command: string | undefined;
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set([
  'format',
  'profile',
  'to',
  'o',
  'output',
  'previous',
  'port',
  'host',
  'out',
  'region',
  'level',
  'year',
  'kind',
  'department',
  'status',
  'q',
  'jobs',
  'queue',
]);

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '-o') {
      const v = rest[++i];
      if (v === undefined) throw new UsageError('选项 -o 需要一个值');
      flags.set('o', v);
    } else if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (VALUE_FLAGS.has(name)) {
        const v = inline ?? rest[++i];
        if (v === undefined) throw new UsageError(`选项 --${name} 需要一个值`);
        flags.set(name, v);
      } else flags.set(name, true);
    } else positional.push(a);
  }
  return { command, positional, flags };
}

function profiles(): Profile[] {
  return loadProfiles(IDENTITY_RULE_IDS);
}

function files(args: Args): string[] {
  if (args.positional.length === 0) throw new UsageError(`命令 ${args.command} 需要文件参数`);
  return args.positional;
}

/** One disclosure from its files (several files = one multi-part publication, e.g. 说明 + 报表), read
 *  in a child process with a memory cap and a deadline (read/sandbox.ts); `check` runs the rules there too. */
async function readChecked(args: Args, analyse: boolean) {
  const profileId = args.flags.get('profile');
  return readSandboxed({ paths: files(args), analyse, profileId: typeof profileId === 'string' ? profileId : undefined }, profiles());
}

async function read(args: Args): Promise<ReadResult> {
  return (await readChecked(args, false)).result;
}

function allowFlags(args: Args, allowed: string[]) {
  for (const k of args.flags.keys()) if (!allowed.includes(k)) throw new UsageError(`命令 ${args.command} 不支持选项 --${k}`);
}

export async function run(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'check': {
        allowFlags(args, ['format', 'profile', 'all']);
        const format = args.flags.get('format') ?? 'text';
        if (format !== 'text' && format !== 'json') throw new UsageError('--format 只能是 text 或 json');
        const { result, analysis } = await readChecked(args, true);
        const { findings, check } = analysis!;
        if (format === 'json') {
          out(`${JSON.stringify(check, null, 2)}\n`);
        } else out(`${textReport(result.disclosure, result.profile, findings, args.flags.has('all') ? {} : { maxInfo: 8 })}\n`);
        return findings.some((f) => f.severity === 'error') ? 1 : 0;
      }
      case 'extract': {
        allowFlags(args, ['profile']);
        const { disclosure } = await read(args);
        out(`${JSON.stringify(disclosure, null, 2)}\n`);
        return 0;
      }
      case 'summary': {
        allowFlags(args, ['profile', 'json']);
        const { disclosure } = await read(args);
        const s = summarize(disclosure);
        if (args.flags.has('json')) out(`${JSON.stringify(s, null, 2)}\n`);
        else out(`${summaryText(s)}\n`);
        return 0;
      }
      case 'render': {
        allowFlags(args, ['to', 'o', 'output', 'previous', 'draft', 'profile']);
        const { renderCommand } = await import('./render.js');
        return await renderCommand(args, read, out, err);
      }
      case 'template': {
        allowFlags(args, ['profile', 'o', 'output']);
        const { templateCommand } = await import('./render.js');
        return await templateCommand(args, profiles(), out);
      }
      case 'import': {
        allowFlags(args, ['jobs', 'queue']);
        const portal = await import('./portal.js');
        const jobs = portal.jobsOption(args.flags.get('jobs'));
        const queue = args.flags.get('queue');
        if (typeof queue === 'string') {
          if (args.positional.length === 0) throw new UsageError('命令 import 需要文件或目录参数');
          return await portal.queueCommand(queue, args.positional, jobs, out);
        }
        return await portal.importCommand(args.positional, out, { jobs });
      }
      case 'worker': {
        allowFlags(args, ['jobs', 'queue']);
        if (args.positional.length) throw new UsageError('命令 worker 不接受文件参数（用 yusuan import --queue <名称> <文件或目录…> 加入队列）');
        const portal = await import('./portal.js');
        const queue = args.flags.get('queue');
        return await portal.queueCommand(typeof queue === 'string' ? queue : 'default', [], portal.jobsOption(args.flags.get('jobs')), out);
      }
      case 'serve':
        allowFlags(args, ['port', 'host', 'example']);
        return await (await import('./serve.js')).serveCommand(args.flags, out);
      case 'export':
        allowFlags(args, ['format', 'out', 'region', 'level', 'year', 'kind', 'department', 'status', 'q', 'reviews']);
        return await (await import('./portal.js')).exportCommand(args.flags, out);
      case 'schema':
        allowFlags(args, []);
        out(`${JSON.stringify(DISCLOSURE_SCHEMA, null, 2)}\n`);
        return 0;
      case 'profiles': {
        allowFlags(args, ['json']);
        const ps = profiles();
        if (args.flags.has('json'))
          out(
            `${JSON.stringify(
              ps.map((p) => ({
                id: p.id,
                name: p.name,
                region: p.region,
                level: p.level,
                kind: p.kind,
                years: p.years,
                tables: p.tables.length,
                conventions: (p.conventions ?? []).map((c) => ({ id: c, ...CONVENTIONS[c] })),
              })),
              null,
              2,
            )}\n`,
          );
        else
          out(
            `${ps
              .map((p) =>
                [
                  `${p.id}\t${p.name}\t${p.tables.length} 张表`,
                  ...(p.conventions ?? []).map((c) => `  惯例 ${c}：${CONVENTIONS[c].title}。${CONVENTIONS[c].description}`),
                ].join('\n'),
              )
              .join('\n')}\n`,
          );
        return 0;
      }
      case 'rules': {
        allowFlags(args, ['json']);
        if (args.flags.has('json'))
          out(
            `${JSON.stringify(
              RULES.map(({ check: _c, ...r }) => r),
              null,
              2,
            )}\n`,
          );
        else out(`${RULES.map((r) => `${r.id}\t[${CATEGORIES[r.category]}·${SEVERITIES[r.severity]}]\t${r.title}`).join('\n')}\n`);
        return 0;
      }
      case '--version':
      case 'version': {
        const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
        out(`yusuan ${pkg.version}\n`);
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out(`${HELP}\n`);
        return args.command === undefined ? 2 : 0;
      default:
        throw new UsageError(`未知命令“${args.command}”`);
    }
  } catch (e) {
    if (e instanceof InputError) {
      err(`错误：${e.file}：${e.reason}\n`);
      return 2;
    }
    if (e instanceof Error && e.name === 'RenderError') {
      err(`错误：${e.message}\n`);
      return 2;
    }
    if (e instanceof Error && e.name === 'StoreError') {
      err(`错误：${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError || (e instanceof Error && e.name === 'PortalUsageError')) {
      err(`用法错误：${e.message}\n\n${HELP}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    err(`内部错误：${message}\n这是 yusuan 的缺陷，请附上输入文件报告。\n`);
    if (process.env.YUSUAN_DEBUG && e instanceof Error) err(`${e.stack}\n`);
    return 3;
  }
}

function summaryText(s: ReturnType<typeof summarize>): string {
  const f = s.figures;
  const v = (x: number | null) => (x === null ? '未列示' : `${x.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 6 })} 万元`);
  // Labels padded with ideographic spaces so the figures line up in a CJK terminal.
  const row = (label: string, value: string) => `${label.padEnd(8, '\u3000')}${value}`;
  const t = f.threePublic;
  return [
    `${s.department} ${s.year ?? ''}年${s.kind}（模板 ${s.profile}）`,
    row('收入总计', v(f.incomeTotal)),
    row('支出总计', v(f.expenditureTotal)),
    row('本年收入合计', v(f.currentYearIncome)),
    row('一般公共预算拨款', v(f.gpbAppropriation)),
    row('上年结转', v(f.carryOver)),
    row('基本支出', `${v(f.basic)}（人员经费 ${v(f.personnel)}，公用经费 ${v(f.publicUse)}）`),
    row('项目支出', v(f.project)),
    row('“三公”经费', `${v(t.total)}（出国 ${v(t.abroad)}，车辆购置 ${v(t.vehiclePurchase)}，车辆运行 ${v(t.vehicleOperation)}，接待 ${v(t.reception)}）`),
    row('预算单位', `${s.units.length} 个；项目 ${s.counts.projects} 个，其中列绩效目标 ${s.counts.performanceProjects} 个`),
    ...s.units.map((u) => `  ${u.code ?? '—'} ${u.name}：合计 ${v(u.total)}，基本 ${v(u.basic)}，项目 ${v(u.project)}`),
  ].join('\n');
}
