// The document's title as a reader names it: "上海市普陀区司法局2025年部门预算". A cover read as
// text runs on into the publication date, the 保密审查 statement or a whole paragraph; the title is
// what ends at the first 预算/决算 after the year (with 公开, 说明 or 报告 when printed).

const TITLE = /^.{0,60}?(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年度?.{0,40}?(?:预算|决算)(?:草案)?(?:公开)?(?:(?:情况)?说明|报告)?/;

/** The title in `text` (spaces removed), or null when the text does not read as one. */
export function documentTitle(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  const m = TITLE.exec(t);
  return m ? m[0] : null;
}
