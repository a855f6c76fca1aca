import { describe, expect, it } from "vitest";
import { reminderDateLabel, reminderShownDate } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, examsDone, inputFactory } from "./factories.ts";

/**
 * An applicant in Lagos with every exam and the Pathway done but no ERAS token in December: the
 * token's card and the overdue list say it was due on its own day (a week before applications
 * open, our advice), and the critical email about the late ERAS application, which rides on the
 * token's card, must say that same day, not also "overdue since" the day programs began reviewing
 * (the risk's words name that day): one step, one date.
 */
const result: Plan = plan(
  inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: "Africa/Lagos", graduation: "2025-08-31" }),
    milestones: [
      ...doneMilestones(["wdoms_listing", "ecfmg_application", "usce"], "2026-09-15"),
      ...examsDone(),
    ],
  }),
  seasonCalendar(2027),
  new Date("2026-12-06T09:00:00Z"),
);

describe("a late ERAS application's critical email on the ERAS token's card says the token's own overdue day", () => {
  const card = result.nextSteps.find((step) => step.milestone === "eras_token");
  const overdue = result.overdue.find((step) => step.milestone === "eras_token");
  const notice = result.reminders.find(
    (each) => each.risk === "ERAS_LATE_SUBMISSION" && each.rung === CRITICAL_RISK_RUNG,
  );

  it("rides on the overdue token, whose card and overdue entry agree", () => {
    expect(card?.urgency).toBe("overdue");
    expect(overdue?.deadline.at).toBe(card?.deadline?.at);
    expect(notice?.milestone).toBe("eras_token");
  });

  it("says overdue since the token's own day, not the day programs began reviewing", () => {
    expect(notice && reminderDateLabel(notice).label).toBe("Overdue since");
    expect(notice && reminderShownDate(notice).at).toBe(card?.deadline?.at);
    const review = seasonCalendar(2027).dates.eras_programs_may_review_applications_and_mspe.at;
    expect(notice && Date.parse(reminderShownDate(notice).at)).not.toBe(review);
  });
});
