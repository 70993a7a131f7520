import { markup, trusted, type Html } from "./Html";
import { printScript, printScriptHash } from "./printScript";
import { styles } from "./styles";

/**
 * Nothing may be fetched, whatever the page holds: no script but the print helper, no image but data: URLs,
 * no connection, no form (CSP Level 3, in a meta element so that it holds under file:// too).
 */
const policy = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '${printScriptHash}'; base-uri 'none'; form-action 'none'`;

/** A whole self-contained HTML document: inline stylesheet, inline SVG, no external resource. */
export function page(title: string, body: Html): string {
  const document = markup`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="image-tag-conformance">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${trusted(styles)}</style>
</head>
<body>
${body}
<script>${trusted(printScript)}</script>
</body>
</html>
`;
  return `<!doctype html>\n${document.markup}`;
}
