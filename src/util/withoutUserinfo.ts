/** A URL as typed, with anything between "//" and the last "@" masked: an echo of bad input leaks no password. */
export function withoutUserinfo(raw: string): string {
  return raw.replace(/\/\/.*@/, "//***@");
}
