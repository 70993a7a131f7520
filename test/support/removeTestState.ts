import { rmSync } from "node:fs";

// The state folder isolatedState.ts made for this test file goes when the file ends.
afterAll(() => {
  const dir = process.env["ITC_TEST_STATE_MADE"];
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});
