import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, milestoneFactory } from "./factories.ts";

/**
 * A J-1 start that hangs on the certificate by a last day (VISA_NOT_READY_FOR_START, "act by Mon 3
 * May"): the certificate's reminders counted down to "Due Wed 16 Jun" (its own date), or to the
 * DS-2019's Thu 20 May, beside that day. They count to the day that decides, as the risk riding on
 * the certificate does; once it has passed with the file waiting for the certificate, the certificate
 * stays due by it, overdue (its own date, five weeks later with a fresh countdown, read as relief
 * beside a start out of reach).
 */
function matchedJ1(now: string, sponsorship: MilestoneEntry) {
  return plan(
    {
      applicant: applicantFactory({
        externalId: "certificate-last-day-lahore",
        timezone: "Asia/Karachi",
        matchYear: 2027,
        graduation: "2024-12-15",
        medicalSchool: { name: "Lahore Example Medical College", country: "PK", wdomsSponsorNote: true },
      }),
      milestones: [
        ...doneMilestones([
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "usmle_step2ck",
          "oet_medicine",
          "ecfmg_pathway",
          "usce",
          "lors",
          "personal_statement",
          "cv",
          "program_list",
          "eras_token",
        ]),
        milestoneFactory("eras_application", "done", "2026-09-10"),
        milestoneFactory("nrmp_registration", "done", "2026-09-25"),
        milestoneFactory("rank_order_list", "done", "2027-02-20"),
        milestoneFactory("match_week", "done", "2027-03-15"),
        milestoneFactory("match_day", "done", "2027-03-19"),
        milestoneFactory("contract", "done", "2027-03-23"),
        milestoneFactory("j1_statement_of_need", "done", "2027-04-01"),
        milestoneFactory("ecfmg_certification", "in_progress"),
        sponsorship,
      ],
      interviews: [],
    },
    seasonCalendar(2027),
    new Date(now),
  );
}

const certificateDates = (thePlan: ReturnType<typeof plan>) => ({
  card: thePlan.nextSteps.find((step) => step.milestone === "ecfmg_certification")?.deadline?.local,
  reminders: [
    ...new Set(
      thePlan.reminders
        .filter((reminder) => reminder.milestone === "ecfmg_certification" && reminder.risk === undefined)
        .map((reminder) => reminder.deadlineDetail.local),
    ),
  ],
  lastDay: thePlan.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START")?.message,
});

describe("the certificate's reminders count to the J-1 start's last day", () => {
  const cases = [
    [
      "the sponsorship file waiting for the certificate",
      milestoneFactory("j1_ecfmg_sponsorship", "not_started"),
    ],
    [
      "the sponsorship sent, ECFMG's review waiting for it",
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-08"),
    ],
  ] as const;

  it.each(cases)("%s: on 20 Apr 2027, due Mon 3 May on the card and every reminder", (_, sponsorship) => {
    const dates = certificateDates(matchedJ1("2027-04-20T06:00:00Z", sponsorship));
    expect(dates.lastDay).toContain("by about Mon 3 May 2027");
    expect(dates.card).toBe("Mon 3 May 2027");
    expect(dates.reminders).toEqual(["Mon 3 May 2027"]);
  });

  it("the file waiting for the certificate: past that day (4 May, the start out of reach), the certificate stays due by it, overdue, with no fresh countdown", () => {
    const thePlan = matchedJ1("2027-05-04T06:00:00Z", cases[0][1]);
    const dates = certificateDates(thePlan);
    expect(dates.lastDay).toContain("out of reach");
    expect(dates.card).toBe("Mon 3 May 2027");
    const card = thePlan.nextSteps.find((step) => step.milestone === "ecfmg_certification");
    expect(card?.urgency).toBe("overdue");
    expect(thePlan.overdue.map((step) => step.milestone)).toContain("ecfmg_certification");
    expect(dates.reminders).not.toContain("Wed 16 Jun 2027");
  });

  // The file in: the certificate may be issued already, unreported, and the start kept; its words ask,
  // and the DS-2019's date, which waits for it, is its deadline.
  it("the sponsorship sent: past that day (4 May), the certificate is needed by the DS-2019's date", () => {
    const dates = certificateDates(matchedJ1("2027-05-04T06:00:00Z", cases[1][1]));
    expect(dates.card).toBe("Thu 20 May 2027");
    expect(dates.reminders).not.toContain("Mon 3 May 2027");
  });
});
