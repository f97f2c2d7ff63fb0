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
