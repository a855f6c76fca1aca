import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders, nextWakeUp } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applySnoozes } from "#domain/snoozes.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * The NRMP question the rank list's reminder folds in
 * is carried by it (Reminder.folded), so it is marked sent with it; when the carrier was sent
 * already (a missed rank-list rung re-timed to the question's slot), the question goes on its own.
 * Ama, in Kumasi: every step to ERAS done but NRMP never reported, one interview on 14 Dec 2026.
 */
const ZONE = "Africa/Accra";
const milestones = doneMilestones(
  REGISTERED_KEYS.filter((key) => key !== "nrmp_registration"),
  "2026-09-20",
);
const ama = (now: string): Plan =>
  plan(
    inputFactory({
      applicant: applicantFactory({ timezone: ZONE, matchYear: 2027, graduation: "2024-05-31" }),
      milestones,
      interviews: [interviewFactory({ id: "iv-kumasi", startsAt: "2026-12-14T10:00:00-05:00" })],
    }),
    seasonCalendar(2027),
    new Date(now),
  );

function carrier(result: Plan): Reminder {
  const found = result.reminders.find((each) => (each.folded?.length ?? 0) > 0);
  if (found === undefined) throw new Error("no rank-list reminder carries the NRMP question");
  return found;
}

describe("the NRMP question a rank-list reminder carries", () => {
  const result = ama("2027-01-20T08:00:00Z");
  const into = carrier(result);
  const folded = into.folded?.[0] as Reminder;

  it("is carried by the rank list's reminder of its slot, not in the plan's list", () => {
    expect(into.milestone).toBe("rank_order_list");
    expect(folded.milestone).toBe("nrmp_registration");
    expect(folded.sendAt).toBe(into.sendAt);
    expect(result.reminders.some((each) => each.id === folded.id)).toBe(false);
  });

  it("is due with its carrier, not apart from it, while the carrier is not sent", () => {
    const at = new Date(into.sendAt);
    const due = dueReminders(result, at, new Set());
    expect(due.map((each) => each.id)).toContain(into.id);
    expect(due.map((each) => each.id)).not.toContain(folded.id);
  });

  it("goes on its own, and is waited for, once its carrier was sent without it", () => {
    const sent = new Set([into.id]);
    expect(dueReminders(result, new Date(into.sendAt), sent).map((each) => each.id)).toContain(folded.id);
    expect(dueReminders(result, new Date(into.sendAt), new Set([into.id, folded.id]))).not.toContainEqual(
      folded,
    );
    const before = new Date(Date.parse(into.sendAt) - 3_600_000);
    const allSent = new Set(result.reminders.map((each) => each.id));
    expect(nextWakeUp(result, before, allSent)?.toISOString()).toBe(folded.sendAt);
  });

  it("is not carried once NRMP reminders are snoozed past its slot", () => {
    const until = new Date(Date.parse(folded.sendAt) + 2 * 86_400_000).toISOString().slice(0, 10);
    const snoozed = applySnoozes(
      result,
      [...milestones, { key: "nrmp_registration", status: "not_started", snoozedUntil: until }],
      ZONE,
    );
    const again = snoozed.reminders.find((each) => each.id === into.id);
    expect(again?.why).toBe(into.why);
    expect(again?.folded?.some((each) => each.id === folded.id) ?? false).toBe(false);
  });
});
