import { SOAP_MATCH_DAY_TITLE, SOAP_OFFER_AHEAD_TITLE } from "#domain/match-outcome-question.ts";
import { DATED_STARTS } from "#domain/step-actions.ts";
import { doneAnswer, startAnswer } from "#domain/told-answers.ts";
import type { ActionPreview } from "#usecases/step-actions.ts";
import { humanDate } from "./dates.ts";
import { escapeHtml as e } from "./layout.ts";

/**
 * What SOAP's "Not for me" records, said on its pages: from Match Week's Monday (its only window)
 * it is a Match answer, not a preference. Beside Match Week done it means "I matched" (the way out
 * of MATCH_WEEK_SOAP_CONFLICT); otherwise "not matched, not in SOAP", and the plan moves to the
 * next Match at once (UNMATCHED_NOT_IN_SOAP); with no certified list there was no match to speak of.
 * Undefined for any other step, whose "Not for me" only leaves it out.
 */
export function soapNotForMeMeans(
  preview: Pick<ActionPreview, "claims" | "state" | "plan">,
): string | undefined {
  if (preview.claims.milestone !== "soap" || preview.claims.action !== "waive") return undefined;
  const status = (key: string) => preview.state.milestones.find((entry) => entry.key === key)?.status;
  if (status("match_week") === "done")
    return "This records that you matched, as your Match Week answer says: SOAP is left out of your plan and its reminders stop.";
  const next = preview.plan.matchYear + 1;
  return status("rank_order_list") === "done"
    ? `This records that you did not match and are not taking part in SOAP: your plan moves to the ${next} Match.`
    : `This records that you are not taking part in SOAP: with no certified rank order list, your plan moves to the ${next} Match.`;
}

/** The "Not for me" confirmation page's paragraph: SOAP's says what it records (soapNotForMeMeans). */
export function notForMeParagraph(preview: Pick<ActionPreview, "claims" | "state" | "plan">): string {
  const means = soapNotForMeMeans(preview);
  return means === undefined
    ? "<p>Matchpath will leave it out of your plan and stop reminding you about it. To add it back, ask your advisor.</p>"
    : `<p>${e(means)} To undo it, ask your advisor.</p>`;
}

/**
 * What SOAP's “I accepted a SOAP offer” recorded, said as the answer it is (SOAP done is an accepted
 * offer, not a finished step): as the way out of MATCH_WEEK_SOAP_CONFLICT over an accepted offer
 * (conflictWayOut: the offer kept, Match Week marked not started), or the offer itself. Undefined for
 * any other step's Done.
 */
export function soapOfferStands(
  preview: Pick<ActionPreview, "claims" | "settlesConflict" | "state" | "plan">,
): string | undefined {
  if (soapOfferAnswer(preview)) return "You accepted a SOAP offer: your plan now follows that position.";
  if (preview.claims.action !== "done" || preview.claims.milestone !== "soap") return undefined;
  return preview.settlesConflict === true
    ? "Your accepted SOAP offer stands. Match Week is marked not started."
    : "You accepted a SOAP offer: your plan now follows that position.";
}

/**
 * A step already recorded, as the "already recorded" pages say it: a Done as the answer it was ("you
 * told us you passed USMLE Step 1"), "<title> is marked in progress", "… not for you"; SOAP done is
 * an accepted offer, not a finished step, so it says so.
 */
export function recordedAs(
  preview: Pick<ActionPreview, "claims" | "title" | "state" | "plan">,
  status: string | undefined,
): string {
  if ((preview.claims.milestone === "soap" || soapOfferAnswer(preview)) && status === "done")
    return "you accepted a SOAP offer";
  // A Done is the applicant's answer: "you told us you passed …" (told-answers.ts), not the step's title.
  if (status === "done") return doneAnswer(preview.claims.milestone, preview.title);
  // A dated "start" (the petition's filing) is the applicant's answer too: "you told us your program filed …".
  if (status === "in_progress" && DATED_STARTS.has(preview.claims.milestone)) {
    const day = preview.state.milestones.find((entry) => entry.key === preview.claims.milestone)?.date;
    return startAnswer(preview.claims.milestone, preview.title, day ? humanDate(day) : undefined);
  }
  const marked = status === "in_progress" ? "in progress" : "not for you";
  return `${preview.title} is marked ${marked}`;
}

/**
 * Match Day's Done for an applicant in SOAP (SOAP in progress, or a plan that asks Match Day as the
 * SOAP question): Monday already said "not matched", so the email asks whether a SOAP offer was
 * accepted and its Done is that answer. Its pages ask and record an accepted offer, never "where
 * you matched".
 */
export function soapOfferAnswer(preview: Pick<ActionPreview, "claims" | "state" | "plan">): boolean {
  if (preview.claims.milestone !== "match_day" || preview.claims.action !== "done") return false;
  if (preview.state.milestones.find((entry) => entry.key === "soap")?.status === "in_progress") return true;
  const title = preview.plan.nextSteps.find((step) => step.milestone === "match_day")?.title;
  return title === SOAP_MATCH_DAY_TITLE || title === SOAP_OFFER_AHEAD_TITLE;
}
