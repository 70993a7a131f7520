import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The runs of the project's own tests keep their cleanup records in a folder of their own, never in the
// user's ~/.local/state (each test file gets one; the CLI's children inherit it).
if (process.env["ITC_STATE_DIR"] === undefined) {
  const dir = mkdtempSync(join(tmpdir(), "itc-test-state-"));
  process.env["ITC_STATE_DIR"] = dir;
  process.env["ITC_TEST_STATE_MADE"] = dir;
}
