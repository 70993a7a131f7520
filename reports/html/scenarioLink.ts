import { markup, type Html } from "./Html";
import { scenarioAnchor } from "./scenarioLabel";

/** A scenario id linking to its details further down the page. */
export function scenarioLink(id: string): Html {
  return markup`<a href="#${scenarioAnchor(id)}"><code>${id}</code></a>`;
}
