import { basisMark } from "../date-basis.ts";
import type { Risk, StepSubject } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { ET_ZONE, localDate, renderDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { applicantDay, dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { earliestCertification, nothingOutstanding } from "./earliest-certification.ts";
import { J1_CONSULAR_ALLOWANCE_DAYS, J1_CONSULAR_ALLOWANCE_SOURCE } from "./j1-allowances.ts";
import {
  criticalInPlaceOfStepLate,
  J1_FILE_TO_VISA_MS,
  J1_SHORTEST_REVIEW_SOURCE,
  j1StartOutOfReach,
} from "./j1-start-out-of-reach.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource } from "./risk-sources.ts";

// A matched J-1 applicant whose sponsorship file is not complete yet, late enough that even with
// every document in today the J-1 visa, by the plan's own allowances (ECFMG's shorter review, the
// consulate's month), comes after the visa's own date, while the start is still in reach: the visa's
// date no longer "still holds". What holds is the start, and only if the file is complete by the last
// day j1StartOutOfReach's own arithmetic, run back from the start, allows: said at once, critical.

/** The sponsorship file still open with the visa's date past reach, and the last day for the start. */
export interface J1SponsorshipLastDay {
  /** The visa's own date, which the file complete today can no longer meet. */
  visa: DueDate;
  /** The earliest the J-1 visa can come with every document in today. */
  visaAt: number;
  /** The last day (ISO) the file can be complete for the visa by residency's start, the earlier of the applicant's and ET's. */
  lastDay: string;
}

const SPONSORSHIP_AT = stepIndex("j1_ecfmg_sponsorship");
const STATEMENT_AT = stepIndex("j1_statement_of_need");
const DS2019_AT = stepIndex("j1_ds2019");
const MATCH_DAY_AT = stepIndex("match_day");
const CERTIFICATE_AT = stepIndex("ecfmg_certification");

/**
 * The last day for the J-1 sponsorship file (J1SponsorshipLastDay): matched on J-1, the
 * sponsorship not complete, the DS-2019 still to come, before residency starts, the start still in
 * reach (j1StartOutOfReach null) and the certificate not what holds the review back; null otherwise,
 * and while the file complete today still meets the visa's date (that instant is noted for re-planning).
 */
export function j1SponsorshipLastDay(context: PlanContext, dates: PlanDates): J1SponsorshipLastDay | null {
  if (context.applicant.visa !== "J-1" || dates.calendar !== context.calendar) return null;
  if (context.applicable[SPONSORSHIP_AT] !== true || !isFinished(statusAt(context, MATCH_DAY_AT)))
    return null;
  if (isFinished(statusAt(context, SPONSORSHIP_AT))) return null;
  const ds2019 = statusAt(context, DS2019_AT);
  if (isFinished(ds2019) || ds2019 === "scheduled") return null;
  const start = context.calendar.dates.residency_start.at;
  if (context.now >= start) return null;
  const certificateHolds = !isFinished(statusAt(context, CERTIFICATE_AT)) && !nothingOutstanding(context);
  if (certificateHolds && earliestCertification(context) >= context.now) return null;
  const visa = dates.due("visa_j1");
  if (visa === null || j1StartOutOfReach(context, dates) !== null) return null;
  const visaAt = context.now + J1_FILE_TO_VISA_MS;
  if (visaAt <= visa.at) {
    noteRiskChange(context, visa.at - J1_FILE_TO_VISA_MS);
    return null;
  }
  // The last instant the file can be complete; its day, the earlier of the applicant's and ET's (a wrong day costs a year).
  const lastAt = start - J1_FILE_TO_VISA_MS - 1;
  const ours = localDate(context.zone, lastAt);
  const et = localDate(ET_ZONE, lastAt);
  if (et < ours) return { visa, visaAt, lastDay: et };
  return { visa, visaAt, lastDay: ours };
}

/** "to start on <start> your J-1 sponsorship file must be complete by about <day>", the card's and the risk's words. */
export function lastDayWords(context: PlanContext, last: J1SponsorshipLastDay, sources: string[]): string {
  const start = residencyStartWords(context.calendar.dates.residency_start, sources);
  return `to start on ${start} your J-1 sponsorship file must be complete by about ${renderDate(last.lastDay)}`;
}

/**
 * `risks` (the visa chain's) with one critical VISA_NOT_READY_FOR_START in place of VISA_STEP_LATE:
 * the visa's date past reach, the earliest visa, and the last day for the start, with what to do.
 */
export function withJ1SponsorshipLastDay(
  context: PlanContext,
  last: J1SponsorshipLastDay,
  risks: Risk[],
): Risk[] {
  const statementOpen = !isFinished(statusAt(context, STATEMENT_AT));
  // Joined to a risk of steps already behind, those keep their lead (its notice stays on its step).
  const behind = risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
  const open: StepSubject[] = statementOpen
    ? ["j1_statement_of_need", "j1_ecfmg_sponsorship"]
    : ["j1_ecfmg_sponsorship"];
  const first = [...(behind?.milestones ?? []), ...open.filter((key) => !behind?.milestones.includes(key))];
  return criticalInPlaceOfStepLate(risks, first, (sources) => {
    addSource(sources, J1_SHORTEST_REVIEW_SOURCE);
    addSource(sources, J1_CONSULAR_ALLOWANCE_SOURCE);
    const by = lastDayWords(context, last, sources);
    const statement = statementOpen ? "get your Statement of Need in now, " : "";
    return `Your visa's date, ${dueDay(context, last.visa)}${basisMark(last.visa)}, can no longer be met on this plan's allowances: your J-1 sponsorship application is not complete yet, and even with every document in today, ECFMG allows 4–6 weeks for its review (we count the shorter, 4 weeks) and this plan allows ${J1_CONSULAR_ALLOWANCE_DAYS} days after your DS-2019 for the consular interview, so your J-1 visa would come around ${applicantDay(context, last.visaAt)} at the earliest. ${capitalised(by)}: ${statement}complete your sponsorship application in EVNet with every document in, tell your program's GME office and J-1 liaison where it stands, and the day your DS-2019 arrives ask your consulate for an expedited appointment (our advice).`;
  });
}

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
