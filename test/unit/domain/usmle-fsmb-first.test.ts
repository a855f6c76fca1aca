import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * A Step 2 CK not started near its last day has
 * no scheduling permit: the card says to apply to FSMB first (about 14 days, advice: the allowance
 * Step 3 uses), to book once the permit comes, and, where FSMB and a test date no longer fit before
 * the projected last day, names the later candidate's day.
 *
 * Sana, in Karachi, interviewing (15 Dec 2026), everything done but Step 2 CK.
 */
const calendar = seasonCalendar(2027);

function sana(now: string): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({
        fullName: "Sana Qureshi",
        timezone: "Asia/Karachi",
        matchYear: 2027,
        graduation: "2025-06-30",
      }),
      milestones: [
        ...doneMilestones(
          REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
          "2026-09-20",
        ),
        milestoneFactory("usmle_step2ck", "not_started"),
      ],
      interviews: [interviewFactory({ startsAt: "2026-12-15T09:00:00-05:00" })],
    }),
    calendar,
    new Date(now),
  );
}

const card = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step2ck")?.action ?? "";

describe("a USMLE Step not started near its last day: FSMB first", () => {
  it("with time for FSMB and a test date: apply to FSMB, book once the permit comes", () => {
    const action = card(sana("2026-12-07T07:00:00Z"));
    expect(action).toContain("Apply to FSMB for USMLE Step 2 CK");
    expect(action).toContain("about 14 days");
    expect(action).toContain("once your scheduling permit comes");
    expect(action).toContain("sit it by Wed 27 Jan 2027");
    expect(action).not.toContain("Wed 3 Feb 2027");
  });

  it("17 days before the last day: a sitting by it is unlikely, the later candidate's day named", () => {
    const action = card(sana("2027-01-10T05:00:00Z"));
    expect(action).toContain("Apply to FSMB for USMLE Step 2 CK");
    expect(action).toContain("unlikely");
    expect(action).toContain("Wed 3 Feb 2027");
  });

  it("the feasibility chain counts FSMB's processing before a Step not started (as for Step 3)", () => {
    const result = sana("2027-02-05T05:00:00Z");
    const risk = result.risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk?.message).toContain("FSMB's scheduling permit and a test date within about 21 days");
    expect(risk?.sources?.join(" ")).toContain("FSMB");
  });
});
