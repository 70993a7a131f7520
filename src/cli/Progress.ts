import type { RunEvent } from "../engine/RunResult";
import { colourEnabled, paintOutcome } from "./colour";
import { failLabel } from "./failLabel";

const word = { pass: "PASS", fail: "FAIL", "not-exercised": "SKIP" } as const;

/** Shows a run's progress on stderr: a live line on a terminal, plain lines elsewhere (CI), or nothing. */
export class Progress {
  private readonly colour: boolean;

  constructor(
    private readonly mode: "live" | "plain" | "none",
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
      const label = r.outcome === "fail" ? failLabel(r.scenario.tier) : word[r.outcome];
      const line = `[${event.index + 1}/${event.total}] ${paintOutcome(label, this.colour)} ${r.scenario.id} (${r.durationMs} ms)${r.outcome === "pass" ? "" : `: ${r.reason ?? ""}`}`;
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
