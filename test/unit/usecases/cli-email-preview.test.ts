import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../shared/cli/plan.ts";

/**
 * `npm run plan -- <snapshot> --emails <dir>` writes the emails the plan would send, each as the
 * reminder function makes it at its wake-up, with an index to open in a browser. Lucía (Lima, J-1,
 * a virtual interview on Wed 13 Jan 2027 at 9:00 in Lima), planned on Tue 5 Jan 2027 at 9:00 there:
 * the interview's week-before and day-before emails, its thank-you the day after, then ranking opening
 * (at noon on Fri 15 Jan there: told at 9:00 the next morning).
 */
const FIXTURE = new URL("../../fixtures/cli-tomorrow/lima-interview-ahead.json", import.meta.url);
const NOW = "2027-01-05T09:00:00-05:00";

async function preview(...flags: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "matchpath-emails-"));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["lima.json", "--now", NOW, "--emails", dir, ...flags], {
    readFile: () => readFileSync(FIXTURE, "utf8"),
    now: () => new Date(NOW),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { code, dir, out: out.join(""), err: err.join("") };
}

const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1] ?? "");

describe("npm run plan -- --emails", () => {
  it("writes each email in the order it goes, named by its number, local day and step, with an index linking them", async () => {
    const { code, dir, out, err } = await preview("--count", "4");
    expect(err).toBe("");
    expect(code).toBe(0);
    const html = readdirSync(dir)
      .filter((name) => name.endsWith(".html") && name !== "index.html")
      .sort();
    expect(html).toEqual([
      "01-2027-01-06-interview-prep-7d.html",
      "02-2027-01-12-interview-prep-1d.html",
      "03-2027-01-14-interview-thank-you.html",
      "04-2027-01-16-rank-order-list-ranking-opens.html",
    ]);
    expect(readdirSync(dir).filter((name) => name.endsWith(".txt"))).toHaveLength(4);
    // The interview's emails carry its calendar file, as sent.
    expect(readdirSync(dir).filter((name) => name.endsWith(".ics"))).toHaveLength(3);
    const dayBefore = readFileSync(join(dir, "02-2027-01-12-interview-prep-1d.txt"), "utf8");
    expect(dayBefore).toMatch(
      /^Subject: Prepare for your virtual interview with Example Internal Medicine Program: starts tomorrow, Wed 13 Jan 2027/,
    );
    expect(dayBefore).toContain("Sent: Tue 12 Jan 2027, 09:00 (America/Lima), 2027-01-12 14:00 UTC");

    const index = readFileSync(join(dir, "index.html"), "utf8");
    expect(hrefs(index).filter((href) => href.endsWith(".html"))).toEqual(html);
    for (const href of hrefs(index)) expect(readdirSync(dir)).toContain(href);
    expect(index).toContain("Tue 12 Jan 2027, 09:00");
    expect(index).toContain("2027-01-12 14:00 UTC");
    expect(index).toContain("https://matchpath.example");
    // The buttons the applicant would see, at the placeholder origin the index names.
    const email = readFileSync(join(dir, html[1] ?? ""), "utf8");
    const ours = hrefs(email).filter((href) => /matchpath\.example/.test(href));
    expect(ours.some((href) => href.startsWith("https://matchpath.example/actions?"))).toBe(true);
    expect(ours.some((href) => href.startsWith("https://matchpath.example/timeline?"))).toBe(true);
    expect(hrefs(email).some((href) => /api\.example\.org|localhost/.test(href))).toBe(false);
    expect(out).toContain("2. Tue 12 Jan 2027, 09:00 (America/Lima)");
    expect(out).toContain(join(dir, "index.html"));
  });

  it("stops at --until, and clears the emails of a longer preview written there before", async () => {
    const { dir } = await preview("--count", "4");
    writeFileSync(join(dir, "notes.md"), "the advisor's own file");
    const code = await runCli(
      ["lima.json", "--now", NOW, "--emails", dir, "--until", "2027-01-13T00:00:00-05:00"],
      {
        readFile: () => readFileSync(FIXTURE, "utf8"),
        now: () => new Date(NOW),
        out: () => {},
        err: () => {},
      },
    );
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      "01-2027-01-06-interview-prep-7d-interview-iv-8af3b08c3ac96b5a.ics",
      "01-2027-01-06-interview-prep-7d.html",
      "01-2027-01-06-interview-prep-7d.txt",
      "02-2027-01-12-interview-prep-1d-interview-iv-8af3b08c3ac96b5a.ics",
      "02-2027-01-12-interview-prep-1d.html",
      "02-2027-01-12-interview-prep-1d.txt",
      "index.html",
      "notes.md",
    ]);
    expect(readFileSync(join(dir, "index.html"), "utf8")).toContain(
      "the next wake-up is Thu 14 Jan 2027, 09:00",
    );
  });

  it("with --preferences for a weekly summary on Fridays, names and gathers the summaries as the sender does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "matchpath-emails-"));
    const files: Record<string, string> = {
      "lima.json": readFileSync(FIXTURE, "utf8"),
      "weekly.json": JSON.stringify({ digest: "weekly", digestDay: 5 }),
    };
    const io = {
      readFile: (path: string) => files[path] ?? "",
      now: () => new Date(NOW),
      out: () => {},
      err: () => {},
    };
    const args = ["lima.json", "--now", NOW, "--emails", dir, "--count", "4", "--preferences", "weekly.json"];
    expect(await runCli(args, io)).toBe(0);
    const html = readdirSync(dir).filter((name) => name.endsWith(".html") && name !== "index.html");
    expect(html.sort()).toEqual([
      "01-2027-01-08-weekly-summary.html",
      "02-2027-01-12-interview-prep-1d.html",
      "03-2027-01-14-interview-thank-you.html",
      // Ranking's opening (noon on Fri 15 Jan in Lima) in the first summary after it, never in that
      // morning's, three hours before ranking opened.
      "04-2027-01-22-weekly-summary.html",
    ]);
    expect(readFileSync(join(dir, "01-2027-01-08-weekly-summary.txt"), "utf8")).toMatch(
      /^Subject: Your weekly summary: /,
    );
    files["weekly.json"] = JSON.stringify({ digest: "daily" });
    expect(await runCli(args, io)).toBe(2);
  });

  it("refuses --count without --emails, and --emails with --json", async () => {
    const io = { readFile: () => "", now: () => new Date(NOW), out: () => {}, err: () => {} };
    expect(await runCli(["lima.json", "--count", "3"], io)).toBe(2);
    expect(await runCli(["lima.json", "--emails", "x", "--json"], io)).toBe(2);
    expect(await runCli(["lima.json", "--emails", "x", "--count", "0"], io)).toBe(2);
  });
});
