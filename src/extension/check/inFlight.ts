// Concurrent requests for the same work share one promise instead of starting it twice.
export class InFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(id: string, start: () => Promise<T>): Promise<T> {
    const existing = this.running.get(id);
    if (existing) return existing;
    const promise = start().finally(() => this.running.delete(id));
    this.running.set(id, promise);
    return promise;
  }

  get size(): number {
    return this.running.size;
  }
}
