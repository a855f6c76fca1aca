import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * A matched H-1B applicant, Step 3 passed in January and the contract signed, who tells us the H-1B
 * petition is in progress: the program has filed it. The plan's petition date (Fri 16 Apr 2027, our
 * advice) is the day to file, so a filed petition is not "overdue since" it: what finishes the step
 * is USCIS's approval, expected within 15 business days with premium processing (around Fri 7 May
 * 2027, the day the visa risk names). Until then the petition waits on USCIS: no overdue entry, no
 * late warning, and the card says what finishes it; past that day, with no approval reported, it is
 * behind by the approval's day. Arjun lives in Karachi, Leilani in Honolulu (in the US).
 */
const calendar = seasonCalendar(2027);

function applicant(timezone: string) {
  const input = matched2027(timezone, {
    visa: "H-1B",
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "done", "2027-01-20"),
      milestoneFactory("contract", "done", "2027-03-26"),
      milestoneFactory("visa_h1b", "in_progress"),
    ],
  });
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
}

const petitionRow = (result: Plan) => result.nextSteps.find((step) => step.milestone === "visa_h1b");
const codes = (result: Plan) => result.risks.map((risk) => risk.code);

describe.each([
  ["Karachi", "Asia/Karachi"],
  ["Honolulu", "Pacific/Honolulu"],
])("The H-1B petition filed (in progress), in %s", (_, timezone) => {
  it.each(["2027-04-17T04:00:00Z", "2027-04-30T04:00:00Z"])(
    "at %s, past the filing day, within the approval's expected time: not overdue, due by the approval",
    (now) => {
      const result = plan(applicant(timezone), calendar, new Date(now));
      expect(result.overdue.map((step) => step.milestone)).not.toContain("visa_h1b");
      expect(codes(result)).not.toContain("VISA_STEP_LATE");
      expect(codes(result)).not.toContain("VISA_NOT_READY_FOR_START");
      const row = petitionRow(result);
      expect(row?.urgency).not.toBe("overdue");
      expect(row?.deadline?.local).toContain("Fri 7 May 2027");
      const action = row?.action ?? "";
      expect(action).toContain("Your program has filed your H-1B petition");
      expect(action).toContain("USCIS's approval");
      expect(action).toContain("expects the approval by Fri 7 May 2027 (our advice)");
      expect(action).not.toContain("files the H-1B petition");
      for (const reminder of result.reminders.filter((r) => r.milestone === "visa_h1b"))
        expect(reminder.deadlineDetail.local).not.toContain("16 Apr");
    },
  );

  it("past the approval's expected day with no approval reported: behind since that day, not the filing day", () => {
    const result = plan(applicant(timezone), calendar, new Date("2027-05-12T04:00:00Z"));
    // Our allowance for USCIS passed while the stamping's own date holds: behind our plan, not overdue.
    expect(result.overdue.map((step) => step.milestone)).not.toContain("visa_h1b");
    const row = result.nextSteps.find((step) => step.milestone === "visa_h1b");
    expect(row?.behindPlan).toBe(true);
    expect(row?.deadline?.local).toContain("Fri 7 May 2027");
    const late = result.risks.find((risk) => risk.code === "VISA_STEP_LATE");
    expect(late?.message).toContain(
      "This plan's day for your H-1B petition's approval, Fri 7 May 2027 (our advice), has passed",
    );
    expect(late?.message).not.toContain("counted back from the visa");
  });
});
