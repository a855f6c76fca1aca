import { describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "#test/unit/domain/factories.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";

/**
 * The CLI's REMINDERS table lists an exam's 14-day rungs on 1 Dec and on 21 Dec 2027: one counts to
 * booking a session by Wed 15 Dec 2027, the other to the last sitting on Tue 4 Jan 2028. Each row
 * names the date its email gives after its words, as the email does, and the words say what the
 * date is: "Book a session by", then "Due" for the step's one deadline.
 */
const NOW = "2026-11-30T12:00:00Z";
const input = inputFactory({
  applicant: applicantFactory({
    timezone: "Asia/Dhaka",
    matchYear: 2028,
    specialties: ["Internal Medicine"],
    visa: "J-1",
    graduation: "2025-06-30",
    medicalSchool: { name: "Rahim Medical College", country: "BD", wdomsSponsorNote: true },
    programsPlanned: 80,
  }),
  milestones: [milestoneFactory("wdoms_listing", "done", "2026-11-20")],
});

function cli(...flags: string[]): string {
  let out = "";
  const snapshot = { type: "applicant.snapshot", submissionId: "reminder-dates", ...input };
  const code = runPlanCli(["rahim.json", "--now", NOW, ...flags], {
    readFile: () => JSON.stringify(snapshot),
    now: () => new Date(NOW),
    out: (text) => {
      out += text;
    },
    err: () => {},
  });
  expect(code).toBe(0);
  return out;
}

const text = cli();
const section = text.slice(text.indexOf("\nREMINDERS\n"), text.indexOf("\nBUDGET"));
const lines = section.split("\n").filter((line) => /^ {2}\d{4}-/.test(line));
const reminders = (JSON.parse(cli("--json")) as { reminders: Reminder[] }).reminders;
/** The table's row for reminder `id`, its cells. */
const cellsOf = (id: string): string[] =>
  (lines.find((line) => line.includes(id)) ?? "")
    .trim()
    .split(/\s{2,}/)
    .map((cell) => cell.trim());

describe("the CLI's REMINDERS name the date each rung counts to", () => {
  const exam = reminders.filter(
    (reminder) =>
      reminder.milestone === "oet_medicine" &&
      (reminder.rung === "book-by-in-14d" || reminder.rung === "deadline-in-14d"),
  );

  it("has two 14-day rungs of one exam toward different dates (the case holds)", () => {
    expect(exam.map((reminder) => reminder.deadlineDetail.local)).toEqual([
      "Wed 15 Dec 2027",
      "Tue 4 Jan 2028",
    ]);
  });

  it("tells them apart by their words and dates, with the basis mark the other tables use", () => {
    expect(exam.map((reminder) => cellsOf(reminder.id).slice(-2))).toEqual([
      ["Book a session by", "Wed 15 Dec 2027 †"],
      ["Due", "Tue 4 Jan 2028 †"],
    ]);
  });

  it("gives every row the date its email names after its words, whole (no cell cut at the width cap)", () => {
    expect(lines).toHaveLength(reminders.length);
    for (const reminder of reminders) {
      const cells = cellsOf(reminder.id);
      expect(cells.at(-1)?.startsWith((reminder.overdueSince ?? reminder.deadlineDetail).local)).toBe(true);
    }
  });

  it("keeps the column heading beside the email's words", () => {
    const heading = section.split("\n").find((line) => line.includes("send at (your time)")) ?? "";
    expect(heading.trim().split(/\s{2,}/)).toEqual([
      "send at (your time)",
      "step",
      "rung",
      "id",
      "email says",
      "date (your time)",
    ]);
  });
});
