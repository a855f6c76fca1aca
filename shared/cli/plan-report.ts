import { budgetFootnotes, itemAmount, presumedSource } from "#domain/budget-words.ts";
import { dateBasis } from "#domain/date-basis.ts";
import { deadlineWords } from "#domain/date-words.ts";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import { matchYearHeading } from "#domain/match-year-heading.ts";
import { actByWords } from "#domain/missed-date-label.ts";
import { usd } from "#domain/money.ts";
import type { Deadline, Plan } from "#domain/plan.ts";
import { atEarlierFigure } from "#domain/planner/fee-in-force.ts";
import { atTheProgram, isInterviewStart } from "#domain/program-time.ts";
import { seasonStatusWords } from "#domain/seasons/status-words.ts";
import type { Interview, MilestoneEntry } from "#domain/snapshot.ts";
import { badgeWords, stepBadge } from "#domain/step-badge.ts";
import { passedTargetWords } from "#domain/target-need.ts";
import { blockedDateCells } from "./blocked-date-cells.ts";
import { emailItems } from "./listed-plan.ts";
import { REMINDER_HEADERS, reminderRow, undatedNoticeLines } from "./reminder-rows.ts";
import { remindersEnd } from "./reminders-end.ts";
import { snoozedLines } from "./snoozed-lines.ts";
import { startByCell } from "./start-by-cell.ts";

// `npm run plan`'s text report (split out of plan.ts, which reads the arguments and the snapshot).

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return "  (none)\n";
  const widths = headers.map((header, column) =>
    Math.min(60, Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length))),
  );
  const line = (cells: readonly string[]): string =>
    `  ${cells.map((cell, column) => cell.slice(0, widths[column]).padEnd(widths[column] ?? 0)).join("  ")}`.trimEnd();
  return `${[line(headers), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n")}\n`;
}

/**
 * The mark after a date in the tables, by who sets it (dateBasis): `*` an authority's
 * date projected by a documented rule, `†` our advice, a date no authority sets (a lead time, an
 * allowance, a target), even when counted from a projected date; none for a confirmed date or the
 * applicant's own (a day they gave prints as a day, deadlineWords). The footnotes under NEXT STEPS say so.
 */
const DATE_MARKS: Partial<Record<ReturnType<typeof dateBasis>, string>> = { projected: " *", advice: " †" };

const marked = (date: Deadline): string => `${deadlineWords(date).local}${DATE_MARKS[dateBasis(date)] ?? ""}`;

/**
 * The plan as a readable text report: next steps (in the reading order of the timeline and the
 * email, in the applicant's zone `timezone`; US Eastern when not given), blocked, overdue, risks,
 * reminders, where they stop and the steps `milestones` snooze, budget. An interview's second
 * time is the program's, from `interviews`, as on the timeline and in the emails: never US Eastern,
 * which is neither's; without `interviews` (the default), that column reads "-" for each interview.
 */
export function renderPlan(
  result: Plan,
  applicantName: string,
  timezone = "America/New_York",
  interviews: readonly Interview[] = [],
  milestones: readonly MilestoneEntry[] = [],
): string {
  const subject = (step: { milestone: string; interviewId?: string }): string =>
    step.interviewId === undefined ? step.milestone : `interview ${step.interviewId}`;
  // The budget is its own section below, not a step.
  const nextSteps = listedInReadingOrder(result, timezone);
  const parts = [
    `Plan for ${applicantName}: ${matchYearHeading(result)}, ${seasonStatusWords(result, "calendar")}, as of ${result.now}\n`,
    "\nNEXT STEPS\n",
    table(
      [
        "standing",
        "step",
        "target (your time)",
        "deadline (your time)",
        // An interview's second time is the program's: the heading says so when one is listed.
        nextSteps.some((step) => step.milestone === "interview")
          ? "deadline (ET; interview: program's time)"
          : "deadline (ET)",
        "title",
      ],
      nextSteps.map((step) => [
        // The badge the timeline and the console show, by the same rule (stepBadge): "overdue" only
        // for a step the OVERDUE section lists.
        badgeWords(stepBadge(step, result.now, result.risks), step),
        subject(step),
        step.target === undefined
          ? startByCell(step, result.now, timezone)
          : // A passed target reads as passed, as the target's, and names the need it was for.
            `${passedTargetWords(step.target, result.now)}${marked(step.target)}`,
        // Behind our plan with a last day to keep the start: that day to act by, as the blocked line.
        step.deadline === undefined ? "-" : `${marked(step.deadline)}${actByWords(step, marked)}`,
        (step.milestone === "interview"
          ? step.deadline && isInterviewStart(step.deadline)
            ? atTheProgram(step.interviewId, step.deadline.at, interviews)
            : undefined
          : step.deadline?.et) ?? "-",
        step.title,
      ]),
    ),
    ...nextSteps
      .filter((step) => step.milestone !== "interview")
      .map((step) => `  - ${subject(step)}: ${step.action}\n${sourceLines(step.sources)}`),
    // One footnote line for both marks: a reader (and the tests' table parser) takes "  (*" as the notes.
    "  (* projected date: the authority's date, derived by a documented rule until it is published; † our advice: no authority sets this date, and counted from a projected date it moves with it, its rule under the step)\n",
    "\nBLOCKED\n",
    table(
      ["step", "waiting for", "target (your time)", "date (your time)", "title"],
      result.blocked.map((step) => [
        subject(step),
        step.waitingFor.join(", "),
        ...blockedDateCells(step, marked, result.now),
        step.title,
      ]),
    ),
    ...[
      ...new Set(result.blocked.flatMap((step) => (step.resolvedBy === undefined ? [] : [step.resolvedBy]))),
    ].map((text) => `  - what resolves it: ${text}\n`),
    "\nOVERDUE\n",
    table(
      ["step", "was due (your time)", "basis"],
      // Who set the date that passed, as its mark says (dateBasis): "advice" for the contract's
      // window, never "projected" for advice counted from a projected Match Day.
      result.overdue.map((step) => [subject(step), marked(step.deadline), dateBasis(step.deadline)]),
    ),
    "\nRISKS\n",
    table(
      ["severity", "code", "message"],
      result.risks.map((risk) => [risk.severity, risk.code, risk.message.slice(0, 60)]),
    ),
    ...result.risks.map((risk) => `  - ${risk.code}: ${risk.message}\n${sourceLines(risk.sources)}`),
    "\nREMINDERS\n",
    table(
      REMINDER_HEADERS,
      emailItems(result.reminders).map((item) => reminderRow(item, subject, marked, result, timezone)),
    ),
    ...undatedNoticeLines(emailItems(result.reminders)),
    // A plan lays only what its answers call for now: the list's end is not the season's.
    `  (${remindersEnd(result, timezone).note})\n`,
    ...snoozedLines(milestones, result.now, timezone),
    "\nBUDGET (USD)\n",
    table(
      ["status", "amount", "item", "as of"],
      result.budget.items.map((item) => [
        item.status === "presumed"
          ? "presumed paid"
          : atEarlierFigure(item) // paid at the figure in force on its step's day, not today's
            ? "spent (fee then)"
            : item.status,
        `${itemAmount(item)}${item.verify === undefined ? "" : " !"}`,
        // The next Match's copy of a fee paid for this one says which Match it is for, as the table does.
        item.nextMatch === undefined
          ? item.label
          : `${item.label} (${item.nextMatch.matchYear} Match, estimate)`,
        item.asOf,
      ]),
    ),
    // Presumed paid (fees of steps an interview or a later step presumes done): apart from what was reported spent.
    `  spent ${usd(result.budget.spentUsd)}, ${result.budget.presumedUsd === undefined ? "" : `presumed paid (from ${presumedSource(result.budget)}) ${usd(result.budget.presumedUsd)}, `}upcoming ${usd(result.budget.upcomingUsd)}, total ${usd(result.budget.totalUsd)}\n`,
    // One footnote per fee, whichever seasons it is budgeted for.
    ...budgetFootnotes(result.budget.items).map(({ label, verify }) => `  ! ${label}: ${verify}\n`),
    ...(result.budget.otherCurrency === undefined
      ? []
      : [
          "\nIN ANOTHER CURRENCY (not converted, not in the USD totals)\n",
          table(
            ["status", "amount", "item", "note"],
            result.budget.otherCurrency.map((item) => [
              item.status === "presumed" ? "presumed paid" : item.status,
              item.display,
              item.label,
              item.verify ?? item.note,
            ]),
          ),
        ]),
    "\nTO VERIFY (not counted in the totals)\n",
    table(
      ["amount", "item", "status"],
      (result.budget.toVerify ?? []).map((item) => [itemAmount(item), item.label, item.verify ?? ""]),
    ),
  ];
  return parts.join("");
}

/** A step's or a risk's sources, one indented line each, under its text. */
function sourceLines(sources: readonly string[] | undefined): string {
  return (sources ?? []).map((source) => `      source: ${source}\n`).join("");
}
