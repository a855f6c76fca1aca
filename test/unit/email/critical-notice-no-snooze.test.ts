import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";

/**
 * A critical notice asks to act by its date and is always sent: it offers no Snooze, though its
 * step would ("Match Day not reported" offered "Snooze (Match Day: tell us where you matched)"
 * while the contract waiting on the answer was due in days). Its other buttons stay. Rangi, in
 * Rarotonga, marked Match Week done and SOAP in progress: the conflict's notice rides on SOAP,
 * whose offer-round reminders a snooze would quiet.
 */
const base = JSON.parse(
  readFileSync(new URL("../../fixtures/scenarios/rank-list-certified-2027.json", import.meta.url), "utf8"),
);
const rangi = ApplicantSnapshotSchema.parse({
  ...base,
  submissionId: "no-snooze-rarotonga",
  applicant: {
    ...base.applicant,
    externalId: "no-snooze-rarotonga",
    email: "rangi@example.org",
    fullName: "Rangi Marsters",
    timezone: "Pacific/Rarotonga",
  },
  milestones: [
    ...base.milestones,
    { key: "match_week", status: "done", date: "2027-03-15" },
    { key: "soap", status: "in_progress" },
  ],
});
const NOW = "2027-03-16T02:00:00Z"; // Mon 15 Mar, 4:00 PM in Rarotonga
const planned = plan(rangi, seasonCalendar(2027), new Date(NOW));
const notice = planned.reminders.find(
  (each) => each.rung === CRITICAL_RISK_RUNG && each.risk === "MATCH_WEEK_SOAP_CONFLICT",
);
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"r".repeat(40)}`),
  applicantId: "app-rangi",
  feedGeneration: 0,
  now: new Date(NOW),
});

describe("a critical notice in an email", () => {
  it("offers no Snooze, though its step does, and keeps the step's other buttons", () => {
    if (notice === undefined) throw new Error("the scenario has no conflict notice");
    const offered = actionsFor({ milestone: "soap" }, planned, rangi.applicant.timezone, rangi.milestones);
    expect(offered).toContain("snooze");
    const email = renderReminderEmail({
      recipientName: "Rangi Marsters",
      reminders: [notice],
      plan: planned,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
      milestones: rangi.milestones,
    });
    expect(notice.milestone).toBe("soap");
    expect(email.text).toMatch(/Not for me \(Take part in SOAP[^\n]*\): https:\/\/api\.example\.org\//);
    // The notice's item (another step's Snooze may follow under "Your next steps").
    for (const part of [email.text, email.html]) {
      expect(part).not.toMatch(/Snooze \(Take part in SOAP/);
      expect(part.slice(0, part.indexOf("Your next steps"))).not.toContain("Snooze");
    }
  });
});
