import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantFactory, DONE_BUT_OET_AND_PATHWAY, inputFactory } from "#test/unit/domain/factories.ts";

/**
 * A step with its own date (the Pathway's planned submission day) and a
 * deadline has two ladders, the own date's and the deadline's first rung; when both land in one
 * delivery slot, one email listed the step twice. One email names a step once: the more urgent
 * item (the email's reading order; a critical notice always) speaks, and says both dates.
 */

function pathwayApplicant(submitOn: string, zone = "Africa/Lagos"): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: zone, matchYear: 2027 }),
    milestones: [
      ...DONE_BUT_OET_AND_PATHWAY.map((key) => ({ key, status: "done" as const })),
      { key: "oet_medicine", status: "done", date: "2026-11-20" },
      { key: "ecfmg_pathway", status: "scheduled", date: submitOn },
    ],
  });
}

function planAt(input: PlannerInput, now: string): Plan {
  return plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
}

function emailOf(planned: Plan, reminders: readonly Reminder[]) {
  return renderReminderEmail({
    recipientName: "Asha Rao",
    reminders,
    plan: planned,
    unsubscribeUrl: "https://example.org/unsubscribe",
  });
}

/** The numbered items of an email's plain-text part: "1. Complete an ECFMG Pathway". */
function itemLines(text: string): string[] {
  return text.split("\n").filter((line) => /^\d+\. /.test(line));
}

/** Each delivery slot's reminders: the email one wake-up sends. */
function emailsOf(planned: Plan): Reminder[][] {
  const bySlot = new Map<string, Reminder[]>();
  for (const reminder of planned.reminders) {
    const slot = bySlot.get(reminder.sendAt) ?? [];
    slot.push(reminder);
    bySlot.set(reminder.sendAt, slot);
  }
  return [...bySlot.values()];
}

const stepOf = (reminder: Reminder) => `${reminder.milestone}|${reminder.interviewId ?? ""}`;

describe("one email names a step once", () => {
  it("Lagos, Pathway planned for Thu 17 Dec 2026, planned on Mon 14 Dec: one item with both dates", () => {
    const planned = planAt(pathwayApplicant("2026-12-17"), "2026-12-14T06:00:00Z");
    const slot = planned.reminders.filter((reminder) => reminder.sendAt === "2026-12-14T08:00:00.000Z");
    // The reproduction: the own date's due-in-3d and the deadline's first rung share the 09:00 slot.
    expect(
      slot
        .filter((reminder) => reminder.milestone === "ecfmg_pathway")
        .map((r) => r.rung)
        .sort(),
    ).toEqual(["deadline-in-14d", "due-in-3d"]);
    const email = emailOf(planned, slot);
    const items = itemLines(email.text);
    expect(items.filter((line) => line.includes("Complete an ECFMG Pathway"))).toHaveLength(1);
    expect(email.text).toContain("Your date: Thu 17 Dec 2026");
    expect(email.text).toContain(
      "The deadline is Sat 26 Dec 2026, end of the day (midnight GMT+1) (your time), a projected date.",
    );
    expect(email.subject).not.toContain("more)");
    expect(email.html.match(/Complete an ECFMG Pathway/g)?.length ?? 0).toBeLessThanOrEqual(
      emailOf(planned, slot.slice(0, 1)).html.match(/Complete an ECFMG Pathway/g)?.length ?? 0,
    );
  });

  it("New York, Pathway planned for Sat 26 Dec (the deadline's day, 6:00 PM): one item, the deadline leads and names the date given", () => {
    const planned = planAt(pathwayApplicant("2026-12-26", "America/New_York"), "2026-12-02T06:00:00Z");
    const slot = planned.reminders.filter((reminder) => reminder.sendAt === "2026-12-12T14:00:00.000Z");
    expect(slot.map((r) => r.rung).sort()).toEqual(["deadline-in-14d", "due-in-14d"]);
    const email = emailOf(planned, slot);
    expect(itemLines(email.text)).toEqual(["1. Complete an ECFMG Pathway"]);
    // One date line: the deadline, then the date given.
    expect(email.text).toMatch(/^ {3}Due: Sat 26 Dec 2026, 6:00 PM EST.*; your date Sat 26 Dec 2026$/m);
  });
});

/** Every Pathway day from 1 to 27 Dec 2026, planned at several instants, in two zones. */
const SUBMIT_DAYS = Array.from({ length: 27 }, (_, day) => `2026-12-${String(day + 1).padStart(2, "0")}`);
const NOWS = [
  "2026-11-25T12:00:00Z",
  "2026-12-05T06:00:00Z",
  "2026-12-10T20:00:00Z",
  "2026-12-14T06:00:00Z",
  "2026-12-20T03:00:00Z",
];

const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);

describe("no email lists the same step twice (property)", () => {
  it.each(["Africa/Lagos", "America/Los_Angeles"])(
    "a Pathway with its own date and a deadline (%s)",
    (zone) => {
      let emails = 0;
      for (const day of SUBMIT_DAYS)
        for (const now of NOWS) {
          const planned = planAt(pathwayApplicant(day, zone), now);
          for (const reminders of emailsOf(planned)) {
            const items = itemLines(emailOf(planned, reminders).text);
            expect(items, `${zone} ${day} ${now}`).toHaveLength(new Set(reminders.map(stepOf)).size);
            emails++;
          }
        }
      expect(emails).toBeGreaterThan(200);
    },
  );

  it("every scenario, at instants through its season", () => {
    let emails = 0;
    for (const file of readdirSync(SCENARIO_DIR).filter((name) => name.endsWith(".json"))) {
      const snapshot = ApplicantSnapshotSchema.parse(
        JSON.parse(readFileSync(new URL(file, SCENARIO_DIR), "utf8")),
      );
      const year = snapshot.applicant.matchYear;
      for (let week = 0; week < 100; week += 13) {
        const now = new Date(Date.UTC(year - 2, 5, 1) + week * 7 * 86_400_000).toISOString();
        const planned = plan(snapshot, seasonCalendar(year), new Date(now));
        for (const reminders of emailsOf(planned)) {
          const items = itemLines(emailOf(planned, reminders).text);
          expect(items, `${file} ${now}`).toHaveLength(new Set(reminders.map(stepOf)).size);
          emails++;
        }
      }
    }
    expect(emails).toBeGreaterThan(500);
  });
});
