import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// A 2027 applicant with Steps 1 and 2 CK, ERAS and NRMP done and the Pathway not started, an hour
// after its projected application deadline (Sat 26 Dec 2026, 6:00 PM ET): the application is the one
// thing she can do today, whatever her OET's status. With the OET not started or booked, the plan
// read "submit your ECFMG Pathway application by" Wed 3 Feb 2027 (the later candidate's day) and its
// card "submit the application now", ECFMG's 31 Dec deadline of the 2024 Match unnamed, where the
// same applicant with the OET done read "submit today … do not wait for that day".

function applicant(timezone: string, oet: MilestoneEntry) {
  return inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone, visa: "J-1", graduation: "2024-05-20" }),
    milestones: [
      ...doneMilestones(
        [
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "usmle_step2ck",
          "usce",
          "lors",
          "personal_statement",
          "cv",
          "program_list",
          "eras_token",
          "eras_application",
          "nrmp_registration",
        ],
        "2026-09-20",
      ),
      oet,
      milestoneFactory("ecfmg_pathway", "not_started"),
    ],
  });
}

const OET_NOT_STARTED = milestoneFactory("oet_medicine", "not_started");
const OET_BOOKED = milestoneFactory("oet_medicine", "scheduled", "2027-01-09");
const OET_STATUSES: [string, MilestoneEntry][] = [
  ["not started", OET_NOT_STARTED],
  ["booked for Sat 9 Jan 2027", OET_BOOKED],
  ["done", milestoneFactory("oet_medicine", "done", "2026-09-20")],
];

// An hour past the deadline in each zone: Sun 27 Dec 7:00 AM in Manila, Sat 26 Dec 1:00 PM in Honolulu.
const ZONES: [string, string, string][] = [
  ["Asia/Manila", "2026-12-27T08:00:00+08:00", "Wed 3 Feb 2027, 10:00 AM GMT+8"],
  ["Pacific/Honolulu", "2026-12-26T14:00:00-10:00", "Tue 2 Feb 2027, 4:00 PM HST"],
];

const lastDay = (plan: Plan) => plan.risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY");
const pathwayStep = (plan: Plan) => plan.nextSteps.find((step) => step.milestone === "ecfmg_pathway");

describe.each(ZONES)("%s, an hour after the projected Pathway deadline", (timezone, now, kept) => {
  it.each(OET_STATUSES)(
    "OET %s: the critical says submit today, with ECFMG's deadlines on record",
    (_, oet) => {
      const plan = planFor(applicant(timezone, oet), now);
      const risk = lastDay(plan);
      expect(risk?.severity).toBe("critical");
      const message = risk?.message ?? "";
      expect(message).toContain("has passed");
      expect(message).toContain("it was 31 Dec, 6:00 PM ET for the 2024 Match");
      expect(message).toContain("submit today");
      expect(message).toContain(`Your plan keeps the 2027 Match only until ${kept}`);
      expect(message).toContain("ECFMG's own deadline may be earlier: do not wait for that day");
      expect(message).not.toContain("submit your ECFMG Pathway application by then");
      expect(message).not.toContain("would come too late");
      // Its countdown is the Pathway's, as with the OET done.
      expect(risk?.milestones).toEqual(["ecfmg_pathway"]);
      expect(
        plan.reminders.some((each) => each.milestone === "ecfmg_pathway" && each.rung === "critical-risk"),
      ).toBe(true);
    },
  );

  it.each(OET_STATUSES)(
    "OET %s: the Pathway's card says submit today, never wait for its row's day",
    (_, oet) => {
      const step = pathwayStep(planFor(applicant(timezone, oet), now));
      const action = step?.action ?? "";
      expect(action).toContain("submit the application today");
      expect(action).toContain(`only until ${kept}`);
      expect(action).toContain("do not wait for that day");
      expect(action).not.toContain("submit the application now");
    },
  );

  it("OET not started: the risk still names the sitting it needs, the application going first", () => {
    const message = lastDay(planFor(applicant(timezone, OET_NOT_STARTED), now))?.message ?? "";
    expect(message).toContain("Submit it without waiting for your OET result, which follows it");
    expect(message).toMatch(/late OET Medicine seat .* sit it by Tue 12 Jan 2027 at the latest/);
  });

  it("OET booked: the risk says to keep the sitting", () => {
    const message = lastDay(planFor(applicant(timezone, OET_BOOKED), now))?.message ?? "";
    expect(message).toContain("sit OET Medicine as booked on Sat 9 Jan 2027 and tell us the result");
  });
});

describe("before the projected Pathway deadline, with the OET not started", () => {
  it("the later candidate's risk still names the OET sitting and the Pathway's deadline", () => {
    const plan = planFor(applicant("Asia/Manila", OET_NOT_STARTED), "2026-12-17T09:00:00+08:00");
    const message = lastDay(plan)?.message ?? "";
    expect(message).not.toContain("has passed");
    expect(message).toContain("OET");
  });
});
