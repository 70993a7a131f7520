/**
 * Faults to inject into the next calls of an operation. It exists only in the process that started the
 * reference: no request over the network can turn a fault on.
 */
export class FaultPlan {
  private readonly queue = new Map<string, number[]>();

  /** The next call of operationId answers status (5xx) without doing anything. */
  inject(operationId: string, status: number): void {
    const list = this.queue.get(operationId) ?? [];
    list.push(status);
    this.queue.set(operationId, list);
  }

  take(operationId: string): number | undefined {
    return this.queue.get(operationId)?.shift();
  }
}
