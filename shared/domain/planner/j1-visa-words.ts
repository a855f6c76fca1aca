import type { CatalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { DAY_MS, localDate, renderDate, startOfLocalDate } from "../time.ts";
import { GLOBAL_VISA_WAIT_TIMES_URL } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext } from "./context.ts";
import { applicantDay, dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { plannedDay } from "./earliest-certification.ts";
import { lateEcfmgReview } from "./ecfmg-review-past-ds2019.ts";
import { J1_CONSULAR_ALLOWANCE_DAYS, J1_ECFMG_REVIEW_DAYS, visaDayFrom } from "./j1-allowances.ts";
import { j1SponsorshipLastDay, lastDayWords } from "./j1-sponsorship-last-day.ts";
import { j1StartOutOfReach } from "./j1-start-out-of-reach.ts";
import { lateVisaAtWords } from "./visa-moved-past-start.ts";

/**
 * What the J-1 visa step adds when less time is left before its date than the consular allowance
 * the plan gives it (J1_CONSULAR_ALLOWANCE_DAYS: the month the DS-2019 is due before the visa, also
 * the step's lead time; a longer allowance would fire while the chain still runs to plan): check the
 * consulate's wait and, if it is longer, ask for an expedited appointment. Advice: the State Department's Global Visa Wait Times tool gives each post's wait;
 * each consulate takes expedite requests through its own appointment system (no fact sheet gives a
 * rule for them). Empty for every other step, for a visa already finished, and with time enough;
 * empty too once an interview is booked, on any day, ahead or passed: the wait is behind her, and
 * the card says what to do about the day booked (after the visa's date, its words ask for an earlier
 * appointment; "less time is left … than the 30 days … for a consular interview" beside a booking
 * read as if she still had to book).
 */
export function consularExpediteNote(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  due: DueDate | null,
): string {
  if (entry.key !== "visa_j1" || status === "done" || status === "waived" || due === null) return "";
  const allowance = J1_CONSULAR_ALLOWANCE_DAYS;
  if (due.at - context.now >= allowance * DAY_MS) return "";
  // Booked, the wait this note is about is behind her: the card says what to do about the day booked.
  if (plannedDay(context, entry.key) !== null) return "";
  return ` Less time is left before your visa date than the ${allowance} days this plan allows for a consular interview (our advice): check your consulate's wait in the State Department's Global Visa Wait Times tool (${GLOBAL_VISA_WAIT_TIMES_URL}) and, if it is longer than the time left, ask the consulate for an expedited appointment through its appointment system, with your DS-2019 and your program's start date (advice).`;
}

const VISA_J1_AT = stepIndex("visa_j1");

/**
 * What the contract's card adds for a J-1 applicant who needs the J-1 visa: the consular allowance
 * this plan gives the interview (J1_CONSULAR_ALLOWANCE_DAYS, the month from the DS-2019 to the
 * visa; the chain cannot hold a longer one between Match Day and the start date), and that their own
 * consulate's J-1 wait is checked now, while an expedited appointment can still be asked for as soon
 * as the DS-2019 arrives (advice: the State Department's Global Visa Wait Times tool gives each post's
 * wait). Empty on every other track and card, once the contract is finished, and in a Match that is
 * over for the applicant.
 */
export function j1ConsularWaitAtContract(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  ownMatch: boolean,
): string {
  if (context.applicant.visa !== "J-1" || entry.key !== "contract" || !ownMatch || isFinished(status))
    return "";
  if (context.applicable[VISA_J1_AT] !== true) return "";
  return ` Check your consulate's J-1 (exchange visitor) visa wait now, on the State Department's Global Visa Wait Times page (${GLOBAL_VISA_WAIT_TIMES_URL}): this plan allows ${J1_CONSULAR_ALLOWANCE_DAYS} days from your DS-2019 to your visa date for the interview (our advice), and if your consulate's wait is longer, ask it for an expedited appointment as soon as your DS-2019 arrives, with your program's start date (advice).`;
}

/**
 * What the DS-2019's card adds when the J-1 sponsorship was done (the applicant's part finished:
 * the application complete, the fee paid, every document in) on a day whose ECFMG review
 * (J1_ECFMG_REVIEW_DAYS, the upper end of ECFMG's 4–6 weeks) may run past the DS-2019's date, the
 * date the plan counts on: the day the review may run to, and what to do (advice: follow it up
 * through the program's liaison, book the earliest consular appointment once the DS-2019 arrives,
 * ask for an expedited one where the post's wait is longer than the time left before the visa's
 * date). No fee and no time of its own. Empty for every other step, for a DS-2019 done, waived or
 * expected on a day the applicant gave (its scheduled words say it), with the review inside the
 * plan's time, and once the review's last day has passed.
 */
export function ecfmgReviewNote(
  context: PlanContext,
  entry: CatalogEntry,
  due: DueDate | null,
  dates: PlanDates,
): string {
  if (entry.key !== "j1_ds2019" || due === null) return "";
  const late = lateEcfmgReview(context, dates);
  // Past the review's last day the DS-2019 is simply late (VISA_NOT_READY_FOR_START says so).
  if (late === null || late.reviewEnds < localDate(context.zone, context.now)) return "";
  const { sent, reviewEnds } = late;
  const review = ` You completed your J-1 sponsorship application on ${renderDate(sent)}: ECFMG's review (4 to 6 weeks once every document is in) may run to ${renderDate(reviewEnds)}`;
  const opening = `${review}, the date this plan now counts on for your DS-2019.`;
  // Even the shorter review leaves the visa after the start: the verdict, never a visa date it cannot make.
  const out = j1StartOutOfReach(context, dates);
  if (out !== null)
    return `${opening} Even at the shorter end of that review, your J-1 visa would come around ${applicantDay(context, out.visaAt)} at the earliest, ${lateVisaAtWords(context, out.visaAt)}: tell your program's GME office now and ask about a delayed start, ask your program's liaison to follow the review up with ECFMG, and the day the DS-2019 arrives ask the consulate for an expedited appointment (advice).`;
  // Even the shorter review leaves the visa after its own date: the last day for the DS-2019, never that date.
  const last = j1SponsorshipLastDay(context, dates);
  if (last !== null && last.holds === "completed") {
    // The DS-2019's one date is then that last day (ecfmgReviewDue), never the review's end after it.
    const counted =
      last.lastDay < localDate(context.zone, context.now)
        ? ""
        : ", the date this plan now counts on for your DS-2019";
    // The review's shorter end, never today's slide (the risk says that): the words name that end.
    const shortest = startOfLocalDate(context.zone, visaDayFrom(sent));
    return `${review}. Even at the shorter end of that review, your J-1 visa would come around ${applicantDay(context, shortest)} at the earliest, after your visa's date, ${dueDay(context, last.visa)}: ${lastDayWords(context, last, [])}${counted}; ask your program's liaison to follow the review up with ECFMG, tell your program's GME office, and the day the DS-2019 arrives ask the consulate for an expedited appointment (advice).`;
  }
  const visa = dates.due("visa_j1");
  const visaDay = visa === null ? "your visa date" : `your visa date, ${dueDay(context, visa)}`;
  return `${opening} Ask your program's liaison to follow it up with ECFMG; once the DS-2019 arrives, book the earliest consular appointment, and if your consulate's wait (the State Department's Global Visa Wait Times tool, ${GLOBAL_VISA_WAIT_TIMES_URL}) is longer than the time left before ${visaDay}, ask the consulate for an expedited appointment (advice).`;
}

/**
 * What the J-1 sponsorship's card adds while it is under way: the DS-2019 it feeds and the day this
 * plan counts on for it, J1_ECFMG_REVIEW_DAYS after the sponsorship's date (the upper end of ECFMG's
 * 4–6 weeks); once that date has passed, that each day still to go can push the DS-2019 past its
 * day. Empty for every other step and status: not begun, the card's action tells how to start; done,
 * the DS-2019's own card speaks.
 */
export function sponsorshipDs2019Note(
  context: PlanContext,
  entry: CatalogEntry,
  status: MilestoneStatus,
  due: DueDate | null,
  dates: PlanDates,
): string {
  if (entry.key !== "j1_ecfmg_sponsorship" || status !== "in_progress") return "";
  const ds2019 = dates.due("j1_ds2019");
  if (ds2019 === null) return "";
  const day = `${dueDay(context, ds2019)}${basisMark(ds2019)}`;
  const weeks = J1_ECFMG_REVIEW_DAYS / 7;
  // Even complete today, the J-1 visa comes after the start: the verdict, never a day to push past.
  const out = j1StartOutOfReach(context, dates);
  if (out?.holds === "incomplete")
    return ` Even with every document in today, ECFMG's review (4 to 6 weeks; we count the shorter, 4) would bring your DS-2019 around ${applicantDay(context, out.ds2019At)} at the earliest, and with the ${J1_CONSULAR_ALLOWANCE_DAYS} days this plan allows for the consular interview after it, a J-1 start on your program's date is out of reach: tell your program's GME office now and ask about a delayed start (our advice).`;
  // Too late even for the visa's own date: the last day the file allows the start, never a day to push past.
  const last = j1SponsorshipLastDay(context, dates);
  if (last !== null && last.holds === "incomplete")
    return ` Even with every document in today, ECFMG's review (4 to 6 weeks; we count the shorter, 4) and the ${J1_CONSULAR_ALLOWANCE_DAYS} days this plan allows for the consular interview after it would bring your J-1 visa around ${applicantDay(context, last.visaAt)} at the earliest, after the date this plan counted on: ${lastDayWords(context, last, [])}; tell your program's GME office now (our advice).`;
  if (due !== null && due.at < context.now)
    return ds2019.at < context.now
      ? ` Your DS-2019 was planned for ${day}, which has passed: each day still to go moves it later, since ECFMG's review may take ${weeks} weeks from the day every document is in.`
      : ` Each day still to go can push your DS-2019 past ${day}, the date this plan counts on for it, since ECFMG's review may take ${weeks} weeks from the day every document is in.`;
  return ` This plan counts on your DS-2019 by ${day}, ${weeks} weeks after that date, the upper end of ECFMG's review.`;
}
