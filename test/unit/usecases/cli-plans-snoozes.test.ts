import { describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";
import { FixedClock, InMemoryApplicantStore } from "./fakes.ts";

/**
 * A milestone's `snoozedUntil` in a snapshot holds its reminders back in `npm run plan` as in the
 * deployed planner: the same reminders for the same snapshot. Marisol (Manila, 2028 Match) snoozed
 * her ECFMG application until 20 Jan 2027, and her NRMP registration far past its deadline.
 */
const NOW = new Date("2026-12-07T02:00:00Z");
const SNAPSHOT = {
  type: "applicant.snapshot",
  submissionId: "sub-snooze",
  applicant: {
    externalId: "marisol",
    email: "marisol@example.org",
    fullName: "Marisol Reyes",
    timezone: "Asia/Manila",
    matchYear: 2028,
    specialties: ["Family Medicine"],
    visa: "J-1",
    graduation: "2026-06-15",
    medicalSchool: { name: "Example College of Medicine", country: "PH", wdomsSponsorNote: true },
    programsPlanned: 80,
  },
  milestones: [
    { key: "wdoms_listing", status: "done", date: "2026-11-02" },
    { key: "ecfmg_application", status: "not_started", snoozedUntil: "2027-01-20" },
    { key: "nrmp_registration", status: "not_started", snoozedUntil: "2028-03-01" },
  ],
};

function cli(...flags: string[]): string {
  let out = "";
  const code = runPlanCli(["marisol.json", "--now", NOW.toISOString(), ...flags], {
    readFile: () => JSON.stringify(SNAPSHOT),
    now: () => NOW,
    out: (text) => {
      out += text;
    },
    err: () => undefined,
  });
  expect(code).toBe(0);
  return out;
}

function cliReminderIds(): string[] {
  const listed = JSON.parse(cli("--json")) as { reminders: (Reminder & { alsoFor?: Reminder[] })[] };
  return listed.reminders.flatMap((item) => [item.id, ...(item.alsoFor ?? []).map((each) => each.id)]).sort();
}

async function deployedReminderIds(): Promise<string[]> {
  const store = new InMemoryApplicantStore();
  const { applicantId } = await receiveSubmission(SNAPSHOT, "webhook", {
    intake: store,
    clock: new FixedClock(NOW),
  });
  return domainPlanning
    .plan(store.state(applicantId), NOW)
    .reminders.map((reminder) => reminder.id)
    .sort();
}

describe("npm run plan applies a snapshot's snoozes", () => {
  it("lays the reminders the deployed planner lays for the same snapshot", async () => {
    expect(cliReminderIds()).toEqual(await deployedReminderIds());
  });

  it("holds back a snoozed step's reminders before its day, keeping each deadline's last one", () => {
    const unsnoozed = plan(ApplicantSnapshotSchema.parse(SNAPSHOT), seasonCalendar(2028), NOW).reminders;
    const shown = new Set(cliReminderIds());
    const ofStep = (key: string) => unsnoozed.filter((reminder) => reminder.milestone === key);
    const lastOf = (reminders: Reminder[], deadline: string) =>
      reminders
        .filter((each) => each.deadline === deadline)
        .sort((a, b) => a.sendAt.localeCompare(b.sendAt))
        .at(-1);
    for (const key of ["ecfmg_application", "nrmp_registration"]) {
      const silenced = ofStep(key).filter(
        (reminder) =>
          reminder.sendAtLocal.slice(0, 10) < (key === "ecfmg_application" ? "2027-01-20" : "2028-03-01") &&
          lastOf(ofStep(key), reminder.deadline) !== reminder,
      );
      expect(silenced.length).toBeGreaterThan(0);
      for (const reminder of silenced) expect(shown.has(reminder.id)).toBe(false);
      // The last reminder before each deadline always comes, a snooze past the deadline included.
      for (const deadline of new Set(ofStep(key).map((reminder) => reminder.deadline)))
        expect(shown.has(lastOf(ofStep(key), deadline)?.id ?? "")).toBe(true);
    }
    // The other steps' reminders are untouched.
    for (const reminder of unsnoozed.filter(
      (each) => !["ecfmg_application", "nrmp_registration"].includes(each.milestone),
    ))
      expect(shown.has(reminder.id)).toBe(true);
  });

  it("says under the reminders which steps are snoozed, and until when", () => {
    expect(cli()).toContain(
      "  (ecfmg_application snoozed until Wed 20 Jan 2027 (your time): no reminder about it before then, except the last one before its deadline and any critical notice)\n",
    );
  });
});
