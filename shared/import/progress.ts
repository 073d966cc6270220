// Progress and cancellation of a long import: the readers call `tick` between sheets and every few hundred rows;
// it reports progress, stops the import when the signal is aborted, and now and then yields to the event loop so a
// window stays responsive while a city's workbook is read.

/** Thrown inside the import when the signal is aborted; the import turns it into a result. */
export class ImportCancelled extends Error {}

/** Work between two yields: a frame or two of a window's time. */
const SLICE_MS = 30;

export class Progress {
  private last = Date.now();
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
    private readonly signal?: AbortSignal,
  ) {}

  /** Stops the import when cancelled. */
  check(): void {
    if (this.signal?.aborted) throw new ImportCancelled();
  }

  /** Progress to `done` of the total (never backwards), yielding when a slice of time has passed. */
  async to(done: number): Promise<void> {
    this.check();
    if (done > this.done) {
      this.done = Math.min(done, this.total);
      this.onProgress?.(this.done, this.total);
    }
    if (Date.now() - this.last >= SLICE_MS) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      this.last = Date.now();
      this.check();
    }
  }

  /** Yields now (between sheets), whatever the time. */
  async yieldNow(): Promise<void> {
    this.check();
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.last = Date.now();
    this.check();
  }
}
