// `yusuan render`: a read disclosure → the whole publication as HTML, PDF or XLSX. The narrative is
// generated from the facts (src/narrative/generate.ts) with what people supplied: the workbook's
// input sheets, or, for any other input, what its authors wrote (reasons, uses, other matters).

import type { Browser } from 'playwright-core';
import { generateNarrative, inputsFromNarrative, type PreviousFigures } from '../narrative/generate.js';
import type { ReadResult } from '../read/index.js';
import { emptyInputs, type RenderInputs } from '../render/inputs.js';
import { layoutDisclosure, type DocumentLayout } from '../render/layout.js';
import type { Finding } from '../rules/types.js';
import { renderCharts } from './charts.js';
import { renderHtml } from './html.js';
import { htmlToPdf } from './pdf.js';
import { writeWorkbook } from './xlsx.js';

export type RenderFormat = 'html' | 'pdf' | 'xlsx';

export interface RenderOptions {
  to: RenderFormat;
  draft?: boolean;
  /** Last year's figures (from --previous); overrides the workbook's 上年数. */
  previous?: PreviousFigures | null;
  /** A running browser to reuse (bench, tests); one is launched otherwise. */
  browser?: Browser;
}

export interface Rendered {
  bytes: Uint8Array;
  layout: DocumentLayout;
  inputs: RenderInputs;
  /** What the narrative generator could not write: missing reasons, notes, last year's figures. */
  findings: Finding[];
}

export function renderInputs(read: ReadResult): RenderInputs {
  if (read.inputs) return read.inputs;
  return { ...emptyInputs(), ...inputsFromNarrative(read.disclosure, read.profile) };
}

export async function render(read: ReadResult, options: RenderOptions): Promise<Rendered> {
  const { disclosure, profile } = read;
  const inputs = renderInputs(read);
  const previous = options.previous !== undefined && options.previous !== null ? options.previous : inputs.previous;
  const narrative = generateNarrative(disclosure, profile, inputs, previous);
  const layout = layoutDisclosure(disclosure, profile, narrative, inputs);
  const draft = options.draft ?? false;
  let bytes: Uint8Array;
  if (options.to === 'xlsx') bytes = await writeWorkbook(layout, profile, { ...inputs, previous }, { draft });
  else {
    const charts = await renderCharts(layout.charts);
    const html = renderHtml(layout, { charts, draft });
    if (options.to === 'html') bytes = new TextEncoder().encode(html);
    else
      bytes = await htmlToPdf(html, {
        ...(options.browser ? { browser: options.browser } : {}),
        ...(draft ? { draftHtml: (watermarkImage: string) => renderHtml(layout, { charts, draft, watermarkImage }) } : {}),
      });
  }
  const findings = [...narrative.findings];
  if (inputs.duties.length === 0)
    findings.push({
      rule: 'render.overview-missing',
      severity: 'warning',
      category: 'completeness',
      title: '概况需要人工填写的内容',
      message: '概况缺少基本职能和主要工作（填报表“概况”），不会自动编写',
      expected: null,
      actual: null,
      difference: null,
      unit: null,
      locations: [{ line: 0, label: '概况' }],
    });
  return { bytes, layout, inputs, findings };
}
