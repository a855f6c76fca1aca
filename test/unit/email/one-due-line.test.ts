import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
} from "#test/unit/domain/factories.ts";

/**
 * The email of the day a sat exam's score should be
 * out carried the step twice, "Due: Wed 27 Jan 2027 (projected date)" (the last sitting day of the
 * re-sit reminder) and "Due: Thu 25 Feb 2027" (the result follow-up's, the step's own deadline),
 * under a subject leading with "if you did not take it … book a seat now". One item, one "Due:"
 * line: the step's own deadline; the score asked first, the re-sit day a condition in the text
 * (the re-sit follow-up carries the result's deadline too). A
 * re-sit rung sent alone counts down to the last sitting day and prints that day ("If you did not sit it, sit it by").
 * Kwame: Lagos, J-1, 2027 Match, Step 2 CK booked for Fri 20 Nov 2026, never reported since.
 */
function kwame(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "kwame-lagos",
      fullName: "Kwame Okafor",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      graduation: "2024-07-01",
    }),
    milestones: [
      ...doneMilestones(
        [
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "oet_medicine",
          "ecfmg_pathway",
          "usce",
          "lors",
          "personal_statement",
          "cv",
          "program_list",
          "eras_token",
          "nrmp_registration",
        ],
        "2026-09-01",
      ),
      milestoneFactory("eras_application", "done", "2026-11-25"),
      milestoneFactory("usmle_step2ck", "scheduled", "2026-11-20"),
    ],
  });
}

function emailOf(planned: Plan, reminders: readonly Reminder[]) {
  return renderReminderEmail({
    recipientName: "Kwame Okafor",
    reminders,
    plan: planned,
    unsubscribeUrl: "https://example.org/unsubscribe",
  });
}

/** The lines of the plain-text item whose title starts with `title`, up to the next item. */
function itemBlock(text: string, title: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex(
    (line) => /^\d+\. /.test(line) && line.slice(line.indexOf(" ") + 1).startsWith(title),
  );
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && (line === "" || /^\d+\. /.test(line)));
  return lines.slice(start, end < 0 ? undefined : end);
}

describe("one 'Due:' line per email item", () => {
  // Fri 18 Dec 2026, 09:00 in Lagos: 20 Nov + 28 days (reportingDays, advice), the score's day,
  // which is also a cut of the re-sit follow-ups (every 14 days from the sitting, advice).
  const slot = "2026-12-18T08:00:00.000Z";
  const planned = plan(kwame(), seasonCalendar(2027), new Date("2026-12-18T07:30:00Z"));
  const step2ck = planned.reminders.filter((r) => r.sendAt === slot && r.milestone === "usmle_step2ck");

  it("the score's day: the re-sit reminder and the result follow-up go out together", () => {
    expect(step2ck.map((r) => r.rung).sort()).toEqual(["rebook-follow-up", "result-follow-up"]);
  });

  it("their item says one date, the step's own deadline, and the re-sit day as a condition", () => {
    const email = emailOf(
      planned,
      planned.reminders.filter((r) => r.sendAt === slot),
    );
    const item = itemBlock(email.text, "Has your USMLE Step 2 CK score come? If so, tell us the result");
    expect(item.length).toBeGreaterThan(0);
    // One date line: the step's own deadline, the result's; the re-sit day is in the text.
    const dated = item.filter((line) => /^ {3}[A-Z][^:]*: \w{3} \d{1,2} \w{3} \d{4}/.test(line));
    expect(dated).toHaveLength(1);
    expect(dated[0]).toContain(
      "Due: Thu 25 Feb 2027, 3:00 AM GMT+1 (your time) / Wed 24 Feb 2027, 9:00 PM ET",
    );
    expect(item.join("\n")).toMatch(
      /If you did not take it, (sit it by|sit it as soon as you can: its target, [^\n]*) Wed 27 Jan 2027/,
    );
    expect(item.join("\n")).not.toContain("Due: Wed 27 Jan 2027");
  });

  it("the subject asks for the score first, never 'if you did not take it … book a seat now'", () => {
    const email = emailOf(planned, step2ck);
    // Both follow-ups ask for the score and carry the result's deadline: the subject names it.
    expect(email.subject).toMatch(
      /^Has your USMLE Step 2 CK score come\? If so, tell us the result: due Thu 25 Feb 2027/,
    );
    expect(email.subject).not.toContain("did not take it");
    expect(email.subject).not.toContain("book a seat");
  });

  it("a re-sit rung alone (3 days before the last sitting day) prints the day it counts down to", () => {
    const later = plan(kwame(), seasonCalendar(2027), new Date("2027-01-20T07:30:00Z"));
    const rung = later.reminders.find(
      (r) => r.milestone === "usmle_step2ck" && r.sendAtLocal.startsWith("2027-01-24"),
    );
    expect(rung).toBeDefined();
    const email = emailOf(later, rung === undefined ? [] : [rung]);
    expect(rung?.rung).toBe("sit-by-in-3d");
    expect(email.text.match(/^\s+Due: /gm)).toBeNull();
    expect(email.text.match(/^\s+If you did not sit it, sit it by: /gm)).toHaveLength(1);
    expect(email.text).toContain(
      "If you did not sit it, sit it by: Wed 27 Jan 2027 (our advice, not set by any authority)",
    );
  });
});
