import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { changeInstants, planFacts, rowAsOf, upcomingFactsBy } from "#domain/console/row-as-of.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A cohort row whose next date is an email (no step has a date ahead: the contract is overdue) reads
 * the email still to come, never one already sent: "Thu 8 Apr 2027 next email" on 10 Apr while
 * the next was 14 Apr. Lorna: Manila, J-1, matched, contract unsigned past its date;
 * her row stored at the 7 Apr wake-up, read on 10 Apr with no re-plan between.
 */
const FILE = fileURLToPath(
  new URL("../../fixtures/row-next-email/contract-overdue-manila.json", import.meta.url),
);
const snapshot: ApplicantSnapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const ZONE = snapshot.applicant.timezone;
const calendar = seasonCalendar(2027);
const seasonInstants = Object.values(calendar.dates).map((date) => date.iso);
const STORED_AT = "2027-04-07T01:00:00.000Z";
const READ_AT = "2027-04-10T10:00:00.000Z";

/** The plan at `at` with the ledger marking sent every email the plan made then laid before `sentBefore`. */
const planWithLedger = (at: string, sentBefore: string): Plan => {
  const sent: Record<string, string> = {};
  for (const stop of ["2027-04-06T02:00:00.000Z", STORED_AT, "2027-04-08T01:00:00.000Z"]) {
    if (stop > sentBefore) break;
    for (const reminder of plan({ ...snapshot, remindersSent: sent }, calendar, new Date(stop)).reminders)
      if (reminder.sendAt <= stop && sent[reminder.id] === undefined) sent[reminder.id] = reminder.sendAt;
  }
  return plan({ ...snapshot, remindersSent: sent }, calendar, new Date(at));
};

describe("a cohort row counting down to an email", () => {
  const stored = planWithLedger(STORED_AT, STORED_AT);
  // The look-ahead re-plans the stored state: its ledger as it was at the store.
  const sameLedger = (at: string) => planWithLedger(at, STORED_AT);
  const row = {
    ...planFacts(stored, ZONE),
    upcoming: upcomingFactsBy(planFacts(stored, ZONE), changeInstants(stored, seasonInstants), (from) =>
      planFacts(sameLedger(from), ZONE),
    ),
  };

  it("is stored counting down to the next email, the 8 Apr chase being ahead", () => {
    expect(planFacts(planWithLedger("2027-04-07T01:00:01.000Z", STORED_AT), ZONE).nextDeadline).toMatchObject(
      {
        kind: "email",
        at: "2027-04-08T01:00:00.000Z",
      },
    );
  });

  it("on 10 Apr names the next email still to come, as a plan made then does, not the 8 Apr one sent", () => {
    const read = rowAsOf(row, READ_AT).nextDeadline;
    const fresh = planFacts(planWithLedger(READ_AT, READ_AT), ZONE).nextDeadline;
    expect(read?.kind).toBe("email");
    expect(read?.at).toBe("2027-04-15T01:00:00.000Z");
    expect(read).toEqual(fresh);
  });
});
