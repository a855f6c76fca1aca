import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * The interview's preparation emails 7 days and 1 day before read alike but for the day: the last
 * one says "starts tomorrow", as Match Week's does, so it does not read as a duplicate. Meera Iyer,
 * Kolkata, a virtual interview in Chicago at 9:00 AM CST, 8:30 PM in Kolkata; both emails go out at
 * 9:00 AM her time, the last 35.5 hours before it (no hours left to say).
 */
const file = fileURLToPath(
  new URL("../../fixtures/interview-tomorrow/virtual-chicago-kolkata.json", import.meta.url),
);
const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const ZONE = snapshot.applicant.timezone;
const profile = profileFactory({ fullName: snapshot.applicant.fullName, matchYear: 2027, timezone: ZONE });
const { milestones, interviews } = snapshot;

function emailOf(rung: string) {
  const laidOut = domainPlanning.plan(
    { profile, milestones, interviews, ledger: [] },
    new Date("2026-12-01T10:00:00+05:30"),
  );
  const found = laidOut.reminders.find((each) => each.interviewId === "chicago-im" && each.rung === rung);
  if (found === undefined) throw new Error(`no interview ${rung}`);
  const now = new Date(found.sendAt);
  const plan = domainPlanning.plan({ profile, milestones, interviews, ledger: [] }, now);
  const reminder = plan.reminders.find((each) => each.id === found.id) as Reminder;
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_ada",
    feedGeneration: 0,
    now,
  });
  return renderReminderEmail({
    recipientName: snapshot.applicant.fullName,
    reminders: [reminder],
    plan,
    links,
    unsubscribeUrl: "https://example.org/unsubscribe",
    timezone: ZONE,
    milestones,
    interviews,
  });
}

describe("an interview's preparation emails", () => {
  it("a week before: starts, with its date", () => {
    expect(emailOf("interview-prep-7d").subject).toBe(
      "Prepare for your virtual interview with Example Medical Center IM (Chicago): starts Tue 15 Dec 2026, 8:30 PM GMT+5:30",
    );
  });

  it("the day before: starts tomorrow, with its date, in the subject and the item", () => {
    const email = emailOf("interview-prep-1d");
    expect(email.subject).toBe(
      "Prepare for your virtual interview with Example Medical Center IM (Chicago): starts tomorrow, Tue 15 Dec 2026, 8:30 PM GMT+5:30",
    );
    expect(email.text).toContain("Starts tomorrow: Tue 15 Dec 2026, 8:30 PM GMT+5:30");
    expect(email.subject).not.toBe(emailOf("interview-prep-7d").subject);
  });
});
