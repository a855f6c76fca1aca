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
 * An H-1B applicant abroad who applied to FSMB for Step 3 (under way, no test date) as the plan
 * advised, with the visitor visa beside it by Mon 11 Jan 2027: once that visa day has passed, the
 * snapshot cannot say whether the visa was applied for, so the petition's sit-by day (Fri 19 Mar
 * 2027) stays, with the visa as its condition; the step never waits behind "switch to J-1" for a
 * step the applicant has paid for. Tunde: Lagos, certified, registered.
 */
function tunde(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "under-way-visa-condition",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      graduation: "2024-05-31",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-10-01"),
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "in_progress"),
    ],
  });
}
const at = (iso: string): Plan => plan(tunde(), seasonCalendar(2027), new Date(iso));
const card = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");
const risk = (result: Plan) =>
  result.risks.find((candidate) => candidate.code === "STEP3_NEEDED_FOR_H1B")?.message ?? "";
const CONDITION =
  "To sit it by Fri 19 Mar 2027 you need a US visitor visa (B-1/B-2) in time: the day holds if you hold one, or applied for it by Mon 11 Jan 2027 as this plan advised and your consulate's interview date still lets you book your test date by Fri 12 Mar 2027";

describe("H-1B Step 3 abroad, FSMB applied to, the visitor visa's day passed", () => {
  it.each(["2027-01-20T08:00:00Z", "2027-02-10T08:00:00Z"])(
    "at %s: dated Fri 19 Mar 2027 with the visa as its condition, never blocked",
    (iso) => {
      const result = at(iso);
      expect(result.blocked.some((step) => step.milestone === "usmle_step3")).toBe(false);
      const step = card(result);
      expect(step?.deadline?.day).toBe("2027-03-19");
      expect(step?.action).toContain(CONDITION);
      expect(step?.action).toContain("rank programs that offer a J-1 too");
      // No chain counted from today: no FSMB application asked for again, no 60-day wait from now.
      expect(step?.action).not.toContain("apply to FSMB");
      expect(step?.action).not.toContain("This plan starts Step 3 60 days earlier");
      expect(risk(result)).toContain("sit Step 3 by Fri 19 Mar 2027 (our advice)");
      expect(risk(result)).toContain(CONDITION);
      expect(risk(result)).toContain("Rank programs that offer a J-1 too");
    },
  );
});
