import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reminderShownDate } from "#domain/date-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

// A J-1 applicant in Accra, matched on 19 Mar 2027, every exam and the Pathway done, the certificate
// not reported. ECFMG sponsors a J-1 physician only with a valid certificate, so the certificate's
// card targets the sponsorship application's day (Mon 5 Apr 2027, advice). On 15 Jun 2027 that day
// has passed and CERTIFICATION_AFTER_START is critical: its email must name the day the card and
// the reminders name ("Overdue since" it, advice), never residency's start (Thu 1 Jul, projected).

const snapshot = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(
      new URL(
        "../../fixtures/certificate-one-date/j1-accra-matched-certificate-pending.json",
        import.meta.url,
      ),
      "utf8",
    ),
  ),
);
const calendar = seasonCalendar(2027);
const result = plan(snapshot, calendar, new Date("2027-06-15T12:00:00Z"));
const card = result.nextSteps.find((step) => step.milestone === "ecfmg_certification");
const notice = result.reminders.find(
  (each) => each.milestone === "ecfmg_certification" && each.risk === "CERTIFICATION_AFTER_START",
);

describe("the certificate's critical notice for a matched J-1 applicant past the sponsorship's day", () => {
  it("is sent, on a card whose target (the sponsorship's day) has passed", () => {
    expect(result.risks.find((risk) => risk.code === "CERTIFICATION_AFTER_START")?.severity).toBe("critical");
    expect(card?.target).toBeDefined();
    expect(Date.parse(card?.target?.at ?? "")).toBeLessThan(Date.parse("2027-06-15T12:00:00Z"));
    expect(notice).toBeDefined();
  });

  it("says overdue since the card's target, as the certificate's other reminders do, marked as advice", () => {
    expect(notice?.overdueSince?.local).toBe(card?.target?.local);
    expect(notice?.overdueSince?.basis).toBe("advice");
    const others = result.reminders.filter(
      (each) => each.milestone === "ecfmg_certification" && each !== notice,
    );
    for (const each of others) expect(each.overdueSince?.local).toBe(card?.target?.local);
  });

  it("shows the card's target, never residency's start", () => {
    const shown = notice === undefined ? undefined : reminderShownDate(notice);
    expect(shown?.local).toBe(card?.target?.local);
    expect(shown?.basis).not.toBe("projected");
  });
});
