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

// A graduate in Manila registered for the 2027 Match on an H-1B, the Pathway done on 25 Nov 2026,
// the ECFMG certificate expected any day. Step 3 waits for the certificate, but the B-1/B-2
// visitor visa for its trip does not, and the 60 days this plan allows for the visa's interview
// (advice) are the longest part of the road to a US test date. The plan named that wait in its
// chain and never said to apply for the visa now; the budget held its fee "once you hold your ECFMG
// certificate". An advisor says: apply for the visitor visa now. A hopeful whose certificate is a
// year away is not asked (h1b-visitor-visa-ask.test.ts).

const calendar = seasonCalendar(2027);
const ASK = "Apply for the US visitor visa (B-1/B-2) for Step 3's trip now";

function pending(pathwayDone: string) {
  const milestones: MilestoneEntry[] = [
    ...doneMilestones(
      REGISTERED_KEYS.filter((key) => key !== "ecfmg_pathway"),
      "2025-06-20",
    ),
    milestoneFactory("ecfmg_pathway", "done", pathwayDone),
    milestoneFactory("usmle_step3", "not_started"),
  ];
  return inputFactory({
    applicant: applicantFactory({
      timezone: "Asia/Manila",
      matchYear: 2027,
      visa: "H-1B",
      graduation: "2024-06-15",
    }),
    milestones,
  });
}

describe("an H-1B applicant abroad whose ECFMG certificate is expected soon: the visitor visa is asked for now", () => {
  it("out of reach of ranking (certificate expected in December): the risk, the certificate's card and the budget agree", () => {
    const result = plan(pending("2026-11-25"), calendar, new Date("2026-12-07T05:00:00Z"));
    const risk = result.risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain(ASK);
    const card = result.nextSteps.find((step) => step.milestone === "ecfmg_certification");
    expect(card?.action).toContain(ASK);
    // Its fee is to pay now, counted, not held until the certificate.
    const fee = result.budget.items.find((item) => item.key === "visitor_visa_mrv");
    expect(fee?.status).toBe("upcoming");
    expect((result.budget.toVerify ?? []).some((item) => item.key === "visitor_visa_mrv")).toBe(false);
    // Step 3's own fee still waits for the certificate.
    expect((result.budget.toVerify ?? []).find((item) => item.key === "usmle_step3_exam")?.verify).toContain(
      "Once you hold your ECFMG certificate",
    );
  });

  it("in reach of ranking (certificate expected in September): the warning asks too, and a notice on the certificate's card", () => {
    const result = plan(pending("2026-09-01"), calendar, new Date("2026-09-20T05:00:00Z"));
    const risk = result.risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B");
    expect(risk?.severity).toBe("warning");
    expect(risk?.message).toContain(ASK);
    const notice = result.reminders.find(
      (each) => each.rung === "warning-notice" && each.risk === "STEP3_NEEDED_FOR_H1B",
    );
    expect(notice?.milestone).toBe("ecfmg_certification");
    expect(notice?.title).toContain("Apply for a B-1/B-2 visitor visa now");
  });
});
