import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { actionLabel, seasonPassedFor } from "#domain/applicant-choices.ts";
import { hasBudget } from "#domain/budget-words.ts";
import { waitingForTitle } from "#domain/catalog/index.ts";
import { PROJECTED_NOTE } from "#domain/date-basis.ts";
import { DISPLAY_ORDER_NOTE } from "#domain/display-order.ts";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import {
  laterPlannedMatchYear,
  movedForSoapDeclined,
  movedForSoapOutcome,
} from "#domain/match-year-heading.ts";
import { missedDateLabel } from "#domain/missed-date-label.ts";
import type { BlockedStep, NextStep, Plan, Reminder, Risk } from "#domain/plan.ts";
import type { Preferences } from "#domain/preferences.ts";
import type { Interview, MilestoneEntry } from "#domain/snapshot.ts";
import { withStepSources } from "#domain/step-sources.ts";
import { actionsWhileWaiting, conflictWayOutActions } from "#domain/waiting-step-actions.ts";
import { waitingDateLabel } from "#domain/waiting-step-date.ts";
import { forPeople } from "#email/for-people.ts";
import type { ApplicantLinks } from "#links/applicant-links.ts";
import { escapeHtml as e, htmlPage } from "./layout.ts";
import { type MailStopped, mailStoppedSection } from "./mail-status.ts";
import {
  budgetHtml,
  comingEmailsHtml,
  notEligibleLead,
  pastSeasonHtml,
  seasonOverLead,
  sourcesHtml,
} from "./timeline-sections.ts";
import { dateLabel, deadlineHtml, ownDateHtml, stepHtml } from "./timeline-step.ts";

/**
 * The applicant's timeline: the whole plan on one page, from the same Plan the emails render
 * (next steps with their one-tap actions, what is blocked and why, risks, the budget, and the
 * emails still to come), plus the calendar feed and preferences. Server-rendered, no script.
 */
export interface TimelineInput {
  firstName: string;
  /** The applicant's IANA zone: the next emails' times are shown in it. */
  timezone: string;
  plan: Plan;
  links: ApplicantLinks;
  /** Reminders not yet sent, soonest first (the caller removes those the ledger records). */
  comingReminders: readonly Reminder[];
  /** Steps the applicant snoozed, to the local date ("YYYY-MM-DD") the snooze ends; only those still snoozed. */
  snoozedUntil?: ReadonlyMap<string, string>;
  /** The applicant's digest choice: a weekly summary among the next emails is labelled as one. */
  preferences?: Pick<Preferences, "digest" | "digestDay">;
  /** Set when no email comes (unsubscribed, or the address suppressed): shown instead of the next emails. */
  mailStopped?: MailStopped;
  /**
   * The applicant's recorded milestones: Done is not offered on an exam whose booked day is still
   * ahead (actionsFor, bookedDayAhead). Absent: nothing recorded, as for a new applicant.
   */
  milestones?: readonly MilestoneEntry[];
  /**
   * The applicant's interviews: an interview's card gives its start in the program's zone beside
   * the applicant's, as the emails do (never US Eastern). Absent: the applicant's zone alone.
   */
  interviews?: readonly Interview[];
}

export function timelinePage(input: TimelineInput): APIGatewayProxyStructuredResultV2 {
  const { links } = input;
  // The step cards' sources are cited where they are shown (withStepSources), not by plan().
  const plan = withStepSources(input.plan, input.timezone);
  const seasonOver = plan.risks.some((risk) => risk.code === "SEASON_OVER");
  // A season that is over leads with that; its steps are listed at the end as past, so none reads
  // as still to do: those bound to it (seasonPassedFor), and every deadline only shown as passed
  // ("Past their deadline" has no action), which was that season's. Steps that outlive it (an
  // exam) stay next.
  const key = (step: Pick<NextStep, "milestone" | "interviewId">) =>
    `${step.milestone} ${step.interviewId ?? ""}`;
  const next = new Set(plan.nextSteps.map(key));
  const passedSteps = seasonOver
    ? [
        ...plan.nextSteps.filter((step) => seasonPassedFor(step, plan)),
        ...plan.overdue.filter((step) => !next.has(key(step))),
      ]
    : [];
  const passed = new Set(passedSteps.map(key));
  // The budget has its own section, not a place among the steps.
  const nextSteps = listedInReadingOrder(plan, input.timezone).filter((step) => !passed.has(key(step)));
  const sections: string[] = [];
  if (seasonOver) sections.push(seasonOverLead(plan));
  // No Match date applies to an ineligible school until its note comes: the page leads with that.
  const notEligible = notEligibleLead(plan);
  // The Match the dates are for: a later one when the applicant's is out of reach, named in the
  // heading and led with, as the console's "2027 → 2028".
  const later = laterPlannedMatchYear(plan);
  const datedFor = later ?? plan.matchYear;
  const outOfReach =
    later === undefined || seasonOver
      ? ""
      : movedForSoapOutcome(plan)
        ? // Not out of reach; no SOAP position reported (told us "not matched", or no certified list).
          `<p class="note">No SOAP position is reported for the ${plan.matchYear} Match, so the dates on this page are for the ${later} Match: <a href="#risks">Risks to watch</a> says what to do if you accepted one.</p>`
        : movedForSoapDeclined(plan)
          ? // SOAP "Not for me" in Match Week, Match Week not done: not matched, not in SOAP.
            `<p class="note">You told us you did not match in the ${plan.matchYear} Match and are not taking part in SOAP, so the dates on this page are for the ${later} Match: <a href="#risks">Risks to watch</a> says what to do if you did match.</p>`
          : `<p class="note critical">The ${plan.matchYear} Match is out of reach for you, so the dates on this page are for the ${later} Match: <a href="#risks">Risks to watch</a> says why and what to do.</p>`;
  const projectedSeason =
    plan.seasonStatus === "projected" && !seasonOver && notEligible === ""
      ? `<p class="note">Some dates of the ${datedFor} season are <strong>projected</strong>. ${e(PROJECTED_NOTE)}</p>`
      : "";

  sections.push(
    `<section aria-labelledby="next"><h2 id="next">Next steps</h2>${
      nextSteps.length === 0
        ? "<p>Nothing is waiting on you right now.</p>"
        : `<p class="due">${DISPLAY_ORDER_NOTE}</p><ul class="steps">${nextSteps
            .map((step) =>
              stepHtml(
                step,
                plan,
                links,
                step.interviewId ? undefined : input.snoozedUntil?.get(step.milestone),
                input.timezone,
                input.milestones ?? [],
                input.interviews ?? [],
              ),
            )
            .join("\n")}</ul>`
    }</section>`,
  );
  // An overdue step still to do is already among the next steps, with its buttons; list here only
  // the rest, so no step shows twice.
  const shownAsNext = new Set(plan.nextSteps.map((step) => `${step.milestone} ${step.interviewId ?? ""}`));
  const overdue = plan.overdue.filter(
    (step) => !passed.has(key(step)) && !shownAsNext.has(`${step.milestone} ${step.interviewId ?? ""}`),
  );
  if (overdue.length > 0) {
    sections.push(
      `<section aria-labelledby="overdue"><h2 id="overdue">Past their deadline</h2><ul class="steps">${overdue
        .map(
          (step) =>
            `<li><h3>${e(step.title)} <span class="tag overdue">Overdue</span></h3>${deadlineHtml(step.deadline, dateLabel(step, step.earlyDeadline === undefined ? "Due" : "Late deadline"))}${ownDateHtml(step.title, step.ownDate, step.deadline, plan.now)}</li>`,
        )
        .join("\n")}</ul></section>`,
    );
  }
  // A step of a Match over for the applicant waits on nothing that will come.
  const waiting = plan.blocked.filter((step) => !seasonPassedFor(step, plan));
  if (waiting.length > 0) {
    // A passed deadline is shown once, under "Past their deadline", never as "Due" while waiting; a
    // step after Match Day past its planned date says since when, as the CLI's blocked list does.
    const pastDeadline = new Set(plan.overdue.map((step) => step.milestone));
    sections.push(
      `<section aria-labelledby="blocked"><h2 id="blocked">Waiting on something</h2><ul class="steps">${waiting
        .map(
          (step) =>
            `<li><h3>${e(step.title)}</h3><p class="due">Waiting for: ${e(step.waitingFor.map(waitingForTitle).join(", "))}</p>${step.deadline && !pastDeadline.has(step.milestone) ? deadlineHtml(step.deadline, dateLabel(step, waitingDateLabel(step.deadline, plan.now).label)) : step.overdueSince && !pastDeadline.has(step.milestone) ? `${deadlineHtml(step.overdueSince, missedDateLabel(step).label)}${step.behindPlan === true && step.actBy !== undefined ? deadlineHtml(step.actBy, "Act by") : ""}` : step.ownDate ? deadlineHtml(step.ownDate, "Your sitting") : ""}<p>${e(forPeople(step.why))}</p>${waitingButtons(step, input)}</li>`,
        )
        .join("\n")}</ul></section>`,
    );
  }
  if (plan.risks.length > 0) {
    sections.push(
      `<section aria-labelledby="risks"><h2 id="risks">Risks to watch</h2>${plan.risks
        .map(
          (risk) =>
            `<div class="note${risk.severity === "critical" ? " critical" : ""}"><p><strong>${risk.severity === "critical" ? "Critical" : "Warning"}:</strong> ${e(forPeople(risk.message))}</p>${wayOutButtons(risk, input)}${sourcesHtml(risk.sources)}</div>`,
        )
        .join("\n")}</section>`,
    );
  }
  sections.push(pastSeasonHtml(passedSteps, plan));
  if (hasBudget(plan.budget)) sections.push(budgetHtml(plan.budget));
  if (input.mailStopped) sections.push(mailStoppedSection(input.mailStopped, links.preferences));
  else sections.push(comingEmailsHtml(input));
  sections.push(
    `<section aria-labelledby="calendar"><h2 id="calendar">Your calendar</h2>
<p>Every deadline, target date and interview in your own calendar app, kept up to date.</p>
<div class="actions"><a class="button primary" href="${e(links.feedSubscription)}">Subscribe in my calendar</a><a class="button secondary" href="${e(links.feed)}">Download .ics</a></div>
<p class="due">Subscribe opens a calendar app that takes calendar links, such as Apple Calendar or Outlook. For Google Calendar or Outlook on the web, which do not open that button, paste this address into their “add calendar from URL”: <br><code>${e(links.feed)}</code></p>
<p class="due">Download .ics gives a copy that does not update when your plan changes.</p></section>`,
  );

  return htmlPage(
    200,
    "Your timeline",
    `<h1>Your Match ${datedFor} timeline, ${e(input.firstName)}</h1>
${outOfReach}
${notEligible}
${projectedSeason}
${sections.join("\n")}`,
  );
}

/**
 * A waiting step's one-tap actions (actionsWhileWaiting: only the H-1B stamping's Not for me in a
 * US zone, answered while the petition is pending), as a next step's buttons are drawn.
 */
function waitingButtons(step: BlockedStep, input: TimelineInput): string {
  const milestone = step.milestone;
  if (milestone === "interview") return "";
  const actions = actionsWhileWaiting(step, input.plan, input.timezone, input.milestones ?? []);
  if (actions.length === 0) return "";
  return `<div class="actions">${actions
    .map(
      (action) =>
        `<a class="button secondary" href="${e(input.links.action(milestone, action))}">${e(actionLabel(milestone, action))}<span class="visually-hidden"> — ${e(step.title)}</span></a>`,
    )
    .join("")}</div>`;
}

/**
 * The buttons under MATCH_WEEK_SOAP_CONFLICT over an accepted SOAP offer (conflictWayOutActions):
 * SOAP, done, has no card to carry them, and the risk names them.
 */
function wayOutButtons(risk: Risk, input: TimelineInput): string {
  if (risk.code !== "MATCH_WEEK_SOAP_CONFLICT") return "";
  const actions = conflictWayOutActions(input.plan, input.timezone, input.milestones ?? []);
  if (actions.length === 0) return "";
  return `<div class="actions">${actions
    .map(
      (action) =>
        `<a class="button secondary" href="${e(input.links.action("soap", action))}">${e(actionLabel("soap", action))}<span class="visually-hidden"> — SOAP</span></a>`,
    )
    .join("")}</div>`;
}
