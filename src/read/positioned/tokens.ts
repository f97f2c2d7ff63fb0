// Shared by every visual reader: how a run of text is cut into tokens, and how token text is
// normalised. PDF producers merge neighbouring cells into one text item ("16,474.82 一、一般公共服务支出")
// and pdftotext separates columns by runs of spaces, so one rule serves both:
//   - a run of two or more spaces (or a tab) always separates tokens;
//   - a single space separates tokens when a number is on either side of it ("16,474.82 一、…",
//     "2026 年", "1 302"); between two non-numbers it stays inside the token ("合 计").

/** A number as printed in a cell: optional minus, digits with thousands commas, optional decimals. */
const NUMBER = /^-?[\d,]+(\.\d+)?$/;

export function isNumberText(s: string): boolean {
  const t = normalizeText(s);
  return NUMBER.test(t) && /\d/.test(t);
}

/** Characters that separate words. U+3000 (ideographic space) and NBSP count as one space. */
export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
}

/**
 * Cut a line (as an array of code points) into tokens. Returns [start, end) code-point ranges
 * without leading or trailing spaces.
 */
export function splitTokens(chars: readonly string[]): { start: number; end: number }[] {
  const words: { start: number; end: number }[] = [];
  let i = 0;
  while (i < chars.length) {
    while (i < chars.length && isSpace(chars[i]!)) i++;
    if (i >= chars.length) break;
    const start = i;
    while (i < chars.length && !isSpace(chars[i]!)) i++;
    words.push({ start, end: i });
  }
  const out: { start: number; end: number }[] = [];
  let cur: { start: number; end: number } | null = null;
  let curLast = '';
  for (const w of words) {
    const word = chars.slice(w.start, w.end).join('');
    if (cur) {
      const gap = chars.slice(cur.end, w.start);
      const wide = gap.length >= 2 || gap.includes('\t');
      if (!wide && !isNumberText(curLast) && !isNumberText(word)) {
        cur.end = w.end;
        curLast = word;
        continue;
      }
      out.push(cur);
    }
    cur = { start: w.start, end: w.end };
    curLast = word;
  }
  if (cur) out.push(cur);
  return out;
}

// CJK Radicals Supplement (U+2E80–U+2EFF): NFKC leaves these alone (except ⺟ and ⻳), but some PDF
// producers map ordinary ideographs to them in ToUnicode (⻔ for 门, ⻚ for 页). The Kangxi Radicals
// block (U+2F00–U+2FD5) is handled by NFKC itself.
const RADICALS: Record<string, string> = {
  '\u2e81': '厂',
  '\u2e82': '乛',
  '\u2e83': '乚',
  '\u2e84': '乙',
  '\u2e85': '亻',
  '\u2e86': '冂',
  '\u2e87': '几',
  '\u2e89': '刂',
  '\u2e8a': '卜',
  '\u2e8b': '㔾',
  '\u2e8c': '小',
  '\u2e8d': '小',
  '\u2e8e': '兀',
  '\u2e8f': '尣',
  '\u2e90': '尢',
  '\u2e92': '巳',
  '\u2e93': '幺',
  '\u2e94': '彑',
  '\u2e95': '彐',
  '\u2e96': '忄',
  '\u2e97': '心',
  '\u2e98': '扌',
  '\u2e99': '攵',
  '\u2e9b': '旡',
  '\u2e9c': '日',
  '\u2e9d': '月',
  '\u2e9e': '歺',
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ea1': '氵',
  '\u2ea2': '氺',
  '\u2ea3': '灬',
  '\u2ea4': '爫',
  '\u2ea5': '爫',
  '\u2ea6': '丬',
  '\u2ea7': '牛',
  '\u2ea8': '犭',
  '\u2ea9': '王',
  '\u2eaa': '疋',
  '\u2eab': '罒',
  '\u2eac': '示',
  '\u2ead': '礻',
  '\u2eae': '竹',
  '\u2eaf': '糸',
  '\u2eb0': '纟',
  '\u2eb2': '罒',
  '\u2eb3': '㓁',
  '\u2eb7': '羊',
  '\u2eb9': '耂',
  '\u2eba': '肀',
  '\u2ebb': '聿',
  '\u2ebc': '月',
  '\u2ebd': '臼',
  '\u2ebe': '艹',
  '\u2ebf': '艹',
  '\u2ec0': '艹',
  '\u2ec1': '虎',
  '\u2ec2': '衤',
  '\u2ec3': '覀',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec8': '讠',
  '\u2ec9': '贝',
  '\u2eca': '足',
  '\u2ecb': '车',
  '\u2ecc': '辶',
  '\u2ecd': '辶',
  '\u2ece': '辶',
  '\u2ecf': '阝',
  '\u2ed0': '钅',
  '\u2ed1': '長',
  '\u2ed2': '镸',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed5': '阜',
  '\u2ed6': '阝',
  '\u2ed7': '雨',
  '\u2ed8': '青',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2edf': '飠',
  '\u2ee0': '饣',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eea': '黾',
  '\u2eeb': '斉',
  '\u2eec': '齐',
  '\u2eed': '歯',
  '\u2eee': '齿',
  '\u2eef': '竜',
  '\u2ef0': '龙',
  '\u2ef1': '龜',
  '\u2ef2': '亀',
  '\u2ef3': '龟',
  // Chromium's PDFs with Noto Sans CJK map the glyph of 户 to the traditional 戶 (docs/stack.md G2).
  '\u6236': '户',
};

const RADICAL_RE = /[\u2e80-\u2eff\u6236]/g;

/** NFKC (full-width forms, Kangxi radicals, compatibility ideographs) plus the radicals map. */
/**
 * Kangxi radicals and compatibility ideographs → ordinary ideographs (NFKC), radicals of the CJK
 * Radicals Supplement → their ideographs (map), full-width digits and letters → ASCII. Full-width
 * punctuation (，：；（）) is kept: Chinese text is written with it, and narrative parsing relies on it.
 */
const NFKC_RANGES = /[\u2f00-\u2fdf\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\u00a0\ufb00-\ufb06]/g;

export function normalizeText(s: string): string {
  return s.replace(NFKC_RANGES, (c) => c.normalize('NFKC')).replace(RADICAL_RE, (c) => RADICALS[c] ?? c);
}

/** East Asian wide characters take about 1 em; everything else about 0.5 em. */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd) ||
    cp === 0x2014 ||
    cp === 0x2026 ||
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x2018 ||
    cp === 0x2019
  );
}
