import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * NRMP lets an IMG into SOAP only if ECFMG confirmed the exams and the Pathway
 * by the rank order list deadline, so an applicant who reports taking part in SOAP (in progress or
 * done, from Match Week's Monday) was in the Match, as one who reports Match Week done was. Her
 * Step 2 CK result never reported must not write the Match off the morning after Match Day: she may
 * hold a SOAP position that starts on 1 July, and her contract and J-1 steps are the next ones.
 */

const calendar = seasonCalendar(2027);

const inSoap = (timezone: string, soap: MilestoneEntry) =>
  certifiedListWith(timezone, milestoneFactory("usmle_step2ck", "scheduled", "2027-01-08"), soap);

describe.each(["Asia/Kolkata", "Africa/Lagos", "America/Los_Angeles"])(
  "SOAP taken part in, Step 2 CK result never reported (%s)",
  (zone) => {
    it.each([
      ["in progress", milestoneFactory("soap", "in_progress")],
      ["done", milestoneFactory("soap", "done", "2027-03-18")],
    ])("SOAP %s: after Match Day the 2027 Match stands, the contract is next", (_name, soap) => {
      for (const now of ["2027-03-20T05:00:00Z", "2027-03-25T12:00:00Z"]) {
        const result = plan(inSoap(zone, soap), calendar, new Date(now));
        expect(result.risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
        expect(result.reminders.filter((each) => each.rung === "match-year-out-of-reach")).toEqual([]);
        const waiting = result.blocked.flatMap((each) => each.waitingFor).join(" ");
        expect(waiting).not.toMatch(/feasible Match year/);
      }
    });
  },
);

describe("SOAP marked in progress before Match Week (preparing) proves nothing", () => {
  it("a week before Match Week, the unreported result still conditions the Match", () => {
    const result = plan(
      inSoap("Asia/Kolkata", milestoneFactory("soap", "in_progress")),
      calendar,
      new Date("2027-03-08T12:00:00Z"),
    );
    expect(result.nextSteps.find((each) => each.milestone === "match_week")?.action).toMatch(
      /^If your USMLE Step 2 CK result reached ECFMG in time for the rank order list deadline/,
    );
  });
});
