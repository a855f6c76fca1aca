import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "../domain/factories.ts";

/**
 * An applicant who arrives on the day of ECFMG's projected Pathway application deadline
 * (Sat 26 Dec 2026, 6:00 PM ET, ECFMG's hour, for the 2027 Match: 11:00 PM in Accra) with everything
 * else done. The last day that keeps the Match is that deadline's instant, so its notice says the
 * instant with the hours left, marked projected (who sets it), and one time everywhere: never
 * the minute before it (the search to the minute keeps now's seconds) as our advice, nor a whole
 * day ("due Sun 27 Dec") that reads as all Sunday.
 */
const accra: PlannerInput = inputFactory({
  applicant: applicantFactory({
    externalId: "pathway-night-acc",
    timezone: "Africa/Accra",
    matchYear: 2027,
    graduation: "2025-06-30",
    medicalSchool: { name: "Example Medical College", country: "GH", wdomsSponsorNote: true },
    programsPlanned: 60,
  }),
  milestones: [
    ...doneMilestones(
      [
        "wdoms_listing",
        "ecfmg_application",
        "usmle_step1",
        "usmle_step2ck",
        "oet_medicine",
        "lors",
        "personal_statement",
        "cv",
        "program_list",
      ],
      "2025-03-02",
    ),
    milestoneFactory("eras_token", "done", "2026-06-12"),
    milestoneFactory("eras_application", "done", "2026-09-04"),
    milestoneFactory("nrmp_registration", "done", "2026-10-02"),
    milestoneFactory("ecfmg_pathway", "not_started"),
  ],
});

/** 4:17:45 PM in Accra: now's seconds are not the deadline's. */
const NOW = "2026-12-26T16:17:45.250Z";
const DEADLINE = "2026-12-26T23:00:00.000Z";
const planned = (): Plan => plan(accra, seasonCalendar(2027), new Date(NOW));

describe("a late arrival on the night of the projected Pathway deadline", () => {
  it("the risk names the deadline's instant, projected, not the minute before it as advice", () => {
    const risk = planned().risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY");
    expect(risk?.severity).toBe("critical");
    expect(risk?.lastWorkingAt).toBe(DEADLINE);
    expect(risk?.message).toContain(
      "by Sat 26 Dec 2026, 11:00 PM GMT (Sat 26 Dec 2026, 6:00 PM ET) (projected)",
    );
    expect(risk?.message).not.toContain("10:59 PM");
  });

  it("its notice goes out now, due at that instant with the hours left, and its subject says what the body says", () => {
    const result = planned();
    const notice = result.reminders.find(
      (each) => each.rung === "critical-risk" && each.risk === "MATCH_YEAR_LAST_DAY",
    );
    expect(notice?.milestone).toBe("ecfmg_pathway");
    expect(notice?.sendAt).toBe(new Date(NOW).toISOString());
    expect(notice?.deadline).toBe(DEADLINE);
    expect(notice?.deadlineDetail).toMatchObject({
      local: "Sat 26 Dec 2026, 11:00 PM GMT",
      et: "Sat 26 Dec 2026, 6:00 PM ET",
      basis: "projected",
    });
    expect(notice?.deadlineDetail?.precision).toBeUndefined();
    if (notice === undefined) throw new Error("no notice");
    const email = renderReminderEmail({
      recipientName: "Kofi Mensah",
      reminders: [notice],
      plan: result,
      unsubscribeUrl: "https://api.example.org/u",
      timezone: "Africa/Accra",
    });
    expect(email.subject).toBe(
      "Submit your ECFMG Pathway application now: the 2027 Match is in reach only by its projected deadline: due in 6 hours, Sat 26 Dec 2026, 11:00 PM GMT",
    );
    expect(email.text).toContain("Due in 6 hours: Sat 26 Dec 2026, 11:00 PM GMT");
    expect(email.text).toContain("(projected)");
    expect(email.text).not.toContain("our advice, not set by any authority");
    expect(email.text).not.toContain("1:59 AM");
  });
});
