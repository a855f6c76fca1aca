import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { planApplicants } from "#usecases/plan-applicants.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import {
  FixedClock,
  InMemoryApplicantStore,
  InMemoryEvents,
  InMemoryMailer,
  InMemoryWakeUps,
  profileFactory,
  storePorts,
} from "./fakes.ts";

/**
 * Maria Santos (Manila, J-1, 2027 Match): list certified on 10 Feb, ECFMG certificate in hand, and
 * she never says whether she matched. Walked with the real planner and the use case from Match Week's
 * Sunday to residency's start (Thu 1 Jul 2027), every wake-up fired as the reminder function arms it,
 * her delivery time 09:00 (01:00 UTC). Match Day is Fri 19 Mar 2027, 12:00 PM ET (projected), the
 * date the plan gives the contract Fri 2 Apr 2027 (advice): her Statement of Need, ECFMG's 4 to 6
 * weeks and the DS-2019 all hang on her answer, so an advisor asks every week up to the start.
 */
const FIXTURE = new URL("../../fixtures/match-outcomes/never-told-manila.json", import.meta.url);
const FROM = "2027-03-14T01:00:00.000Z";
const START = "2027-07-01T00:00:00.000Z";

async function emailsSent(): Promise<Map<string, string[]>> {
  const snapshot: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
    JSON.parse(readFileSync(FIXTURE, "utf8")),
  );
  const { applicant } = snapshot;
  const store = new InMemoryApplicantStore();
  const id = `a_${applicant.externalId}`;
  store.add(
    profileFactory({
      applicantId: id,
      externalId: applicant.externalId,
      email: applicant.email,
      fullName: applicant.fullName,
      timezone: applicant.timezone,
      matchYear: applicant.matchYear,
      specialties: applicant.specialties,
      visa: applicant.visa,
      graduation: applicant.graduation,
      medicalSchool: applicant.medicalSchool,
      programsPlanned: applicant.programsPlanned,
    }),
    { milestones: snapshot.milestones, interviews: snapshot.interviews },
  );
  const deps = {
    store,
    ...storePorts(store),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    mailer: new InMemoryMailer(),
    clock: new FixedClock(new Date(FROM)),
    planning: domainPlanning,
    unsubscribeUrl: async (each: string) => `https://mp.example/unsubscribe?token=t-${each}`,
  };
  await planApplicants([id], deps);
  // Each email: when it went (UTC), and the rungs it said.
  const emails = new Map<string, string[]>();
  for (let at = deps.wakeUps.pending.get(id); at && at.toISOString() < START; ) {
    deps.wakeUps.pending.delete(id);
    deps.clock.set(at);
    const result = await sendDueReminders(id, at, deps);
    if (result.outcome === "sent")
      emails.set(
        at.toISOString(),
        (result.reminderIds ?? []).map(
          (reminderId) =>
            store.state(id).ledger.find((entry) => entry.reminderId === reminderId)?.subject?.rung ??
            reminderId,
        ),
      );
    at = deps.wakeUps.pending.get(id);
  }
  return emails;
}

describe("a J-1 applicant who never says whether she matched", () => {
  it("is asked every week from Match Day to residency's start, never left without an email for more than a week", async () => {
    // Each email's day in Manila (UTC+8); a critical notice may go the same morning at 08:00.
    const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
    const sent = [...new Set([...(await emailsSent()).keys()].map(day))].filter(
      (each) => each >= "2027-03-20",
    );
    // Every Saturday (Match Day's weekday, Manila) from 20 Mar to 26 Jun: none of them skipped.
    const saturdays: string[] = [];
    for (let at = Date.parse("2027-03-20T01:00:00.000Z"); at < Date.parse(START); at += 7 * 86_400_000)
      saturdays.push(day(new Date(at).toISOString()));
    expect(sent).toEqual(saturdays);
  });
});
