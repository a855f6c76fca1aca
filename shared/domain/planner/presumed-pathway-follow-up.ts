import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import { stableHash } from "../hash.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import type { Deadline } from "../plan.ts";
import { DAY_MS, isoInZone, isoUtc, startOfLocalDate, toWall } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { dayBy } from "./day-words.ts";
import { slotOnDay } from "./delivery-slot.ts";
import { RESULT_FOLLOW_UP_RUNG } from "./own-date.ts";
import { pathwayDeadline, pathwayDocumentsDeadline } from "./pathway-deadlines.ts";
import { capitalised, evidenceSuggests } from "./presumption-evidence.ts";
import { reminderRecord } from "./reminder-record.ts";
import { catchUpOf, type TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/**
 * The one "did ECFMG accept it?" follow-up of a Pathway presumed sent past its projected application
 * deadline (presumedSentPastDeadline): treated as one submitted in time, it gets this and none of
 * the hard deadline's "Due" rungs. Sent at the delivery
 * slot on the day ECFMG's review (the catalog's reportingDays, advice) would be over for an
 * application sent by that deadline (the latest it can have gone in), or at the next slot once
 * that day has passed; none when that is not before `hard` (the step's due: the rank order list
 * deadline, by which NRMP needs ECFMG's acceptance), which it carries. Its id depends on the step,
 * the rung and the application deadline only, so the ledger sends it once. Appended to `into`.
 * Runs only for such a Pathway (rare): nothing is memoised.
 */
export function presumedPathwayFollowUp(
  context: PlanContext,
  entry: CatalogEntry,
  hard: { at: number; detail: Deadline },
  into: TimedReminder[],
): void {
  const applicationDue = pathwayDeadline(context.calendar);
  if (applicationDue === null) return;
  const reviewDays = entry.reportingDays?.days ?? 28;
  const oetResult = pendingOetResult(context);
  const reviewFrom = Math.max(applicationDue, oetResult ?? applicationDue);
  const expected = slotOnDay(context, toWall(context.zone, reviewFrom) + reviewDays * DAY_MS);
  const sendAt = Math.max(expected, catchUpOf(context).catchUp);
  if (sendAt >= hard.at) return;
  const weeks = Math.ceil(reviewDays / 7);
  const projected = basisMark(hard.detail);
  const reminder = reminderRecord({
    id: `r-${stableHash(`${RESULT_FOLLOW_UP_RUNG}|${entry.key}|presumed|${applicationDue}`)}`,
    milestone: entry.key,
    rung: RESULT_FOLLOW_UP_RUNG,
    title: `${entry.title}: did ECFMG accept it? Tell us`,
    deadline: hard.detail.at,
    deadlineDetail: hard.detail,
    sendAt: isoUtc(sendAt),
    sendAtLocal: isoInZone(context.zone, sendAt),
    why: `${capitalised(evidenceSuggests(context))} your Pathway application went in by its deadline, ${dayBy(context, applicationDue)} (projected)${oetResult === null ? "" : " and your OET result should have reached ECFMG"}, so ECFMG's review (about ${weeks} weeks, advice) should be over. Mark this step done if ECFMG accepted it, or tell your advisor if ECFMG refused it or asked for more documents. NRMP needs ECFMG's acceptance by the rank order list deadline, ${dayBy(context, hard.at)}${projected}.`,
  });
  into.push(timedReminder(sendAt, hard.at, Object.freeze(reminder)));
}

const OET = indexedStep("oet_medicine");

/**
 * When ECFMG can have the OET result a presumed-sent Pathway waits on, as an instant: null once the
 * OET is finished (the application deadline then starts the review, as before). An OET dated by
 * the applicant: the start of that day (their zone) plus the catalog's result allowance (advice);
 * undated: the Pathway's projected supporting-documents deadline (pathwayDocumentsDeadline), the
 * latest a result can reach ECFMG and still count. ECFMG cannot decide before it
 * (the follow-up came while the OET was still to be sat).
 */
function pendingOetResult(context: PlanContext): number | null {
  if (isFinished(statusAt(context, OET.index))) return null;
  const date = context.entries.at(OET.index)?.date;
  if (date === undefined) return pathwayDocumentsDeadline(context.calendar);
  return startOfLocalDate(context.zone, shiftIsoDay(date, catalogEntry(OET.key).reportingDays?.days ?? 21));
}
