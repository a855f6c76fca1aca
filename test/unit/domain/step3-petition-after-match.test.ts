import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { planInOwnMatch } from "./fixture-snapshots.ts";

/**
 * A matched H-1B applicant (Bogotá, contract signed) whose Step 3 is booked for
 * 20 Apr 2027, after the Match, was told on 22 Mar that the sitting "is too late for the 2027
 * Match's ranking" and on 25 May that "programs need the result before they certify their rank
 * lists, by ... Wed 24 Feb 2027". Rule: once matched and past the rank order list deadline, Step
 * 3's words, date and risks speak of the H-1B petition and the residency start: sit by the
 * petition's sit-by day; a sitting past is due by the petition step's own date; a booking after the
 * sit-by day is the risk (too late for the petition before 1 July). Before the applicant reports the
 * Match outcome, the petition of the program they match with, on that condition. The petition is
 * due 60 days before the stamping (Fri 16 Apr 2027), so its sit-by day is Match Day itself (Fri 19 Mar 2027): the booking is told on Match Day evening
 * (the contract not yet signed), and the score still to come is one booked for Mon 22 Mar, expected
 * before the petition's date.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-routes/", import.meta.url));
const BOGOTA: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(`${DIR}h1b-matched-step3-after-match-bogota.json`, "utf8")),
);
const planOf = planInOwnMatch;
const step3 = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");
const visaRisk = (result: Plan) => result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
/** Every word the plan says about Step 3: its card and the risks naming it. */
const step3Words = (result: Plan): string =>
  [
    step3(result)?.action ?? "",
    ...result.risks.filter((risk) => risk.milestones.includes("usmle_step3")).map((risk) => risk.message),
  ].join(" ");

describe("Step 3 of a matched H-1B applicant after the rank order list deadline", () => {
  it("on Match Day evening, booked 20 Apr: the petition's sit-by day, too late for the petition, no ranking", () => {
    // The contract is signed on 30 Mar: on Match Day it is not yet.
    const matchDay: ApplicantSnapshot = {
      ...BOGOTA,
      milestones: BOGOTA.milestones.filter((entry) => entry.key !== "contract"),
    };
    const result = planOf(matchDay, "2027-03-19T18:00:00-05:00");
    const action = step3(result)?.action ?? "";
    expect(action).toMatch(
      /^Your program's H-1B petition needs your Step 3 pass: sit by Fri 19 Mar 2027 \(our advice\)\./,
    );
    expect(action).toContain(
      "Your exam is on Tue 20 Apr 2027, after Fri 19 Mar 2027 (our advice), the last day to sit it for the result to reach your program in time for its H-1B petition.",
    );
    expect(action).toContain(
      "As booked, it is too late for your program's H-1B petition before your residency starts on Thu 1 Jul 2027 (NRMP's start date; most programs start then, check yours).",
    );
    expect(step3(result)?.deadline?.et).toBe("Fri 19 Mar 2027");
    expect(visaRisk(result)?.message).toContain(
      "your Step 3 on Tue 20 Apr 2027 is after Fri 19 Mar 2027 (our advice), the last day to sit it for the result to reach your program in time for its H-1B petition: as booked, it is too late for the petition before your residency starts",
    );
    expect(visaRisk(result)?.message).not.toContain("USMLE Step 3 is past the date we plan for");
    expect(step3Words(result)).not.toMatch(/rank/i);
  });

  it("on 25 May, the sitting past, booked after the petition's sit-by day: its result lands after the petition's date, so the H-1B stays out of reach and the result is asked for, never overdue by that date", () => {
    const result = planOf(BOGOTA, "2027-05-25T09:00:00-05:00");
    const step = step3(result);
    expect(step?.action).toBe(
      "Your exam was on Tue 20 Apr 2027; its score was expected about 4 weeks later, after the petition's date in this plan, Fri 16 Apr 2027 (our advice), so by this plan's allowances the H-1B for your start date is likely out of reach. Tell us the result (or that you did not sit it) so the plan stays right, and ask your program today whether it will start you later, so its H-1B petition can wait for your Step 3 pass, or take you on a J-1 (see the visa risk).",
    );
    expect(step?.deadline).toBeUndefined();
    expect(result.overdue.find((each) => each.milestone === "usmle_step3")).toBeUndefined();
    expect(visaRisk(result)?.severity).toBe("critical");
    expect(step3Words(result)).not.toMatch(/rank/i);
  });

  it("on 5 Apr, the score not out yet: expected after the petition's date, not the rank lists", () => {
    const sat: ApplicantSnapshot = {
      ...BOGOTA,
      milestones: BOGOTA.milestones.map((entry) =>
        entry.key === "usmle_step3" ? { ...entry, date: "2027-03-22" } : entry,
      ),
    };
    const action = step3(planOf(sat, "2027-04-05T09:00:00-05:00"))?.action ?? "";
    expect(action).toContain("your score is expected around Mon 19 Apr 2027");
    expect(action).toContain("after the petition's date in this plan, Fri 16 Apr 2027 (our advice)");
    expect(action).not.toMatch(/rank/i);
  });

  it("on 5 Apr, sat in time for the petition: its result can reach it by the petition's date", () => {
    const sat: ApplicantSnapshot = {
      ...BOGOTA,
      milestones: BOGOTA.milestones.map((entry) =>
        entry.key === "usmle_step3" ? { ...entry, date: "2027-03-19" } : entry,
      ),
    };
    const action = step3(planOf(sat, "2027-04-05T09:00:00-05:00"))?.action ?? "";
    expect(action).toContain("your score is expected around");
    expect(action).toContain(
      "your program's H-1B petition needs your Step 3 pass, by the petition's date in this plan, Fri 16 Apr 2027 (our advice)",
    );
  });

  it("before the Match outcome is reported: the petition of the program they match with, never ranking", () => {
    const unreported: ApplicantSnapshot = {
      ...BOGOTA,
      milestones: BOGOTA.milestones.filter(
        (entry) => !["match_week", "match_day", "contract"].includes(entry.key),
      ),
    };
    const action = step3(planOf(unreported, "2027-03-10T09:00:00-05:00"))?.action ?? "";
    expect(action).toMatch(
      /^The rank order list deadline has passed, so ranking is over; the H-1B petition needs your Step 3 pass/,
    );
    expect(action).toContain(
      "As booked, if the program you match with files an H-1B petition for you, it is too late for that petition before your residency starts on Thu 1 Jul 2027",
    );
    expect(action).not.toContain("rank lists");
  });
});
