import { catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { localDate, renderDate } from "../time.ts";
import { adviceDayDue } from "./advice-day-due.ts";
import type { PlanContext } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import {
  filedTodayWords,
  type H1bPetitionLastDay,
  petitionFiledToday,
  petitionLastDayNote,
} from "./h1b-petition-last-day.ts";
import { petitionBandApplies, petitionBandEnd } from "./petition-filing-day.ts";
import { addSource, requirementSource } from "./risk-sources.ts";

// The unfiled H-1B petition a few days past the plan's filing day: a petition filed today brings the
// visa after its own date (our cautious two weeks before the start, for the trip and orientation)
// but before the start's last week (visaLineOf's "before the last week"). The J-1 sponsorship
// finished as late is a warning (ECFMG_REVIEW_PAST_DS2019); so is this: the start holds if the
// program files now, and a critical with the advisor told, the day after our own allowance, was an
// alarm over days the two weeks absorb. "Your visa's own date still holds" (VISA_STEP_LATE) is
// false here, so the warning has words of its own.

const PETITION = catalogEntry("visa_h1b");

/** The petition unfiled inside the warning band, and the band's last filing day. */
export interface H1bPetitionPastVisaDate {
  /** The petition read as filed today (its approval, the visa it brings, the visa's own date). */
  filed: H1bPetitionLastDay;
  /** The last day (ISO, the applicant's) a petition filed keeps the visa before the start's last week. */
  bandLastDay: string;
  /** The end of that day: the warning's date, the critical verdict's first instant after it. */
  bandEnd: number;
}

/**
 * The unfiled petition past the plan's filing day, filed today bringing the visa past its own date
 * but before the start's last week, the contract signed (petitionBandApplies); null otherwise, and
 * from the start's last week on (h1bPetitionLastDay's critical verdict then).
 */
export function h1bPetitionPastVisaDate(
  context: PlanContext,
  dates: PlanDates,
): H1bPetitionPastVisaDate | null {
  if (!petitionBandApplies(context)) return null;
  const today = petitionFiledToday(context, dates);
  const planned = dates.due(PETITION.key);
  if (today === null || planned === null || today.line !== "before the last week") return null;
  const bandEnd = petitionBandEnd(context, dates, planned.at, today.visa.at);
  if (bandEnd === null) return null;
  const { line: _line, ...filed } = today;
  return { filed, bandLastDay: localDate(context.zone, bandEnd - 1), bandEnd };
}

/**
 * H1B_PETITION_PAST_VISA_DATE (warning): the petition unfiled inside the band (h1bPetitionPastVisaDate),
 * in place of VISA_STEP_LATE: the plan's filing day passed, the visa a filing today brings and the
 * visa's own date it misses, that the start still holds if the program files by the band's last
 * day, and to ask the program to file today with premium processing (advice). Sources: premium
 * processing's, the holidays', the petition's date rule, the start's, then the requirement's.
 */
export function withH1bPetitionPastVisaDate(context: PlanContext, dates: PlanDates, risks: Risk[]): Risk[] {
  const band = h1bPetitionPastVisaDate(context, dates);
  if (band === null) return risks;
  const planned = dates.due(PETITION.key);
  if (planned === null) return risks;
  const sources: string[] = [];
  const message = petitionPastVisaDateWords(context, band, planned, sources);
  const risk: Risk = {
    code: "H1B_PETITION_PAST_VISA_DATE",
    severity: "warning",
    message,
    milestones: ["visa_h1b", "visa_h1b_stamping"],
    sources,
  };
  return [...risks.filter((each) => each.code !== "VISA_STEP_LATE"), risk];
}

/**
 * The warning in words, its sources added (premium processing's, the holidays', the petition's date
 * rule, the start's, the requirement's): the risk's, its notice's and the weekly chase's
 * (visaDateLostWords), so none says "your visa's own date still holds" beside it.
 */
function petitionPastVisaDateWords(
  context: PlanContext,
  band: H1bPetitionPastVisaDate,
  planned: DueDate,
  sources: string[],
): string {
  const filedToday = filedTodayWords(context, band.filed, sources);
  const start = residencyStartWords(context.calendar.dates.residency_start, sources);
  addSource(sources, requirementSource(PETITION.why));
  const visa = band.filed.visa;
  return `Your program has not reported filing your H-1B petition, and this plan's day for it, ${dueDay(context, planned)}${basisMark(planned)}, has passed: ${filedToday}, after this plan's visa date, ${dueDay(context, visa)}${basisMark(visa)}, which keeps two weeks to travel and be there for orientation. Your start on ${start} still holds if your program files by about ${renderDate(band.bandLastDay)}: filed by then, your visa would still come before the start's last week; filed later, it would come in that week, and your start would be at risk. Ask your program's GME office to file today with premium processing (without it, approval can take months), send it anything it still needs from you, and tell us the day it was filed (our advice).`;
}

/** The warning's words inside the band (petitionPastVisaDateWords), for the weekly chase; null outside it. */
export function petitionPastVisaDateChase(context: PlanContext, dates: PlanDates): string | null {
  const band = h1bPetitionPastVisaDate(context, dates);
  const planned = dates.due(PETITION.key);
  return band === null || planned === null ? null : petitionPastVisaDateWords(context, band, planned, []);
}

/**
 * What the unfiled petition's card adds: the last-day verdict's note (petitionLastDayNote), or inside
 * the band, the warning's (petitionPastVisaDateNote); "" otherwise.
 */
export function petitionCardNote(context: PlanContext, dates: PlanDates): string {
  return petitionLastDayNote(context, dates) + petitionPastVisaDateNote(context, dates);
}

/**
 * What the petition's card adds inside the band (h1bPetitionPastVisaDate): the visa a filing today
 * brings and to ask for it today; "" otherwise. The warning's days, in the card's fewer words.
 */
function petitionPastVisaDateNote(context: PlanContext, dates: PlanDates): string {
  const band = h1bPetitionPastVisaDate(context, dates);
  if (band === null) return "";
  const visaDay = dueDay(context, { ...band.filed.visa, at: band.filed.visaAt });
  return ` Even filed today, your visa would come around ${visaDay}, after the date this plan counted on; your start still holds if your program files by about ${renderDate(band.bandLastDay)} (filed later, the visa would come in the start's last week): ask its GME office to file today with premium processing (our advice).`;
}

/** The band's last filing day as a whole day of the applicant's (advice): the warning's notice is due by it. */
function bandLastDayDue(context: PlanContext, dates: PlanDates): DueDate | null {
  const band = h1bPetitionPastVisaDate(context, dates);
  return band === null ? null : adviceDayDue(context, band.bandEnd, BAND_SOURCE, true);
}
const BAND_SOURCE =
  "H1B_PETITION_PAST_VISA_DATE: the last day an H-1B petition filed keeps the visa before the start's last week, counted forward by premium processing's 15 business days and the plan's stamping allowance (advice)";

/**
 * H1B_PETITION_PAST_VISA_DATE's notice (warning-risk-notice.ts): at once, on the petition's card,
 * due by the band's last filing day: a filing by then keeps the start; after it the critical verdict
 * speaks with its own notice.
 */
export const H1B_PETITION_PAST_VISA_DATE_NOTICE = {
  title:
    "Your H-1B petition is past this plan's day for it: ask your program to file today with premium processing",
  asks: (context: PlanContext) => context.applicant.visa === "H-1B",
  on: { card: "visa_h1b" },
  dueBy: (dates: PlanDates, context: PlanContext) => bandLastDayDue(context, dates),
  againDaysBefore: null,
} as const;
