import { catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { ET_ZONE, localDate, renderDate } from "../time.ts";
import { PETITION_PREMIUM_BUSINESS_DAYS, PETITION_PREMIUM_SOURCE } from "./advice.ts";
import { adviceDayDue } from "./advice-day-due.ts";
import { applies, isFinished, type PlanContext, statusOf } from "./context.ts";
import { dayEnd } from "./date-math.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { FEDERAL_HOLIDAYS_SOURCE } from "./federal-business-days.ts";
import { changeOfStatus, h1bInUs } from "./h1b-in-us.ts";
import { VISA_DATE_PAST_REACH_WORDS } from "./j1-sponsorship-last-day.ts";
import { criticalInPlaceOfStepLate } from "./j1-start-out-of-reach.ts";
import { plannedApprovalAt, premiumApprovalAt } from "./petition-approval.ts";
import { filingDayEnd, lastFilingDay, petitionBandApplies, petitionBandEnd } from "./petition-filing-day.ts";
import { capitalised } from "./presumption-evidence.ts";
import { residencyAhead } from "./residency-started.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, requirementSource } from "./risk-sources.ts";
import { dayBeforeStartEnd, type VisaLine, visaLineOf } from "./visa-moved-past-start.ts";
import { visaChainMatched } from "./visa-start-risk.ts";
import { expectedPastStart } from "./visa-step-late.ts";

// A matched H-1B applicant whose program has not reported filing the petition, past the plan's
// filing day: a petition filed today would bring the visa as late as the same petition reported
// filed today does (expectedPastStart's arithmetic: each day the filing comes later moves USCIS's
// premium approval and the stamping after it a day later), so from the day that visa comes after
// the visa's own date, that date no longer "still holds"; what holds is the start, and only if the
// program files by the last day that arithmetic allows. Once that day has passed, even a petition
// filed today brings the visa after residency starts: the filed-today verdict, critical either way.

const PETITION = catalogEntry("visa_h1b");

/** The petition unfiled past the visa's own date's reach, and the last filing day for the start. */
export interface H1bPetitionLastDay {
  /** The visa's own date (the stamping's), which a petition filed today can no longer meet. */
  visa: DueDate;
  /** USCIS's approval of a petition filed today, with premium processing. */
  approvalAt: number;
  /** The visa by a petition filed today, at the plan's allowances. */
  visaAt: number;
  /** The last day (ISO, the applicant's) a petition filed keeps the visa before residency starts. */
  lastDay: string;
  /** That day has passed: a petition filed today brings the visa after residency starts. */
  past: boolean;
  /** The applicant's own last day is over, but it is still that day in the US (filingDayEnd). */
  usOnly: boolean;
}

/**
 * The unfiled petition's verdict (H1bPetitionLastDay): matched on H-1B (Match Day done) with Step 3
 * passed, the petition neither done nor reported filed (in progress: the filed-petition rule speaks),
 * the consular route (not a change of status), before residency starts, and a petition filed today
 * bringing the visa into the start's last week or after the start (visaLineOf); null otherwise, and
 * while the applicant's own later filing day already carries the visa past the start
 * (expectedPastStart says so). Short of the start's last week, with the contract signed, the visa's
 * date is lost by days our cautious two weeks absorb: the warning (h1bPetitionPastVisaDate), as a
 * J-1 sponsorship finished a few days late is (ECFMG_REVIEW_PAST_DS2019); Lagos, filing day Fri 16
 * Apr, was critical and escalated on 17 Apr with the visa still 12 days before a 1 Jul start. The
 * contract unsigned keeps the verdict from the filing day (petitionBandApplies). The instant the
 * verdict comes is noted for re-planning; each day after it, the visa's day moves with the day.
 */
export function h1bPetitionLastDay(context: PlanContext, dates: PlanDates): H1bPetitionLastDay | null {
  const filed = petitionFiledToday(context, dates);
  if (filed === null) return null;
  const { line, ...last } = filed;
  if (line === "in time") return null;
  return line === "before the last week" && petitionBandApplies(context) ? null : last;
}

/**
 * The unfiled petition past the plan's filing day, read as filed today (h1bPetitionLastDay's
 * reading, before its line test), with where that filing brings the visa (visaLineOf); null as there.
 */
export function petitionFiledToday(
  context: PlanContext,
  dates: PlanDates,
): (H1bPetitionLastDay & { line: VisaLine }) | null {
  if (context.applicant.visa !== "H-1B" || dates.calendar !== context.calendar) return null;
  if (!applies(context, PETITION) || !visaChainMatched(context) || changeOfStatus(context)) return null;
  const status = statusOf(context, PETITION.key);
  if (isFinished(status) || status === "in_progress") return null;
  if (!isFinished(statusOf(context, "usmle_step3"))) return null;
  const planned = dates.due(PETITION.key);
  const visa = dates.due("visa_h1b_stamping");
  if (!residencyAhead(context) || planned === null || visa === null) return null;
  if (expectedPastStart(context, PETITION.key, visa.at, dates) !== null) return null;
  // Only past the plan's filing day, as the petition is late (visaStartRisks): never on that day itself.
  if (planned.at > context.now) {
    noteRiskChange(context, planned.at);
    return null;
  }
  const zone = context.zone;
  const plannedApproval = plannedApprovalAt(dates);
  if (plannedApproval === null) return null;
  // One count from approval to visa, as an approval reported is judged (visaDocumentReceivedLate): a
  // day filed keeps the start while USCIS's approval of it comes no later than the plan's approval by
  // the room between the visa's date and the start.
  const room = dayBeforeStartEnd(context) - visa.at;
  const lastDay = lastFilingDay(zone, localDate(zone, planned.at + room - 1), plannedApproval + room);
  // Filed today, the petition's day ends at the next midnight, as a day the applicant gives does;
  // her last day over while the US is still on it (filingDayEnd), filed today is filed on that day.
  const own = localDate(zone, context.now);
  const usOnly = own > lastDay && localDate(ET_ZONE, context.now) <= lastDay;
  const todayEnd = dayEnd(zone, usOnly ? lastDay : own);
  const past = todayEnd > dayEnd(zone, lastDay);
  if (!past) noteRiskChange(context, filingDayEnd(zone, lastDay));
  // The warning band's end (petitionBandEnd): the verdict comes then.
  const bandEnd = petitionBandEnd(context, dates, planned.at, visa.at);
  if (bandEnd !== null) noteRiskChange(context, bandEnd);
  const approvalAt = premiumApprovalAt(todayEnd, zone);
  const visaAt = visa.at + (approvalAt - plannedApproval);
  const line = visaLineOf(context, visa.at, visaAt);
  return { visa, approvalAt, visaAt, lastDay, past, usOnly, line };
}

/** The last filing day's source, which tells its due from any other (visa-verdict-notice.ts). */
export const PETITION_LAST_DAY_SOURCE =
  "VISA_NOT_READY_FOR_START: the last day an H-1B petition filed keeps the visa before residency's start, counted forward by premium processing's 15 business days and the plan's stamping allowance (advice)";

/**
 * The last filing day as a whole day of the applicant's (advice): the verdict's notice is due by it.
 * Once her day is over while the US is still on it (east of ET), the instant it ends in the US
 * (filingDayEnd), shown with its hour in both zones: the notice sent on her Saturday morning is due
 * that afternoon.
 */
export function petitionLastDayDue(context: PlanContext, last: H1bPetitionLastDay): DueDate {
  if (last.usOnly)
    return adviceDayDue(context, filingDayEnd(context.zone, last.lastDay), PETITION_LAST_DAY_SOURCE);
  return adviceDayDue(context, dayEnd(context.zone, last.lastDay), PETITION_LAST_DAY_SOURCE, true);
}

/** "your program must file by about <day> (premium processing) for a <start> start", the risk's and the chase's words. */
function petitionLastDayWords(context: PlanContext, last: H1bPetitionLastDay, sources: string[]): string {
  const start = residencyStartWords(context.calendar.dates.residency_start, sources);
  const usToday = last.usOnly
    ? ` (today in the US, where it is still ${renderDate(last.lastDay)}: call your program's GME office now)`
    : "";
  return `your program must file your H-1B petition by about ${renderDate(last.lastDay)}${usToday}, with premium processing, for a start on ${start}`;
}

/** What the verdict asks: whether the program has filed, and, past the last day, to warn of a late start (advice). */
function whatToAsk(context: PlanContext, last: H1bPetitionLastDay): string {
  const route = h1bInUs(context)
    ? " If it files for a change of status instead of consular processing, USCIS's approval before your start is what counts: ask it which route it uses."
    : "";
  // The program files once the contract is signed (the contract card's rule): unsigned, that comes first.
  const contract = isFinished(statusOf(context, "contract"))
    ? ""
    : "Sign your program's contract now: the program files your petition only once it is signed. ";
  return last.past
    ? `${contract}Ask your program's GME office today whether it has filed your petition and with premium processing (without it, approval can take months), tell us the day it was filed, and tell the office now that your start may be delayed (our advice).${route}`
    : `${contract}Ask your program's GME office today whether it has filed your petition and with premium processing (without it, approval can take months), send it anything it still needs from you, and tell us the day it was filed (our advice).${route}`;
}

/**
 * "even filed today, with premium processing USCIS's approval would come around <day> …, your visa
 * would come around <day>": a petition filed today, the verdict's and the warning's words
 * (h1bPetitionPastVisaDate), their sources added (premium processing's, the holidays', the petition's date rule).
 */
export function filedTodayWords(context: PlanContext, last: H1bPetitionLastDay, sources: string[]): string {
  addSource(sources, PETITION_PREMIUM_SOURCE);
  addSource(sources, FEDERAL_HOLIDAYS_SOURCE);
  addSource(sources, PETITION.due.source);
  const consular = h1bInUs(context) ? " (if your program files for consular processing)" : "";
  // Days counted as the filed petition's are (petitionApprovalDue, expectedPastStart): each ends at midnight.
  const approval = dueDay(context, { at: last.approvalAt, zone: context.zone, asDay: true });
  const visaDay = dueDay(context, { ...last.visa, at: last.visaAt });
  return `even filed today, with premium processing USCIS's approval would come around ${approval} (within ${PETITION_PREMIUM_BUSINESS_DAYS} business days), and with the time this plan allows for the stamping after it${consular} your visa would come around ${visaDay}`;
}

/**
 * The verdict in words, its sources added: the visa's own date lost and the last day for the start,
 * or, past that day, the visa a petition filed today would bring, after residency starts.
 */
export function petitionVerdictWords(
  context: PlanContext,
  last: H1bPetitionLastDay,
  sources: string[],
): string {
  const filedToday = filedTodayWords(context, last, sources);
  if (last.past)
    return `Your program has not reported filing your H-1B petition, and the last day it could file it for your start, about ${renderDate(last.lastDay)}, has passed: ${filedToday}, after residency starts on ${residencyStartWords(context.calendar.dates.residency_start, sources)}. ${whatToAsk(context, last)}`;
  return `Your visa's date, ${dueDay(context, last.visa)}${basisMark(last.visa)}, ${VISA_DATE_PAST_REACH_WORDS}: your H-1B petition is not reported filed, and ${filedToday}. ${capitalised(petitionLastDayWords(context, last, sources))}. ${whatToAsk(context, last)}`;
}

/**
 * What the petition's card adds, unfiled past the verdict (h1bPetitionLastDay): the last filing
 * day for the start and the visa a petition filed today would bring, or that the day has passed;
 * "" otherwise. The risk's days, in the card's fewer words.
 */
export function petitionLastDayNote(context: PlanContext, dates: PlanDates): string {
  const last = h1bPetitionLastDay(context, dates);
  if (last === null) return "";
  const visaDay = dueDay(context, { ...last.visa, at: last.visaAt });
  if (last.past)
    return ` The last day your program could file it for your start, about ${renderDate(last.lastDay)}, has passed: even filed today, your visa would come around ${visaDay}, after residency starts; ask your program's GME office today whether it has filed, and tell it now that your start may be delayed (our advice).`;
  return ` ${capitalised(petitionLastDayWords(context, last, []))}: even filed today, your visa would come around ${visaDay}, after the date this plan counted on; ask your program's GME office today whether it has filed (our advice).`;
}

/**
 * `risks` (the visa chain's) with one critical VISA_NOT_READY_FOR_START in place of VISA_STEP_LATE
 * for the unfiled petition past its verdict (h1bPetitionLastDay), joined to a risk of steps already
 * behind; `risks` unchanged otherwise. Sources: premium processing's, the holidays', the petition's
 * date rule, then the requirement's.
 */
export function withH1bPetitionLastDay(context: PlanContext, dates: PlanDates, risks: Risk[]): Risk[] {
  const last = h1bPetitionLastDay(context, dates);
  if (last === null) return risks;
  return criticalInPlaceOfStepLate(
    risks,
    ["visa_h1b"],
    (sources) => {
      const sentence = petitionVerdictWords(context, last, sources);
      addSource(sources, requirementSource(PETITION.why));
      return sentence;
    },
    // Past the last day the visa itself comes after the start: named then, so that verdict is a notice of its own.
    last.past ? "visa_h1b_stamping" : null,
    last.past ? "h1b-out-of-reach" : "h1b-last-day",
  );
}
