import Mustache from "mustache";
import { asksProgramAnswer } from "#domain/act-by-day-labels.ts";
import { basisMark } from "#domain/date-basis.ts";
import { deadlineWords, reminderShownDate, timeLeftWords } from "#domain/date-words.ts";
import { remindersInReadingOrder } from "#domain/display-order.ts";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import { MATCH_RESULT_RUNG } from "#domain/match-outcome-labels.ts";
import { actByWords } from "#domain/missed-date-label.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import { isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { itemDateLabel, kindOf, sentAtOf } from "#domain/reminder-kind.ts";
import type { Interview, MilestoneEntry } from "#domain/snapshot.ts";
import { withStepSources } from "#domain/step-sources.ts";
import type { ApplicantLinks } from "#links/applicant-links.ts";
import { type Below, belowOf } from "./below-items.ts";
import { forPeople, forPeopleHtml } from "./for-people.ts";
import { escapeHtml, headerText } from "./html.ts";
import { sourcesHtml, sourcesText } from "./item-sources.ts";
import { oneReminderPerStep, withOtherDates } from "./one-item-per-step.ts";
import { anyProjected, type Item, itemOf } from "./reminder-items.ts";
import {
  budgetLines,
  budgetView,
  buttonsOf,
  headingOf,
  PROJECTED_NOTE,
  stepButtons,
  stepLine,
  REMINDER_WORDS as WORDS,
  weeklySummary,
  whyYouGetThis,
} from "./reminder-sections.ts";
import { riskSaidBy, whatToDoUrl } from "./risks-said.ts";
import { REMINDER_HTML } from "./templates/reminder.compiled.ts";
import { whyAndNext } from "./why-and-next.ts";

/**
 * The reminder email: one message holding every reminder due at a wake-up (DESIGN decision 3),
 * rendered as HTML and plain text from the same content. Every value from the applicant or the
 * plan is escaped in the HTML part.
 */
export interface ReminderEmailInput {
  recipientName: string;
  /** Most urgent first; at least one. */
  reminders: readonly Reminder[];
  plan: Plan;
  unsubscribeUrl: string;
  /** The applicant's signed links: one-tap actions, timeline, calendar, preferences. Absent: none shown. */
  links?: ApplicantLinks;
  /**
   * Set when this email is the applicant's weekly summary (preferences: one email a week): the
   * weekday it comes on, e.g. "Wednesday". The email then says so and lists what it gathers.
   */
  weeklySummaryDay?: string;
  /**
   * The applicant's IANA zone: whether a step's Done can count yet is decided on the applicant's
   * day (doneOpensFor). Absent: the US Eastern day, the season calendar's own.
   */
  timezone?: string;
  /**
   * The applicant's interviews: an interview reminder gives the interview's time in the program's
   * zone beside the applicant's (never US Eastern). Absent: an interview's time in theirs alone.
   */
  interviews?: readonly Interview[];
  /**
   * The applicant's recorded milestones: Done is not offered on an exam whose booked day is still
   * ahead (actionsFor, bookedDayAhead). Absent: nothing recorded, as for a new applicant.
   */
  milestones?: readonly MilestoneEntry[];
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** RFC 8058 one-click unsubscribe: an HTTPS URI in angle brackets and the One-Click POST key. */
  headers: { name: string; value: string }[];
}

/**
 * `plan`: the plan sending the email, so a deadline less than a day away says the hours it leaves.
 * `firstLabel`: the first item's own words before its date when its item says them (withOtherDates'
 * act-by label), so subject and item name the date alike. `firstDate`: the first item's date when it
 * is not the applicant's time (an in-person interview's start, the program's time first).
 */
export function reminderSubject(
  reminders: readonly Reminder[],
  plan: Plan,
  weekly = false,
  firstLabel?: string,
  firstDate?: string,
): string {
  const [first, ...rest] = reminders;
  if (!first) throw new RangeError("A reminder email needs at least one reminder");
  const more = rest.length > 0 ? ` (+${rest.length} more)` : "";
  const summary = weekly ? "Your weekly summary: " : "";
  // Match Week's question (MATCH_RESULT_RUNG, any day until SOAP ends) asks for action now (SOAP
  // opens with the release): its last day to answer, SOAP's end, would read as time to wait, so its
  // subject names none; so does Step 3's weekly question whether the program has answered
  // (asksProgramAnswer), whose date, residency's start, is no time to wait either.
  if (isUndatedNotice(first) || first.rung === MATCH_RESULT_RUNG || asksProgramAnswer(first))
    return headerText(`${summary}${first.title}${more}`, 180);
  const label = firstLabel ?? itemDateLabel(plan, first, weekly).inline;
  const shown = reminderShownDate(first);
  const local = firstDate ?? deadlineWords(shown).local;
  // A title naming its date already ("Pass USMLE Step 3: apply to FSMB by Mon 28 Dec 2026 (our
  // advice)") says it once: only the time left, when the label gives it (under a day), follows.
  if (first.overdueSince === undefined && first.title.includes(local)) {
    const hurried = !weekly && label !== itemDateLabel(plan, first, true).inline;
    const left = hurried ? timeLeftWords(first.deadline, sentAtOf(plan, first)) : undefined;
    return headerText(`${summary}${first.title}${left === undefined ? "" : `: ${left}`}${more}`, 180);
  }
  // The applicant's own day needs no "on" after its title ("Your USMLE Step 2 CK exam: Tue 30 Mar 2027").
  // An overdue step's chase: the date it missed, with who set it, as its Due line says.
  const date = `${local}${first.overdueSince === undefined ? "" : basisMark(shown)}`;
  const when = first.countsDownTo === "own-date" ? date : `${label} ${date}${actByWords(first)}`;
  return headerText(`${summary}${first.title}: ${when}${more}`, 180);
}

/** The zone whose day decides whether a Done can count yet (ReminderEmailInput.timezone). */
function zoneOf(input: ReminderEmailInput): string {
  return input.timezone ?? "America/New_York";
}

function renderText(name: string, items: Item[], input: ReminderEmailInput, below: Below): string {
  const { plan, links, unsubscribeUrl } = input;
  const summary = input.weeklySummaryDay ? weeklySummary(input.weeklySummaryDay, items) : undefined;
  const lines: string[] = [`${WORDS.greeting} ${name},`, ""];
  if (summary)
    lines.push(`${summary.heading}.`, summary.intro, ...summary.covers.map((line) => `- ${line}`), "");
  else lines.push(`${headingOf(items)}:`, "");
  items.forEach((item, index) => {
    lines.push(`${index + 1}. ${item.title}`);
    if (!item.undated)
      lines.push(
        `   ${item.dateLabel}: ${item.dueLocal}${item.yourTime}${item.dueEt ? ` / ${item.dueEt}` : ""}${item.projected ? ` (${WORDS.projected})` : item.advice ? ` (${WORDS.advice})` : ""}${item.laterDates ? `; ${item.laterDates}` : ""}`,
      );
    if (item.deadlineNote) lines.push(`   ${item.deadlineNote}`);
    if (item.attachmentNote) lines.push(`   ${item.attachmentNote}`);
    const { why, action } = whyAndNext(item);
    if (why !== undefined) lines.push(`   ${WORDS.whyItMatters}: ${why}`);
    if (action !== undefined)
      lines.push(`   ${WORDS.nextText}${item.actsOn ? `, for ${item.actsOn}` : ""}: ${action}`);
    const risk = riskSaidBy(item, plan);
    const sources = risk
      ? sourcesText(risk.sources, links?.timeline, "risk", risk.message)
      : sourcesText(item.sources, links?.timeline, "step");
    if (sources) lines.push(`   ${sources}`);
    const whatToDo = whatToDoUrl(risk, links?.timeline);
    if (whatToDo) lines.push(`   ${WORDS.whatToDo}: ${whatToDo}`);
    for (const button of buttonsOf(item, plan, links, zoneOf(input), input.milestones ?? []))
      lines.push(`   ${button.label}: ${button.url}`);
    lines.push("");
  });
  if (links) {
    lines.push(`${WORDS.timelineText}: ${links.timeline}`);
    lines.push(`${WORDS.calendarText}: ${links.feedSubscription}`);
    lines.push(`${WORDS.calendarHttpsNote} ${links.feed}`);
    lines.push(`${WORDS.preferences}: ${links.preferences}`, "");
  }
  const { steps, risks } = below;
  if (steps.length > 0) {
    lines.push(`${WORDS.nextSteps}:`);
    for (const { step, action } of steps) {
      lines.push(`- ${forPeople(stepLine(step, Date.parse(plan.now), plan.risks, action))}`);
      for (const button of stepButtons(step, items, plan, links, zoneOf(input), input.milestones ?? []))
        lines.push(`  ${button.label}: ${button.url}`);
    }
    lines.push("");
  }
  if (risks.length > 0) {
    lines.push(`${WORDS.risks}:`);
    for (const { risk, line, said } of risks) {
      lines.push(`- ${forPeople(line)}`);
      if (said) continue;
      const sources = sourcesText(risk.sources, links?.timeline, "risk", risk.message);
      if (sources) lines.push(`  ${sources}`);
      const whatToDo = whatToDoUrl(risk, links?.timeline);
      if (whatToDo) lines.push(`  ${WORDS.whatToDo}: ${whatToDo}`);
    }
    lines.push("");
  }
  if (below.budget) lines.push(`${WORDS.budget}:`, ...budgetLines(plan), "");
  if (anyProjected(items)) lines.push(PROJECTED_NOTE, "");
  lines.push("--", whyYouGetThis(plan), `${WORDS.unsubscribe}: ${unsubscribeUrl}`);
  return `${lines.join("\n")}\n`;
}

/**
 * The HTML part: the MJML layout compiled at build time (templates/reminder.mjml), filled with
 * Mustache (its words from REMINDER_WORDS); every value is escaped with escapeHtml. The most
 * urgent item comes first.
 */
function renderHtml(name: string, items: Item[], input: ReminderEmailInput, below: Below): string {
  const { plan, links } = input;
  const summary = input.weeklySummaryDay ? weeklySummary(input.weeklySummaryDay, items) : undefined;
  const heading = summary?.heading ?? headingOf(items);
  const { steps, risks } = below;
  const view = {
    words: WORDS,
    name,
    heading,
    summary: summary ?? false,
    preview: items[0]
      ? items[0].undated
        ? items[0].title
        : `${items[0].title}: ${items[0].inlineLabel} ${items[0].dueLocal}`
      : heading,
    items: items.map((item, index) => {
      const buttons = buttonsOf(item, plan, links, zoneOf(input), input.milestones ?? []);
      const { why, action } = whyAndNext(item);
      const risk = riskSaidBy(item, plan);
      return {
        ...item,
        why: why === undefined ? false : forPeopleHtml(why),
        action: action === undefined ? false : forPeopleHtml(action),
        itemSources: risk
          ? sourcesHtml(risk.sources, links?.timeline, "risk", risk.message)
          : sourcesHtml(item.sources, links?.timeline, "step"),
        riskWhatToDo: whatToDoUrl(risk, links?.timeline),
        accent: index === 0 ? "#a4161a" : "#0b57a4",
        buttons,
        hasButtons: buttons.length > 0,
      };
    }),
    timelineUrl: links?.timeline,
    calendarUrl: links?.feedSubscription,
    calendarHttpsUrl: links?.feed,
    preferencesUrl: links?.preferences,
    steps: steps.map(({ step, action }) => {
      const buttons = stepButtons(step, items, plan, links, zoneOf(input), input.milestones ?? []);
      return {
        line: forPeopleHtml(stepLine(step, Date.parse(plan.now), plan.risks, action)),
        buttons,
        hasButtons: buttons.length > 0,
      };
    }),
    hasSteps: steps.length > 0,
    risks: risks.map(({ risk, line, said }) => ({
      line: forPeopleHtml(line),
      sources: !said && sourcesHtml(risk.sources, links?.timeline, "risk", risk.message),
      timelineUrl: !said && whatToDoUrl(risk, links?.timeline),
    })),
    hasRisks: risks.length > 0,
    budget: below.budget ? budgetView(plan) : false,
    projectedNote: anyProjected(items) ? PROJECTED_NOTE : false,
    whyYouGetThis: whyYouGetThis(plan),
    unsubscribeUrl: input.unsubscribeUrl,
  };
  return Mustache.render(REMINDER_HTML, view, {}, { escape: escapeHtml });
}

/**
 * A cancelled interview's notice leads its email, whatever else is due (its subject says "Your
 * interview with … is cancelled"): it undoes a calendar entry the applicant relies on. Otherwise
 * the reading order (remindersInReadingOrder) stays.
 */
function cancellationsFirst(reminders: readonly Reminder[]): readonly Reminder[] {
  const cancelled = reminders.filter((reminder) => kindOf(reminder) === "interview-cancelled");
  if (cancelled.length === 0) return reminders;
  return [...cancelled, ...reminders.filter((reminder) => kindOf(reminder) !== "interview-cancelled")];
}

export function renderReminderEmail(asked: ReminderEmailInput): RenderedEmail {
  // The step cards' sources are cited where they are shown (withStepSources), not by plan().
  const given = { ...asked, plan: withStepSources(asked.plan, zoneOf(asked)) };
  // The timeline's reading order: the lead is the timeline's first card.
  const ordered = remindersInReadingOrder(given.reminders, listedInReadingOrder(given.plan, zoneOf(given)));
  // One item per step: the reminders it stands for are claimed and sent all the same.
  const perStep = oneReminderPerStep(cancellationsFirst(ordered));
  const input = { ...given, reminders: perStep.map((each) => each.reminder) };
  const weekly = input.weeklySummaryDay !== undefined;
  const items = perStep.map(({ reminder, alsoFor }) =>
    withOtherDates(
      itemOf(input.plan, reminder, weekly, input.interviews, input.timezone),
      reminder,
      alsoFor,
      input.plan.reminders,
    ),
  );
  const below = belowOf(items, input.plan, zoneOf(input));
  return {
    subject: reminderSubject(
      input.reminders,
      input.plan,
      weekly,
      items[0]?.inlineLabel,
      items[0]?.atProgramFirst,
    ),
    html: renderHtml(input.recipientName, items, input, below),
    text: renderText(input.recipientName, items, input, below),
    headers: [
      { name: "List-Unsubscribe", value: `<${input.unsubscribeUrl}>` },
      { name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click" },
    ],
  };
}
