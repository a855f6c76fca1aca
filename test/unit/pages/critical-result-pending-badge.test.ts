import { describe, expect, it } from "vitest";
import { stepStanding } from "#domain/console/overdue.ts";
import { stepDatesInline } from "#domain/date-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { badgeWords, stepBadge } from "#domain/step-badge.ts";
import { stepLine } from "#email/reminder-sections.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "#test/unit/domain/factories.ts";

/**
 * An hour before the 2027 rank order list deadline, a certified list hangs on a Step
 * 2 CK result never reported (sat 11 Jan 2027); SCHEDULED_DATE_PASSED is critical and the step's
 * urgency "urgent", yet every badge said "result pending". A step a critical risk is about shows
 * the urgent badge, and still says the result is pending: "urgent: result pending".
 */
const calendar = seasonCalendar(2027);
const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;

function planAt(timezone: string, now: number) {
  const input = inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2022-11-15", visa: "J-1" }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
        "2026-09-10",
      ),
      milestoneFactory("usmle_step2ck", "scheduled", "2027-01-11"),
      milestoneFactory("rank_order_list", "done", "2027-02-03"),
    ],
  });
  const result = plan(input, calendar, new Date(now));
  const step = result.nextSteps.find((each) => each.milestone === "usmle_step2ck");
  if (step === undefined) throw new Error("Step 2 CK is not a next step");
  return { result, step, timezone };
}

describe.each(["Asia/Manila", "Africa/Lagos", "America/New_York", "Pacific/Auckland"])(
  "an hour before the deadline, critical SCHEDULED_DATE_PASSED (%s)",
  (zone) => {
    const { result, step, timezone } = planAt(zone, rol - 3_600_000);

    it("the plan holds the critical risk about Step 2 CK and the step is urgent", () => {
      const risk = result.risks.find((each) => each.code === "SCHEDULED_DATE_PASSED");
      expect(risk?.severity).toBe("critical");
      expect(risk?.milestones).toContain("usmle_step2ck");
      expect(step.urgency).toBe("urgent");
    });

    it("badge, email line, console and timeline say urgent: result pending", () => {
      const badge = stepBadge(step, result.now, result.risks);
      expect(badgeWords(badge, step)).toBe("urgent: result pending");
      expect(stepDatesInline(step, Date.parse(result.now), result.risks)).toMatch(
        /^urgent: result pending; /,
      );
      expect(stepLine(step, Date.parse(result.now), result.risks)).toContain("(urgent: result pending; ");
      const now = new Date(result.now);
      const links = applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "a_rafael",
        feedGeneration: 0,
        now,
      });
      const body =
        timelinePage({ firstName: "Rafael", timezone, links, plan: result, comingReminders: [] }).body ?? "";
      const item = body.slice(body.indexOf("Step 2 CK <span"));
      expect(/<span class="tag ([a-z]+)">([^<]+)<\/span>/.exec(item)?.slice(1)).toEqual([
        "urgent",
        "Urgent: result pending",
      ]);
      expect(stepStanding(result, step).label).toBe("urgent: result pending");
    });
  },
);

describe("with no critical risk about it, a pending result keeps its own badge", () => {
  it("a week after the deadline in the live Match window: overdue: result pending", () => {
    const { result, step } = planAt("Africa/Lagos", rol + 7 * 86_400_000);
    expect(badgeWords(stepBadge(step, result.now, result.risks), step)).toBe("overdue: result pending");
  });
});
