import {
  actionLabel,
  actionsFor,
  doneCountsFor,
  doneOpensFor,
  doneOpensText,
  seasonPassedFor,
} from "#domain/applicant-choices.ts";
import { DATE_TAGS, dateBasis, dateTag } from "#domain/date-basis.ts";
import { deadlineWords, stepDateLabel, targetShown, yourTimeSuffix } from "#domain/date-words.ts";
import type { Deadline, NextStep, Plan, StepSubject } from "#domain/plan.ts";
import { atTheProgram, inPersonStart, isInterviewStart } from "#domain/program-time.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview, MilestoneEntry } from "#domain/snapshot.ts";
import { SNOOZE_KEEPS } from "#domain/snoozes.ts";
import { badgeWords, stepBadge } from "#domain/step-badge.ts";
import { localDate } from "#domain/time.ts";
import { answersBeside } from "#domain/waiting-step-actions.ts";
import { forPeople } from "#email/for-people.ts";
import type { ApplicantLinks } from "#links/applicant-links.ts";
import { humanDate } from "./dates.ts";
import { escapeHtml as e } from "./layout.ts";
import { sourcesHtml } from "./timeline-sections.ts";

/** One step's card on the applicant's timeline: its badge, dates, why, next action and buttons. */

export function deadlineHtml(deadline: Deadline, label = "Due"): string {
  // Tagged by who sets the date (dateTag): NRMP's projected date, or our advice.
  const basis = dateBasis(deadline);
  const tag = dateTag(deadline);
  const tagged = tag === undefined ? "" : ` <span class="tag ${basis}">${e(tag)}</span>`;
  const words = deadlineWords(deadline);
  return `<p class="due">${label} <strong>${e(words.local)}</strong>${yourTimeSuffix(deadline)}${words.et ? ` · ${e(words.et)}` : ""}${tagged}</p>`;
}

/** The words before a step's date (stepDateLabel), as in the feed and the emails; else `label`. */
export function dateLabel(
  step: { milestone: StepSubject; title: string; deadline?: Deadline },
  label: string,
): string {
  return stepDateLabel(step, { label, inline: label }).label;
}

/**
 * A step past its first deadline while a later one holds ("Overdue" beside a due
 * date three months ahead): which date passed, so the badge and the dates agree.
 */
function missedDeadlineHtml(step: NextStep): string {
  const missed = step.missedDeadline;
  if (missed === undefined) return "";
  // Out of reach: the passed date is the applicant's Match's; the one below is a later Match's.
  if (step.matchYears !== undefined)
    return `<p class="due">Deadline for the ${step.matchYears.missed} Match <strong>${e(deadlineWords(missed).local)}</strong>${yourTimeSuffix(missed)} has passed: the ${step.matchYears.missed} Match is out of reach (see <a href="#risks">Risks to watch</a>), so the date below is for the ${step.matchYears.due} Match.</p>`;
  return `<p class="due">Early deadline <strong>${e(deadlineWords(missed).local)}</strong>${yourTimeSuffix(missed)} has passed; you can still do it by the late deadline below.</p>`;
}

/**
 * The competitive target beside the deadline while it is ahead: advice, so it reads "Aim to finish
 * by", never "Due" (the step's reminders count down to it; the emails say the same). Shown, it
 * leads the step's dates, before the deadline: the target drives the reminders and, while ahead,
 * the badge ("Urgent" above "Due Wed 25 Aug 2027" read as urgent nine months early).
 */
export function targetHtml(target: Deadline | undefined, now: string, own?: Deadline): string {
  const shown = targetShown(target, now, own);
  if (shown === undefined) return "";
  return `<p class="due">Aim to finish by <strong>${e(deadlineWords(shown).local)}</strong>${yourTimeSuffix(shown)} <span class="tag">${DATE_TAGS.target}</span></p>`;
}

/**
 * The applicant's own date beside the deadline (never in its place): "Your exam: Tue 15 Jun 2027"
 * for an exam, "Your date: …" for anything else; "was" once it has passed, and a warning when it
 * falls after the deadline.
 */
export function ownDateHtml(
  title: string,
  own: Deadline | undefined,
  deadline: Deadline | undefined,
  now: string,
): string {
  if (own === undefined) return "";
  const what = title.startsWith("Pass ") ? "Your exam" : "Your date";
  const passed = Date.parse(own.at) + 86_400_000 <= Date.parse(now);
  const late = deadline !== undefined && Date.parse(own.at) > Date.parse(deadline.at);
  return `<p class="due">${what}${passed ? " was" : ""}: <strong>${e(deadlineWords(own).local)}</strong>${late ? ` <span class="tag overdue">after the deadline</span>` : ""}</p>`;
}

function actionButtons(
  step: NextStep,
  plan: Plan,
  links: ApplicantLinks,
  snoozed: boolean,
  zone: string,
  recorded: readonly MilestoneEntry[],
): string {
  if (step.milestone === "interview") return "";
  const milestone = step.milestone;
  if (seasonPassedFor(step, plan)) {
    return `<p class="due">This step belonged to the Match ${plan.matchYear} season, which has passed for you, so there is nothing to mark here: see <a href="#risks">Risks to watch</a> to plan for the ${plan.matchYear + 1} Match.</p>`;
  }
  // A snooze from today would shorten the one running, so a snoozed step offers none.
  const actions = actionsFor(step, plan, zone, recorded).filter(
    (action) => !(snoozed && action === "snooze"),
  );
  const opens = doneOpensFor(
    milestone,
    seasonCalendar(doneCountsFor(plan)),
    localDate(zone, Date.parse(plan.now)),
    zone,
    Date.parse(plan.now),
  );
  const notYet = opens ? `<p class="due">${e(doneOpensText(opens, doneCountsFor(plan)))}</p>` : "";
  // Match Week's "not matched" answer, recorded on SOAP, after the step's own (answersBeside).
  const buttons = [
    ...actions.map((action) => ({ milestone, action })),
    ...answersBeside(step, plan, zone, recorded),
  ];
  if (buttons.length === 0) return notYet;
  return `${notYet}<div class="actions">${buttons
    .map(
      ({ milestone, action }, index) =>
        `<a class="button ${index === 0 ? "primary" : "secondary"}" href="${e(links.action(milestone, action))}">${e(actionLabel(milestone, action))}<span class="visually-hidden"> — ${e(step.title)}</span></a>`,
    )
    .join("")}</div>`;
}

/**
 * The step's badge, by the rule the console's badge follows too (stepBadge), in the console's words
 * (badgeWords) with a capital: its urgency, unless an early deadline passed ("Urgent: early deadline
 * passed" while pressed), or its own date passed
 * with no result recorded: "Result pending" (what an advisor says: tell us the result), never
 * "Overdue" months before the deadline; past its deadline too, "Overdue:
 * result pending" in the overdue colour, as on the console, so the two pages agree. A step past its
 * deadline for the applicant's Match, dated for a later one, reads "Too late for the <year> Match",
 * never "Later" nor "Overdue" beside a date ahead.
 */
function badgeHtml(step: NextStep, plan: Plan): string {
  const badge = stepBadge(step, plan.now, plan.risks);
  const words = badgeWords(badge, step);
  const tone =
    badge === "overdue-result-pending" ? "overdue" : badge === "behind-plan" ? "urgent" : step.urgency;
  return `<span class="tag ${tone}">${e(words.charAt(0).toUpperCase() + words.slice(1))}</span>`;
}

/**
 * An interview's date on its card ("Due … · 10:00 AM ET" for an interview):
 * an event, so the preparation card says when it starts, in the applicant's zone and the program's
 * ("9:00 AM CST (at the program)", as the emails say; in person the program's first); the thank-you card says by when to send the
 * note, in the applicant's zone. Never US Eastern, which is neither's.
 */
function interviewDateHtml(
  step: NextStep,
  deadline: Deadline,
  interviews: readonly Interview[],
  zone: string,
): string {
  const atProgram = atTheProgram(step.interviewId, deadline.at, interviews);
  const local = `<strong>${e(deadlineWords(deadline).local)}</strong>${yourTimeSuffix(deadline)}`;
  if (!isInterviewStart(deadline)) return `<p class="due">Send your note by ${local}</p>`;
  // In person she is at the program: its time leads, hers follows (inPersonStart), as the emails say.
  const inPerson = inPersonStart(step.interviewId, deadline.at, interviews, zone);
  if (inPerson !== undefined)
    return `<p class="due">Starts <strong>${e(inPerson.program)}</strong> (at the program) · ${e(inPerson.yours)} (your time)</p>`;
  const program = atProgram === undefined ? "" : ` · ${e(atProgram)}`;
  return `<p class="due">Starts ${local}${program}</p>`;
}

export function stepHtml(
  step: NextStep,
  plan: Plan,
  links: ApplicantLinks,
  snoozedUntil: string | undefined,
  zone: string,
  recorded: readonly MilestoneEntry[],
  interviews: readonly Interview[],
): string {
  const snoozed =
    snoozedUntil === undefined
      ? ""
      : `<p class="due"><span class="tag">Snoozed</span> until ${e(humanDate(snoozedUntil))}: ${SNOOZE_KEEPS}.</p>`;
  return `<li>
<h3>${e(step.title)} ${badgeHtml(step, plan)}</h3>
${snoozed}
${missedDeadlineHtml(step)}
${targetHtml(step.target, plan.now, step.ownDate)}
${
  step.milestone === "interview" && step.deadline
    ? interviewDateHtml(step, step.deadline, interviews, zone)
    : step.deadline && step.deadline.at === step.ownDate?.at
      ? "" // a booked visa interview, the step's one date: shown once, as the applicant's date, below
      : step.deadline
        ? deadlineHtml(
            step.deadline,
            dateLabel(step, step.missedDeadline && !step.matchYears ? "Late deadline" : "Due"),
          )
        : '<p class="due">No fixed deadline</p>'
}
${step.behindPlan === true && step.actBy !== undefined ? deadlineHtml(step.actBy, "Act by") : ""}
${ownDateHtml(step.title, step.ownDate, step.deadline, plan.now)}
<p>${e(forPeople(step.why))}</p>
<p><strong>Next:</strong> ${e(forPeople(step.action))}</p>
${sourcesHtml(step.sources)}
${actionButtons(step, plan, links, snoozedUntil !== undefined, zone, recorded)}
</li>`;
}
