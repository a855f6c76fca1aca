import { laterPlannedMatchYear } from "#domain/match-year-heading.ts";
import { DATED_STARTS } from "#domain/step-actions.ts";
import type { ActionPreview } from "#usecases/step-actions.ts";
import { humanDate } from "./dates.ts";
import { escapeHtml as e } from "./layout.ts";
import { notForMeParagraph } from "./not-for-me-words.ts";
import { EXAMS_WITH_A_RESULT, lastDayHelp } from "./schedule-notes.ts";

/** The fields of an action's confirmation form, by action: what the tap records and what it needs. */

export const EXAM_DONE_MEANS =
  "Done means you sat this exam, passed, and have your result. If you have only booked it, go back and use Scheduled for… instead, so your reminders count down to your exam day.";

/**
 * What Done means on a step where it is easily taken for an earlier answer: the H-1B petition's
 * Done is USCIS's approval, and an applicant whose program has just filed, tapping it, would drop
 * USCIS's wait and the premium processing check from her plan.
 */
const DONE_MEANS: Readonly<Partial<Record<string, string>>> = {
  visa_h1b:
    "This records that USCIS has approved your H-1B petition: your program has the approval notice. If your program has only filed it, go back and use Filed on… instead, so your plan counts USCIS's wait from the day it was filed.",
};

/** "Filed on…": the day the program filed the petition, today or earlier (the POST refuses a day before Match Day). */
function filedOnFields(preview: ActionPreview): string {
  return `<label for="date">Day it was filed (your time)</label>
<input id="date" name="date" type="date" required max="${e(preview.today)}" aria-describedby="date-help">
<p id="date-help" class="due">Today, ${e(humanDate(preview.today))}, or earlier. Ask your program's immigration office for the day and the receipt number, which your visa interview needs.</p>
<p>Matchpath will plan the petition as filed on that day and wait for USCIS's approval: tell us when it comes (USCIS approved it). ${UNDO_DONE}</p>`;
}

/** How to undo, said here last: a form re-sent with the same answer keeps a button's (milestone-merge.ts). */
export const UNDO_DONE =
  "Tapped by mistake? Ask your advisor to set it back. Sending your intake form again changes this step only if you change your answer for it there.";

/**
 * What the range's last day is: residency's start after the Match the plan is dated for
 * (preview.latest), named when the plan was moved to a later Match than the one she entered.
 */
function startsWhen(preview: ActionPreview): string {
  const later = laterPlannedMatchYear(preview.plan);
  return later === undefined
    ? "when residency starts in your Match year"
    : `when residency starts after the ${later} Match, the one your plan is dated for`;
}

export function fieldsFor(preview: ActionPreview): string {
  switch (preview.claims.action) {
    case "done": {
      const means = EXAMS_WITH_A_RESULT.has(preview.claims.milestone)
        ? EXAM_DONE_MEANS
        : DONE_MEANS[preview.claims.milestone];
      return `${means ? `<p class="note">${means}</p>\n` : ""}<p>Matchpath will stop reminding you about it and plan the steps that were waiting for it. ${UNDO_DONE}</p>`;
    }
    case "waive":
      return notForMeParagraph(preview);
    case "start":
      return DATED_STARTS.has(preview.claims.milestone)
        ? filedOnFields(preview)
        : `<p>Matchpath will plan it as under way and remind you of what is left. ${UNDO_DONE}</p>`;
    case "schedule": {
      const current = preview.state.milestones.find((entry) => entry.key === preview.claims.milestone);
      const now =
        current?.status === "scheduled" && current.date
          ? `<p class="note">Now recorded: scheduled for <strong>${e(humanDate(current.date))}</strong>. A new date replaces it.</p>`
          : "";
      return `${now}<label for="date">Date (your time)</label>
<input id="date" name="date" type="date" required min="${e(preview.today)}" max="${e(preview.latest)}" aria-describedby="date-range">
<p id="date-range" class="due">From today, ${e(humanDate(preview.today))}, to ${e(humanDate(preview.latest))}, ${startsWhen(preview)}.${lastDayHelp(preview)}</p>
<p>Reminders will count down to this date.</p>`;
    }
    case "snooze": {
      const options = preview.snoozeOptions
        .map(
          (option, index) =>
            `<div><input type="radio" id="days-${option.days}" name="days" value="${option.days}"${index === 0 ? " checked" : ""}> <label for="days-${option.days}" class="inline">${option.lastReminder ? `until ${e(humanDate(option.until))}, the last reminder` : `${option.days} days (until ${e(humanDate(option.until))})`}</label></div>`,
        )
        .join("\n");
      return `<fieldset><legend>For how long?</legend>
${options}
</fieldset>
<p>The last reminder before the deadline always comes, snoozed or not.</p>`;
    }
  }
}
