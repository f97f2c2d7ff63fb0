// Child-process side of sandbox.ts: receives one request over IPC, reads (and checks) the files,
// answers once and exits. The parent bounds its memory and time and kills it when they run out.

import { analyse } from '../analysis.js';
import { loadProfiles } from '../profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../rules/catalog.js';
import { InputError } from './errors.js';
import { readDisclosureFiles } from './index.js';
import { markSandboxed } from './isolation.js';
import type { SandboxReply, SandboxRequest } from './sandbox.js';

/** Failures of a parser on a malformed file, not of yusuan: pdf.js's exceptions (some surface as
 *  unhandled rejections from its internal worker), exhausted allocations, runaway recursion. */
function fromParser(e: unknown): string | null {
  const name = e instanceof Error ? e.name : '';
  const msg = e instanceof Error ? e.message : String(e);
  if (/^(FormatError|XRefEntryException|XRefParseException|InvalidPDFException|UnknownErrorException|MissingPDFException|AbortException)$/.test(name))
    return 'PDF 文件已损坏或不完整';
  if (/allocation failed|Invalid typed array length|Array buffer allocation|out of memory|Invalid string length/i.test(msg))
    return '读取时超出内存上限，文件可能过大、被恶意构造或已损坏';
  if (/Maximum call stack size exceeded/.test(msg)) return '文件结构过深或过大，无法读取';
  return null;
}

let answered = false;

/** Answer once, then exit as soon as the message is handed over. */
function send(reply: SandboxReply): void {
  if (answered) return;
  answered = true;
  process.send!(reply, () => process.exit(0));
}

let label = '（未命名）';

function fail(e: unknown): void {
  if (e instanceof InputError) return send({ ok: false, input: true, file: e.file, reason: e.reason });
  const reason = fromParser(e);
  if (reason) return send({ ok: false, input: true, file: label, reason });
  send({ ok: false, input: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}

process.on('unhandledRejection', fail);
// The parent died (killed worker): nobody will take the answer, so stop reading at once.
process.once('disconnect', () => process.exit(0));
process.on('uncaughtException', fail);

process.once('message', (request: SandboxRequest) => {
  label = request.displayName ?? request.paths.join('、');
  markSandboxed();
  void (async () => {
    const profiles = loadProfiles(IDENTITY_RULE_IDS);
    const result = await readDisclosureFiles(request.paths, { profiles, ...(request.profileId ? { profileId: request.profileId } : {}) });
    if (request.displayName) result.disclosure.meta.source.file = request.displayName;
    const reply: SandboxReply = { ok: true, disclosure: result.disclosure, profileId: result.profile.id };
    if (result.inputs) reply.inputs = result.inputs;
    if (request.analyse) reply.analysis = analyse(result);
    send(reply);
  })().catch(fail);
});
