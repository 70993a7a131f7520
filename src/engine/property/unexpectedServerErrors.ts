import type { Exchange } from "../../http/Exchange";
import { coreCheck, type Check } from "../checks/Check";

/**
 * Property 8, a rule of every tier: no request gets a 5xx the suite did not ask for (only the injected-fault
 * scenarios expect one). A failed check naming each such exchange, or nothing.
 */
export function unexpectedServerErrors(exchanges: readonly Exchange[]): Check[] {
  const fives = exchanges.filter((e) => e.status >= 500 && !(e.expected ?? []).includes(e.status));
  if (fives.length === 0) return [];
  return [
    coreCheck(
      "no 5xx (property 8)",
      false,
      fives.map((e) => `${e.method} ${e.path} → ${e.status}`).join("; "),
      "a conformant service answers every request without a server error",
    ),
  ];
}
