import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { basisMark } from "#domain/date-basis.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { scheduleTold } from "#domain/told-answers.ts";
import type { ActionPreview } from "#usecases/step-actions.ts";
import { humanDate } from "./dates.ts";
import { escapeHtml as e, htmlPage } from "./layout.ts";

/** What the "Scheduled for…" pages say about the date: the last day for this Match, a date too late, a used link. */

/**
 * Exams whose Done an applicant may tap on booking them: Done there means passed
 * with the result in hand; a booked exam is "Scheduled for…", which counts reminders down to it.
 * Keys, not the catalog: the page is served by the http-api, whose cold start stays off the catalog.
 */
export const EXAMS_WITH_A_RESULT: ReadonlySet<string> = new Set([
  "usmle_step1",
  "usmle_step2ck",
  "usmle_step3",
  "oet_medicine",
]);

/** "sit it" for an exam, "complete it" for any other dated step. */
function doIt(preview: ActionPreview): string {
  return EXAMS_WITH_A_RESULT.has(preview.claims.milestone) ? "sit it" : "complete it";
}

/** The last day, marked by who sets it: "Wed 16 Jun 2027 (our advice)". */
function markedDay(last: NonNullable<ActionPreview["lastDay"]>): string {
  return `${humanDate(last.date)}${basisMark(last.deadline)}`;
}

/**
 * The form's help: the day a later date is measured against, in what that day decides. An exam's
 * last sitting day decides this Match; the visa's date (our advice) and a post-ranking day (Step 3
 * before the H-1B petition) decide the start: a matched applicant told a late interview "comes too
 * late to count for this Match" may think she lost her position.
 */
export function lastDayHelp(preview: ActionPreview): string {
  const last = preview.lastDay;
  if (!last) return "";
  // A day already gone is said in the past, never as one still to meet.
  const passed = last.date < preview.today;
  if (last.means === "visa")
    return ` This plan ${passed ? "wanted" : "wants"} your visa by <strong>${e(humanDate(last.date))}</strong>${e(basisMark(last.deadline))}, before your trip and orientation; a later interview is recorded, and your plan will show what it means for your start.`;
  if (last.means === "start")
    return ` This plan ${passed ? "needed" : "needs"} it by <strong>${e(humanDate(last.date))}</strong>${e(basisMark(last.deadline))}${passed ? ", which has passed" : ""}; a later date is recorded, and your plan will show what it means for your start.`;
  return ` The last day to ${doIt(preview)} for the ${last.matchYear} Match is <strong>${e(humanDate(last.date))}</strong> (its deadline: ${e(last.deadline.local)}); a later date is recorded, but it is too late for this Match.`;
}

/** A recorded date after the step's last day, said plainly, in what that day decides (lastDayHelp). */
export function tooLateNote(preview: ActionPreview, recorded: MilestoneEntry | undefined): string {
  const last = preview.lastDay;
  if (!last || recorded?.status !== "scheduled" || !recorded.date || recorded.date <= last.date) return "";
  const given = humanDate(recorded.date);
  const words =
    last.means === "visa"
      ? `${given} is after ${markedDay(last)}, the day this plan wanted your visa by. If you can, ask the consulate for an earlier appointment (or an expedited one), then use Change the date; your plan will show what it means for your start, and your timeline's “Risks to watch” says what else to do now.`
      : last.means === "start" && last.date < preview.today
        ? // Past the day, an earlier seat no longer meets it: keep this one (an earlier only if it opens).
          `${given} is after ${markedDay(last)}, the day this plan needed it by, which has passed. Keep your seat (take an earlier one only if it opens, then use Change the date); your plan will show what it means for your start, and your timeline's “Risks to watch” says what else to do now.`
        : last.means === "start"
          ? `${given} is after ${markedDay(last)}, the day this plan needs it by. Book an earlier day if you can, then use Change the date; your plan will show what it means for your start, and your timeline's “Risks to watch” says what else to do now.`
          : `${given} is after ${humanDate(last.date)}, the last day to ${doIt(preview)} for the ${last.matchYear} Match: a result from that day comes too late to count for this Match. Book an earlier day if you can, then use Change the date; your timeline's “Risks to watch” says what this means and what else you can do.`;
  return `<p class="note critical" role="alert">${e(words)}</p>`;
}

/**
 * The GET of a "Scheduled for…" link that already recorded a date: a link records once, so a form
 * here would take a new date and then refuse it. Says what is recorded and offers Change the date
 * (a fresh link) as the way to give another day.
 */
export function usedScheduleLinkPage(
  preview: ActionPreview,
  timelineUrl: string,
  changeDateUrl: string,
): APIGatewayProxyStructuredResultV2 {
  const recorded = preview.state.milestones.find((entry) => entry.key === preview.claims.milestone);
  const day = recorded?.date ? humanDate(recorded.date) : undefined;
  const told = scheduleTold(preview.claims.milestone, preview.title, day);
  return htmlPage(
    200,
    "Already recorded",
    `<h1>Already recorded</h1>
<p class="note">${e(`${told} This link was used to record it, and a link records once, so nothing here changes it.`)}</p>
${tooLateNote(preview, recorded)}<p>Booked a different day? Use <strong>Change the date</strong> to give it.</p>
<div class="actions"><a class="button primary" href="${e(changeDateUrl)}">Change the date</a><a class="button secondary" href="${e(timelineUrl)}">Back to my timeline</a></div>`,
  );
}
