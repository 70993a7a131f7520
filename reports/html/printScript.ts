import { createHash } from "node:crypto";

/**
 * The page's only script, optional: opens every collapsed part before printing and closes them again after,
 * for browsers whose print stylesheet cannot (without ::details-content). It reads nothing from the report.
 */
export const printScript =
  'addEventListener("beforeprint",function(){document.querySelectorAll("details:not([open])").forEach(function(d){d.setAttribute("data-print-opened","");d.open=true})});' +
  'addEventListener("afterprint",function(){document.querySelectorAll("details[data-print-opened]").forEach(function(d){d.removeAttribute("data-print-opened");d.open=false})});';

/** Its hash for the Content-Security-Policy, which allows no other script (CSP Level 3, hash-source). */
export const printScriptHash = `sha256-${createHash("sha256").update(printScript).digest("base64")}`;
