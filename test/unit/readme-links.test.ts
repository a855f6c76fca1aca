import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The README is the first thing a newcomer reads, and its sections move as it grows: every link
 * inside it must land on a heading that exists, and every link to a file must name a file that
 * exists, so a reader never follows a link to nowhere.
 */
const root = new URL("../../", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");

/** The text outside fenced code blocks, where a `#` starts a heading and `](…)` is a link. */
const prose = readme.replace(/^```[\s\S]*?^```$/gm, "");

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2… */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, text] of markdown.matchAll(/^#{1,6} (.+)$/gm)) {
    const base = (text ?? "")
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

const links = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map(([, target]) => target ?? "");

describe("the README's links", () => {
  it("has links to check (the pattern still finds them)", () => {
    expect(links.filter((target) => target.startsWith("#")).length).toBeGreaterThan(20);
  });

  it("each #anchor names one of its own headings", () => {
    const headings = anchors(prose);
    const broken = links.filter((target) => target.startsWith("#") && !headings.has(target.slice(1)));
    expect(broken).toEqual([]);
  });

  it("each link to a file of the repository names a file that exists", () => {
    const local = links.filter((target) => !/^(#|[a-z]+:)/.test(target));
    const missing = local.filter((target) => !existsSync(new URL(target.split("#")[0] ?? "", root)));
    expect(local.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
