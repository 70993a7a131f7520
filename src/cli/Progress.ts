import type { RunEvent } from "../engine/RunResult";
import type { Redactor } from "../http/Redactor";
import { outcomeLabel } from "../../reports/outcomeLabel";
import { colourEnabled, paintOutcome } from "./colour";

/** Shows a run's progress on stderr: a live line on a terminal, plain lines elsewhere (CI), or nothing. */
export class Progress {
  private readonly colour: boolean;

  constructor(
    private readonly mode: "live" | "plain" | "none",
    /** Reasons can quote what the target sent: a line is redacted like the report. */
    private readonly redactor?: Redactor,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.colour = colourEnabled(out);
  }

  handle(event: RunEvent): void {
    if (this.mode === "none") return;
    const live = this.mode === "live";
    if (event.type === "scenario-start") {
      if (live) this.out.write(`\r\x1b[K[${event.index + 1}/${event.total}] ${event.scenario.id} …`);
    } else if (event.type === "scenario-end") {
      const r = event.result;
      const shown = outcomeLabel({ tier: r.scenario.tier, outcome: r.outcome, breaches: r.breaches });
      const label = shown === "NOT EXERCISED" ? "SKIP" : shown;
      const text = `${r.scenario.id} (${r.durationMs} ms)${shown === "PASS" && r.reason === undefined ? "" : `: ${r.reason ?? ""}`}`;
      const line = `[${event.index + 1}/${event.total}] ${paintOutcome(label, this.colour)} ${this.redactor?.redact(text) ?? text}`;
      this.out.write(`${live ? "\r\x1b[K" : ""}${line}\n`);
    } else if (live) {
      this.out.write("\r\x1b[Kcleaning up scratch images …");
    } else {
      this.out.write("cleaning up scratch images\n");
    }
  }

  /** Clears the live line before the summary is printed. */
  finish(): void {
    if (this.mode === "live") this.out.write("\r\x1b[K");
  }
}
