import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { dueReminders, nextWakeUp, planHash } from "#domain/reminder-policy.ts";
import { type SeasonCalendar, seasonCalendar } from "#domain/seasons/index.ts";
import { calendarVersion } from "#domain/seasons/version.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import type { CalendarSweepState, StalePlansPage, SweepIndex } from "#ports/sweep-index.ts";
import { planApplicant } from "#usecases/plan-applicants.ts";
import type { Planning } from "#usecases/planning.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import { SWEEP_GRACE_MS, type SweepBudget, type SweepDeps, sweep } from "#usecases/sweep.ts";
import {
  FakePlanning,
  FixedClock,
  InMemoryApplicantStore,
  InMemoryEvents,
  InMemoryMailer,
  InMemoryWakeUps,
  profileFactory,
  reminderFactory,
  storePorts,
} from "./fakes.ts";

/** The sweep index's contract over the in-memory store: plans by wake-up instant and by calendar version. */
class InMemorySweepIndex implements SweepIndex {
  state: CalendarSweepState | undefined;
  pagesRead = 0;
  constructor(private readonly store: InMemoryApplicantStore) {}

  async listWakeUpsDueBefore(instant: Date) {
    return [...this.store.applicants.values()]
      .flatMap(({ state }) => {
        const at = state.storedPlan?.wakeUpAt;
        return at !== undefined && Date.parse(at) <= instant.getTime()
          ? [{ applicantId: state.profile.applicantId, at: new Date(at) }]
          : [];
      })
      .sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  async listPlansNotOnCalendars(
    current: readonly string[],
    page: { cursor?: string; limit: number },
  ): Promise<StalePlansPage> {
    this.pagesRead++;
    const all = [...this.store.applicants.values()].sort((a, b) =>
      a.state.profile.applicantId.localeCompare(b.state.profile.applicantId),
    );
    const start = page.cursor ? Number(page.cursor) : 0;
    const end = start + page.limit;
    const applicantIds = all
      .slice(start, end)
      .filter(({ state }) => state.storedPlan && !current.includes(state.storedPlan.calendarVersion ?? ""))
      .map(({ state }) => state.profile.applicantId);
    return end < all.length ? { applicantIds, cursor: String(end) } : { applicantIds };
  }

  async loadCalendarSweep() {
    return this.state;
  }

  async saveCalendarSweep(state: CalendarSweepState) {
    this.state = state;
  }
}

const eras = reminderFactory();
const ample: SweepBudget = { maxApplicants: 1_000, timeLeftMs: () => 900_000, reserveMs: 60_000 };

function setup(applicantIds: string[], options: { version?: { current: string } } = {}) {
  const store = new InMemoryApplicantStore();
  for (const applicantId of applicantIds) store.add(profileFactory({ applicantId, externalId: applicantId }));
  const version = options.version;
  const planning: Planning = Object.assign(new FakePlanning({ eras_application: [eras] }), {
    ...(version ? { calendarVersion: () => version.current } : {}),
  });
  const deps: SweepDeps & {
    store: InMemoryApplicantStore;
    wakeUps: InMemoryWakeUps;
    index: InMemorySweepIndex;
    clock: FixedClock;
  } = {
    store,
    ...storePorts(store),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    clock: new FixedClock(new Date("2026-09-10T00:00:00Z")),
    planning,
    index: new InMemorySweepIndex(store),
    calendarVersions: () => (version ? [version.current] : []),
  };
  return deps;
}

describe("sweep: late wake-ups", () => {
  it("re-arms a wake-up lost more than the grace period ago, though the stored instant is unchanged; a merely late one waits", async () => {
    const deps = setup(["a_lost", "a_late"]);
    for (const id of ["a_lost", "a_late"]) await planApplicant(id, deps);
    // Both armed for the ERAS reminder's sendAt; then the wake-ups vanish (a deleted schedule).
    expect(deps.store.state("a_lost").storedPlan?.wakeUpAt).toBe(eras.sendAt);
    deps.wakeUps.pending.clear();
    deps.wakeUps.log.length = 0;
    // a_late's instant is only 5 minutes past: move its stored plan so, as Scheduler might still be firing.
    const late = deps.store.state("a_late");
    late.storedPlan = {
      ...(late.storedPlan as NonNullable<typeof late.storedPlan>),
      wakeUpAt: "2026-09-17T09:55:00.000Z",
    };
    deps.clock.set(new Date(Date.parse("2026-09-17T10:00:00.000Z")));

    const report = await sweep(deps, { budget: ample });

    expect(report.late).toEqual({ found: 1, rearmed: 1, failed: [] });
    expect(deps.wakeUps.log).toEqual([`arm a_lost ${eras.sendAt}`]);
    expect(deps.wakeUps.pending.has("a_late")).toBe(false);
    expect(report.complete).toBe(true);
  });

  it("stops at the budget and says the run is incomplete", async () => {
    const deps = setup(["a_1", "a_2", "a_3"]);
    for (const id of ["a_1", "a_2", "a_3"]) await planApplicant(id, deps);
    deps.wakeUps.pending.clear();
    deps.clock.set(new Date(Date.parse(eras.sendAt) + SWEEP_GRACE_MS + 60_000));

    const report = await sweep(deps, { budget: { ...ample, maxApplicants: 2 } });

    expect(report.late).toMatchObject({ found: 3, rearmed: 2 });
    expect(deps.wakeUps.pending.size).toBe(2);
    expect(report.complete).toBe(false);
  });

  it("a failing applicant is reported and does not stop the others", async () => {
    const deps = setup(["a_1", "a_2"]);
    for (const id of ["a_1", "a_2"]) await planApplicant(id, deps);
    deps.wakeUps.pending.clear();
    deps.clock.set(new Date(Date.parse(eras.sendAt) + SWEEP_GRACE_MS + 60_000));
    deps.store.failNext.loadApplicant = Object.assign(new Error("Rate exceeded"), {
      name: "ThrottlingException",
    });

    const report = await sweep(deps, { budget: ample });

    expect(report.late.rearmed).toBe(1);
    expect(report.late.failed).toEqual([
      { applicantId: expect.any(String), error: "ThrottlingException: Rate exceeded" },
    ]);
    expect(deps.wakeUps.pending.size).toBe(1);
    expect(report.complete).toBe(false);
  });
});

describe("sweep: season-calendar changes", () => {
  const ids = ["a_1", "a_2", "a_3"];

  it("re-plans every plan computed with another calendar once, then costs nothing while the calendars stay", async () => {
    const version = { current: "2027:old" };
    const deps = setup(ids, { version });
    for (const id of ids) await planApplicant(id, deps);
    expect(ids.map((id) => deps.store.state(id).storedPlan?.calendarVersion)).toEqual([
      "2027:old",
      "2027:old",
      "2027:old",
    ]);
    version.current = "2027:new";

    const first = await sweep(deps, { budget: ample });

    expect(first.calendar).toEqual({ status: "completed", replanned: 3, failed: [] });
    expect(ids.map((id) => deps.store.state(id).storedPlan?.calendarVersion)).toEqual([
      "2027:new",
      "2027:new",
      "2027:new",
    ]);
    expect(deps.index.state).toMatchObject({ complete: true });
    const pagesBefore = deps.index.pagesRead;

    const second = await sweep(deps, { budget: ample });

    expect(second.calendar).toEqual({ status: "current", replanned: 0, failed: [] });
    expect(deps.index.pagesRead).toBe(pagesBefore);
  });

  it("a walk cut short by the budget continues where it stopped on the next run", async () => {
    const version = { current: "2027:old" };
    const deps = setup(ids, { version });
    for (const id of ids) await planApplicant(id, deps);
    version.current = "2027:new";
    const budget = { ...ample, maxApplicants: 2 };

    const first = await sweep(deps, { budget, pageItems: 2 });

    expect(first).toMatchObject({ complete: false, calendar: { status: "walking", replanned: 2 } });
    expect(deps.index.state).toMatchObject({ complete: false, cursor: "2" });
    expect(deps.store.state("a_3").storedPlan?.calendarVersion).toBe("2027:old");
    const savesBefore = deps.store.calls.savePlan ?? 0;

    const second = await sweep(deps, { budget, pageItems: 2 });

    expect(second).toMatchObject({ complete: true, calendar: { status: "completed", replanned: 1 } });
    expect((deps.store.calls.savePlan ?? 0) - savesBefore).toBe(1);
    expect(deps.store.state("a_3").storedPlan?.calendarVersion).toBe("2027:new");
  });

  it("a walk with a failure is not complete: the next run walks again and re-plans only what is still stale", async () => {
    const version = { current: "2027:old" };
    const deps = setup(ids, { version });
    for (const id of ids) await planApplicant(id, deps);
    version.current = "2027:new";
    deps.store.failNext.loadApplicant = new Error("boom");

    const first = await sweep(deps, { budget: ample });

    expect(first.calendar).toMatchObject({
      status: "walking",
      replanned: 2,
      failed: [expect.objectContaining({ error: "Error: boom" })],
    });
    expect(deps.index.state).toMatchObject({ complete: false });
    expect(deps.index.state?.cursor).toBeUndefined();

    const second = await sweep(deps, { budget: ample });

    expect(second.calendar).toEqual({ status: "completed", replanned: 1, failed: [] });
  });
});

describe("a season date moved after reminders were armed (fault suite)", () => {
  const milestones: MilestoneEntry[] = [
    { key: "wdoms_listing", status: "done", date: "2023-07-01" },
    { key: "ecfmg_application", status: "done", date: "2023-08-01" },
    { key: "usmle_step1", status: "done", date: "2024-03-01" },
    { key: "usmle_step2ck", status: "done", date: "2025-05-01" },
    { key: "oet_medicine", status: "done", date: "2025-01-10" },
    { key: "lors", status: "in_progress" },
    { key: "personal_statement", status: "not_started" },
    { key: "cv", status: "not_started" },
    { key: "program_list", status: "not_started" },
    { key: "eras_token", status: "not_started" },
    { key: "eras_application", status: "not_started" },
    { key: "nrmp_registration", status: "not_started" },
  ];

  it("the fired wake-up re-plans with the new calendar (no stale reminder sent before any sweep); the sweep then re-plans the applicants whose wake-up has not fired", async () => {
    const calendar: { current: SeasonCalendar } = { current: seasonCalendar(2027) };
    const planning: Planning = {
      plan: (state, now) =>
        plan(
          { applicant: state.profile, milestones: state.milestones, interviews: state.interviews },
          calendar.current,
          now,
        ),
      planHash,
      dueReminders,
      nextWakeUp,
      calendarVersion: () => calendarVersion(calendar.current),
    };
    const store = new InMemoryApplicantStore();
    for (const applicantId of ["a_fired", "a_waiting"]) {
      store.add(profileFactory({ applicantId, externalId: applicantId, graduation: "2023-06-30" }), {
        milestones,
      });
    }
    const clock = new FixedClock(new Date("2026-08-15T06:00:00Z"));
    const wakeUps = new InMemoryWakeUps();
    const events = new InMemoryEvents();
    const mailer = new InMemoryMailer();
    const deps = {
      ...storePorts(store),
      wakeUps,
      events,
      clock,
      planning,
      mailer,
      index: new InMemorySweepIndex(store),
      calendarVersions: () => [calendarVersion(calendar.current)],
      unsubscribeUrl: async (id: string) => `https://matchpath.example/unsubscribe?token=${id}`,
    };
    for (const id of ["a_fired", "a_waiting"]) await planApplicant(id, deps);
    const oldVersion = store.state("a_waiting").storedPlan?.calendarVersion;
    const oldPlan = planning.plan(store.state("a_fired"), clock.now());

    // The authority moves a date (an edit of the season data, shipped in a deploy).
    const key = "eras_programs_may_review_applications_and_mspe";
    const moved = calendar.current.dates[key];
    const shiftedAt = moved.at + 14 * 86_400_000;
    calendar.current = {
      ...calendar.current,
      dates: {
        ...calendar.current.dates,
        [key]: { ...moved, date: "2026-10-07", at: shiftedAt, iso: new Date(shiftedAt).toISOString() },
      },
    };
    expect(calendarVersion(calendar.current)).not.toBe(oldVersion);
    const newPlan = planning.plan(store.state("a_fired"), clock.now());
    const stale = oldPlan.reminders
      .filter((old) => !newPlan.reminders.some((r) => r.id === old.id))
      .map((r) => r.id);
    expect(stale.length).toBeGreaterThan(0);

    // No sweep yet: a_fired's wake-ups fire through the autumn, each re-planning before it sends.
    const until = Date.parse("2026-10-31T00:00:00Z");
    for (let guard = 0; guard < 200; guard++) {
      const at = wakeUps.pending.get("a_fired");
      if (at === undefined || at.getTime() > until) break;
      clock.set(at);
      await sendDueReminders("a_fired", at, deps);
    }
    const sent = store
      .state("a_fired")
      .ledger.filter((entry) => entry.status === "sent")
      .map((entry) => entry.reminderId);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((id) => stale.includes(id))).toEqual([]);
    expect(
      sent.some((id) =>
        newPlan.reminders.some((r) => r.id === id && r.deadline === new Date(shiftedAt).toISOString()),
      ),
    ).toBe(true);
    expect(store.state("a_fired").storedPlan?.calendarVersion).toBe(calendarVersion(calendar.current));

    // The daily sweep finds the one plan still computed with the old calendar and re-plans it.
    clock.set(new Date("2026-08-15T07:00:00Z"));
    store.state("a_waiting").storedPlan = {
      ...(store.state("a_waiting").storedPlan as NonNullable<ReturnType<typeof store.state>["storedPlan"]>),
      wakeUpAt: undefined,
    };
    const report = await sweep(deps, { budget: ample });

    expect(report.late.found).toBe(0);
    expect(report.calendar).toEqual({ status: "completed", replanned: 1, failed: [] });
    expect(store.state("a_waiting").storedPlan?.calendarVersion).toBe(calendarVersion(calendar.current));
    expect(
      events.published.filter((event) => event.type === "PlanChanged" && event.applicantId === "a_waiting"),
    ).toHaveLength(2);
  });
});
