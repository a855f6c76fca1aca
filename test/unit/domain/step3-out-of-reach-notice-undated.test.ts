import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG, isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant who certified a list in February, never started Step 3, and has not told us how
 * Match Day went. By this plan's allowances Step 3 cannot be sat by Fri 19 Mar 2027 (our advice),
 * the day the H-1B petition needs, so Step 3's card has no date: it and the visa risk name that day
 * only as out of reach, and the plan gives the days once the program is known. The critical notice
 * riding on Step 3's card is then a notice with no date too: it read "Due Fri 19 Mar 2027, 6:00 AM
 * HST *" (Match Day's release, projected) before Match Day and "Overdue since Fri 2 Apr 2027 †" (the
 * contract's date) in April, beside a card whose only day is the sit-by day. Match Day's own step
 * keeps its date and its overdue row. Honolulu, Manila, Lagos and New York: in the US and abroad.
 */
const calendar = seasonCalendar(2027);

function rankedWithoutStep3(timezone: string): PlannerInput {
  const input = matched2027(timezone, {
    visa: "H-1B",
    matchDay: false,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-10-01"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });
  // No Match Week or SOAP answer either: whether they matched is unknown.
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
}

const links = (now: Date) =>
  applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_step3",
    feedGeneration: 0,
    now,
  });

const step3Notices = (result: Plan) =>
  result.reminders.filter((each) => each.milestone === "usmle_step3" && each.rung === CRITICAL_RISK_RUNG);

describe.each(["Pacific/Honolulu", "Asia/Manila", "Africa/Lagos", "America/New_York"])(
  "H-1B in %s, ranked, Step 3 not started, Match Day not told",
  (timezone) => {
    describe.each([
      ["four days before Match Day", "2027-03-15T12:00:00-04:00"],
      ["the day after Match Day", "2027-03-20T12:00:00-04:00"],
      ["two weeks after the Match answer was due", "2027-04-15T12:00:00-04:00"],
    ])("%s", (_, instant) => {
      const now = new Date(instant);
      const result = plan(rankedWithoutStep3(timezone), calendar, now);
      const card = result.nextSteps.find((each) => each.milestone === "usmle_step3");
      const notices = step3Notices(result);

      it("Step 3's card has no date and names the sit-by day only as out of reach", () => {
        expect(card?.deadline).toBeUndefined();
        expect(card?.dueBy).toBeNull();
        expect(card?.action).toContain("Fri 19 Mar 2027 (our advice)");
        expect(result.overdue.map((each) => each.milestone)).not.toContain("usmle_step3");
      });

      it("the visa risk names that day as the card does, with its basis (our advice)", () => {
        const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
        expect(risk?.message).toContain("Fri 19 Mar 2027 (our advice)");
      });

      it("the critical notice on that card is a notice with no date, never Match Day's or the contract's", () => {
        expect(notices.length).toBeGreaterThan(0);
        for (const notice of notices) {
          expect(isUndatedNotice(notice)).toBe(true);
          expect(notice.overdueSince).toBeUndefined();
          expect(notice.stepDate).toBeUndefined();
        }
      });

      it("its email names no due or overdue date, only the card's sit-by day", () => {
        const email = renderReminderEmail({
          recipientName: "Applicant",
          reminders: notices,
          plan: result,
          links: links(now),
          unsubscribeUrl: "https://api.example.org/u",
        });
        const item = email.text.slice(email.text.indexOf("1. "), email.text.indexOf("Why it matters"));
        for (const text of [email.subject, item]) {
          expect(text).not.toMatch(/\bdue\b|overdue since/i);
          expect(text).not.toContain("Fri 2 Apr 2027");
          expect(text).not.toMatch(/Fri 19 Mar 2027, \d/);
        }
      });
    });
  },
);
