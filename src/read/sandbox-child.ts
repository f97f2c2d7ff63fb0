// Child-process side of sandbox.ts: receives one request over IPC, reads (and checks) the files,
// answers once and exits. The parent bounds its memory and time and kills it when they run out.

import { analyse } from '../analysis.js';
import { loadProfiles } from '../profiles/registry.js';
import { IDENTITY_RULE_IDS } from '../rules/catalog.js';
import { InputError, parserFailure } from './errors.js';
import { readDisclosureFiles } from './index.js';
import { markSandboxed } from './isolation.js';
import type { SandboxReply, SandboxRequest } from './sandbox.js';

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
  const reason = parserFailure(e);
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
