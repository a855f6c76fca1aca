import { actionLabel, actionsFor } from "#domain/applicant-choices.ts";
import { budgetTable } from "#domain/budget-table.ts";
import { budgetNote, budgetTotals, hasBudget } from "#domain/budget-words.ts";
import { DATE_TAGS } from "#domain/date-basis.ts";
import { stepDatesInline } from "#domain/date-words.ts";
import { matchPlannedFor } from "#domain/match-year-heading.ts";
import type { NextStep, Plan, Risk } from "#domain/plan.ts";
import { CRITICAL_WINDOW_HOURS } from "#domain/preferences.ts";
import type { MilestoneEntry, MilestoneKey } from "#domain/snapshot.ts";
import type { StepAction } from "#domain/step-actions.ts";
import {
  actionsWhileWaiting,
  answersBeside,
  bookedDateAnswers,
  conflictWayOutActions,
} from "#domain/waiting-step-actions.ts";
import type { ApplicantLinks } from "#links/applicant-links.ts";
import { namedStepsDone } from "./named-steps.ts";
import type { Item } from "./reminder-items.ts";

/**
 * The reminder email's sections, in the words both its parts share (reminder-email.ts lays them out
 * as plain text and as HTML): the heading, the weekly summary's opening, a next step's and a risk's
 * line, the one-tap buttons, the budget, the projected-date note, the footer.
 */

/**
 * The words around the sections, for both parts: reminder-email.ts writes them in the plain text
 * and hands them to the HTML template as `words` (templates/reminder.mjml holds none), so a
 * heading is reworded here once. The plain text spells out what the HTML shows as buttons and
 * links (`timelineText`, `calendarText`); the HTML labels the next action shorter (`nextHtml`).
 */
export const REMINDER_WORDS = {
  greeting: "Hello",
  nextText: "Next step",
  nextHtml: "Next",
  whyItMatters: "Why it matters",
  projected: DATE_TAGS.projected,
  advice: DATE_TAGS.advice,
  timelineButton: "See my whole timeline",
  timelineText: "Your whole timeline",
  calendarLink: "Add my deadlines to my calendar",
  calendarText: "Add your deadlines to your calendar",
  /**
   * Beside the webcal:// link, the same feed over https: webmail sanitises
   * links to a few schemes (Gmail is widely reported to drop webcal:) and a browser with no calendar
   * app registered does nothing with one, while Google Calendar ("From URL") and Outlook on the web
   * ("Subscribe from web") take the https address; the timeline words it the same way.
   */
  calendarHttpsNote:
    "For Google Calendar or Outlook on the web, copy this address into their “add calendar from URL”:",
  calendarHttpsLink: "My calendar address (https)",
  preferences: "Email preferences",
  nextSteps: "Your next steps",
  risks: "Risks to watch",
  whatToDo: "What to do",
  budget: "Your budget",
  // The status goes under each amount (one column fewer: names keep their words at 320 px).
  budgetColumns: { item: "Item", amount: "Amount" },
  stillToPay: "Still to pay",
  unsubscribe: "Unsubscribe with one click",
} as const;

/** How many of the plan's next steps an email lists under "Your next steps". */
export const TOP_STEPS = 3;

/**
 * The email's heading: "deadlines" only when every item is a deadline; an interview is "coming
 * up" ("One deadline needs your attention" headed an interview email).
 */
export function headingOf(items: readonly Item[]): string {
  const [only] = items;
  if (only && items.length === 1) {
    if (only.kind === "interview") return "Your interview is coming up";
    if (only.kind === "interview-thank-you") return "Time to thank the program";
    if (only.kind === "interview-cancelled") return only.title;
  }
  const deadlines = items.every((item) => item.kind === "deadline" && item.dateLabel.startsWith("Due"));
  if (items.length === 1)
    return deadlines ? "One deadline needs your attention" : "One reminder needs your attention";
  return `${items.length} ${deadlines ? "deadlines" : "reminders"} need your attention`;
}

/** The weekly summary's opening: what it is, and the reminders it gathers ("title (due …)", "(aim to finish by …)"). */
export function weeklySummary(day: string, items: readonly Item[]) {
  return {
    heading: `Your weekly summary: ${items.length === 1 ? "one reminder" : `${items.length} reminders`}`,
    intro: `You chose one summary email a week, on ${day}s, so this email gathers the reminders for the days ahead. Anything due within ${CRITICAL_WINDOW_HOURS} hours still comes on its own day, and so do critical notices (the day your plan raises them) and the countdown to a last day that keeps your Match or your start. In this summary:`,
    covers: items.map((item) =>
      item.undated ? item.title : `${item.title} (${item.inlineLabel} ${item.dueLocal})`,
    ),
  };
}

/**
 * One next step in words fitting its status, its dates as the timeline words them (stepDatesInline):
 * the target that drives it while ahead, then the deadline; a date already past is "overdue", never
 * "projected" (the season has shown it). `action`: what the bullet says of the step's action
 * (steps-below.ts); "" when an item above says all of it, so the bullet points there.
 */
export function stepLine(
  step: NextStep,
  now: number,
  risks: readonly Risk[] = [],
  action = step.action,
): string {
  const dates = stepDatesInline(step, now, risks);
  return `${step.title}: ${action === "" ? "its next step is above" : action}${dates ? ` (${dates})` : ""}`;
}

/** A risk's line: its severity, then `words` (its message, or where the email already says it). */
export function riskLine(risk: Risk, words = risk.message): string {
  return `${risk.severity === "critical" ? "Critical" : "Warning"}: ${words}`;
}

/** The footer: what the applicant signed up to, whatever step this email is about (matchPlannedFor). */
export function whyYouGetThis(plan: Plan): string {
  return `You receive this because you (or your advisor) signed you up for Matchpath's reminders about your US residency application (${matchPlannedFor(plan)}).`;
}

/** The projected-date note, in the domain's one wording (date-basis.ts). */
export { PROJECTED_NOTE } from "#domain/date-basis.ts";

/**
 * The one-tap actions of an item's step, most useful first; none without links or for interviews,
 * and none for a step the applicant recorded done or waived that the plan no longer lists: a notice
 * on such a card (the Pathway certificate's validity check on the certificate's) has
 * nothing to mark, and a bare Done under it would act on a finished step. A notice with no date
 * keeps the buttons of the step it names (actsOn: the out-of-reach notice on the ECFMG application),
 * never any on the budget, which is no step.
 */
export function buttonsOf(
  item: Pick<Item, "milestone" | "actsOn" | "undated" | "answeredOn" | "asksDate" | "asksDone" | "alsoNamed">,
  plan: Plan,
  links: ApplicantLinks | undefined,
  zone: string,
  recorded: readonly MilestoneEntry[],
) {
  if (!links || item.milestone === "interview" || (item.undated && item.actsOn === undefined)) return [];
  // "Is this step done?": that step's Done, where it can be recorded now, never a Snooze of the question.
  if (item.asksDone === true) {
    const done = actionsFor({ milestone: item.milestone }, plan, zone, recorded).filter(
      (each) => each === "done",
    );
    return buttonsFrom(item.milestone, done, links, item.actsOn);
  }
  // A question a waiting step's action answers (answeredOn: the route question on the H-1B
  // petition's card, answered by the stamping's Not for me): that step's actions, labelled with
  // what they record, never the card's own Done.
  if (item.answeredOn !== undefined)
    return buttonsFrom(
      item.answeredOn,
      actionsWhileWaiting({ milestone: item.answeredOn }, plan, zone, recorded),
      links,
      ANSWER_WORDS,
    );
  const milestone = item.milestone;
  // A notice on a step still waiting for others (Step 3 behind the ECFMG certificate) offers what
  // the waiting step offers, as the timeline does: its Done or Scheduled for… could not be true yet.
  if (plan.blocked.some((step) => step.milestone === milestone))
    return buttonsFrom(milestone, actionsWhileWaiting({ milestone }, plan, zone, recorded), links);
  // SOAP done beside Match Week done: the conflict's notice on SOAP offers its two ways out.
  if (finishedAndUnlisted(milestone, plan, recorded))
    return milestone === "soap"
      ? buttonsFrom(milestone, conflictWayOutActions(plan, zone, recorded), links)
      : [];
  // "Have you booked your interview? Tell us the date": Scheduled for… answers it; Done would record the visa issued.
  const offered = actionsFor({ milestone }, plan, zone, recorded);
  const answers = item.asksDate === true ? bookedDateAnswers(offered) : offered;
  const own = buttonsFrom(milestone, answers, links, item.actsOn);
  // Match Week's "not matched" answer, recorded on SOAP (answersBeside).
  const beside = answersBeside({ milestone }, plan, zone, recorded).map(({ milestone, action }) => ({
    label: actionLabel(milestone, action),
    url: links.action(milestone, action),
    kind: "secondary",
  }));
  return [...own, ...beside, ...namedStepsDone(item.alsoNamed, plan, links, zone, recorded)];
}

/**
 * One button per action of `milestone`, the first primary; `beside`, what the label adds in
 * brackets. The actions are the domain's (actionsFor): no Snooze under a critical notice, as on the timeline.
 */
function buttonsFrom(
  milestone: MilestoneKey,
  offered: readonly StepAction[],
  links: ApplicantLinks,
  beside?: string,
) {
  return offered.map((action, index) => ({
    label: beside ? `${actionLabel(milestone, action)} (${beside})` : actionLabel(milestone, action),
    url: links.action(milestone, action),
    kind: index === 0 ? "primary" : "secondary",
  }));
}

/** What the stamping's Not for me records, beside its button on the petition's route question. */
const ANSWER_WORDS = "my program files a change of status: no H-1B visa stamping";

function finishedAndUnlisted(
  milestone: Item["milestone"],
  plan: Plan,
  recorded: readonly MilestoneEntry[],
): boolean {
  const entry = recorded.find((each) => each.key === milestone);
  if (entry === undefined || (entry.status !== "done" && entry.status !== "waived")) return false;
  return (
    !plan.nextSteps.some((step) => step.milestone === milestone) &&
    !plan.overdue.some((step) => step.milestone === milestone)
  );
}

/**
 * A next step's one-tap actions under "Your next steps" (only the first item had
 * buttons), unless a reminder above already shows them for the same step.
 */
export function stepButtons(
  step: NextStep,
  items: readonly Item[],
  plan: Plan,
  links: ApplicantLinks | undefined,
  zone: string,
  recorded: readonly MilestoneEntry[],
) {
  if (step.interviewId !== undefined || items.some((item) => item.milestone === step.milestone)) return [];
  // A notice above offers this step's Done already (namedStepsDone): not twice.
  const doneAbove = items.some((item) => item.alsoNamed?.includes(step.milestone as MilestoneKey));
  const done = actionLabel(step.milestone, "done");
  return buttonsOf({ milestone: step.milestone }, plan, links, zone, recorded)
    .filter((button) => !doneAbove || button.label !== done)
    .map((button) => ({ ...button, kind: "secondary" }));
}

/**
 * The budget appears when a reminder is about it, when an item asks the applicant to pay a fee
 * ("Register with NRMP (R3) and pay the registration fee", "Before you pay ERAS fees…"): that fee's
 * amount, its "To verify" status and note are then in the email, as the budget shows them
 * (no email of the demo season showed a fee it asked for), and whenever any words the email shows
 * name the budget ("your budget lists its fee apart"): an item's, a next step's line or a risk's
 * line (`shownBelow`, the lines under the items). The budget is never one of the listed next steps
 * (listedNextSteps), so a step alone brings none in.
 */
export function mentionsBudget(items: readonly Item[], plan: Plan, shownBelow: readonly string[]): boolean {
  return (
    hasBudget(plan.budget) &&
    (items.some(
      (item) => item.milestone === "budget" || asksToPay(item.title) || asksToPay(item.action ?? ""),
    ) ||
      [...items.flatMap(wordsOf), ...shownBelow].some((words) => NAMES_BUDGET.test(words)))
  );
}

/** "pay … fee(s)" within one sentence. */
function asksToPay(text: string): boolean {
  return /\bpay\b[^.]*?\bfees?\b/i.test(text);
}

/** The budget named in words ("your budget", "the budget section", "counted in your budget"). */
const NAMES_BUDGET = /\bbudget/i;

/** Every words an item shows. */
function wordsOf(item: Item): string[] {
  return [item.title, item.why, item.action, item.deadlineNote, item.attachmentNote].filter(
    (words) => words !== undefined,
  );
}

/**
 * The HTML budget block's view: every fee's row, the presumption said once under the table (not on
 * each row: at 360 px each presumed row's note ran about 16 lines), what is still to pay, the note.
 */
export function budgetView(plan: Plan) {
  const { rows, presumedNote } = budgetTable(plan.budget);
  return {
    items: rows,
    presumedNote,
    upcoming: budgetTotals(plan.budget).toPay,
    footnote: budgetNote(plan.budget),
  };
}

/** Every fee the plan has (budgetTable), the totals per currency, and what the totals leave out. */
export function budgetLines(plan: Plan): string[] {
  // The presumption is said once, after the rows, as in the HTML part (budgetTable).
  const { rows, presumedNote: presumed } = budgetTable(plan.budget);
  return [
    ...rows.flatMap((row) => [
      `- ${row.label}: ${row.amount} (${row.status.toLowerCase()})`,
      ...(row.note ? [`  ${row.note}`] : []),
    ]),
    `${REMINDER_WORDS.stillToPay}: ${budgetTotals(plan.budget).toPay}`,
    ...(presumed ? [presumed] : []),
    budgetNote(plan.budget),
  ];
}
