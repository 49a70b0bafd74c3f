/**
 * Writing a long dump to stdout: wait while a slow pipe reader catches up (instead of queueing
 * gigabytes in memory), and notice when the reader goes away (`| head`), where Go's own dump dies
 * of SIGPIPE and ours stops quietly.
 */
export class StdoutFlow {
  /** The reader went away: stop writing. */
  gone = false;
  private readonly onError = (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    this.gone = true;
  };

  constructor() {
    process.stdout.on('error', this.onError);
  }

  /** Resolves when stdout can take more: at once when its buffer is not full; false once it is gone. */
  drained(): Promise<boolean> | boolean {
    if (this.gone) return false;
    if (!process.stdout.writableNeedDrain) return true;
    return new Promise<boolean>((resolve) => {
      const done = (e?: unknown) => {
        process.stdout.off('drain', done);
        process.stdout.off('error', done);
        resolve(e === undefined && !this.gone);
      };
      process.stdout.on('drain', done);
      process.stdout.on('error', done);
    });
  }

  close(): void {
    process.stdout.off('error', this.onError);
  }
}
