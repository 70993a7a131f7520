/**
 * Faults a target can be made to answer on demand: only a target started in this process has one (the embedded
 * reference's fault plan); the engine knows it by this shape alone.
 */
export interface FaultInjector {
  /** The next call of operationId (on that image, when given) answers status (5xx) without doing anything. */
  inject(operationId: string, status: number, imageId?: string): void;
}
