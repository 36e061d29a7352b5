/** Log lines are English and go to stderr, so the CLI's --json stdout stays one clean object. */
export const logger = {
  error(message: string, err?: unknown): void {
    const detail = err instanceof Error ? (err.stack ?? err.message) : err === undefined ? '' : String(err);
    process.stderr.write(`[station-ledger] ${message}${detail ? `: ${detail}` : ''}\n`);
  },
  info(message: string): void {
    process.stderr.write(`[station-ledger] ${message}\n`);
  },
};
