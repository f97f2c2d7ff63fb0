// 情况说明 → sections, sentences and the numeric claims in them. A claim is a number with its
// unit and the phrase it is about: an amount (…支出 850.57 万元), a share (占 1.09%), a change
// (比 2023 年减少 3,480.25 万元 / 下降 12.98% / 持平) or a count (公务用车 625 辆). Parts listed
// after 其中 point at the total they break down, shares and changes at the amount they qualify.

import { decimalsOf, normalizeDecimal } from '../money/amount.js';
import type { Narrative, NarrativeSection, NarrativeSentence, NumericClaim } from '../model/types.js';
import type { RawLine } from '../read/raw.js';

const H1 = /^([一二三四五六七八九十]+)、/;
const H2 = /^[（(]([一二三四五六七八九十]+)[)）]/;
const PART = /^第[一二三四五六]部分/;
/** A line that ends a sentence. */
export const SENTENCE_END = /[。！？；;]$/;

const NUMBER_UNIT = /(-?\d[\d,，]*(?:\.\d+)?)\s*(万元|亿元|元|%|％|‰|‱|辆|个|台\s*[（(]套[)）]|台|套|项|人)/g;
const CHANGE_VERB = /(增加|减少|增长|下降|上升|降低|减|增)了?\s*$/;
const FAMILY = (unit: string) => (/元$/.test(unit) ? 'money' : /[%‰‱]/.test(unit) ? 'ratio' : unit);
/** A 科目 or classification item named with its code: "农林水支出”科目", "（213类）", "对个人和家庭的补助（303）", "行政运行（2080101）". */
export const ITEM_SUBJECT = /科目|[（(]\d*[类款项][)）]|[（(]\d{3}(?:\d{2}){0,2}[)）]/;
/** The figure a comparison is made with: "比 2025 年初预算数 20,292.85 万元减少…", "较上年预算 X 万元". */
const COMPARED_WITH = /^(比|较|同比|与|相比|相较于?)\s*(\d{4}\s*年|上年|上一年|去年)/;
/** Where the reasons for a change begin; amounts given in them are components, not totals. */
const REASON = /[；;]|主要原因|原因是|原因为|主要是(?!用于)|主要由于/g;

export function readNarrative(lines: RawLine[], sectionPrefix = ''): Narrative {
  const sections: NarrativeSection[] = [];
  const sentences: NarrativeSentence[] = [];
  const claims: NumericClaim[] = [];
  let h1: NarrativeSection | null = null;
  let current: NarrativeSection | null = null;
  let para: RawLine[] = [];

  const flush = () => {
    if (para.length === 0) return;
    const text = para.map((l) => l.text.trim()).join('');
    const lineAt = lineLocator(para);
    para = [];
    extractParagraph(text, lineAt, current?.id ?? `${sectionPrefix}0`, sentences, claims);
  };

  for (const l of lines) {
    const t = l.text.trim();
    if (!t) continue;
    if (PART.test(t)) {
      flush();
      continue;
    }
    const m1 = H1.exec(t);
    const m2 = H2.exec(t);
    if ((m1 || m2) && t.length <= 60) {
      flush();
      const level = m1 ? 1 : 2;
      const section: NarrativeSection = {
        id: `${sectionPrefix}${sections.length + 1}`,
        heading: t,
        level,
        parent: level === 2 ? (h1?.id ?? null) : null,
        source: { line: l.line, ...(l.page ? { page: l.page } : {}) },
      };
      sections.push(section);
      if (level === 1) h1 = section;
      current = section;
      // A heading that is also a sentence ("（一）公务接待费与 2023 年预算持平。") carries claims too.
      if (SENTENCE_END.test(t) || /\d/.test(t.replace(H1, '').replace(H2, ''))) {
        para = [l];
        flush();
      }
      continue;
    }
    para.push(l);
    // A line that ends a sentence inside brackets ("（购置费331万元，比上年增加119.15万元；") does not end the paragraph.
    if (SENTENCE_END.test(t) && !insideBrackets(para)) flush();
    else if (l.paragraphEnd) {
      // The paragraph ends without its full stop: its last sentence is marked, not merged into the next paragraph.
      const before = sentences.length;
      flush();
      const last = sentences[sentences.length - 1];
      if (last && sentences.length > before) last.unterminated = true;
    }
  }
  flush();
  return { sections, sentences, claims };
}

/** Whether the text so far has a bracket opened lately (within a few lines) and not closed yet. */
function insideBrackets(lines: RawLine[]): boolean {
  const text = lines.map((l) => l.text.trim()).join('');
  const open = unclosedBracket(text);
  return open >= 0 && text.length - open < 200;
}

type LineAt = (offset: number) => { line: number; page?: number };

/** Map a character offset in a joined paragraph back to the line (and page) it came from. */
function lineLocator(lines: RawLine[]): LineAt {
  const starts: { at: number; l: RawLine }[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push({ at, l });
    at += l.text.trim().length;
  }
  return (offset) => {
    let hit = starts[0]!.l;
    for (const s of starts) if (s.at <= offset) hit = s.l;
    return { line: hit.line, ...(hit.page ? { page: hit.page } : {}) };
  };
}

/**
 * A paragraph's sentences, which concatenate back to it. A full stop inside brackets ("（购置费
 * 331万元，比上年增加…。运行维护费370.34万元，比上年减少52.36万元。）比上年增加66.79万元") does not end
 * the sentence; a bracket that never closes does not hold the rest of the paragraph together.
 */
export function splitSentences(text: string): string[] {
  // Brackets that close: only they hold a sentence together.
  const matched = new Set<number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++)
    if (text[i] === '（' || text[i] === '(') stack.push(i);
    else if ((text[i] === '）' || text[i] === ')') && stack.length) matched.add(stack.pop()!);
  const out: string[] = [];
  const open: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '（' || ch === '(') open.push(i);
    else if ((ch === '）' || ch === ')') && open.length) open.pop();
    if (/[。！？]/.test(ch) && !open.some((o) => matched.has(o)) && !/[）)]/.test(text[i + 1] ?? '')) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Where the brackets still open at the end of `text` open, outermost first. */
function openBrackets(text: string): number[] {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++)
    if (text[i] === '（' || text[i] === '(') open.push(i);
    else if (text[i] === '）' || text[i] === ')') open.pop();
  return open;
}

/** Where the innermost bracket still open at the end of `text` opens, or -1. */
function unclosedBracket(text: string): number {
  return openBrackets(text).at(-1) ?? -1;
}

function extractParagraph(text: string, lineAt: LineAt, section: string, sentences: NarrativeSentence[], claims: NumericClaim[]) {
  // 其中 opens a breakdown that runs to the end of the paragraph or the next 其中.
  let breakdownParents: Map<string, NumericClaim> | null = null;
  let lastByFamily = new Map<string, NumericClaim>();
  let paragraphSubject: string | null = null;
  const parts = splitSentences(text);
  let offset = 0;
  for (const sentenceText of parts) {
    const sentenceStart = offset;
    offset += sentenceText.length;
    const s = sentenceText.trim();
    if (!s) continue;
    const source = lineAt(sentenceStart);
    const sentence: NarrativeSentence = { index: sentences.length, section, text: s, source };
    sentences.push(sentence);
    // A breakdown carries into the next sentence only when that sentence opens with 其中.
    if (!/^其中/.test(s)) breakdownParents = null;
    let cursor = 0;
    const qiZhong = [...s.matchAll(/其中/g)].map((m) => m.index ?? 0);
    let lastAmount: NumericClaim | null = null;
    let inReason = false;
    // Where the bracket a 其中 was opened in opens (-1: outside brackets), and the parts of each family
    // listed in the breakdown's current clause.
    let breakdownBracket = -1;
    let partsInClause = new Map<string, number>();
    // Amounts of the sentence with the bracket each stands in (-1: none).
    const amountsAt: { at: number; end: number; open: number; claim: NumericClaim }[] = [];
    for (const m of s.matchAll(NUMBER_UNIT)) {
      let at = m.index ?? 0;
      const end = at + m[0].length;
      let raw = m[1]!;
      // A number broken by a space inside a thousands group ("项目支出 58,39 7.75 万元"): the group is
      // completed by the digits after the space.
      const broken = /(\d{1,3}(?:[,，]\d{3})*[,，](\d{1,2}))\s+$/.exec(s.slice(0, at));
      if (broken && /^\d+/.exec(raw)?.[0].length === 3 - broken[2]!.length) {
        raw = `${broken[1]!}${raw}`;
        at = broken.index;
      }
      const unit = m[2]!
        .replace(/\s+/g, '')
        .replace(/[（(]套[)）]/, '(套)')
        .replace('％', '%');
      const before = s.slice(0, at);
      const after = s.slice(end, end + 3);
      // Years, thresholds and ordinals are not claims; nor are targets ("项目总成本控制 ≤63万元").
      if (/^(以上|以下|左右)/.test(after) || /第\s*$/.test(before) || /[≤≥<>=＝＜＞]\s*$/.test(before)) continue;
      if (/\d$/.test(before) || /[.．]$/.test(before)) continue;
      // Classification codes written in brackets: "住房公积金（01项）".
      if (/[（(]\s*$/.test(before) && /^[项类款]/.test(m[2]!)) continue;
      const value = normalizeDecimal(raw.replace(/，/g, ','));
      if (value === null) continue;
      // A breakdown's parts may be listed clause by clause (其中：A…；B…；C…). Its clause ends it when
      // the sentence opens another breakdown later ("收入 X，其中 A、B；支出 X，其中 …": 支出 is a new
      // total, not a part), and when its parts were listed within one clause ("其中行政 89 人，事业
      // 291 人；单位管理的离退休人员 203 人": the list is over). The reasons given for a change
      // ("主要原因是新增…1000万元") run to the next ；and hold no parts.
      for (const e of s.slice(cursor, at).matchAll(REASON)) {
        const pos = cursor + (e.index ?? 0);
        if (/[；;]/.test(e[0])) {
          inReason = false;
          if (qiZhong.some((q) => q > pos)) {
            while (qiZhong.length && qiZhong[0]! < pos) qiZhong.shift();
            breakdownParents = null;
          }
          if ([...partsInClause.values()].some((n) => n >= 2)) breakdownParents = null;
          partsInClause = new Map();
        } else inReason = true;
      }
      while (qiZhong.length && qiZhong[0]! < at && qiZhong[0]! >= cursor) {
        breakdownParents = new Map(lastByFamily);
        breakdownBracket = unclosedBracket(s.slice(0, qiZhong[0]!));
        partsInClause = new Map();
        qiZhong.shift();
      }
      // A breakdown opened in brackets ends with them: "1,610 万元（其中 380 万元…、1,230 万元…），…结转
      // 资金 510 万元" — 510 is not a third part.
      const openHere = openBrackets(s.slice(0, at));
      if (breakdownBracket >= 0 && !openHere.includes(breakdownBracket)) {
        breakdownParents = null;
        breakdownBracket = -1;
      }
      // The amount a change or share after this point qualifies: the last one not inside brackets that
      // have closed since ("运行维护费74.1万元（…运行费74.1万元，比上年增加57.2万元。）比上年增加39.2万元，
      // 增长112.3%": the rate is the whole fee's).
      const qualified = [...amountsAt].reverse().find((x) => x.open < 0 || openHere.includes(x.open))?.claim ?? null;
      // "“农林水支出”科目83万元，主要用于人员经费18万元、公用经费58万元": the amounts that say what a
      // 科目's money is used for are its parts, not the department's 人员经费 / 公用经费.
      if (lastAmount && ITEM_SUBJECT.test(lastAmount.subject) && /主要用于/.test(s.slice(cursor, at)))
        breakdownParents = new Map([[FAMILY(lastAmount.unit), lastAmount]]);
      const clause = clauseBefore(s, at, cursor);
      const yearOf = /(\d{4})\s*年(?!.*\d{4}\s*年)/.exec(clause.replace(/(比|较|与).*$/, ''));
      cursor = end;
      const family = FAMILY(unit);
      const id = `c${claims.length + 1}`;
      const base = { id, value, decimals: decimalsOf(raw), unit, sentence: sentence.index, section, source: lineAt(sentenceStart + at), text: s };
      let claim: NumericClaim;
      const verb = CHANGE_VERB.exec(before.slice(-8));
      if (family === 'ratio' && /占\s*[^，,。；]*$/.test(before.slice(-12)) && !/比/.test(clause)) {
        claim = { ...base, kind: 'share', subject: qualified?.subject ?? clause, ...(qualified ? { about: qualified.id } : {}) };
      } else if (verb && (family === 'ratio' || /比|较|与/.test(clause) || qualified)) {
        const direction = normaliseDirection(verb[1]!);
        claim = {
          ...base,
          kind: family === 'ratio' ? 'changeRate' : 'change',
          direction,
          subject: qualified?.subject ?? subjectOf(clause.replace(/(比|较|与)\s*\d{4}.*$/, '')),
          ...(qualified ? { about: qualified.id } : {}),
        };
      } else if (family === 'ratio') {
        continue;
      } else if (COMPARED_WITH.test(clause)) {
        // The figure compared with: last year's, neither a part of a breakdown nor what follows qualifies.
        claim = {
          ...base,
          kind: family === 'money' ? 'amount' : 'count',
          subject: clause.replace(/^(比|较|同比|与|相比|相较于?)/, '').replace(/\s+/g, ''),
          baseline: true,
          ...(qualified && FAMILY(qualified.unit) === family ? { about: qualified.id } : {}),
        };
      } else {
        let subject = subjectOf(clause);
        // "2026年预算安排 X 万元" inside an item's paragraph is about that item.
        if (/^(预算安排|预算数|安排|预算|当年预算|当年预算数)$/.test(subject) && paragraphSubject) subject = paragraphSubject;
        claim = { ...base, kind: family === 'money' ? 'amount' : 'count', subject, ...(yearOf ? { year: Number(yearOf[1]) } : {}) };
        if (family === 'money' && !paragraphSubject && /[（(]\d*[类项][)）]/.test(subject)) paragraphSubject = subject;
        if (inReason) claim.reason = true;
        const previous = amountsAt.at(-1);
        const between = previous ? s.slice(previous.end, at) : '';
        // "对个人和家庭的补助（509）100151.38 万元，102374.45 万元，其中…": an amount with no words of its
        // own right after another is a parallel figure of it (last year's), neither a total nor a part.
        const parallel = previous !== undefined && FAMILY(previous.claim.unit) === family && /^\s*[，,]\s*$/.test(between);
        if (parallel) {
          claims.push(claim);
          continue;
        }
        const parent = breakdownParents?.get(family);
        if (parent && parent.id !== id && !inReason) claim.partOf = parent.id;
        // "…物业管理服务 2,520.00 万元，上年结转 122.31 万元": that service's carry-over, not the department's.
        if (
          !claim.partOf &&
          !inReason &&
          previous &&
          family === 'money' &&
          FAMILY(previous.claim.unit) === family &&
          /^\s*[，,]\s*上年结转(资金)?\s*$/.test(between)
        )
          claim.partOf = previous.claim.id;
        // In brackets right after an amount ("运行维护费112.08万元（购置费18.2万元，运行费93.88万元）"):
        // a part of that amount, not another part of the breakdown around it.
        const open = unclosedBracket(s.slice(0, at));
        const host = open < 0 ? undefined : [...amountsAt].reverse().find((x) => x.end <= open);
        if (host && s.slice(host.end, open).trim() === '' && FAMILY(host.claim.unit) === family) {
          claim.partOf = host.claim.id;
          if (claim.kind === 'amount' || claim.kind === 'count') claim.subject = claim.subject.replace(/^[（(]/, '');
        }
        if (parent && claim.partOf === parent.id) partsInClause.set(family, (partsInClause.get(family) ?? 0) + 1);
        lastAmount = claim;
        amountsAt.push({ at, end, open: openHere.at(-1) ?? -1, claim });
        lastByFamily.set(family, claim);
      }
      claims.push(claim);
    }
    // 持平 without a number is still a change claim ("与 2023 年预算持平").
    const flat = /([^，。；]*?)(与|较|比)\s*\d{4}\s*年[^，。；]*?(基本)?持平/.exec(s);
    if (flat && !claims.some((c) => c.sentence === sentence.index && c.kind === 'changeRate')) {
      // It is about the last amount before it: "购置费 0.00 万元，与2025年预算持平；运行费 49.00 万元…".
      const flatAt = flat.index + flat[0].length;
      const flatAbout = [...amountsAt].reverse().find((x) => x.at < flatAt)?.claim ?? lastAmount;
      const subject = subjectOf(flat[1] ?? '') || flatAbout?.subject || '';
      claims.push({
        id: `c${claims.length + 1}`,
        kind: 'change',
        direction: flat[3] ? '基本持平' : '持平',
        subject,
        value: '0',
        decimals: 0,
        unit: '',
        sentence: sentence.index,
        section,
        source,
        text: s,
        ...(flatAbout ? { about: flatAbout.id } : {}),
      });
    }
    if (/。$/.test(s) && !/其中[:：]?$/.test(s)) lastByFamily = new Map(lastByFamily);
  }
}

function clauseBefore(s: string, at: number, cursor: number): string {
  const head = s.slice(Math.max(cursor, 0), at);
  const parts = head.split(/[，,；;：:、。](?!\d)/);
  return (parts[parts.length - 1] ?? '').trim();
}

/** The noun phrase a number is about: drop numbering, the year, verbs around it. */
export function subjectOf(clause: string): string {
  const verbs = (x: string) =>
    x
      .replace(/^(其中|主要包括|收入包括|支出包括|包括|安排|主要用于|共有|现有)+/, '')
      .replace(/(预算数|预算)?(为|是|达|共计|合计|约)$/, '')
      .replace(/预算数$/, '');
  const c = clause.replace(/\s+/g, '').replace(/^([（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])/, '');
  const y = /\d{4}年(度)?/.exec(c);
  if (!y) return verbs(c);
  const after = verbs(c.slice((y.index ?? 0) + y[0].length));
  return after || verbs(c.slice(0, y.index));
}

function normaliseDirection(v: string): string {
  if (v === '增' || v === '上升') return '增加';
  if (v === '减' || v === '降低') return '减少';
  return v;
}
