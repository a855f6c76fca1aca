import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";

/**
 * Where browser tests leave their screenshots: `test-results/screenshots/` at the repository root
 * (git-ignored). Look at them after a run; copy the ones worth keeping to docs/screenshots/.
 */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, "../../../test-results/screenshots");

/**
 * Saves a full-page PNG of `page` as `<name>.png` and returns its path; `maxHeight` (CSS pixels)
 * keeps only the top of a long page, for pictures meant for docs.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { maxHeight?: number } = {},
): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`Screenshot name must be kebab-case: ${name}`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  const size = page.viewportSize();
  const clip =
    options.maxHeight !== undefined && size
      ? { x: 0, y: 0, width: size.width, height: options.maxHeight }
      : undefined;
  await page.screenshot({ path, fullPage: true, ...(clip ? { clip } : {}) });
  return path;
}
