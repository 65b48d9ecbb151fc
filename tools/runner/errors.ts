/** An error the user caused (bad arguments, bad input files, a failing program), shown without a stack trace. */
export class RunnerError extends Error {
  /**
   * @param message what went wrong, with a position where there is one
   * @param exitCode 2 for usage errors (bad arguments, missing directory), 1 otherwise
   */
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = "RunnerError";
  }
}
