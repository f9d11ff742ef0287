// stdout as the CLI writes its report to it: whatever happens to the reader (`| true`, `| head -c 10`,
// `> /dev/full`), the run goes on to its verdict and the exit code stays the verdict's. A reader that
// left is not an error; any other failed write is remembered and reported once, on stderr.
import type { Stream } from './output';

/** The exit code when the verdict was 0 but the report could not be written (sysexits' EX_IOERR). */
export const EXIT_REPORT_NOT_WRITTEN = 74;

export class ReportStream implements Stream {
  /** The first write error other than a closed pipe; null while every write went through or the reader left. */
  failure: NodeJS.ErrnoException | null = null;
  private gone = false;

  constructor(private readonly stream: NodeJS.WriteStream) {
    stream.on('error', (error: NodeJS.ErrnoException) => this.fail(error));
  }

  get isTTY(): boolean {
    return this.stream.isTTY === true;
  }

  hasColors(): boolean {
    return typeof this.stream.hasColors === 'function' && this.stream.hasColors();
  }

  write(text: string): boolean {
    if (this.gone) return false;
    try {
      return this.stream.write(text);
    } catch (error) {
      this.fail(error as NodeJS.ErrnoException);
      return false;
    }
  }

  /** Resolves once everything written so far has left the process, or the stream has failed. */
  flushed(): Promise<void> {
    if (this.gone) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off('error', done);
        resolve();
      };
      this.stream.once('error', done);
      try {
        this.stream.write('', done);
      } catch (error) {
        this.fail(error as NodeJS.ErrnoException);
        done();
      }
    });
  }

  private fail(error: NodeJS.ErrnoException): void {
    this.gone = true;
    if (error.code !== 'EPIPE' && this.failure === null) this.failure = error;
  }
}

/** The exit code once the report was written (or not): the verdict's, never 0 when the report was lost to an error. */
export function exitCodeAfterWriting(verdict: number, stdout: ReportStream): number {
  return stdout.failure !== null && verdict === 0 ? EXIT_REPORT_NOT_WRITTEN : verdict;
}
