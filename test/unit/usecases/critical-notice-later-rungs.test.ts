import { describe, expect, it } from "vitest";
import type { Interview } from "#domain/snapshot.ts";
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
 * A critical notice is laid at each plan's `now` with a stable id, and
 * a wake-up plans as of its scheduled time, so at the wake-up for a later rung of the notice's step
 * the notice (already sent) sat at that same instant and the rung was dropped for it: the step was
 * never reminded of again. With the real planner and the use case, wake-ups fired in order: Imran
 * (Karachi) signs up on 20 Jan 2027 with an interview in hand, NRMP registration not told (the
 * NRMP_LATE_FEE notice) and Step 2 CK not started.
 */
const interview: Interview = {
  id: "lahore-im",
  program: "Example IM Program",
  startsAt: "2026-12-10T10:00:00-05:00",
  timezone: "America/New_York",
  format: "virtual",
};
const SIGN_UP = "2027-01-20T07:00:00.000Z"; // 12:00 in Karachi

function setup(step2ck: "not_started" | "done") {
  const store = new InMemoryApplicantStore();
  store.add(
    profileFactory({
      applicantId: "a_imran",
      externalId: "imran",
      email: "imran@example.org",
      fullName: "Imran Qureshi",
      timezone: "Asia/Karachi",
      graduation: "2025-06-30",
      medicalSchool: { name: "Example Medical College", country: "PK", wdomsSponsorNote: true },
      programsPlanned: 100,
    }),
    { milestones: [{ key: "usmle_step2ck", status: step2ck }], interviews: [interview] },
  );
  return {
    store,
    ...storePorts(store),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    mailer: new InMemoryMailer(),
    clock: new FixedClock(new Date(SIGN_UP)),
    planning: domainPlanning,
    unsubscribeUrl: async (id: string) => `https://mp.example/unsubscribe?token=t-${id}`,
  };
}

/**
 * Fires the wake-ups in order until `until`, each on time, as EventBridge Scheduler would; returns
 * the NRMP registration reminders sent, as "day rung".
 */
async function nrmpSends(step2ck: "not_started" | "done", until: string): Promise<string[]> {
  const deps = setup(step2ck);
  await planApplicants(["a_imran"], deps);
  const sent: string[] = [];
  for (let at = deps.wakeUps.pending.get("a_imran"); at && at.toISOString() <= until; ) {
    deps.wakeUps.pending.delete("a_imran");
    deps.clock.set(at);
    const result = await sendDueReminders("a_imran", at, deps);
    for (const id of result.reminderIds ?? []) {
      const subject = deps.store.state("a_imran").ledger.find((entry) => entry.reminderId === id)?.subject;
      if (subject?.milestone === "nrmp_registration")
        sent.push(`${at.toISOString().slice(0, 10)} ${subject.rung}`);
    }
    at = deps.wakeUps.pending.get("a_imran");
  }
  return sent;
}

/**
 * The NRMP registration reminders of the plan made at sign-up, as "day rung", those folded into a
 * rank-list reminder's words (Reminder.folded) included.
 */
const firstPlanNrmp = (step2ck: "not_started" | "done") =>
  domainPlanning
    .plan(setup(step2ck).store.state("a_imran"), new Date(SIGN_UP))
    .reminders.flatMap((reminder) => [reminder, ...(reminder.folded ?? [])])
    .filter((reminder) => reminder.milestone === "nrmp_registration")
    .map((reminder) => `${reminder.sendAt.slice(0, 10)} ${reminder.rung}`)
    .sort();

const daysApart = (sent: readonly string[]) =>
  sent
    .slice(1)
    .map(
      (each, index) =>
        (Date.parse(each.slice(0, 10)) - Date.parse((sent[index] as string).slice(0, 10))) / 86_400_000,
    );

describe("a critical notice never swallows the later reminders of its step", () => {
  it("Step 2 CK done: every NRMP reminder the sign-up plan lays out is delivered on its day, the ones the rank list's email says marked sent with it", async () => {
    // The rungs of 3, 11, 22 and 24 Feb ride in the rank list's emails ("Also: Registered with
    // NRMP?") and are marked sent with them; before, none was, the one
    // of 11 Feb came back on 16 Feb as a missed rung and its spacing swallowed the 18 Feb question;
    // then the 18 Feb question itself was folded into the rank list's rung of 11 Feb re-timed to
    // 18 Feb, already sent, and went nowhere.
    const until = "2027-03-01T00:00:00.000Z";
    const first = firstPlanNrmp("done");
    expect(first).toEqual([
      "2027-01-21 critical-risk",
      "2027-01-28 after-early-deadline",
      // With the rank list's "start now" on the day its card names, Wed 3 Feb (9:00 PM ET that day
      // is 7:00 AM Thu 4 Feb in Karachi), as both count 21 days to the rank-list deadline.
      "2027-02-03 due-in-21d",
      "2027-02-11 due-in-14d",
      "2027-02-18 due-in-7d",
      "2027-02-22 due-in-3d",
      "2027-02-24 due-in-1d",
    ]);
    expect(await nrmpSends("done", until)).toEqual(first);
  });

  it("Step 2 CK not started: the question of 28 Jan is delivered, never on consecutive days", async () => {
    // Past 3 Feb the 2027 Match is out of reach and the plan moves on: the NRMP question goes with it.
    const sent = await nrmpSends("not_started", "2027-02-03T00:00:00.000Z");
    expect(sent[0]).toBe("2027-01-21 critical-risk");
    expect(sent).toContain("2027-01-28 after-early-deadline");
    expect(Math.min(...daysApart(sent))).toBeGreaterThan(3);
  });

  it("Step 2 CK not started: the missed start-by rung the 21 Jan notice told is not asked again on 24 Jan", async () => {
    // The rung's slot had passed at sign-up; re-timed to each re-plan's next
    // slot with a stable id, it was folded into the notice at sign-up and sent alone 4 days later.
    // The sign-up plan's NRMP emails before the Match goes out of reach are the ones delivered.
    const until = "2027-02-03T00:00:00.000Z";
    const first = firstPlanNrmp("not_started").filter((each) => each.slice(0, 10) < until.slice(0, 10));
    expect(first).toEqual(["2027-01-21 critical-risk", "2027-01-28 after-early-deadline"]);
    expect(await nrmpSends("not_started", until)).toEqual(first);
  });
});
