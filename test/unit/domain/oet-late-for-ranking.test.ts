import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Fatima (2028 Match, Pathway) books OET Medicine after the last sitting
 * whose result reaches ECFMG in time. The OET feeds the Pathway, which NRMP needs: the same
 * treatment as a late Step 2 CK. That last sitting counts back from
 * the Pathway's deadline for supporting documents (Tue 25 Jan 2028, projected) by the result time,
 * 21 days: Tue 4 Jan 2028 (it was Sat 13 Nov 2027, six weeks before the application deadline, as if
 * the result went in with the application), so the late sitting here is Thu 20 Jan 2028 (it was
 * Wed 1 Dec 2027, now in time).
 */
const applicant = applicantFactory({ matchYear: 2028, timezone: "Asia/Karachi", fullName: "Fatima Malik" });
const NOW = "2027-03-15T06:00:00Z";
const base = [
  ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"], "2026-10-01"),
  milestoneFactory("usmle_step2ck", "scheduled", "2027-03-30"),
];
const planWith = (milestones: MilestoneEntry[], now = NOW): Plan =>
  plan(inputFactory({ applicant, milestones }), seasonCalendar(2028), new Date(now));
const late = planWith([...base, milestoneFactory("oet_medicine", "scheduled", "2028-01-20")]);
const inTime = planWith([...base, milestoneFactory("oet_medicine", "scheduled", "2027-10-01")]);
const step = (result: Plan, key: string) => result.nextSteps.find((each) => each.milestone === key);
const risk = (result: Plan) => result.risks.find((each) => each.code === "EXAMS_LATE_FOR_RANKING");

describe("an OET sitting booked after its last usable day", () => {
  it("is a critical risk naming OET, its last day and the Pathway it blocks, with its sources", () => {
    const found = risk(late);
    expect(found?.severity).toBe("critical");
    expect(found?.milestones).toEqual(["oet_medicine"]);
    expect(found?.message).toContain("Your OET Medicine on Thu 20 Jan 2028 would be reported around");
    // The day to book by for its last sitting day.
    expect(found?.message).toContain(
      "book by about Wed 15 Dec 2027 (sessions close their bookings about 20 days ahead; our advice) a sitting on or before Tue 4 Jan 2028 (our advice)",
    );
    expect(found?.message).toContain(
      "Your ECFMG Pathway application can go in without it, but ECFMG needs that result by the deadline for supporting documents, Tue 25 Jan 2028 (projected): move it earlier and book by about Wed 15 Dec 2027",
    );
    expect(found?.message).toContain("ECFMG must confirm Step 1, Step 2 CK and the Pathway to NRMP");
    // OET is no USMLE exam: its own result allowance, not USMLE score reporting.
    expect(found?.message).not.toContain("USMLE results take");
    expect(found?.message).toContain("We allow 21 days for OET Medicine results.");
    expect(found?.sources).toContain(catalogEntry("oet_medicine").reportingDays?.source);
    expect(found?.sources).toContain(catalogEntry("oet_medicine").due?.source);
  });

  it("gives the OET card a badge that is not 'Later', as an own date after the deadline needs acting on now", () => {
    expect(step(late, "oet_medicine")?.urgency).toBe("urgent");
    expect(step(inTime, "oet_medicine")?.urgency).toBe("later");
  });

  it("sends the one critical notice at once, about the OET step, due its last usable day", () => {
    const notices = late.reminders.filter((each) => each.rung === CRITICAL_RISK_RUNG);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.milestone).toBe("oet_medicine");
    expect(notices[0]?.why).toBe(risk(late)?.message);
    expect(notices[0]?.deadline).toBe(step(late, "oet_medicine")?.deadline?.at);
  });

  it("warns on the Pathway card that its OET sitting is too late", () => {
    expect(step(late, "ecfmg_pathway")?.action).toContain(
      "Your OET sitting is on Thu 20 Jan 2028, after Tue 4 Jan 2028 (our advice), the last sitting whose result reaches ECFMG by the Pathway's deadline for supporting documents.",
    );
    expect(step(inTime, "ecfmg_pathway")?.action).not.toContain("Your OET sitting is on");
  });

  it("says nothing for an OET sitting in time", () => {
    expect(risk(inTime)).toBeUndefined();
    expect(inTime.reminders.filter((each) => each.rung === CRITICAL_RISK_RUNG)).toEqual([]);
  });
});
