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

  // Graduated on 31 May with no visa to get: the certificate's own risk names its earliest day. On a
  // J-1 the visa chain's critical risk names it instead (the start is out of reach): the same day.
  it.each([
    ["none", "CERTIFICATION_AFTER_START", "can complete around"],
    ["J-1", "VISA_NOT_READY_FOR_START", "can come around"],
  ] as const)(
    "with the diploma still in its verification allowance, visa %s, keeps the earliest date it can complete",
    (visa, code, words) => {
      const recent = { ...input.applicant, graduation: "2027-05-31", visa };
      const matched = [...input.milestones, milestoneFactory("match_day", "done", "2027-03-19")];
      const risks = ["2027-06-10T09:00:00Z", "2027-06-12T09:00:00Z"].map((now) =>
        plan(
          { ...input, applicant: recent, milestones: matched },
          seasonCalendar(2027),
          new Date(now),
        ).risks.find((each) => each.code === code),
      );
      expect(risks[0]?.message).toContain(words);
      expect(risks[1]?.message).toBe(risks[0]?.message);
    },
  );
});
