import { catalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import type { MilestoneKey } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { capitalised } from "./presumption-evidence.ts";
import { residencyAhead } from "./residency-started.ts";
import { addSource, citationSource, requirementSource } from "./risk-sources.ts";
import { awaitedDocumentWords } from "./visa-document-words.ts";
import { type LateInterview, visaInterviewBookedLate } from "./visa-interview-booked-late.ts";
import { visaChainMatched } from "./visa-start-risk.ts";
import { VISA_STEP_OF } from "./visa-start-words.ts";

// A consular interview booked after the visa's date but before the start's last week (for the 2027
// Match, 17-23 Jun) leaves the visa to be issued within days of it and still a week or more before
// orientation: it was the critical "your start may be delayed" (a false alarm), then, for one
// session, silent ("later"), though it eats into the two weeks the plan keeps. A warning says
// what an advisor would: try for an earlier slot, be ready, and tell the program the day.

/** What to bring, by the visa step: the document the consulate checks and the fee's receipt. */
const DOCUMENTS: Partial<Record<MilestoneKey, string>> = {
  visa_j1: "your DS-2019 and the SEVIS I-901 fee receipt",
  visa_h1b_stamping: "your petition's approval notice (Form I-797) and the visa fee receipt",
};

/**
 * What to do about an interview booked after the visa's date with the start still holding
 * (advice): an earlier slot through the consulate's appointment system, the documents ready, the
 * program's GME office told the day; on the day itself, keep it and ask when the passport comes back.
 */
export function warnedInterviewAdvice(
  context: PlanContext,
  key: MilestoneKey,
  today: boolean,
  labelled = true,
): string {
  // A risk's message carries no basis label: its sources say advice (WARNED_ADVICE_SOURCE).
  const mark = labelled ? " (advice)" : "";
  // The document the interview needs still awaited: nothing to bring yet, so the card and this
  // warning say it comes first, beside the critical that asks to courier it or move the interview.
  const awaited = awaitedDocumentWords(context, key);
  if (awaited !== "") return labelled ? awaited : awaited.replace(" (advice)", "");
  const documents = DOCUMENTS[key] ?? "your documents";
  return today
    ? ` Keep your interview today and bring ${documents}, ask the consulate when it will return your passport with the visa, and tell us whether the visa was issued${mark}.`
    : ` A visa is usually issued within days of the interview, so your start can still hold${mark}: ask the consulate for an earlier slot through its appointment system, have ${documents} ready for the interview, and tell your program's GME office the day of your interview${mark}.`;
}

/** The warning's advice, as its source: the words themselves carry no label. */
const WARNED_ADVICE_SOURCE =
  "advice: a visa is usually issued within days of the consular interview; an earlier slot through the consulate's appointment system, the documents ready and the program's GME office told the interview's day";

/** The interview booked late with the start still holding (visaInterviewBookedLate, severity warning); null otherwise. */
export function warnedInterview(context: PlanContext, dates: PlanDates): LateInterview | null {
  const key = VISA_STEP_OF[context.applicant.visa];
  // As VISA_NOT_READY_FOR_START: once matched, until residency starts where she is.
  if (key === undefined || !residencyAhead(context) || !visaChainMatched(context)) return null;
  const interview = visaInterviewBookedLate(context, key, dates.due(key));
  return interview?.severity === "warning" ? interview : null;
}

/**
 * VISA_INTERVIEW_AFTER_VISA_DATE (warning): the track's consular interview booked after the visa's
 * date with the start still holding (warnedInterview): the days it leaves and what to do. Shape: zero
 * or one Risk. Sources: the start's projection rule, the visa date's rule (advice), the visa's page.
 */
export function interviewAfterVisaDateRisks(context: PlanContext, dates: PlanDates): Risk[] {
  const interview = warnedInterview(context, dates);
  const key = VISA_STEP_OF[context.applicant.visa];
  if (interview === null || key === undefined) return [];
  const entry = catalogEntry(key);
  const sources: string[] = [];
  residencyStartWords(context.calendar.dates.residency_start, sources); // its rule, the start's source
  addSource(sources, citationSource(entry.due));
  addSource(sources, requirementSource(entry.why));
  addSource(sources, WARNED_ADVICE_SOURCE);
  return [
    {
      code: "VISA_INTERVIEW_AFTER_VISA_DATE",
      severity: "warning",
      message: `${capitalised(interview.words)}.${warnedInterviewAdvice(context, key, interview.today, false)}`,
      milestones: [key],
      sources,
    },
  ];
}

/**
 * VISA_INTERVIEW_AFTER_VISA_DATE's notice (warning-risk-notice.ts): once, when the booking is told,
 * on the visa step's card, due by the interview's own day (the visa's date may have passed already).
 */
export const INTERVIEW_AFTER_VISA_DATE_NOTICE = {
  title:
    "Your visa interview is after this plan's visa date: ask for an earlier slot and tell your program the day",
  asks: (context: PlanContext) => VISA_STEP_OF[context.applicant.visa] !== undefined,
  on: { card: (context: PlanContext) => VISA_STEP_OF[context.applicant.visa] },
  dueBy: (dates: PlanDates, context: PlanContext) => {
    const key = VISA_STEP_OF[context.applicant.visa];
    return key === undefined ? null : dates.own(key);
  },
  countsDownTo: () => "own-date" as const,
  againDaysBefore: null,
} as const;
