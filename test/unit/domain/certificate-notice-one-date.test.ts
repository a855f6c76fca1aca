import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reminderShownDate } from "#domain/date-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

// A J-1 applicant in Accra, matched on 19 Mar 2027, every exam and the Pathway done, the certificate
// not reported. ECFMG sponsors a J-1 physician only with a valid certificate, so the certificate's
// card targets the sponsorship application's day (Mon 5 Apr 2027, advice). On 15 Jun 2027 that day
// has passed and CERTIFICATION_AFTER_START is critical. The card is due by the J-1 start's last day
// (Mon 3 May 2027, advice: the file, waiting for the certificate, had to be complete by then), overdue
// since it, as the start is out of reach: the notice and every certificate reminder name that day, as
// the card does, never residency's start (Thu 1 Jul, projected), never the target, and never the
// certificate's own date (Wed 16 Jun), which read as a deadline still holding.

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
  it("is sent, on a card overdue since the J-1 start's last day, its target (the sponsorship's day) passed", () => {
    expect(result.risks.find((risk) => risk.code === "CERTIFICATION_AFTER_START")?.severity).toBe("critical");
    expect(card?.urgency).toBe("overdue");
    expect(card?.deadline?.local).toBe("Mon 3 May 2027");
    expect(Date.parse(card?.target?.at ?? "")).toBeLessThan(Date.parse(card?.deadline?.at ?? ""));
    expect(notice).toBeDefined();
  });

  it("shows the card's deadline with its basis, as the certificate's other reminders do, never the target", () => {
    const certificate = result.reminders.filter((each) => each.milestone === "ecfmg_certification");
    expect(certificate.length).toBeGreaterThan(0);
    for (const each of certificate) expect(reminderShownDate(each)).toEqual(card?.deadline);
    expect(card?.deadline?.basis).toBe("advice");
  });

  it("never shows residency's start", () => {
    const shown = notice === undefined ? undefined : reminderShownDate(notice);
    expect(shown?.local).not.toMatch(/residency's start|1 Jul/);
  });
});
