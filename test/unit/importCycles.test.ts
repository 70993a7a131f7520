import { join } from "node:path";
import { importCycles } from "../support/importCycles";

// Issue 22 item 10: no circle of files in src/ (a shared type lives where both sides import it without coming
// back). Run alone: npx jest test/unit/importCycles.test.ts
describe("imports", () => {
  const root = join(__dirname, "..", "..");

  test("no circle of files in src/", () => {
    expect(importCycles(join(root, "src"), root)).toEqual([]);
  });

  test("the checker finds a circle (two files of test/support/cycleFixture that import each other)", () => {
    expect(importCycles(join(root, "test", "support", "cycleFixture"), root)).toEqual([
      ["test/support/cycleFixture/a.ts", "test/support/cycleFixture/b.ts"],
    ]);
  });
});
