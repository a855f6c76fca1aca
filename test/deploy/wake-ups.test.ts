import { describe, expect, it } from "vitest";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import { parseReminderEvent } from "../../functions/reminder/reminder-event.ts";
import { createWorld, openApplicant } from "../faults/support/world.ts";
import { Violations } from "./stand-ins/api-error.ts";
import { SchedulerStandIn, type StandInSchedule } from "./stand-ins/scheduler.ts";
import { schedulerClientFor } from "./stand-ins/scheduler-client.ts";

/**
 * The real planner and reminder use cases and the real EventBridge Scheduler adapter, against a
 * Scheduler stand-in that keeps Scheduler's rules: a one-time schedule must be armed for an instant
 * still ahead (the adapter moves a nearer one to a minute from now), fires within its minute with
 * `<aws.scheduler.scheduled-time>` filled in, and deletes itself after firing at a moment AWS does
 * not order against the reminder's re-arm.
 */
const START = "2026-05-04T06:00:00.000Z";

function worldWithStandIn(start: string) {
  const violations = new Violations();
  let world: ReturnType<typeof createWorld> | undefined;
  const standIn = new SchedulerStandIn(() => world?.clock.at ?? Date.parse(start), violations);
  world = createWorld({ start, schedulerClient: schedulerClientFor(standIn) });
  return { world, standIn, violations };
}

function pendingOf(standIn: SchedulerStandIn, applicantId: string): StandInSchedule[] {
  return [...standIn.schedules.values()].filter(
    (schedule) => (JSON.parse(schedule.input) as { applicantId: string }).applicantId === applicantId,
  );
}

/** The instant the applicant's first wake-up is planned for, from a plan made at `start`. */
async function firstWakeUp(start: string): Promise<number> {
  const { world, standIn } = worldWithStandIn(start);
  const applicantId = await world.intake(openApplicant("sixty"));
  await world.planOne(applicantId);
  const [schedule] = pendingOf(standIn, applicantId);
  if (!schedule) throw new Error("no wake-up armed");
  return Date.parse((JSON.parse(schedule.input) as { plannedFor: string }).plannedFor);
}

describe("wake-ups under Scheduler's rules", () => {
  it("a reminder armed 30 s before its send time fires a minute later and is still sent, planned at its instant", async () => {
    // Prepare: the send time of the applicant's first reminder, then the same applicant arriving
    // 30 s before it, so the wake-up is armed inside Scheduler's one-minute lead.
    const sendAt = await firstWakeUp(START);
    expect(sendAt).toBeGreaterThan(Date.parse(START));
    const { world, standIn, violations } = worldWithStandIn(new Date(sendAt - 30_000).toISOString());
    const applicantId = await world.intake(openApplicant("sixty"));
    await world.planOne(applicantId);
    const [schedule] = pendingOf(standIn, applicantId);
    if (!schedule) throw new Error("no wake-up armed");
    expect(schedule.at).toBe(sendAt - 30_000 + 60_000);

    // Act: Scheduler fires it at its at() minute, as the reminder function receives it.
    world.clock.at = schedule.at;
    const fired = standIn.fire(schedule);
    fired.complete();
    const call = parseReminderEvent(fired.event);
    const result = await sendDueReminders(call.applicantId, call.firedAt, world.reminderDeps);

    // Assess: planned at the instant it was armed for (not the later fire time), so the rung whose
    // slot is that instant is due and goes out; the event's scheduledTime is the later minute.
    expect((fired.event as { scheduledTime: string }).scheduledTime).toBe(
      `${new Date(sendAt + 30_000).toISOString().slice(0, 19)}Z`,
    );
    expect(call.firedAt?.getTime()).toBe(sendAt);
    expect(result.outcome).toBe("sent");
    expect(result.reminderIds.length).toBeGreaterThan(0);
    expect(violations.list).toEqual([]);
  });

  describe.each([
    ["the self-delete lands before the re-arm", "delete-first"],
    ["the self-delete lands after the re-arm", "rearm-first"],
  ] as const)("%s", (_name, order) => {
    it("the next wake-up survives", async () => {
      const { world, standIn, violations } = worldWithStandIn(START);
      const applicantId = await world.intake(openApplicant(`race-${order}`));
      await world.planOne(applicantId);
      const [schedule] = pendingOf(standIn, applicantId);
      if (!schedule) throw new Error("no wake-up armed");

      world.clock.at = schedule.at;
      const fired = standIn.fire(schedule);
      if (order === "delete-first") fired.complete();
      const call = parseReminderEvent(fired.event);
      const result = await sendDueReminders(call.applicantId, call.firedAt, world.reminderDeps);
      if (order === "rearm-first") fired.complete();

      expect(result.outcome).toBe("sent");
      expect(result.nextWakeUpAt).toBeDefined();
      const pending = pendingOf(standIn, applicantId);
      expect(pending.map((s) => (JSON.parse(s.input) as { plannedFor: string }).plannedFor)).toEqual([
        `${result.nextWakeUpAt?.slice(0, 19)}Z`,
      ]);
      expect(violations.list).toEqual([]);
    });
  });
});
