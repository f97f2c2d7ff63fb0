// Whether this process is a read sandbox (sandbox-child.ts). Readers that isolate themselves in a
// worker thread (the PDF reader) skip it there: the process is already limited, and a second
// isolation would only add start-up time.

let sandboxed = false;

export function markSandboxed(): void {
  sandboxed = true;
}

export function inSandbox(): boolean {
  return sandboxed;
}
