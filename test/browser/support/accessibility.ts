import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AxeResults, Result } from "axe-core";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

/** Impacts that fail a check; minor and moderate findings are reported by axe but do not fail. */
const FAILING_IMPACTS = new Set(["serious", "critical"]);

function describe(violation: Result): string {
  const targets = violation.nodes
    .slice(0, 5)
    .map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.split("\n").join(" ") ?? ""}`)
    .join("\n");
  return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${targets}`;
}

/**
 * Runs axe-core on the page against WCAG 2.1 A and AA (contrast included) and throws, listing each
 * rule and element, when any violation is serious or critical. axe is evaluated through the
 * DevTools protocol, so a page's strict Content-Security-Policy does not stop it.
 *
 * @returns axe's full results, for tests that look at more.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<AxeResults> {
  axeSource ??= readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(await axeSource);
  const results = await page.evaluate(() =>
    // No context argument: axe checks the whole document.
    (globalThis as unknown as { axe: typeof import("axe-core") }).axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  );
  const failing = results.violations.filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ""));
  if (failing.length > 0) {
    throw new Error(
      `axe-core found ${failing.length} serious or critical accessibility violation(s) on ${page.url()}:\n` +
        failing.map(describe).join("\n"),
    );
  }
  return results;
}

/**
 * Runs every axe-core rule, best practices included (landmarks, one h1, content in regions), and
 * returns the violations of any impact: for the pages held to "no finding at all".
 */
export async function allA11yViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(await axeSource);
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: typeof import("axe-core") }).axe.run(),
  );
  return results.violations.map(describe);
}
