import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** What a run keeps on this machine of its scratch images, so that cleanup finds them after a kill. */
export interface RunRecord {
  readonly runId: string;
  readonly startedAt: string;
  /** The target as the report names it (no secrets). */
  readonly target: string;
  /** Every scratch image name the run sent in a create (or was about to). */
  readonly names: readonly string[];
}

/** Where records are kept: ITC_STATE_DIR, else $XDG_STATE_HOME (or ~/.local/state)/image-tag-conformance/runs. */
export function recordDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env["ITC_STATE_DIR"];
  if (explicit !== undefined && explicit !== "") return explicit;
  const state = env["XDG_STATE_HOME"] ?? join(homedir(), ".local", "state");
  return join(state, "image-tag-conformance", "runs");
}

const fileOf = (runId: string): string => join(recordDir(), `${runId}.json`);

/**
 * The run's record, written before its first create and again (synchronously) for each new name: a run killed
 * at any moment leaves a record naming every image it may have created. A record that cannot be written is said
 * once and the run goes on (cleanup then falls back to the names' prefix).
 */
export class RunRecorder {
  private names: string[] = [];
  private broken = false;

  constructor(
    private readonly base: Omit<RunRecord, "names">,
    private readonly warn: (text: string) => void,
    private readonly enabled = true,
  ) {}

  add(name: string): void {
    if (!this.enabled || this.names.includes(name)) return;
    this.names = [...this.names, name];
    this.write();
  }

  private write(): void {
    if (this.broken) return;
    try {
      mkdirSync(recordDir(), { recursive: true });
      writeFileSync(fileOf(this.base.runId), JSON.stringify({ ...this.base, names: this.names }, null, 2));
    } catch (error) {
      this.broken = true;
      this.warn(
        `cannot keep the run's record in ${recordDir()}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** The run cleaned up after itself: nothing for a later cleanup to find. */
  done(): void {
    if (this.enabled) removeRecord(this.base.runId);
  }
}

export function removeRecord(runId: string): void {
  rmSync(fileOf(runId), { force: true });
}

/** Every record kept on this machine (unreadable ones are skipped). */
export function readRecords(): RunRecord[] {
  let files: string[];
  try {
    files = readdirSync(recordDir()).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  return files.flatMap((f) => {
    try {
      const r = JSON.parse(readFileSync(join(recordDir(), f), "utf8")) as Partial<RunRecord>;
      return typeof r.runId === "string" && typeof r.startedAt === "string" && Array.isArray(r.names)
        ? [
            {
              runId: r.runId,
              startedAt: r.startedAt,
              target: typeof r.target === "string" ? r.target : "",
              names: r.names.filter((n): n is string => typeof n === "string"),
            },
          ]
        : [];
    } catch {
      return [];
    }
  });
}
