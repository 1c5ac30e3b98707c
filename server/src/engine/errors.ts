/** An error a user can act on: its message names the file and the problem. */
export class FactlintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FactlintError';
  }
}
