import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { groupIntoEmails } from "#domain/weekly-summary.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { failedStep2ckInput } from "../domain/factories.ts";

/**
 * Bilal, Lahore (UTC+5), 2027 Match, everything to NRMP registration done but Step 2 CK, which he sat
 * on 3 Jan 2027 and failed with 207. On 10 Jan his projected last sitting day (Wed 27 Jan) is out of
 * reach (a permit and a seat take about 21 days); on NRMP's later candidate it is Wed 3 Feb, and the
 * step and SCORE_BELOW_PASSING say so. The risk's notice, folded into the email beside the last day's,
 * gives that day too, and says on what it holds; it never names the day the risk calls out of reach.
 */
function bilal(now: string): Plan {
  const input = failedStep2ckInput({
    externalId: "retake-lhe",
    timezone: "Asia/Karachi",
    sat: "2027-01-03",
    score: 207,
    programsPlanned: 60,
  });
  return plan(input, seasonCalendar(2027), new Date(now));
}

function scoreNotice(result: Plan) {
  return result.reminders.find((each) => each.risk === "SCORE_BELOW_PASSING");
}

describe("a failed score's notice on NRMP's later candidate gives the day the risk says holds", () => {
  const result = bilal("2027-01-10T06:00:00Z");

  it("is due the step's own day, Wed 3 Feb 2027, not the projected Wed 27 Jan", () => {
    const step = result.nextSteps.find((one) => one.milestone === "usmle_step2ck");
    expect(step?.deadline?.local).toBe("Wed 3 Feb 2027");
    const notice = scoreNotice(result);
    expect(notice?.deadline).toBe(step?.dueBy);
    expect(notice?.deadlineDetail.local).toBe("Wed 3 Feb 2027");
  });

  it("its title says the retake counts only if NRMP's deadline is later, as the risk does", () => {
    expect(result.risks.find((one) => one.code === "SCORE_BELOW_PASSING")?.message).toContain(
      "it is Wed 3 Feb 2027 (our advice) if NRMP's 2027 deadline is the later candidate",
    );
    expect(scoreNotice(result)?.title).toBe(
      "Your exam score is below the passing score: correct it, or reapply now for a retake that counts only if NRMP's deadline is later than projected",
    );
  });

  it("the email says 'sit it by Wed 3 Feb 2027' on its date line, never the day out of reach", () => {
    const first = groupIntoEmails(result.reminders)[0] ?? [];
    const email = renderReminderEmail({
      recipientName: "Bilal Ahmed",
      reminders: first,
      plan: result,
      unsubscribeUrl: "https://api.example.org/u",
      timezone: "Asia/Karachi",
    });
    expect(email.text).toContain("later than projected");
    expect(email.text).toMatch(/^ {3}Act by: Thu 14 Jan 2027, .*; sit it by Wed 3 Feb 2027 \(our advice\)$/m);
    expect(email.text).not.toMatch(/sit it by:? Wed 27 Jan 2027/i);
  });

  it("while the projected day is in reach, the notice keeps it and its own title", () => {
    const early = bilal("2027-01-04T06:00:00Z");
    expect(scoreNotice(early)?.deadlineDetail.local).toBe("Wed 27 Jan 2027");
    expect(scoreNotice(early)?.title).toBe(
      "Your exam score is below the passing score: correct it, or plan your retake now",
    );
  });
});
