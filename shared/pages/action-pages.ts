import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { type DoneOpens, doneCountsFor, doneOpensText, seasonPassedText } from "#domain/applicant-choices.ts";
import { SOAP_TAKING_PART_TITLE } from "#domain/match-outcome-question.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { SNOOZE_KEEPS } from "#domain/snoozes.ts";
import {
  actionRecord,
  alreadyAnswered,
  bookedDayMoved,
  bookedDayRefusal,
  type StepAction,
} from "#domain/step-actions.ts";
import { doneTold, scheduleTold, startTold } from "#domain/told-answers.ts";
import type { ActionOutcome, ActionPreview } from "#usecases/step-actions.ts";
import { fieldsFor, UNDO_DONE } from "./action-fields.ts";
import { humanDate } from "./dates.ts";
import { escapeHtml as e, htmlPage } from "./layout.ts";
import { recordedAs, soapNotForMeMeans, soapOfferAnswer, soapOfferStands } from "./not-for-me-words.ts";
import { tooLateNote, usedScheduleLinkPage } from "./schedule-notes.ts";

export { EXAM_DONE_MEANS } from "./action-fields.ts";

/** The confirmation page a GET of an action link shows: nothing changes until its button is pressed. */
export function actionConfirmationPage(
  preview: ActionPreview,
  formAction: string,
  timelineUrl: string,
  problem?: string,
  scheduleUrl?: string,
): APIGatewayProxyStructuredResultV2 {
  const title = preview.title;
  const finished = preview.currentStatus === "done" || preview.currentStatus === "waived";
  if (finished && (preview.claims.action === "snooze" || preview.claims.action === "schedule")) {
    // Nothing left to snooze or date: say so rather than show a form whose POST is refused.
    return htmlPage(
      200,
      `“${title}” is already recorded`,
      `<h1>${e(`“${title}” is already recorded`)}</h1>
<p class="note">This is already recorded: ${e(recordedAs(preview, preview.currentStatus))}, so there is nothing to ${preview.claims.action === "snooze" ? "snooze" : "schedule"}. Nothing was changed.</p>
<div class="actions"><a class="button secondary" href="${e(timelineUrl)}">Back to my timeline</a></div>`,
    );
  }
  if (preview.seasonPassed && !preview.alreadyApplied) {
    // The timeline offers no button for it; an older email's link says the same.
    return htmlPage(
      200,
      `Nothing to record for “${title}”`,
      `<h1>${e(`Nothing to record for “${title}”`)}</h1>
<p class="note">${e(seasonPassedText(preview.plan.matchYear))}</p>
<div class="actions"><a class="button secondary" href="${e(timelineUrl)}">Back to my timeline</a></div>`,
    );
  }
  if (preview.doneOpens) {
    // Done today would count for an earlier Match: say when it can count instead.
    return htmlPage(
      problem ? 400 : 200,
      `Not yet: “${title}”`,
      `<h1>${e(`Not yet: “${title}”`)}</h1>
<p class="note">${e(doneOpensText(preview.doneOpens, doneCountsFor(preview.plan)))} Nothing was changed.</p>
<p class="due">${e(doneOpensSource(preview.doneOpens))}</p>
<div class="actions"><a class="button secondary" href="${e(timelineUrl)}">Back to my timeline</a></div>`,
    );
  }
  if (preview.bookedDay) {
    // Done before the booked sitting would be a pass the applicant cannot have.
    const schedule = scheduleUrl
      ? `<a class="button primary" href="${e(scheduleUrl)}">Scheduled for…</a>
`
      : "";
    return htmlPage(
      problem ? 400 : 200,
      `Not yet: “${title}”`,
      `<h1>${e(`Not yet: “${title}”`)}</h1>
<p class="note">${e(`${bookedDayRefusal(preview.claims.milestone, humanDate(preview.bookedDay))}. Nothing was changed.`)}</p>
<p>${e(bookedDayMoved(preview.claims.milestone))}</p>
<div class="actions">${schedule}<a class="button secondary" href="${e(timelineUrl)}">Back to my timeline</a></div>`,
    );
  }
  if (preview.linkUsed && scheduleUrl) return usedScheduleLinkPage(preview, timelineUrl, scheduleUrl);
  if (preview.alreadySnoozedUntil) {
    // A used Snooze link, as a used Done: what is recorded, no form.
    return htmlPage(
      200,
      `“${title}” is already recorded`,
      `<h1>${e(`“${title}” is already recorded`)}</h1>
<p class="note">${e(alreadySnoozedText(title, preview.alreadySnoozedUntil))}</p>
<div class="actions"><a class="button secondary" href="${e(timelineUrl)}">Back to my timeline</a></div>`,
    );
  }
  if (preview.unavailable) {
    // A link for a choice the step does not have now: no button to press.
    return htmlPage(
      problem ? 400 : 200,
      `Not available now: “${title}”`,
      `<h1>${e(`Not available now: “${title}”`)}</h1>
<p class="note">${e(`${preview.unavailable}, so there is nothing to confirm. Nothing was changed.`)}</p>
<p>Your timeline shows the choices each step has today.</p>
<div class="actions"><a class="button secondary" href="${e(timelineUrl)}">Back to my timeline</a></div>`,
    );
  }
  if (preview.alreadyApplied) {
    // A used Done, Not-for-me or In-progress link: nothing to press again.
    return htmlPage(
      200,
      `“${title}” is already recorded`,
      `<h1>${e(`“${title}” is already recorded`)}</h1>
<p class="note">This is already recorded: ${e(recordedAs(preview, preview.currentStatus))}. Nothing was changed.</p>
${
  preview.claims.action === "done"
    ? `<p>${UNDO_DONE}</p>
`
    : ""
}<div class="actions"><a class="button secondary" href="${e(timelineUrl)}">Back to my timeline</a></div>`,
    );
  }
  // An action that records more asks what it records (SOAP done, or Match Day's in SOAP: an accepted offer).
  const records = actionRecord(
    soapOfferAnswer(preview) ? "soap" : preview.claims.milestone,
    preview.claims.action,
  );
  const heading = records === undefined ? HEADINGS[preview.claims.action](title) : records.question;
  const error = problem ? `<p class="note critical" role="alert">${e(problem)}</p>` : "";
  return htmlPage(
    problem ? 400 : 200,
    heading,
    `<h1>${e(heading)}</h1>
${error}
<form method="post" action="${e(formAction)}">
${fieldsFor(preview)}
<div class="actions">
<button type="submit" class="primary">${e(records === undefined ? BUTTONS[preview.claims.action] : (records.confirm ?? `Yes, ${records.applicant}`))}</button>
<a class="button secondary" href="${e(timelineUrl)}">Back to my timeline</a>
</div>
</form>`,
  );
}

/** The source of the date doneOpensText gives: the authority's page, or the projection's rule. */
export function doneOpensSource(opens: DoneOpens): string {
  return `Source: ${opens.source.replace(/^projected: /, "projected from earlier seasons: ")}`;
}

const HEADINGS: Record<StepAction, (title: string) => string> = {
  done: (title) => `Mark “${title}” as done?`,
  schedule: (title) => `When is “${title}” scheduled?`,
  snooze: (title) => `Snooze reminders about “${title}”?`,
  waive: (title) => `Is “${title}” not for you?`,
  start: (title) => `Mark “${title}” in progress?`,
};

const BUTTONS: Record<StepAction, string> = {
  done: "Yes, mark it done",
  schedule: "Save the date",
  snooze: "Snooze",
  waive: "Yes, not for me",
  start: "Yes, in progress",
};

/**
 * After a POST: what was recorded (or that it already was). For a date, `changeDateUrl` is a fresh
 * "Scheduled for…" link: a used link records once, so changing the date needs a new one.
 */
export function actionResultPage(
  preview: ActionPreview,
  outcome: ActionOutcome,
  timelineUrl: string,
  changeDateUrl?: string,
  sent?: MilestoneEntry,
): APIGatewayProxyStructuredResultV2 {
  const heading = outcome === "already-recorded" ? "Already recorded" : "Recorded";
  // A first POST recorded what it sent; a second one changed nothing, so the state before it holds.
  const recorded =
    outcome === "recorded" && sent
      ? sent
      : preview.state.milestones.find((entry) => entry.key === preview.claims.milestone);
  const scheduledOn =
    recorded?.status === "scheduled" && recorded.date ? humanDate(recorded.date) : undefined;
  // The answer the applicant gave, in her words ("You told us you passed …"), not the step's title.
  const what: Record<StepAction, string> = {
    done: soapOfferStands(preview) ?? doneTold(preview.claims.milestone, preview.title),
    waive: soapNotForMeMeans(preview) ?? `${preview.title} is left out of your plan.`,
    // SOAP in progress is Monday's "not matched" answer: the step's own title after it.
    start:
      preview.claims.milestone === "soap"
        ? `${SOAP_TAKING_PART_TITLE}: your plan now follows SOAP.${preview.settlesConflict ? " Match Week is marked not started." : ""}`
        : startTold(
            preview.claims.milestone,
            preview.title,
            recorded?.date ? humanDate(recorded.date) : undefined,
          ),
    schedule: scheduleTold(preview.claims.milestone, preview.title, scheduledOn),
    snooze: recorded?.snoozedUntil
      ? `Reminders about ${preview.title} are snoozed until ${humanDate(recorded.snoozedUntil)} (your time): ${SNOOZE_KEEPS}.`
      : `Reminders about ${preview.title} are snoozed.`,
  };
  if (outcome === "already-recorded" && alreadyAnswered(preview.claims.action, recorded?.status)) {
    // The step was already recorded, by this link or another (another email, the timeline, a
    // form): the GET's words, whichever link this was.
    const nothingTo =
      preview.claims.action === "schedule" || preview.claims.action === "snooze"
        ? `, so there is nothing to ${preview.claims.action}`
        : "";
    return htmlPage(
      200,
      heading,
      `<h1>${e(heading)}</h1>
<p class="note">${e(`This is already recorded: ${recordedAs(preview, recorded?.status)}${nothingTo}. Nothing was changed.`)}</p>
${
  preview.claims.action === "done"
    ? `<p>${UNDO_DONE}</p>
`
    : ""
}<div class="actions"><a class="button primary" href="${e(timelineUrl)}">See my timeline</a></div>`,
    );
  }
  if (outcome === "already-recorded" && preview.claims.action === "snooze" && recorded?.snoozedUntil) {
    return htmlPage(
      200,
      heading,
      `<h1>${e(heading)}</h1>
<p class="note">${e(alreadySnoozedText(preview.title, recorded.snoozedUntil))}</p>
<div class="actions"><a class="button primary" href="${e(timelineUrl)}">See my timeline</a></div>`,
    );
  }
  const change =
    preview.claims.action === "schedule" && changeDateUrl
      ? `<a class="button secondary" href="${e(changeDateUrl)}">Change the date</a>`
      : "";
  return htmlPage(
    200,
    heading,
    `<h1>${e(heading)}</h1>
<p>${e(what[preview.claims.action])}${outcome === "already-recorded" ? ` This link was used before, so nothing changed.${change ? " To give a different date, use Change the date: this link records once." : ""}` : " Your plan and your next emails will reflect it."}</p>
${tooLateNote(preview, recorded)}<div class="actions"><a class="button primary" href="${e(timelineUrl)}">See my timeline</a>${change}</div>`,
  );
}

/** A snooze already recorded, in the same words on a GET and a POST of a used Snooze link. */
function alreadySnoozedText(title: string, until: string): string {
  return `Already recorded: reminders about ${title} are snoozed until ${humanDate(until)} (your time): ${SNOOZE_KEEPS}. Nothing was changed.`;
}
