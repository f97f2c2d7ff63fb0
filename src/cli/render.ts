// `yusuan render` and `yusuan template`: the publishing side of the CLI. zh-CN messages; exit codes
// 0 written, 1 refused by the gate (error-level findings; --draft writes a watermarked draft), 2 bad
// input or usage.

import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { SEVERITIES } from '../glossary.js';
import { previousFigures } from '../narrative/generate.js';
import type { Profile } from '../profiles/types.js';
import { InputError } from '../read/errors.js';
import type { ReadResult } from '../read/index.js';
import { readSandboxed } from '../read/sandbox.js';
import { emptyInputs } from '../render/inputs.js';
import { emptyDisclosure, layoutDisclosure } from '../render/layout.js';
import { runRules } from '../rules/engine.js';
import type { Finding } from '../rules/types.js';
import { render, type RenderFormat } from '../write/render.js';
import { writeWorkbook } from '../write/xlsx.js';
import { UsageError, type Args } from './main.js';

const FORMATS: Record<string, RenderFormat> = { html: 'html', htm: 'html', pdf: 'pdf', xlsx: 'xlsx' };
const FORMAT_NAMES: Record<RenderFormat, string> = { html: '网页（HTML）', pdf: 'PDF', xlsx: 'Excel（XLSX）' };

function output(args: Args): string {
  const o = args.flags.get('o') ?? args.flags.get('output');
  if (typeof o !== 'string' || o === '') throw new UsageError(`命令 ${args.command} 需要 -o <输出文件>`);
  return o;
}

function line(f: Finding): string {
  const where = f.locations[0];
  const at = where && where.line > 0 ? `（第 ${where.line} 行${where.page ? `，第 ${where.page} 页` : ''}）` : '';
  return `  [${SEVERITIES[f.severity]}] ${f.message}${at}`;
}

export async function renderCommand(args: Args, read: (a: Args) => Promise<ReadResult>, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const file = output(args);
  const toFlag = args.flags.get('to');
  const to = typeof toFlag === 'string' ? FORMATS[toFlag.toLowerCase()] : FORMATS[extname(file).slice(1).toLowerCase()];
  if (!to) throw new UsageError(typeof toFlag === 'string' ? `--to 只能是 html、pdf 或 xlsx（收到“${toFlag}”）` : '请用 --to html|pdf|xlsx 指定输出格式');
  const draft = args.flags.has('draft');
  const result = await read(args);
  const findings = runRules(result.disclosure, result.profile);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length && to !== 'html' && !draft) {
    err(
      `拒绝生成供公开的${FORMAT_NAMES[to]}：检查发现 ${errors.length} 个错误级问题，请修正后重试（或加 --draft 生成带“草稿”水印的草稿）：\n${errors.map(line).join('\n')}\n`,
    );
    return 1;
  }
  let previous = null;
  const prevFile = args.flags.get('previous');
  if (typeof prevFile === 'string') {
    const prev = (await readSandboxed({ paths: [prevFile] }, [result.profile, ...(await allProfiles())])).result;
    previous = previousFigures(prev.disclosure, prev.profile);
    if (previous.year !== null && result.disclosure.meta.fiscalYear !== null && previous.year >= result.disclosure.meta.fiscalYear)
      throw new InputError(prevFile, `上年文件的年度（${previous.year}）不早于本年（${result.disclosure.meta.fiscalYear}）`);
  }
  const rendered = await render(result, { to, draft, previous });
  await writeFile(file, rendered.bytes);
  const kb = (rendered.bytes.length / 1024).toFixed(0);
  out(`已生成${draft ? '草稿' : ''}${FORMAT_NAMES[to]}：${file}（${kb} KB；${rendered.layout.tables.filter((t) => t.present).length} 张公开表）\n`);
  if (errors.length)
    out(
      `注意：检查发现 ${errors.length} 个错误级问题，${to === 'html' ? '网页版不受发布限制，生成供公开的 PDF/XLSX 前请修正' : '本文件仅为草稿'}：\n${errors.map(line).join('\n')}\n`,
    );
  const todo = rendered.findings.filter((f) => f.severity !== 'info');
  if (todo.length) out(`情况说明中需要人工补充的内容（${todo.length} 项，未自动编写）：\n${todo.map(line).join('\n')}\n`);
  for (const f of rendered.findings.filter((x) => x.severity === 'info' && x.rule === 'render.previous-missing')) out(`提示：${f.message}\n`);
  return 0;
}

async function allProfiles(): Promise<Profile[]> {
  const { loadProfiles } = await import('../profiles/registry.js');
  const { IDENTITY_RULE_IDS } = await import('../rules/catalog.js');
  return loadProfiles(IDENTITY_RULE_IDS);
}

export async function templateCommand(args: Args, profiles: Profile[], out: (s: string) => void): Promise<number> {
  const id = args.flags.get('profile');
  if (typeof id !== 'string') throw new UsageError(`命令 template 需要 --profile <模板>（可用模板：${profiles.map((p) => p.id).join('、')}）`);
  const profile = profiles.find((p) => p.id === id);
  if (!profile) throw new UsageError(`未知模板“${id}”；可用模板：${profiles.map((p) => p.id).join('、')}`);
  const file = output(args);
  if (extname(file).toLowerCase() !== '.xlsx') throw new UsageError('填报工作簿应保存为 .xlsx 文件');
  if (args.positional.length) throw new UsageError('命令 template 不接受文件参数');
  const doc = emptyDisclosure(profile);
  const layout = layoutDisclosure(doc, profile, { sections: [], findings: [] }, emptyInputs());
  const bytes = await writeWorkbook(layout, profile, emptyInputs(), { template: true });
  await writeFile(file, bytes);
  out(`已生成填报工作簿：${file}（模板 ${profile.name}，${profile.tables.length} 张公开表）。填写说明见“填报说明”工作表；填好后运行 yusuan check ${file}。\n`);
  return 0;
}
