import { describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "#test/unit/domain/factories.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";

/**
 * A plan lays the reminders its answers call for now; the plans made later (as each reminder goes
 * out, as answers change) lay the rest. For an early starter the CLI's REMINDERS ended a year before
 * the Match, the ECFMG application's hard deadline had only its 14-day rung (its target being
 * ahead), and nothing said the list was not the season's. A line under the table says where it ends
 * and what follows; --json gives the same as `remindersEnd`.
 */
const NOW = "2026-12-04T23:00:00Z"; // 7:00 AM on Sat 5 Dec 2026 in Dakar (UTC+0)
const input = inputFactory({
  applicant: applicantFactory({
    externalId: "cli-reminders-end",
    timezone: "Africa/Dakar",
    matchYear: 2028,
    visa: "J-1",
    graduation: "2026-06-30",
    medicalSchool: { name: "Cheikh Anta Diop Faculty of Medicine", country: "SN", wdomsSponsorNote: true },
  }),
  milestones: [milestoneFactory("wdoms_listing", "done", "2026-11-10")],
});

function cli(...flags: string[]): string {
  let out = "";
  const snapshot = { type: "applicant.snapshot", submissionId: "cli-reminders-end", ...input };
  const code = runPlanCli(["dakar.json", "--now", NOW, ...flags], {
    readFile: () => JSON.stringify(snapshot),
    now: () => new Date(NOW),
    out: (text) => {
      out += text;
    },
    err: () => {},
  });
  expect(code).toBe(0);
  return out;
}

const listed = JSON.parse(cli("--json")) as {
  reminders: Reminder[];
  remindersEnd: { lastSendAt: string | null; note: string };
  nextSteps: { milestone: string; deadline?: { at: string } }[];
};
const text = cli();
const section = text.slice(text.indexOf("\nREMINDERS\n"), text.indexOf("\nBUDGET"));
const last = listed.reminders
  .map((reminder) => reminder.sendAt)
  .sort()
  .at(-1);

describe("the CLI says where its reminder list ends and that more follow", () => {
  it("has a hard deadline with only its first rung laid (the case holds)", () => {
    const deadline = listed.nextSteps.find((step) => step.milestone === "ecfmg_application")?.deadline?.at;
    const rungs = listed.reminders
      .filter((reminder) => reminder.milestone === "ecfmg_application" && reminder.deadline === deadline)
      .map((reminder) => reminder.rung);
    expect(rungs).toEqual(["deadline-in-14d"]);
  });

  it("gives the last reminder's send instant in --json, with the table's words", () => {
    expect(listed.remindersEnd.lastSendAt).toBe(last);
    expect(listed.remindersEnd.note).toContain("the plan is made again as each reminder goes out");
  });

  it("prints under the table the day the list ends, in the applicant's time, and what follows", () => {
    const note =
      section.split("\n").find((line) => line.startsWith("  (this plan's reminders end on ")) ?? "";
    const lastDay = new Date(last ?? "").toLocaleDateString("en-GB", {
      timeZone: "Africa/Dakar",
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
    });
    expect(note).toContain(`end on ${lastDay.replace(",", "")}, 9:00 AM GMT (your time)`);
    expect(note).toContain("the rest of a hard deadline's countdown");
    expect(note).toContain("a blocked step's reminders once what it waits for is done");
  });
});

describe("npm run plan --help", () => {
  it("says the reminders are this plan's, names remindersEnd, and gives exit 1 for invalid season data", () => {
    let out = "";
    const code = runPlanCli(["--help"], {
      readFile: () => "",
      now: () => new Date(NOW),
      out: (text) => {
        out += text;
      },
      err: () => {},
    });
    expect(code).toBe(0);
    expect(out).toContain("The reminders are the ones this plan lays");
    expect(out).toContain("remindersEnd");
    expect(out).toContain("1 file not readable or invalid season data");
  });
});
