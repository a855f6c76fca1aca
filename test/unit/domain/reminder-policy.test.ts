import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders, nextWakeUp, planHash } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { inputFactory, milestoneFactory } from "./factories.ts";

const NOW = new Date("2025-11-20T00:00:00Z");
const basePlan = (now = NOW): Plan => plan(inputFactory(), seasonCalendar(2026), now);

describe("reminder policy", () => {
  it("arms the wake-up for the earliest unsent reminder after now", () => {
    const result = basePlan();
    const first = result.reminders[0];
    expect(first).toBeDefined();
    expect(nextWakeUp(result, NOW, new Set())?.toISOString()).toBe(first?.sendAt);
    const skipped = nextWakeUp(result, NOW, new Set([first?.id ?? ""]));
    expect(skipped === undefined || skipped.getTime() >= Date.parse(first?.sendAt ?? "")).toBe(true);
  });

  it("sends what is due at the wake-up, most urgent first, and nothing already sent", () => {
    const result = basePlan();
    const wake = nextWakeUp(result, NOW, new Set());
    if (wake === undefined) throw new Error("expected a wake-up");
    const due = dueReminders(result, wake, new Set());
    expect(due.length).toBeGreaterThan(0);
    for (const reminder of due) {
      expect(Date.parse(reminder.sendAt)).toBeLessThanOrEqual(wake.getTime());
      expect(Date.parse(reminder.deadline)).toBeGreaterThan(wake.getTime());
    }
    const deadlines = due.map((reminder) => Date.parse(reminder.deadline));
    expect(deadlines).toEqual([...deadlines].sort((left, right) => left - right));
    expect(dueReminders(result, wake, new Set(due.map((reminder) => reminder.id)))).toEqual([]);
  });

  it("never returns a reminder whose deadline has passed", () => {
    const result = basePlan();
    const last = result.reminders[result.reminders.length - 1];
    const afterAll = new Date(Date.parse(last?.deadline ?? "") + 1);
    expect(
      dueReminders(result, afterAll, new Set()).every((r) => Date.parse(r.deadline) > afterAll.getTime()),
    ).toBe(true);
  });

  it("returns no wake-up when everything is sent and no risk is due to change", () => {
    // The factory applicant is out of reach for 2026, so its plan lists when its earliest feasible
    // Match moves on; those wake-ups are the next test's concern.
    const { riskChangesAt, ...result } = basePlan();
    expect(riskChangesAt?.length).toBeGreaterThan(0);
    expect(nextWakeUp(result, NOW, new Set(result.reminders.map((reminder) => reminder.id)))).toBeUndefined();
  });

  it("wakes just after a risk-change instant that comes before the next reminder, never at a past one", () => {
    const result = basePlan();
    const first = Date.parse(result.reminders[0]?.sendAt ?? "");
    const between = new Date((NOW.getTime() + first) / 2).toISOString();
    const past = new Date(NOW.getTime() - 86_400_000).toISOString();
    const withChange: Plan = { ...result, riskChangesAt: [past, between] };
    expect(nextWakeUp(withChange, NOW, new Set())?.getTime()).toBe(Date.parse(between) + 1000);
    // With every reminder sent, the risk change alone still wakes the applicant.
    const allSent = new Set(result.reminders.map((reminder) => reminder.id));
    expect(nextWakeUp(withChange, NOW, allSent)?.getTime()).toBe(Date.parse(between) + 1000);
    expect(nextWakeUp({ ...result, riskChangesAt: [past] }, NOW, allSent)).toBeUndefined();
  });

  it("takes a risk-change instant only where the caller's re-plan says it sends something, earliest first", () => {
    const result = basePlan();
    const first = Date.parse(result.reminders[0]?.sendAt ?? "");
    const early = new Date(NOW.getTime() + (first - NOW.getTime()) / 3).toISOString();
    const later = new Date(NOW.getTime() + ((first - NOW.getTime()) * 2) / 3).toISOString();
    // Listed out of order on purpose: the earliest instant that tells wins.
    const withChanges: Plan = { ...result, riskChangesAt: [later, early] };
    const asked: string[] = [];
    const tellsAtLater = (at: Date, nextReminder: Date | undefined) => {
      asked.push(at.toISOString());
      expect(nextReminder?.getTime()).toBe(first);
      return at.getTime() === Date.parse(later) + 1000 ? at : undefined;
    };
    expect(nextWakeUp(withChanges, NOW, new Set(), tellsAtLater)?.getTime()).toBe(Date.parse(later) + 1000);
    expect(asked).toEqual(
      [Date.parse(early) + 1000, Date.parse(later) + 1000].map((at) => new Date(at).toISOString()),
    );
    // No instant that tells: the next reminder, as if no risk changed.
    expect(nextWakeUp(withChanges, NOW, new Set(), () => undefined)?.getTime()).toBe(first);
    // Nothing left to send and nothing that tells: no wake-up at all.
    const allSent = new Set(result.reminders.map((reminder) => reminder.id));
    expect(nextWakeUp(withChanges, NOW, allSent, () => undefined)).toBeUndefined();
  });

  it("wakes when what a risk change tells goes out, not at the change itself, unless a later change tells sooner", () => {
    const result = basePlan();
    const first = Date.parse(result.reminders[0]?.sendAt ?? "");
    const span = first - NOW.getTime();
    const early = NOW.getTime() + span / 5;
    const later = NOW.getTime() + (span * 2) / 5;
    const withChanges: Plan = {
      ...result,
      riskChangesAt: [early, later].map((at) => new Date(at).toISOString()),
    };
    // The early change's notice goes out at the next delivery slot, after the later change.
    const earlySlot = new Date(NOW.getTime() + (span * 3) / 5);
    const laterSends = new Date(later + 1000);
    const tells = (at: Date) => (at.getTime() === early + 1000 ? earlySlot : undefined);
    expect(nextWakeUp(withChanges, NOW, new Set(), tells)).toEqual(earlySlot);
    const bothTell = (at: Date, before: Date | undefined) =>
      at.getTime() === early + 1000
        ? earlySlot
        : at.getTime() === later + 1000 && (before?.getTime() ?? Infinity) > laterSends.getTime()
          ? laterSends
          : undefined;
    expect(nextWakeUp(withChanges, NOW, new Set(), bothTell)).toEqual(laterSends);
  });

  it("hashes what matters, not the planning instant", () => {
    const early = basePlan(new Date("2025-11-20T00:00:00Z"));
    const aMinuteLater = basePlan(new Date("2025-11-20T00:01:00Z"));
    expect(planHash(aMinuteLater)).toBe(planHash(early));
    const changed = plan(
      inputFactory({ milestones: [milestoneFactory("nrmp_registration", "done", "2025-11-19")] }),
      seasonCalendar(2026),
      NOW,
    );
    expect(planHash(changed)).not.toBe(planHash(early));
    expect(planHash(early)).toMatch(/^[0-9a-f]{16}$/);
  });
});

/**
 * The weekly summary of Wed 25 Aug 2027 led with a letters-of-recommendation target before the ERAS
 * token's deadline of the same day, since the target's instant came first.
 * On one day, a hard deadline comes first (missed, it closes a door), then the applicant's own
 * date, then a target (advice): the day is the applicant's, as the email shows it.
 */
describe("same-day items in one email", () => {
  const [first] = basePlan().reminders;
  if (!first) throw new Error("the base plan has reminders");
  const { precision: _precision, day: _day, ...exact } = first.deadlineDetail;
  const template = { ...first, deadlineDetail: exact };
  const sendAt = "2027-08-25T04:00:00.000Z";
  const sendAtLocal = "2027-08-25T09:00:00.000+05:00";
  const target = {
    ...template,
    id: "r-target",
    milestone: "lors" as const,
    countsDownTo: "target" as const,
    deadline: "2027-08-31T19:00:00.000Z",
    deadlineDetail: {
      ...template.deadlineDetail,
      at: "2027-08-31T19:00:00.000Z",
      precision: "day" as const,
      day: "2027-09-01",
    },
    sendAt,
    sendAtLocal,
  };
  const deadline = {
    ...template,
    id: "r-deadline",
    milestone: "eras_token" as const,
    deadline: "2027-09-01T13:00:00.000Z",
    deadlineDetail: { ...template.deadlineDetail, at: "2027-09-01T13:00:00.000Z" },
    sendAt,
    sendAtLocal,
  };
  const { countsDownTo: _none, ...hard } = deadline;
  const ownDate = {
    ...template,
    id: "r-own",
    milestone: "usmle_step2ck" as const,
    countsDownTo: "own-date" as const,
    deadline: "2027-08-31T19:00:00.000Z",
    deadlineDetail: {
      ...template.deadlineDetail,
      at: "2027-08-31T19:00:00.000Z",
      status: "applicant" as const,
    },
    sendAt,
    sendAtLocal,
  };
  const nextDay = {
    ...hard,
    id: "r-next-day",
    deadline: "2027-09-02T05:00:00.000Z",
    deadlineDetail: { ...exact, at: "2027-09-02T05:00:00.000Z" },
  };
  const due = (reminders: Plan["reminders"]) =>
    dueReminders({ ...basePlan(), reminders }, new Date(sendAt), new Set()).map((reminder) => reminder.id);

  it("puts the deadline first, then the applicant's own date, then the target, then the next day", () => {
    expect(due([nextDay, target, ownDate, hard])).toEqual(["r-deadline", "r-own", "r-target", "r-next-day"]);
    expect(due([target, hard])).toEqual(["r-deadline", "r-target"]);
  });
});
