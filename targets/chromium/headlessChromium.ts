import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Debian's chromium (targets/chromium/install.sh): playwright-core drives it, never a browser of its own. */
export const chromiumPath = "/usr/bin/chromium";

const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A page opened from a file, with everything it did that a self-contained report must not do. */
export interface OpenedPage {
  readonly page: Page;
  /** Every request the page made, its own file included. */
  readonly requests: string[];
  /** console.error messages, uncaught exceptions and dialogs (alert, confirm...). */
  readonly errors: string[];
}

/** Headless chromium with a fresh profile (--user-data-dir), at 1280 px wide. */
export class HeadlessChromium {
  private constructor(
    private readonly context: BrowserContext,
    private readonly profileDir: string,
  ) {}

  static async launch(): Promise<HeadlessChromium> {
    const profileDir = mkdtempSync(join(tmpdir(), "itc-chromium-"));
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      args,
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
    });
    return new HeadlessChromium(context, profileDir);
  }

  async open(path: string): Promise<OpenedPage> {
    const page = await this.context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("dialog", (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`file://${path}`, { waitUntil: "load" });
    return { page, requests, errors };
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}
