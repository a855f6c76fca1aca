import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";

/**
 * The printed plan's REMINDERS table says what each email says before its date: on the day before an
 * interview "Starts tomorrow", and on the day before Match Week "Tomorrow" (the CLI said "Starts" and
 * "On", without the applicant's zone). Lucía (Lima, J-1, a virtual interview on Wed 13 Jan 2027).
 */
const FILE = new URL("../../fixtures/cli-tomorrow/lima-interview-ahead.json", import.meta.url);
const lucia = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const ZONE = "America/Lima";
const planned = plan(lucia, seasonCalendar(2027), new Date("2027-01-05T14:00:00Z"));
const table = renderPlan(planned, lucia.applicant.fullName, ZONE, lucia.interviews);

/** The REMINDERS row's "email says" cell of the reminder with `rung` on `step` (as the table names it). */
function saysOf(step: RegExp, rung: string): { says: string | undefined; id: string | undefined } {
  const reminder = planned.reminders.find(
    (each) => each.rung === rung && step.test(each.interviewId ?? each.milestone),
  );
  const row = table.split("\n").find((line) => reminder !== undefined && line.includes(reminder.id));
  const cells = row?.trim().split(/\s{2,}/);
  return { says: cells?.[4], id: reminder?.id };
}

/** What the email carrying that reminder alone says before its date. */
function emailSays(id: string | undefined): string | undefined {
  const reminder = planned.reminders.find((each) => each.id === id);
  if (reminder === undefined) return undefined;
  const { text } = renderReminderEmail({
    recipientName: lucia.applicant.fullName,
    reminders: [reminder],
    plan: planned,
    interviews: lucia.interviews,
    timezone: ZONE,
    unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
  });
  return /^ {3}([^:]+): /m.exec(text)?.[1];
}

describe("the CLI's 'email says' column on the day before", () => {
  it.each([
    ["the interview, a week before", /^iv-/, "interview-prep-7d", "Starts"],
    ["the interview, the day before", /^iv-/, "interview-prep-1d", "Starts tomorrow"],
    ["Match Week, three days before", /^soap$/, "due-in-3d", "On"],
    ["Match Week, the day before", /^soap$/, "due-in-1d", "Tomorrow"],
  ])("%s", (_case, step, rung, words) => {
    const { says, id } = saysOf(step, rung);
    expect(says).toBe(words);
    expect(emailSays(id)).toBe(words);
  });
});
