// The disclosure as one printable HTML page: cover, contents, 概况, every table in its official
// layout, 情况说明 (with charts), 名词解释. The same page is printed to PDF by Chromium (pdf.ts), so
// the CSS is written for A4 print: tables start on a new page and repeat their header rows.

import type { DocumentLayout, TableLayout } from '../render/layout.js';
import { tocLines } from '../render/raw.js';

export interface HtmlOptions {
  /** Inline SVG of each chart, by chart id (charts.ts). */
  charts?: Record<string, string>;
  /** Mark every page 草稿. */
  draft?: boolean;
  /** The watermark as an image URL (the PDF uses a PNG, so the watermark adds no text to the page). */
  watermarkImage?: string;
  /** Extra @font-face CSS (the PDF writer loads a font file). */
  fontCss?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const CSS = `
@page { size: A4; margin: 16mm 12mm 18mm 12mm; }
@page wide { size: A4 landscape; margin: 14mm 12mm 16mm 12mm; }
section.table.wide { page: wide; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10.5pt; color: #111; }
body { margin: 0 auto; max-width: 210mm; padding: 8mm; line-height: 1.6; }
.cover { min-height: 250mm; display: flex; flex-direction: column; justify-content: center; align-items: center; text-align: center; }
.cover h1 { font-size: 26pt; margin: 0.2em 0; font-weight: bold; letter-spacing: 0.05em; }
.cover p { font-size: 22pt; margin: 0.2em 0; font-weight: bold; }
.page { break-before: page; }
h2.part { font-size: 15pt; text-align: center; margin: 0.5em 0 1em; }
h2.contents { font-size: 18pt; text-align: center; letter-spacing: 1em; }
ol.toc { list-style: none; padding: 0; font-size: 12pt; }
ol.toc li { margin: 0.3em 0; }
ol.toc li.sub { padding-left: 2em; }
h3 { font-size: 12pt; margin: 1em 0 0.4em; }
h4 { font-size: 11pt; margin: 0.8em 0 0.3em; font-weight: normal; }
p.para { text-indent: 2em; margin: 0.3em 0; text-align: justify; }
section.table { break-before: page; }
p.table-no { text-align: left; margin: 0; font-size: 9pt; }
h3.table-title { text-align: center; font-size: 15pt; margin: 0.2em 0 0.6em; }
p.meta { margin: 0.1em 0; font-size: 9pt; }
p.meta.unit { text-align: right; }
table.grid { border-collapse: collapse; width: 100%; font-size: 8.5pt; line-height: 1.35; }
table.grid th, table.grid td { border: 0.6pt solid #333; padding: 2pt 3pt; vertical-align: middle; }
table.grid thead { display: table-header-group; }
table.grid th { background: #f0f0f0; font-weight: bold; text-align: center; }
table.grid tr { break-inside: avoid; }
table.grid td.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.grid td.code, table.grid td.unitCode { text-align: center; white-space: nowrap; }
table.grid td.label { white-space: nowrap; }
table.perf td, table.perf th { white-space: normal; }
table.grid tr.total td, table.grid tr.department td { font-weight: bold; }
table.grid tr.unit td { font-weight: bold; }
table.perf { font-size: 7.5pt; table-layout: fixed; }
table.perf td { word-break: break-all; }
p.note { font-size: 9pt; margin: 0.4em 0; }
p.colophon { font-size: 8pt; color: #555; margin-top: 3em; text-align: right; }
table.units { border-collapse: collapse; margin: 0.5em auto; font-size: 10pt; }
table.units th, table.units td { border: 0.6pt solid #333; padding: 2pt 8pt; }
figure.chart { margin: 1em auto; text-align: center; break-inside: avoid; }
figure.chart figcaption { font-size: 9pt; }
.watermark { position: fixed; top: 0; left: 0; width: 100%; height: 100%; pointer-events: none; z-index: 10; display: flex; align-items: center; justify-content: center; }
.watermark svg, .watermark img { width: 70%; opacity: 0.18; }
@media screen { body { box-shadow: 0 0 6px #999; margin: 12px auto; background: #fff; } html { background: #e8e8e8; } }
`;

/** The watermark as SVG: the HTML reader skips SVG, so a draft page reads like the final one. */
const WATERMARK_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><text x="200" y="190" font-size="150" text-anchor="middle" fill="#c00" transform="rotate(-30 200 150)" font-family="Noto Sans CJK SC, sans-serif">草稿</text></svg>`;

export function watermarkSvg(): string {
  return WATERMARK_SVG;
}

function tableHtml(t: TableLayout): string {
  const perf = t.layout === 'projectPerformance' || t.layout === 'departmentPerformance';
  const head = t.header
    .map((row) => `<tr>${row.map((c) => `<th${span(c.colspan, 'colspan')}${span(c.rowspan, 'rowspan')}>${esc(c.text)}</th>`).join('')}</tr>`)
    .join('');
  const body = t.body
    .map((r) => {
      const cells = r.cells
        .map((c, i) => {
          const n = r.spans?.[i] ?? 1;
          return n === 0 ? '' : `<td class="${t.columns[i]?.kind ?? 'text'}"${span(n, 'colspan')}>${esc(c)}</td>`;
        })
        .join('');
      return `<tr class="${esc(r.kind)}">${cells}</tr>`;
    })
    .join('\n');
  const wide = perf || t.columns.length > 6;
  // Fixed widths: amounts and codes as wide as their longest entry, labels share the rest. Headers
  // wrap inside their column, so each header sits centred over its own amounts (the PDF reader
  // matches header words to amount columns by position).
  const chars = (i: number) => Math.max(0, ...t.body.map((r) => (r.cells[i] ?? '').length));
  const colWidth = (c: TableLayout['columns'][number], i: number) =>
    c.width
      ? `${c.width}%`
      : c.kind === 'amount'
        ? `${Math.max(8, chars(i)) + 3}ch`
        : c.kind === 'code' || c.kind === 'unitCode'
          ? `${Math.max(c.header[c.header.length - 1]!.length * 2, chars(i)) + 3}ch`
          : null;
  const cols = `<colgroup>${t.columns.map((c, i) => `<col${colWidth(c, i) ? ` style="width:${colWidth(c, i)}"` : ''}>`).join('')}</colgroup>`;
  return `<section class="table${wide ? ' wide' : ''}" id="table-${esc(t.id)}" data-table="${esc(t.id)}">
<p class="table-no">公开表${esc(t.number)}</p>
<h3 class="table-title">${esc(t.title)}</h3>
<p class="meta">${t.layout === 'departmentPerformance' ? '' : `部门：${esc(t.department)}`}</p>
<p class="meta unit">金额单位：${esc(t.unit)}</p>
<table class="grid${perf ? ' perf' : ''}">${cols}<thead>${head}</thead><tbody>
${body}
</tbody></table>
${t.note ? `<p class="note">${esc(/^注/.test(t.note) ? t.note : `注：${t.note}`)}</p>` : ''}
</section>`;
}

const span = (n: number, attr: string) => (n > 1 ? ` ${attr}="${n}"` : '');

export function renderHtml(layout: DocumentLayout, options: HtmlOptions = {}): string {
  const toc = tocLines(layout);
  const sectionsHtml = (sections: DocumentLayout['narrative']) =>
    sections
      .map(
        (s) =>
          `${s.level === 1 ? `<h3>${esc(s.heading)}</h3>` : `<h4>${esc(s.heading)}</h4>`}\n${s.paragraphs.map((p) => `<p class="para">${esc(p)}</p>`).join('\n')}`,
      )
      .join('\n');
  const charts = layout.charts
    .filter((c) => options.charts?.[c.id])
    .map(
      (c, i) =>
        `<figure class="chart" data-chart="${esc(c.id)}">${options.charts![c.id]}<figcaption>图${i + 1} ${esc(c.title)}（${esc(c.unit)}）</figcaption></figure>`,
    )
    .join('\n');
  const watermark = options.draft
    ? `<div class="watermark" aria-hidden="true">${options.watermarkImage ? `<img src="${esc(options.watermarkImage)}" alt="">` : WATERMARK_SVG}</div>`
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="generator" content="yusuan">
<meta name="yusuan-profile" content="${esc(layout.profileId)}">
<title>${esc(layout.title)}${options.draft ? '（草稿）' : ''}</title>
<style>${options.fontCss ?? ''}${CSS}</style>
</head>
<body>
${watermark}
<section class="cover">
${layout.cover.map((l, i) => (i === 0 ? `<h1>${esc(l)}</h1>` : `<p>${esc(l)}</p>`)).join('\n')}
</section>
<section class="page" id="contents">
<h2 class="contents">目录</h2>
<ol class="toc">
${toc.map((l) => `<li${/^第/.test(l) ? '' : ' class="sub"'}>${esc(l)}</li>`).join('\n')}
</ol>
</section>
<section class="page" id="overview">
<h2 class="part">${esc(layout.parts.overview)}</h2>
${sectionsHtml(layout.overview)}
<table class="units"><thead><tr><th>序号</th><th>预算单位名称</th></tr></thead><tbody>
${layout.units.map((u, i) => `<tr><td>${i + 1}</td><td>${esc(u.name)}</td></tr>`).join('\n')}
</tbody></table>
</section>
<section class="page" id="tables">
<h2 class="part">${esc(layout.parts.tables)}</h2>
</section>
${layout.tables
  .filter((t) => t.present)
  .map(tableHtml)
  .join('\n')}
<section class="page" id="narrative">
<h2 class="part">${esc(layout.parts.narrative)}</h2>
${sectionsHtml(layout.narrative)}
${charts ? `<div class="charts">${charts}</div>` : ''}
</section>
<section class="page" id="glossary">
<h2 class="part">${esc(layout.parts.glossary)}</h2>
${layout.glossary.map((g, i) => `<p class="para">${i + 1}. ${esc(g.term)}：${esc(g.definition)}</p>`).join('\n')}
<p class="colophon">本公开文件由 yusuan 按“${esc(layout.profileName)}”模板生成（${esc(layout.profileId)}）</p>
</section>
</body>
</html>
`;
}
