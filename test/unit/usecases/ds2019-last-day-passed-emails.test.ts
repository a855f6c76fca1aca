import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { matched2027, milestoneFactory } from "#test/unit/domain/factories.ts";
import { runCli } from "../../../shared/cli/plan.ts";

/**
 * A J-1 applicant who matched for a 1 Jul 2027 start completed her sponsorship application on Tue
 * 27 Apr and is still waiting for her DS-2019. Her plan emails, critical, that her visa's date can
 * no longer be met and that the DS-2019 must reach her by about Mon 31 May, the last day to keep her
 * program's start date, and again on that day. She never marks it received. The morning after, her
 * program must hear: the start on its date is out of reach, a notice of its own (the last day's id
 * was already sent twice, so the same notice was swallowed and nine days of silence followed), then
 * the weekly chase of the overdue DS-2019. Kolkata and Honolulu: either side of ET.
 */
const OUT_OF_REACH = "A J-1 start on your program's date is out of reach: tell your program's GME office now";

async function emailsOf(timezone: string, now: string): Promise<Map<string, string>> {
  const snapshot = {
    type: "applicant.snapshot",
    submissionId: `ds2019-last-day-${timezone.replace("/", "-")}`,
    ...matched2027(timezone, {
      extra: [
        milestoneFactory("ecfmg_certification", "done", "2026-06-01"),
        milestoneFactory("contract", "done", "2027-04-01"),
        milestoneFactory("j1_statement_of_need", "done", "2027-04-14"),
        milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-27"),
      ],
    }),
  };
  const dir = mkdtempSync(join(tmpdir(), "matchpath-ds2019-"));
  let err = "";
  const code = await runCli(["applicant.json", "--now", now, "--emails", dir, "--count", "9"], {
    readFile: () => JSON.stringify(snapshot),
    now: () => new Date(now),
    out: () => {},
    err: (text) => {
      err += text;
    },
  });
  expect(code, err).toBe(0);
  const emails = new Map<string, string>();
  for (const name of readdirSync(dir)
    .filter((each) => each.endsWith(".txt"))
    .sort())
    emails.set(name, readFileSync(join(dir, name), "utf8"));
  return emails;
}

describe.each([
  ["Asia/Kolkata", "2027-04-28T03:00:00Z"],
  ["Pacific/Honolulu", "2027-04-28T19:00:00Z"],
])("the DS-2019 awaited past its last day to keep the start (%s)", (timezone, now) => {
  it("emails the start out of reach the morning after that day, then the weekly chase", async () => {
    const emails = await emailsOf(timezone, now);
    const names = [...emails.keys()];
    const lastDay = names.find((name) => name.includes("-2027-05-31-j1-ds2019-last-day-today"));
    expect(lastDay, names.join("\n")).toBeDefined();
    const morningAfter = names.find((name) => name.includes("-2027-06-01-j1-ds2019-critical-risk"));
    expect(morningAfter, names.join("\n")).toBeDefined();
    const text = emails.get(morningAfter ?? "") ?? "";
    expect(text).toMatch(new RegExp(`^Subject: ${OUT_OF_REACH}`));
    expect(text).toContain(
      "your DS-2019 had to reach you by about Mon 31 May 2027 (if it has, mark it done today)",
    );
    expect(text).toContain("if it has not, a J-1 start on your program's date is out of reach");
    // Then the overdue DS-2019 is chased within the week, not ten days later.
    const after = names.slice(names.indexOf(morningAfter ?? "") + 1);
    expect(after[0]).toMatch(/-2027-06-0[2-8]-j1-ds2019-/);
  });
});
