import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// A 2027 applicant in Manila with Steps 1 and 2 CK, ERAS and NRMP done and the Pathway not
// submitted, the morning after its projected deadline (Sat 26 Dec 2026, 6:00 PM ET): the plan keeps
// the Match only on NRMP's later candidate, whose last OET sitting day is Tue 12 Jan 2027. With the
// OET booked for Wed 13 Jan, a day after it, the row said Tue 12 Jan, the critical "sit OET Medicine
// by Tue 12 Jan" with no word of the booking, and the cards called Tue 5 Jan "the last sitting".

function applicant(oet: ReturnType<typeof milestoneFactory>) {
  return inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "Asia/Manila",
      visa: "J-1",
      graduation: "2024-05-20",
    }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "oet_medicine" && key !== "ecfmg_pathway"),
        "2026-09-20",
      ),
      oet,
      milestoneFactory("ecfmg_pathway", "not_started"),
    ],
  });
}

const card = (plan: Plan, key: string) => plan.nextSteps.find((step) => step.milestone === key)?.action ?? "";
const critical = (plan: Plan) =>
  plan.risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY")?.message ?? "";

describe("the OET booked for Wed 13 Jan 2027, past the projected Pathway deadline", () => {
  const plan = () =>
    planFor(
      applicant(milestoneFactory("oet_medicine", "scheduled", "2027-01-13")),
      "2026-12-27T08:00:00+08:00",
    );

  it("the critical says the booking is too late and to move it to Tue 12 Jan or earlier", () => {
    expect(critical(plan())).toContain(
      "move your OET Medicine sitting of Wed 13 Jan 2027, too late as booked, to Tue 12 Jan 2027 at the latest",
    );
  });

  it("the OET's and the Pathway's cards name one last sitting day, Tue 12 Jan 2027", () => {
    const each = plan();
    for (const key of ["oet_medicine", "ecfmg_pathway"]) {
      const words = card(each, key);
      expect(words).toContain("Your OET sitting is on Wed 13 Jan 2027, after Tue 12 Jan 2027");
      expect(words).not.toContain("Tue 5 Jan 2027");
    }
    const step = each.nextSteps.find((step) => step.milestone === "oet_medicine");
    expect(step?.deadline?.local).toBe("Tue 12 Jan 2027");
  });
});

describe("the OET not started, past the projected Pathway deadline, once Tue 12 Jan 2027 has passed", () => {
  it("the write-off names the last sitting day she was given, Tue 12 Jan 2027, not Tue 5 Jan", () => {
    const plan = planFor(
      applicant(milestoneFactory("oet_medicine", "not_started")),
      "2027-01-13T08:00:00+08:00",
    );
    const writeOff = plan.risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE")?.message ?? "";
    expect(writeOff).toContain(
      "the last day to sit OET Medicine for the 2027 Match, Tue 12 Jan 2027 (our advice), has passed",
    );
    expect(writeOff).not.toContain("Tue 5 Jan 2027");
    expect(writeOff).not.toContain("on either date: Tue");
  });
});
