import { measureName } from '../../glossary.js';
import type { Draft, Rule } from '../types.js';
import { money, tableLabel } from '../support.js';
import { rowsByUnit } from './shared.js';

// 三公 columns and the economic lines that fund them out of 基本支出.
const LINES: [string, string, string][] = [
  ['vehicleOperation', '30231', '公务用车运行维护费'],
  ['reception', '30217', '公务接待费'],
  ['vehiclePurchase', '31013', '公务用车购置'],
];

/**
 * “三公”经费表 vs 基本支出表, per unit: 运行费 ≥ 30231, 接待费 ≥ 30217, 购置费 ≥ 31013 (the 三公 figure
 * may add a project-funded part). Less than the basic line is an error; more is noted.
 */
export const threePublicVsEconomic: Rule = {
  id: 'reconcile.three-public-vs-economic',
  title: '“三公”经费与基本支出经济科目不一致',
  category: 'reconcile',
  severity: 'error',
  identity: true,
  description:
    '“三公”经费表各单位的公务用车运行费、公务接待费、公务用车购置费，应与基本支出表同一单位的 30231 公务用车运行维护费、30217 公务接待费、31013 公务用车购置相符（可另含项目支出安排的部分）：小于基本支出科目为错误，大于时提示其差额应来自项目支出。',
  check({ index }) {
    const t3p = index.table('gpbThreePublic');
    const t31 = index.table('gpbBasicByEconomic');
    if (!t3p || !t31 || t3p.rows.length === 0 || t31.rows.length === 0) return [];
    const out: Draft[] = [];
    const units31 = rowsByUnit(t31);
    const economicOf = (unitCode: string, code: string) => {
      const unitRow = units31.get(unitCode);
      if (!unitRow) return null;
      // Walk the unit's subtree for the economic line.
      const inUnit = (i: number | null): boolean => i !== null && (i === unitRow.index || inUnit(t31.rows[i]!.parent));
      const row = t31.rows.find((r) => r.code === code && inUnit(r.parent));
      return row ? index.cell(t31.id, row.index, 'total') : null;
    };
    for (const [unitCode, row] of rowsByUnit(t3p)) {
      if (!units31.has(unitCode)) continue;
      for (const [measure, code, name] of LINES) {
        const mine = index.cell(t3p.id, row.index, measure);
        const basic = economicOf(unitCode, code);
        const a = mine?.fen ?? 0;
        const b = basic?.fen ?? 0;
        if (a === b) continue;
        const locs = [
          {
            line: mine?.fact.source.line ?? row.source.line,
            table: t3p.id,
            tableTitle: t3p.title,
            label: row.label,
            measure: measureName(measure),
            value: mine?.fact.value ?? '',
          },
          ...(basic ? [{ line: basic.fact.source.line, table: t31.id, tableTitle: t31.title, label: `${code} ${name}`, value: basic.fact.value }] : []),
        ];
        const diff = a - b;
        out.push({
          severity: a < b ? 'error' : 'info',
          message:
            a < b
              ? `${tableLabel(t3p)}单位 ${unitCode}“${row.label}”的${measureName(measure)}为 ${money(a, t3p.unit)}，小于${tableLabel(t31)}同一单位 ${code} ${name} ${money(b, t31.unit)}，相差 ${money(diff, t3p.unit)} ${t3p.unit}`
              : `${tableLabel(t3p)}单位 ${unitCode}“${row.label}”的${measureName(measure)} ${money(a, t3p.unit)} 比基本支出 ${code} ${name} ${money(b, t31.unit)} 多 ${money(diff, t3p.unit)} ${t3p.unit}，差额应由项目支出安排，请核实`,
          expected: money(b, t31.unit).replace(/,/g, ''),
          actual: money(a, t3p.unit).replace(/,/g, ''),
          difference: money(diff, t3p.unit).replace(/,/g, ''),
          unit: t3p.unit,
          locations: locs,
        });
      }
    }
    return out;
  },
};
