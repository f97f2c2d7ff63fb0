// Reader for disclosure text as extracted from the published PDF: one row per line, cells
// separated by tabs. Cuts the document into cover, contents, overview, tables, narrative and
// glossary, and each table into rows with line provenance.

import { createHash } from 'node:crypto';
import type { AmountUnit } from '../../money/amount.js';
import { buildTitleIndex } from '../../profiles/titles.js';
import type { Profile } from '../../profiles/types.js';
import { InputError } from '../errors.js';
import type { RawDocument, RawLine, RawRow, RawTable } from '../raw.js';
import { cleanLine } from './decode.js';

const PART_HEADING = /^第([一二三四五六])部分/;
const UNIT_LINE = /^(金额)?单位\s*[:：]\s*(万元|元)/;
const DEPT_LINE = /^(部门|单位)(名称)?\s*[:：]\s*(.+)$/;

export function splitLines(text: string): RawLine[] {
  return text.split('\n').map((t, i) => ({ text: cleanLine(t), line: i + 1 }));
}

export function readTextDocument(text: string, file: string, bytes: Uint8Array, profile: Profile): RawDocument {
  const lines = splitLines(text);
  if (lines.filter((l) => l.text.trim()).length < 5) throw new InputError(file, '文件内容过少，不是一份预算公开文件');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const titles = buildTitleIndex(profile);

  // Part headings: the contents list them once, the body again; the body's are the last ones.
  const partLine = new Map<string, number>();
  lines.forEach((l, i) => {
    const m = PART_HEADING.exec(l.text.trim().replace(/^\*+/, ''));
    if (m?.[1]) partLine.set(m[1], i);
  });
  const tocStart = lines.findIndex((l) => l.text.replace(/\s/g, '') === '目录');
  const firstBody = Math.min(...[...partLine.values(), lines.length]);

  // Table starts: a title line followed shortly by the unit line, outside the contents.
  const starts: { index: number; tableId: string }[] = [];
  const unrecognised: RawLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (!t || t.startsWith('-') || t.includes('\t')) continue;
    if (tocStart >= 0 && i > tocStart && i < firstBody) continue;
    const unitAhead = lines.slice(i + 1, i + 6).some((l) => UNIT_LINE.test(l.text.trim()));
    if (!unitAhead) continue;
    const table = titles.match(t);
    if (table) starts.push({ index: i, tableId: table.id });
    else if (/表(\s*[（(].*[)）])?$/.test(t) && t.length <= 40) unrecognised.push(lines[i]!);
  }

  const narrativeStart = partLine.get('三') ?? lines.length;
  const glossaryStart = partLine.get('四') ?? lines.length;
  const tables: RawTable[] = starts.map((s, k) => {
    const next = starts[k + 1]?.index ?? Math.min(lines.length, narrativeStart > s.index ? narrativeStart : lines.length);
    return readTable(lines, s.index, next, s.tableId);
  });

  const cover = lines.slice(0, tocStart >= 0 ? tocStart : 0).filter((l) => l.text.trim());
  const toc = tocStart >= 0 ? lines.slice(tocStart + 1, firstBody).filter((l) => l.text.trim()) : [];
  // The tables part also opens with a numbered list of its tables (with 公开表 numbers).
  const tablesPart = partLine.get('二');
  const firstTable = starts[0]?.index ?? narrativeStart;
  const tableList = tablesPart !== undefined ? lines.slice(tablesPart + 1, firstTable).filter((l) => l.text.trim().startsWith('-')) : [];
  const overviewStart = partLine.get('一');
  const overview = overviewStart !== undefined ? lines.slice(overviewStart + 1, tablesPart ?? firstTable) : [];
  const narrative = narrativeStart < lines.length ? lines.slice(narrativeStart, glossaryStart) : [];
  const glossary = glossaryStart < lines.length ? lines.slice(glossaryStart + 1) : [];

  return {
    file,
    format: 'text',
    layout: 'tabColumns',
    sha256,
    lineCount: lines.length,
    cover,
    toc: [...toc, ...tableList],
    overview: overview.filter((l) => l.text.trim()),
    tables,
    unrecognisedTitles: unrecognised,
    narrative: narrative.filter((l) => l.text.trim()),
    glossary: glossary.filter((l) => l.text.trim()),
  };
}

function readTable(lines: RawLine[], start: number, end: number, tableId: string): RawTable {
  const title = lines[start]!;
  let unit: AmountUnit | null = null;
  let unitText: string | null = null;
  let department: string | null = null;
  const rows: RawRow[] = [];
  const notes: RawLine[] = [];
  for (let i = start + 1; i < end; i++) {
    const l = lines[i]!;
    const trimmed = l.text.trim();
    if (!trimmed) continue;
    if (PART_HEADING.test(trimmed.replace(/^\*+/, ''))) break;
    const u = UNIT_LINE.exec(trimmed);
    if (u && !l.text.includes('\t') && rows.length === 0) {
      unit = u[2] as AmountUnit;
      unitText = trimmed;
      continue;
    }
    const d = DEPT_LINE.exec(trimmed);
    if (d && !l.text.includes('\t') && rows.length === 0) {
      department = d[3]!.trim();
      continue;
    }
    if (/^注[:：]/.test(trimmed)) {
      notes.push({ text: trimmed, line: l.line });
      continue;
    }
    if (rows.length === 0 && /^\(?（?\d{4}年度\)?）?$/.test(trimmed)) continue;
    rows.push({ cells: l.text.split('\t').map((c) => c.trim()), line: l.line });
  }
  return { tableId, printedTitle: title.text.trim(), titleLine: title.line, unit, unitText, department, rows, notes };
}

/** For callers that only need to know whether a text looks like a disclosure at all. */
export function looksLikeDisclosure(text: string): boolean {
  const s = text.slice(0, 200_000);
  return /(预算|决算)/.test(s) && /(收支|支出|收入)/.test(s) && /(万元|元)/.test(s);
}
