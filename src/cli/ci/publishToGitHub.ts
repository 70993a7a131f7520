import { appendFileSync } from "node:fs";
import type { Report } from "../../../reports/Report";
import { githubAnnotations } from "./githubAnnotations";
import { githubSummary } from "./githubSummary";

/**
 * In GitHub Actions: appends the job summary to the file GITHUB_STEP_SUMMARY names, and prints the workflow
 * annotations when GITHUB_ACTIONS is "true". Elsewhere nothing. A summary that cannot be written is a warning:
 * the run's verdict and exit code stand.
 */
export function publishToGitHub(report: Report, env: NodeJS.ProcessEnv = process.env): void {
  const summaryFile = env["GITHUB_STEP_SUMMARY"] ?? "";
  if (summaryFile !== "") {
    try {
      appendFileSync(summaryFile, `${githubSummary(report)}\n`);
    } catch (error) {
      console.error(
        `warning: cannot append the job summary to GITHUB_STEP_SUMMARY (${summaryFile}): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (env["GITHUB_ACTIONS"] === "true") for (const line of githubAnnotations(report)) console.log(line);
}
