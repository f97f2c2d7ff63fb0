// Load-time validation of profile data. Every problem is collected with its JSON path, so a
// broken profile names all of its mistakes at once.

import { CONVENTION_IDS } from './conventions.js';
import { NARRATIVE_BASES, TABLE_LAYOUTS, TABLE_ROLES, type Profile } from './types.js';

type Json = unknown;

export class ProfileError extends Error {
  constructor(
    readonly profileId: string,
    readonly problems: string[],
  ) {
    super(`模板 ${profileId} 无效：\n  ${problems.join('\n  ')}`);
  }
}

const isObj = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: Json): v is string => typeof v === 'string' && v.length > 0;
const isStrArr = (v: Json): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isInt = (v: Json): v is number => Number.isInteger(v) && (v as number) >= 0;

export function validateProfile(data: Json, knownIdentities: ReadonlySet<string>): Profile {
  const p: string[] = [];
  const need = (cond: boolean, msg: string) => {
    if (!cond) p.push(msg);
  };
  if (!isObj(data)) throw new ProfileError('?', ['根节点必须是对象']);
  const id = isStr(data.id) ? data.id : '?';
  need(isStr(data.id) && /^[a-z0-9-]+$/.test(data.id as string), 'id: 必须是小写字母、数字和连字符');
  need(isStr(data.name), 'name: 必填');
  need(['budget', 'final'].includes(data.kind as string), 'kind: budget | final');
  need(['department', 'unit'].includes(data.scope as string), 'scope: department | unit');
  need(['central', 'province', 'city', 'county', 'unknown'].includes(data.level as string), 'level: 取值无效');
  need(['元', '万元'].includes(data.amountUnit as string), 'amountUnit: 元 | 万元');
  need(Array.isArray(data.years) && (data.years as Json[]).every(isInt), 'years: 整数数组');
  need(isObj(data.detect) && isStrArr((data.detect as Record<string, Json>).mustInclude), 'detect.mustInclude: 字符串数组');

  const tables = Array.isArray(data.tables) ? (data.tables as Json[]) : [];
  need(tables.length > 0, 'tables: 至少一张表');
  const ids = new Set<string>();
  tables.forEach((t, i) => {
    const at = `tables[${i}]`;
    if (!isObj(t)) return p.push(`${at}: 必须是对象`);
    need(isStr(t.id), `${at}.id: 必填`);
    if (ids.has(t.id as string)) p.push(`${at}.id: 重复的表号 ${String(t.id)}`);
    ids.add(t.id as string);
    need(isStr(t.title), `${at}.title: 必填`);
    need(isStrArr(t.aliases), `${at}.aliases: 字符串数组`);
    if (t.titlePatterns !== undefined) {
      if (!isStrArr(t.titlePatterns)) p.push(`${at}.titlePatterns: 字符串数组`);
      else
        for (const re of t.titlePatterns)
          try {
            new RegExp(re);
          } catch {
            p.push(`${at}.titlePatterns: 无效的正则表达式 ${re}`);
          }
    }
    need(typeof t.required === 'boolean', `${at}.required: 布尔值`);
    need((TABLE_ROLES as readonly string[]).includes(t.role as string), `${at}.role: 未知角色 ${String(t.role)}`);
    need((TABLE_LAYOUTS as readonly string[]).includes(t.layout as string), `${at}.layout: 未知版式 ${String(t.layout)}`);
    const measures = Array.isArray(t.measures) ? (t.measures as Json[]) : [];
    const measureNames = new Set<string>();
    measures.forEach((m, j) => {
      if (!isObj(m) || !isInt(m.column) || !isStr(m.measure)) p.push(`${at}.measures[${j}]: {column, measure}`);
      else measureNames.add(m.measure as string);
    });
    if (t.layout === 'classTree' && measures.length > 0) {
      need(isInt(t.labelColumn), `${at}.labelColumn: 必填`);
      need(t.codeColumns === undefined || (Array.isArray(t.codeColumns) && (t.codeColumns as Json[]).every(isInt)), `${at}.codeColumns: 整数数组`);
    }
    const rowIds = Array.isArray(t.rowIdentities) ? (t.rowIdentities as Json[]) : [];
    const sideMeasures = new Set<string>();
    if (t.layout === 'statement') {
      const sides = Array.isArray(t.sides) ? (t.sides as Json[]) : [];
      need(sides.length > 0, `${at}.sides: 必填`);
      sides.forEach((s) => {
        if (isObj(s) && Array.isArray(s.measures)) (s.measures as Json[]).forEach((m) => isObj(m) && isStr(m.measure) && sideMeasures.add(m.measure as string));
      });
      const items = Array.isArray(t.items) ? (t.items as Json[]) : [];
      const keys = new Set<string>();
      items.forEach((it, j) => {
        if (!isObj(it) || !isStr(it.key) || !isStrArr(it.labels)) return p.push(`${at}.items[${j}]: {key, side, labels}`);
        keys.add(it.key as string);
      });
      items.forEach((it, j) => {
        if (isObj(it) && it.under !== undefined && !keys.has(it.under as string)) p.push(`${at}.items[${j}].under: 未定义的项目 ${String(it.under)}`);
      });
      const idents = Array.isArray(t.identities) ? (t.identities as Json[]) : [];
      idents.forEach((e, j) => {
        if (!isObj(e) || !isStr(e.id) || !isStr(e.total) || !isStrArr(e.parts)) return p.push(`${at}.identities[${j}]: {id, total, parts}`);
        for (const ref of [e.total as string, ...(e.parts as string[])]) {
          const [item = '', ...rest] = ref.split(':');
          const key = item === 'class' ? null : item;
          const measure = item === 'class' ? rest[1] : rest[0];
          if (key !== null && !keys.has(key)) p.push(`${at}.identities[${j}]: 未定义的项目 ${key}`);
          if (measure !== undefined && !sideMeasures.has(measure)) p.push(`${at}.identities[${j}]: 未定义的度量 ${measure}`);
        }
      });
    }
    const allMeasures = new Set([...measureNames, ...sideMeasures]);
    rowIds.forEach((r, j) => {
      if (!isObj(r) || !isStr(r.total) || !isStrArr(r.parts)) return p.push(`${at}.rowIdentities[${j}]: {total, parts}`);
      for (const m of [r.total as string, ...(r.parts as string[])]) if (!allMeasures.has(m)) p.push(`${at}.rowIdentities[${j}]: 未定义的度量 ${m}`);
    });
  });
  const idents = isStrArr(data.identities) ? data.identities : [];
  need(isStrArr(data.identities), 'identities: 字符串数组');
  for (const i of idents) need(knownIdentities.has(i), `identities: 未知的核对规则 ${i}`);
  if (data.conventions !== undefined) {
    if (!isStrArr(data.conventions)) p.push('conventions: 字符串数组');
    else for (const c of data.conventions) need((CONVENTION_IDS as string[]).includes(c), `conventions: 未知的模板惯例 ${c}`);
  }
  const perf = data.performance;
  need(isObj(perf) && typeof perf.weightTotal === 'number', 'performance.weightTotal: 数字');
  const narr = data.narrative;
  need(
    isObj(narr) && isObj(narr.partTitles) && Array.isArray(narr.requiredTopics) && Array.isArray(narr.bases),
    'narrative: {partTitles, requiredTopics, bases}',
  );
  if (isObj(narr) && Array.isArray(narr.bases))
    (narr.bases as Json[]).forEach((b, j) => {
      if (!isObj(b) || !isStrArr(b.headingIncludes) || !(NARRATIVE_BASES as readonly string[]).includes(b.basis as string))
        p.push(`narrative.bases[${j}]: {headingIncludes, basis: ${NARRATIVE_BASES.join(' | ')}}`);
    });
  if (p.length > 0) throw new ProfileError(id, p);
  return data as unknown as Profile;
}
