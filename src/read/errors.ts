// Input problems the user must fix. The CLI turns these into a zh-CN message naming the file and
// exit code 2; anything else reaching the CLI is a bug and is reported as such.

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}：${reason}`);
  }
}

/** Failures of a parser on a malformed file, not of yusuan, as the reason to give the user; null for anything
 *  else. pdf.js's exceptions (some surface as unhandled rejections from its internal worker), exhausted
 *  allocations and runaway recursion all come from the file. */
export function parserFailure(e: unknown): string | null {
  const name = e instanceof Error ? e.name : '';
  const msg = e instanceof Error ? e.message : String(e);
  if (/^(FormatError|XRefEntryException|XRefParseException|InvalidPDFException|UnknownErrorException|MissingPDFException|AbortException)$/.test(name))
    return 'PDF 文件已损坏或不完整';
  if (/allocation failed|Invalid typed array length|Array buffer allocation|out of memory|Invalid string length/i.test(msg))
    return '读取时超出内存上限，文件可能过大、被恶意构造或已损坏';
  if (/Maximum call stack size exceeded/.test(msg)) return '文件结构过深或过大，无法读取';
  return null;
}
