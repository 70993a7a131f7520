import { RequestAborted } from "../http/transportErrors";

/** Waits ms, or rejects with RequestAborted at once when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new RequestAborted());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new RequestAborted());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
