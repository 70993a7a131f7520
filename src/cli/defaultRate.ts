import { isLoopback } from "../config/isLoopback";

/** Requests per second at most on a remote target unless --rate says otherwise; throttling slows it further. */
export const defaultRemoteRate = 100;

/** The rate a run uses: --rate when given, otherwise none on this machine (loopback) and a gentle one elsewhere. */
export function rateFor(given: number | undefined, baseUrl: string): number {
  return given ?? (isLoopback(baseUrl) ? 0 : defaultRemoteRate);
}
