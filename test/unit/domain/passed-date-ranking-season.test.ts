import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey, MilestoneStatus } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Once ranking has opened (Fri 15 Jan 2027,
 * projected), SCHEDULED_DATE_PASSED names the rank order list deadline, not "Programs have been
 * reviewing applications … since" the review date: in ranking season the point is the deadline.
 * Before ranking opens the review words stay.
 */
const calendar = seasonCalendar(2027);

function applicant(timezone: string, key: MilestoneKey, status: MilestoneStatus, day: string): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2025-06-30" }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((k) => k !== key),
        "2026-09-12",
      ),
      milestoneFactory(key, status, day),
    ],
  });
}

const passedRisk = (result: Plan) => result.risks.find((risk) => risk.code === "SCHEDULED_DATE_PASSED");

describe("SCHEDULED_DATE_PASSED in ranking season names the rank order list deadline", () => {
  // Rafael: São Paulo, J-1, Step 2 CK booked Sat 2 Jan 2027, seen Thu 18 Feb with nothing reported.
  it("a sat exam: the result must reach ECFMG and NRMP by the deadline", () => {
    const saoPaulo = plan(
      applicant("America/Sao_Paulo", "usmle_step2ck", "scheduled", "2027-01-02"),
      calendar,
      new Date("2027-02-18T12:00:00Z"),
    );
    const risk = passedRisk(saoPaulo);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain(
      "your result must reach ECFMG and NRMP by the rank order list deadline, Wed 24 Feb 2027 (projected)",
    );
    expect(risk?.message).not.toContain("Programs have been reviewing");
  });

  // Lina: Amman, Pathway sent Mon 21 Dec 2026, no answer recorded, seen Sat 20 Feb.
  it("a Pathway under review: NRMP needs ECFMG's acceptance by the deadline", () => {
    const amman = plan(
      applicant("Asia/Amman", "ecfmg_pathway", "in_progress", "2026-12-21"),
      calendar,
      new Date("2027-02-20T08:00:00Z"),
    );
    const risk = passedRisk(amman);
    expect(risk?.message).toContain(
      "NRMP needs ECFMG's acceptance of your Pathway by the rank order list deadline, Wed 24 Feb 2027 (projected)",
    );
    expect(risk?.message).not.toContain("Programs have been reviewing");
  });

  it("before ranking opens, the review words stay", () => {
    const early = plan(
      applicant("America/Sao_Paulo", "usmle_step2ck", "scheduled", "2026-12-01"),
      calendar,
      new Date("2027-01-10T12:00:00Z"),
    );
    expect(passedRisk(early)?.message).toContain(
      "Programs have been reviewing applications for the 2027 Match",
    );
  });
});
