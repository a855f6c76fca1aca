import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// A graduate in Karachi on the H-1B track for the 2027 Match, everything done but USMLE Step 2 CK,
// booked for Mon 28 Dec 2026: the certificate waits only for that result, expected late January,
// inside the 60 days this plan allows for the visitor visa's interview (advice). Step 3 is offered
// only in the US and waits for the certificate; the visa does not. The plan called the H-1B start
// "likely out of reach, unless you already hold a B-1/B-2" and never asked for the visa, because the
// certificate's step was blocked by the pending exam. Applied for now, the visa comes around 5 Feb,
// FSMB's permit around 7 Feb, a seat mid-February: weeks before the petition's sit-by day (19 Mar).

const calendar = seasonCalendar(2027);
const ASK = "Apply for the US visitor visa (B-1/B-2) for Step 3's trip now";
const NOW = new Date("2026-12-07T07:00:00Z");

function step2Booked(step2: MilestoneEntry) {
  const milestones: MilestoneEntry[] = [
    ...doneMilestones(
      REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
      "2025-06-20",
    ),
    step2,
    milestoneFactory("ecfmg_certification", "not_started"),
    milestoneFactory("usmle_step3", "not_started"),
  ];
  return inputFactory({
    applicant: applicantFactory({
      timezone: "Asia/Karachi",
      matchYear: 2027,
      visa: "H-1B",
      graduation: "2024-06-30",
    }),
    milestones,
  });
}

describe("an H-1B applicant abroad whose certificate waits only on a booked exam's result", () => {
  it("is asked for the visitor visa now, and the start is not called out of reach", () => {
    const result = plan(
      step2Booked(milestoneFactory("usmle_step2ck", "scheduled", "2026-12-28")),
      calendar,
      NOW,
    );
    const step3 = result.risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B");
    expect(step3?.message).toContain(ASK);
    expect(result.risks.some((each) => each.code === "VISA_NOT_READY_FOR_START")).toBe(false);
  });

  it("counts the visa's fee it asks for now, and says the ask leans on the exam not sat yet", () => {
    const result = plan(
      step2Booked(milestoneFactory("usmle_step2ck", "scheduled", "2026-12-28")),
      calendar,
      NOW,
    );
    const fee = result.budget.items.find((item) => item.key === "visitor_visa_mrv");
    expect(fee?.status).toBe("upcoming");
    expect((result.budget.toVerify ?? []).some((item) => item.key === "visitor_visa_mrv")).toBe(false);
    const step3 = result.risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B");
    expect(step3?.message).toContain("USMLE Step 2 CK, booked for Mon 28 Dec 2026");
  });

  it("with the exam still to book, the certificate is months away: no visa fee pushed yet", () => {
    const result = plan(step2Booked(milestoneFactory("usmle_step2ck", "not_started")), calendar, NOW);
    const step3 = result.risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B");
    expect(step3?.message ?? "").not.toContain(ASK);
  });

  it("with the Pathway the certificate waits on, says ECFMG has yet to accept it, never an exam not sat", () => {
    const milestones: MilestoneEntry[] = [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "ecfmg_pathway"),
        "2025-06-20",
      ),
      milestoneFactory("ecfmg_pathway", "in_progress", "2026-12-15"),
      milestoneFactory("ecfmg_certification", "not_started"),
      milestoneFactory("usmle_step3", "not_started"),
    ];
    const input = step2Booked(milestoneFactory("usmle_step2ck", "done", "2025-06-20"));
    const result = plan({ ...input, milestones }, calendar, NOW);
    const words = [
      result.risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B")?.message ?? "",
      result.nextSteps.find((step) => step.milestone === "ecfmg_certification")?.action ?? "",
    ].filter((text) => text.includes(ASK));
    expect(words.length).toBeGreaterThan(0);
    for (const text of words) {
      expect(text).toContain("your ECFMG Pathway application, not yet accepted by ECFMG");
      expect(text).not.toContain("Complete an ECFMG Pathway");
      expect(text).not.toContain("not sat yet");
    }
  });
});
