/**
 * An error whose message is meant for the user (bad input, a limit, something unavailable). The
 * interaction handler shows its message as is; any other error is shown only as an error id.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
