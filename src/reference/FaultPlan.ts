/**
 * Faults to inject into calls of an operation. It exists only in the process that started the reference: no
 * request over the network can turn a fault on.
 */
export class FaultPlan {
  private readonly queue: { operationId: string; status: number; imageId: string | undefined }[] = [];

  /**
   * The next call of operationId (on that image, when given: scenarios running side by side then cannot take
   * each other's fault) answers status (5xx) without doing anything.
   */
  inject(operationId: string, status: number, imageId?: string): void {
    this.queue.push({ operationId, status, imageId });
  }

  take(operationId: string, params: Readonly<Record<string, string>>): number | undefined {
    const i = this.queue.findIndex(
      (f) => f.operationId === operationId && (f.imageId === undefined || f.imageId === params["image_id"]),
    );
    return i < 0 ? undefined : this.queue.splice(i, 1)[0]?.status;
  }
}
