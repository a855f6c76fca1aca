import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant who failed Step 3 in December (score 190) and certified a rank list, planned
 * once a retake can no longer meet the H-1B petition's sit-by day (Fri 19 Mar 2027, our advice).
 * The score and the visa risk are both critical and both about Step 3: they go out as one notice,
 * and its title asks what the visa risk asks (correct the score if you passed, ask the program
 * before paying for a retake), never "plan your retake now" beside "pay for no retake".
 * Rosa lives in Chicago, Ikaika in Honolulu, Mei in Manila.
 */
const calendar = seasonCalendar(2027);

function failedStep3(timezone: string) {
  const input = certifiedListWith(timezone, milestoneFactory("ecfmg_certification", "done", "2026-10-01"), {
    ...milestoneFactory("usmle_step3", "done", "2026-12-01"),
    score: 190,
  });
  return { ...input, applicant: { ...input.applicant, visa: "H-1B" as const } };
}

describe.each([
  ["Chicago", "America/Chicago"],
  ["Honolulu", "Pacific/Honolulu"],
  ["Manila", "Asia/Manila"],
])("a failed Step 3 whose retake cannot meet the petition's day, in %s", (_, timezone) => {
  it.each(["2027-02-27T20:00:00Z", "2027-03-10T20:00:00Z"])(
    "at %s: one notice on Step 3 for both risks, titled as the visa risk asks",
    (now) => {
      const result = plan(failedStep3(timezone), calendar, new Date(now));
      const codes = result.risks.filter((risk) => risk.severity === "critical").map((risk) => risk.code);
      expect(codes).toContain("SCORE_BELOW_PASSING");
      expect(codes).toContain("VISA_NOT_READY_FOR_START");
      const score = result.risks.find((risk) => risk.code === "SCORE_BELOW_PASSING");
      expect(score?.message).toContain("pay for no retake before you have asked the program");
      const notices = result.reminders.filter(
        (r) => r.milestone === "usmle_step3" && r.rung === "critical-risk",
      );
      const sendDays = new Set(notices.map((r) => r.sendAt));
      expect(sendDays.size).toBe(1);
      for (const notice of notices) {
        expect(notice.onWaitingStep).toBe(true); // the card has no date, nor has its notice
        expect(notice.title).not.toContain("plan your retake now");
      }
      expect(notices.find((r) => r.risk === "SCORE_BELOW_PASSING")?.title).toBe(
        "Your Step 3 score is below the passing score: correct it if you passed, and ask the program before you pay for a retake",
      );
    },
  );
});
