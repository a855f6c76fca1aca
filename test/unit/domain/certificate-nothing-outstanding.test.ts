import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListInLagos, milestoneFactory } from "./factories.ts";

/**
 * Every exam and the Pathway done, graduated in 2025, the certificate not marked
 * done. CERTIFICATION_AFTER_START said the certificate "can complete around" the plan's own `now`
 * ("28 days for each outstanding result" with none outstanding), a date that slid a day each day,
 * and from residency's start it called the certificate late for a Match that is over.
 */
const input = certifiedListInLagos("abuja-certificate");
const planAt = (now: string, milestones = input.milestones): Plan =>
  plan({ ...input, milestones }, seasonCalendar(2027), new Date(now));
const certificateRisk = (result: Plan) =>
  result.risks.find((each) => each.code === "CERTIFICATION_AFTER_START");

describe("the certificate with nothing outstanding", () => {
  it.each(["2027-07-01T09:00:00Z", "2027-09-01T09:00:00Z"])(
    "at %s, the Match over, no certificate date tracks now and the certificate is not overdue",
    (now) => {
      const result = planAt(now);
      for (const risk of result.risks) expect(risk.message).not.toContain("can complete around");
      expect(result.overdue.map((each) => each.milestone)).not.toContain("ecfmg_certification");
    },
  );

  it("before residency starts, asks whether ECFMG issued it, in words that do not slide with now", () => {
    const matched = [...input.milestones, milestoneFactory("match_day", "done", "2027-03-19")];
    const risks = ["2027-06-20T09:00:00Z", "2027-06-25T09:00:00Z"].map((now) =>
      certificateRisk(planAt(now, matched)),
    );
    expect(risks[0]?.severity).toBe("critical");
    expect(risks[0]?.message).toContain("mark ECFMG certification done");
    expect(risks[0]?.message).not.toContain("can complete around");
    expect(risks[0]?.message).not.toContain("outstanding result");
    expect(risks[1]?.message).toBe(risks[0]?.message);
  });

  it("with the diploma still in its verification allowance, keeps the earliest date it can complete", () => {
    const recent = { ...input.applicant, graduation: "2027-05-31" };
    const matched = [...input.milestones, milestoneFactory("match_day", "done", "2027-03-19")];
    const risks = ["2027-06-10T09:00:00Z", "2027-06-12T09:00:00Z"].map((now) =>
      certificateRisk(
        plan({ ...input, applicant: recent, milestones: matched }, seasonCalendar(2027), new Date(now)),
      ),
    );
    expect(risks[0]?.message).toContain("can complete around");
    expect(risks[1]?.message).toBe(risks[0]?.message);
  });
});
