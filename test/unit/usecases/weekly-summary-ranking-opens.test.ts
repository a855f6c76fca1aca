import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../shared/cli/plan.ts";

/**
 * An applicant on weekly summaries hears that ranking has opened (Fri 15 Jan 2027, 12:00 PM ET,
 * projected) in the first summary after the opening, once, whatever the hour it opened where they
 * live: the summary's plan finds the opening's slot passed, and a season date's news was dropped
 * once its slot had passed, so in Manila (the opening at 1:00 AM, in the quiet hours) no summary ever
 * said it. Never in a summary before the opening either (a Friday summary at 9:00 AM in Accra is
 * before noon ET). An interview on 12 Jan, nothing ranked yet.
 */
const FIXTURE = new URL(
  "../../fixtures/ranking-opens-timing/matched-nothing-ranked-accra.json",
  import.meta.url,
);
const OPENS = Date.parse("2027-01-15T17:00:00Z");

async function summaries(timezone: string, digestDay: number) {
  const dir = mkdtempSync(join(tmpdir(), "matchpath-weekly-"));
  const snapshot = JSON.parse(readFileSync(FIXTURE, "utf8"));
  snapshot.applicant.timezone = timezone;
  const files: Record<string, string> = {
    "applicant.json": JSON.stringify(snapshot),
    "weekly.json": JSON.stringify({ digest: "weekly", digestDay }),
  };
  const io = {
    readFile: (path: string) => files[path] ?? "",
    now: () => new Date(0),
    out: () => {},
    err: () => {},
  };
  const args = [
    "applicant.json",
    "--now",
    "2027-01-08T00:00:00Z",
    "--emails",
    dir,
    "--until",
    "2027-02-05T00:00:00Z",
  ];
  expect(await runCli([...args, "--preferences", "weekly.json"], io)).toBe(0);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => readFileSync(join(dir, name), "utf8"));
}

describe("a weekly summary tells that ranking has opened", () => {
  it.each([
    ["Africa/Accra", 3, "Wed 20 Jan 2027"],
    ["Asia/Manila", 3, "Wed 20 Jan 2027"],
    ["Africa/Accra", 5, "Fri 22 Jan 2027"],
    ["Asia/Manila", 5, "Fri 22 Jan 2027"],
  ])("%s, summaries on weekday %i: once, in the summary of %s", async (zone, day, when) => {
    const texts = await summaries(zone, day);
    const telling = texts.filter((text) => /^Subject: Your weekly summary: Ranking /m.test(text));
    // Sent after the opening: open now, never "opens" (projected: "should now be open").
    expect(telling[0]).toMatch(/^Subject: Your weekly summary: Ranking should now be open in R3: /m);
    expect(texts.join("\n")).not.toContain("Ranking opens in R3");
    expect(telling).toHaveLength(1);
    expect(telling[0]).toContain(when);
    // "Sent: Fri 22 Jan 2027, 09:00 (Africa/Accra), 2027-01-22 09:00 UTC"
    const utc = /^Sent: .*, (\d{4}-\d\d-\d\d \d\d:\d\d) UTC$/m.exec(telling[0] ?? "")?.[1] ?? "";
    expect(Date.parse(`${utc.replace(" ", "T")}:00Z`)).toBeGreaterThanOrEqual(OPENS);
  });
});
