/** Whether a URL names this machine (127.0.0.0/8, ::1, localhost): no politeness limit is owed to it. */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
