import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { VISITOR_VISA_WAIT_DAYS } from "#domain/planner/advice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * An H-1B hopeful for the 2028 Match in Karachi (Step 1 done) heard nothing
 * before a Step 2 CK start-by on 27 Apr 2027, although the plan's own STEP3_NEEDED_FOR_H1B says
 * Step 3 needs the certificate and a 60-day visitor-visa wait. Ruling (part built): abroad without
 * Step 3, Step 3's chain starts with the visitor visa, asked for now: "apply for a B-1/B-2 visa now:
 * Step 3 is offered only in the US and this plan allows 60 days for the interview" (the plan's
 * advice figure; no fee: the fact sheet has none for a B visa).
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-routes/", import.meta.url));
const KARACHI: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(`${DIR}h1b-hopeful-2028-step1-done-karachi.json`, "utf8")),
);
const NOW = "2026-12-04T11:00:00+05:00";
const planOf = (snapshot: ApplicantSnapshot): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(NOW));
const visaNotices = (result: Plan) =>
  result.reminders.filter(
    (reminder) => reminder.risk === "STEP3_NEEDED_FOR_H1B" && reminder.rung === "warning-notice",
  );
const withApplicant = (changes: Partial<ApplicantSnapshot["applicant"]>): ApplicantSnapshot => ({
  ...KARACHI,
  applicant: { ...KARACHI.applicant, ...changes },
});

describe("the visitor visa leads Step 3's chain for an H-1B applicant abroad", () => {
  it("is asked for now, the plan's first email, with the plan's 60-day allowance", () => {
    const result = planOf(KARACHI);
    const notices = visaNotices(result);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.title).toBe(
      `Apply for a B-1/B-2 visitor visa now, unless you hold a valid one, and check your consulate's current interview wait: Step 3 is offered only in the US; the ${VISITOR_VISA_WAIT_DAYS} days this plan allows for the interview are our advice, and many consulates' waits are longer`,
    );
    // In the first delivery, the next 09:00: a warning's notice is a catch-up, at once only as a
    // late arrival (it went at 11 AM, at once, before).
    expect(notices[0]?.sendAtLocal).toBe("2026-12-05T09:00:00.000+05:00");
    const first = [...result.reminders].sort((a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt))[0];
    expect(first?.id).toBe(notices[0]?.id);
    // Riding on an early step the applicant can act on, never the blocked Step 3.
    expect(result.blocked.map((step) => step.milestone)).not.toContain(notices[0]?.milestone);
    // The same id a week later: the ledger sends it once.
    const later = plan(KARACHI, seasonCalendar(2028), new Date("2026-12-11T11:00:00+05:00"));
    expect(visaNotices(later).map((each) => each.id)).toEqual(notices.map((each) => each.id));
  });

  it("is not sent in a US zone, nor on the J-1 track", () => {
    expect(visaNotices(planOf(withApplicant({ timezone: "America/Chicago" })))).toEqual([]);
    expect(visaNotices(planOf(withApplicant({ visa: "J-1" })))).toEqual([]);
  });
});
