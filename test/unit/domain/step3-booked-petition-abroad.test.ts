import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An H-1B applicant who booked a US seat for Step 3 after its last day for ranking, before the rank
 * order list deadline: the booking is the plan's evidence of the trip, so abroad the sitting is held
 * to the petition's day (Fri 19 Mar 2027 for the 2027 Match) exactly as in the US, never to a
 * passed ranking day a week out. Rosa (Lagos) and her twin in Phoenix, certified, registered.
 */
function rosa(timezone: string, date: string): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "booked-petition-abroad",
      timezone,
      matchYear: 2027,
      graduation: "2024-05-31",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-10-01"),
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "scheduled", date),
    ],
  });
}
const at = (timezone: string, date: string): Plan =>
  plan(rosa(timezone, date), seasonCalendar(2027), new Date("2027-01-25T12:00:00Z"));
const card = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");
const risk = (result: Plan) =>
  result.risks.find((candidate) => candidate.code === "STEP3_NEEDED_FOR_H1B")?.message ?? "";

describe.each(["Africa/Lagos", "America/Phoenix"])("Step 3 booked too late for ranking, in %s", (zone) => {
  it("a sitting that meets the petition's day: dated for it, keep it, J-1 programs too", () => {
    const result = at(zone, "2027-03-08");
    const step = card(result);
    expect(step?.deadline?.day).toBe("2027-03-19");
    expect(step?.action).toContain("Your exam is on Mon 8 Mar 2027, before Fri 19 Mar 2027 (our advice)");
    expect(step?.action).not.toContain("Move it earlier");
    expect(risk(result)).toContain("your sitting meets its day, Fri 19 Mar 2027 (our advice): keep it");
    expect(risk(result)).toContain("Rank programs that offer a J-1 too");
  });

  it("a sitting after the petition's day: move it to that day at the latest", () => {
    const result = at(zone, "2027-04-05");
    expect(card(result)?.deadline?.day).toBe("2027-03-19");
    expect(risk(result)).toContain("move your sitting to Fri 19 Mar 2027 (our advice) at the latest");
  });
});
