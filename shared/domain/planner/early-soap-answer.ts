import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry } from "../snapshot.ts";
import { localDate } from "../time.ts";
import { datedBeforeInstant } from "./dated-before-instant.ts";

/**
 * Whether a SOAP answer (any status: in progress, done, or "Not for me": waived) is dated before the
 * local day of Match Week's Monday (season date nrmp_match_week_start_and_soap_start), or dated that
 * Monday while `now` is before its notification's instant (datedBeforeInstant), when NRMP
 * first tells applicants whether they matched and SOAP opens (official, the season's source). Such a
 * date is a choice or preparation made ahead, not an answer: like a Match reported before ranking
 * opens (confirmedByTheMatch), it proves nothing about being in the Match and must not end SOAP's
 * preparation, so the step counts as not started and the plan asks again at Match Week.
 * Before Monday the step reads "SOAP, if you do not match" (its text: prepare), so
 * "in progress" then means preparing, never "you are in SOAP / you did not match": nobody has been
 * told they did not match yet. An undated answer is left as given
 * (an intake may send SOAP waived; soapShowsInTheMatch reads it only from Monday), but for an
 * undated "in progress" before that Monday's release (`now`, epoch ms): no SOAP of this Match runs
 * yet, so it is preparation too (with `now` given), never "You are in SOAP" (a 2028
 * applicant's SOAP in progress from the 2027 Match, kept once the 2028 season had begun).
 * Calendar dates compare as ISO text, each a day in the applicant's zone.
 */
export function soapAnsweredTooEarly(
  soap: MilestoneEntry | undefined,
  calendar: SeasonCalendar,
  zone: string,
  now?: number,
): boolean {
  if (soap === undefined || soap.status === "not_started") return false;
  if (soap.date === undefined)
    return (
      soap.status === "in_progress" &&
      now !== undefined &&
      now < calendar.dates.nrmp_match_week_start_and_soap_start.at
    );
  // Dated Monday itself, it counts only from the notification's instant (10:00 AM ET), as a done does.
  return datedBeforeInstant(soap.date, zone, calendar.dates.nrmp_match_week_start_and_soap_start.at, now);
}

/**
 * PlanContext.riskChangesAt's first instants (a fresh list): Match Week's notification when a SOAP
 * answer, in progress or "Not for me" (waived), is dated that Monday and `now` is still before the
 * notification, so soapAnsweredTooEarly does not count it yet but will from that instant. A plan
 * stored then is made again when the answer counts, as for a Match outcome done dated its window's
 * day (matchOutcomeBeforeWindowRisk); without it, the stored plan kept SOAP's preparation past 10 AM
 * ET. Empty otherwise. A done dated Monday is judged by SOAP's offer rounds (soap-done-before-offers.ts).
 */
export function soapAnswerCountsAt(
  soap: MilestoneEntry | undefined,
  calendar: SeasonCalendar,
  zone: string,
  now: number,
): number[] {
  const at = calendar.dates.nrmp_match_week_start_and_soap_start.at;
  if (soap?.date === undefined || now >= at) return [];
  if (soap.status !== "in_progress" && soap.status !== "waived") return [];
  return soap.date === localDate(zone, at) ? [at] : [];
}
