import { expect } from "vitest";
import type { Plan, RiskCode } from "#domain/plan.ts";
import { CONSULAR_WAIT_DAYS } from "#domain/planner/advice.ts";
import type { Scenario } from "./finding-scenarios.ts";

/**
 * Scenario fixtures for the H-1B findings on issue #9 (own applicants, not the
 * reported files). FSMB's scheduling permit comes about 2 weeks after the application (official);
 * its "up to 12 weeks after you graduate" run from graduation, long past for these
 * applicants, so the certificate target and the feasibility of ranking on H-1B use the 2 weeks.
 */
const riskOf = (result: Plan, code: RiskCode) => result.risks.find((risk) => risk.code === code);
const DAY = 86_400_000;

/**
 * The certificate target is Step 3's sit-by date less 14 days (FSMB), 7 days (booking) and,
 * for these applicants abroad (Karachi), the visitor-visa allowance for the trip.
 */
function expectCertificateTargetFromFsmbLead(result: Plan): void {
  const certificate = result.nextSteps.find((step) => step.milestone === "ecfmg_certification");
  const step3 = result.blocked.find((step) => step.milestone === "usmle_step3");
  expect(certificate?.target?.source).toContain("about 14 days of FSMB processing");
  const gap = Date.parse(step3?.deadline?.at ?? "") - Date.parse(certificate?.target?.at ?? "");
  expect(certificate?.target?.source).toContain("visitor visa (B-1/B-2) interview");
  // The visa allowance with FSMB's processing beside it and a week to a seat (67 days), give or take the hours between 9:00 PM ET and the applicant's
  // midnight (Step 3's deadline is its last sitting day, a local day) and a clock change, and the
  // days a target counted onto a weekend moves back to the Friday (ECFMG works no weekend).
  const moved = certificate?.target?.source.includes("moved to the Friday before") === true ? 2 * DAY : 0;
  expect(gap - (7 + CONSULAR_WAIT_DAYS) * DAY).toBeGreaterThanOrEqual(-12 * 3_600_000);
  expect(gap - (7 + CONSULAR_WAIT_DAYS) * DAY).toBeLessThanOrEqual(moved + 12 * 3_600_000);
}

export const VISA_FINDING_SCENARIOS: Scenario[] = [
  {
    // Karachi, everything to ERAS and NRMP done, certificate pending, on 30 Nov 2026. The
    // certificate, 60 days for a visitor visa with FSMB's 2 weeks beside it, a US test date and four
    // weeks for the result end around 5 Mar 2027, after the rank-list deadline: H-1B ranking is most
    // likely out of reach.
    name: "h1b-karachi-certificate-pending-2027",
    now: "2026-11-30T12:00:00Z",
    assess(result) {
      const risk = riskOf(result, "STEP3_NEEDED_FOR_H1B");
      expect(risk?.severity).toBe("critical");
      expect(risk?.message).toContain("Ranking on H-1B for the 2027 Match is most likely out of reach");
      expect(risk?.message).toContain("about 14 days of FSMB processing");
      // Only a visitor visa already held leaves time: J-1 too, either way.
      expect(risk?.message).toContain("If you already hold a B-1/B-2 visa, there is still time");
      expect(risk?.message).toContain("Rank programs that offer a J-1 too, either way");
      expect(risk?.message).toContain("around Fri 5 Mar 2027 at the earliest");
      expect(risk?.message).toContain("Statement of Need");
      expect(risk?.message).toContain("$370");
      // The trip's visa once: the visitor-visa allowance in the chain.
      expect(risk?.message).toContain("offered only in the US");
      expect(risk?.message).toContain("visitor visa (B-1/B-2) interview");
      // No date to sit Step 3 that the same message shows cannot be met.
      expect(risk?.message).not.toContain("sit it by");
      expectCertificateTargetFromFsmbLead(result);
      const proclamation = riskOf(result, "H1B_PROCLAMATION_FEE");
      expect(proclamation?.severity).toBe("warning");
      expect(proclamation?.message).toContain("Asia/Karachi");
      expect(proclamation?.message).toContain("$100,000");
      expect(proclamation?.sources?.join(" ")).toContain("https://mccownevans.com/");
      expect(proclamation?.message).toContain("flagged, verify");
    },
  },
  {
    // The same track in June: H-1B is still within reach; the certificate is needed by Fri 20 Nov
    // 2026 (60 days for a visitor visa beside FSMB's 2 weeks, and a week to book before Step 3's
    // sit-by date count to Sat 21 Nov, and ECFMG works no weekend; 6 Jan 2027 with a visitor visa in hand)
    // with reminders before then, and the message gives the same date as the target.
    name: "h1b-certificate-pending-june-2027",
    now: "2026-06-01T06:00:00Z",
    assess(result) {
      const risk = riskOf(result, "STEP3_NEEDED_FOR_H1B");
      expect(risk?.severity).toBe("warning");
      expect(risk?.message).toContain("sit it by Wed 27 Jan 2027");
      expect(risk?.message).toContain("it is needed by Fri 20 Nov 2026");
      expect(risk?.message).toContain("Wed 6 Jan 2027 is the latest only if you already hold a visitor visa");
      expect(risk?.message).toContain("about 14 days of FSMB processing");
      expectCertificateTargetFromFsmbLead(result);
      const certificate = result.nextSteps.find((step) => step.milestone === "ecfmg_certification");
      expect(certificate?.target?.et).toBe("Fri 20 Nov 2026");
      const sends = result.reminders
        .filter((reminder) => reminder.milestone === "ecfmg_certification")
        .map((reminder) => reminder.sendAt);
      expect(sends.filter((at) => at < "2026-11-08").length).toBeGreaterThanOrEqual(3);
      expect(riskOf(result, "H1B_PROCLAMATION_FEE")).toBeDefined();
    },
  },
  {
    // An H-1B applicant whose zone is in the US, route not yet settled: the payment is reported to
    // apply to a petition asking for consular notification wherever the applicant is, and not to a
    // change of status approved in the US, so the risk (in its in-US words) and its $100,000 row to
    // verify stay until the stamping is waived (the row follows the risk's rule).
    name: "h1b-living-in-chicago-2027",
    now: "2026-06-01T06:00:00Z",
    assess(result) {
      expect(riskOf(result, "H1B_PROCLAMATION_FEE")?.message).toContain(
        "In the US, the payment is reported to apply",
      );
      expect(riskOf(result, "STEP3_NEEDED_FOR_H1B")?.severity).toBe("warning");
      expect(result.budget.toVerify?.map((item) => item.key)).toContain("h1b_proclamation_100k");
    },
  },
];
