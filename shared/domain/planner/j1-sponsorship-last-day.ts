import { basisMark } from "../date-basis.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import type { Risk, StepSubject } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { localDate, renderDate, startOfLocalDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { applicantDay, dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { awaitedVisaDay, reviewPastOrientationLine } from "./ecfmg-review-past-ds2019.ts";
import {
  dueDayOf,
  fileLineAt,
  J1_CONSULAR_ALLOWANCE_DAYS,
  J1_CONSULAR_ALLOWANCE_SOURCE,
  J1_ECFMG_REVIEW_SHORTEST_DAYS,
  visaDayFrom,
} from "./j1-allowances.ts";
import { certificateNeededForDs2019 } from "./j1-certificate.ts";
import {
  CERTIFICATE_FIRST,
  j1ReviewStart,
  type ReviewHolds,
  startDay,
  startLastDay,
} from "./j1-review-start.ts";
import {
  awaitingDs2019,
  criticalInPlaceOfStepLate,
  J1_SHORTEST_REVIEW_SOURCE,
  j1StartOutOfReach,
} from "./j1-start-out-of-reach.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource } from "./risk-sources.ts";
import { lateVisaAtWords } from "./visa-moved-past-start.ts";

// A matched J-1 applicant whose J-1 visa, by the plan's own allowances (ECFMG's shorter review, the
// consulate's month), comes after the visa's own date even on the fastest road left, while the start
// is still in reach: the visa's date no longer "still holds". What holds is the start, and only if
// the one thing ECFMG's review waits on comes by the last day j1StartOutOfReach's own arithmetic, run
// back from the start, allows: said at once, critical. The review waits on the sponsorship file not
// complete yet (counted from today, or from the day the applicant planned it when later: an advisor
// plans from what the applicant said), on the certificate with the file in, or, the file complete,
// it runs from that day, and then the DS-2019 has a last day to come by.

/** What the chain waits on (J1SponsorshipLastDay.holds). */
export type LastDayHolds = ReviewHolds;

/** The visa's date past reach while the start is not, and the last day for the start. */
export interface J1SponsorshipLastDay {
  /** The visa's own date, which the fastest road left can no longer meet. */
  visa: DueDate;
  /** The earliest the J-1 visa can come on that road (its day's start in the applicant's zone). */
  visaAt: number;
  /** The last day (ISO, the applicant's) for what the chain waits on. */
  lastDay: string;
  /** The file not complete, the certificate it waits for, or the review under way since the file was complete. */
  holds: LastDayHolds;
  /** The day the applicant planned to complete the file (ISO), when later than today; else "". */
  planned: string;
  /** The day the file was complete (ISO), holds "completed" only; else "". */
  sent: string;
  /** The earliest the DS-2019 can come (the shorter review's end); holds "completed" only. */
  ds2019At: number;
  /** That end gone by with the DS-2019 still awaited: it comes no sooner than today (awaitedVisaDay); holds "completed" only. */
  awaitedPastReview: boolean;
  /** The day (ISO) the review starts at the earliest on that road. */
  from: string;
  /** The file not complete while the certificate the sponsorship waits for is not reported (blocked on it). */
  certificateUnreported: boolean;
}

const STATEMENT_AT = stepIndex("j1_statement_of_need");

/**
 * The last day for the J-1 start (J1SponsorshipLastDay): matched on J-1 with the DS-2019 still to
 * come before residency starts (awaitingDs2019), the start still in reach (j1StartOutOfReach null),
 * and the fastest road left (reviewFrom) bringing the visa after its own date; null otherwise, and
 * while that road still meets the visa's date (the instant that stops is noted for re-planning).
 */
export function j1SponsorshipLastDay(context: PlanContext, dates: PlanDates): J1SponsorshipLastDay | null {
  const last = visaDatePastReach(context, dates);
  // The certificate's last day passed: it may be issued already, unreported; the certificate's own
  // words ask (certificateHolds), naming that day, and no critical risk says what cannot be done.
  if (last?.holds === "certificate" && last.lastDay < localDate(context.zone, context.now)) return null;
  // The morning after the last day the verdict turns to the start out of reach: re-plan then.
  if (last !== null && !lastDayPassed(context, last))
    noteRiskChange(context, startOfLocalDate(context.zone, shiftIsoDay(last.lastDay, 1)));
  return last;
}

/**
 * The visa's date past reach on the fastest road left, the start not (j1SponsorshipLastDay's test),
 * whether or not its last day has passed: the certificate's words read it (j1-certificate-late.ts).
 */
export function visaDatePastReach(context: PlanContext, dates: PlanDates): J1SponsorshipLastDay | null {
  if (!awaitingDs2019(context, dates)) return null;
  const visa = dates.due("visa_j1");
  if (visa === null || j1StartOutOfReach(context, dates) !== null) return null;
  const from = j1ReviewStart(context, dates, "as-planned", certificateNeededForDs2019);
  if (from === null) return null;
  // The file complete, the DS-2019 awaited: past the shorter review's end it comes no sooner than today.
  const visaDay = from.holds === "completed" ? awaitedVisaDay(context, from.day) : visaDayFrom(from.day);
  const visaDue = dueDayOf(visa);
  const at = (day: string): number => startOfLocalDate(context.zone, day);
  if (visaDay <= visaDue) {
    // Today's day slides: its visa passes the visa's date at the applicant's midnight.
    if (from.holds !== "completed") noteRiskChange(context, fileLineAt(context.zone, visaDue));
    return null;
  }
  // A file complete on its day: lost for good only once even the shorter review brings the visa into
  // the start's last week; short of that, ECFMG_REVIEW_PAST_DS2019's warning speaks.
  if (from.holds === "completed" && !reviewPastOrientationLine(context, from.day, visa)) return null;
  return {
    visa,
    visaAt: at(visaDay),
    lastDay: startLastDay(context, from.holds),
    holds: from.holds,
    planned: from.planned,
    sent: from.sent,
    ds2019At: at(shiftIsoDay(from.day, J1_ECFMG_REVIEW_SHORTEST_DAYS)),
    awaitedPastReview: from.holds === "completed" && visaDay !== visaDayFrom(from.day),
    from: from.day,
    certificateUnreported: from.certificateUnreported,
  };
}

/** Whether the last day has passed (the applicant's days): what it waited on had to come by then. */
function lastDayPassed(context: PlanContext, last: J1SponsorshipLastDay): boolean {
  return last.lastDay < localDate(context.zone, context.now);
}

/** What must happen by the last day, by what the chain waits on. */
const BY_WHAT: Record<LastDayHolds, string> = {
  incomplete: "your J-1 sponsorship file must be complete",
  certificate: "your ECFMG certificate must be issued",
  completed: "your DS-2019 must reach you",
};

/** "to start on <start> your J-1 sponsorship file must be complete by about <day>", the card's and the risk's words. */
export function lastDayWords(context: PlanContext, last: J1SponsorshipLastDay, sources: string[]): string {
  const start = residencyStartWords(context.calendar.dates.residency_start, sources);
  // The file waits for a certificate not reported: the file is complete only with it.
  const certificate = last.certificateUnreported ? CERTIFICATE_INCLUDED : "";
  // Past (the DS-2019 awaited late, or a certificate that may be issued already): had it come by then?
  if (lastDayPassed(context, last))
    return `to start on ${start} ${BY_WHAT_PASSED[last.holds]}${certificate} by about ${renderDate(last.lastDay)} (if it has, mark it done today)`;
  return `to start on ${start} ${BY_WHAT[last.holds]}${certificate} by about ${renderDate(last.lastDay)}`;
}
/** What the file's last day includes while the certificate it waits for is not reported. */
const CERTIFICATE_INCLUDED = ", your ECFMG certificate issued and included,";
/** BY_WHAT once the last day has passed. */
const BY_WHAT_PASSED: Record<LastDayHolds, string> = {
  incomplete: "your J-1 sponsorship file had to be complete",
  certificate: "your ECFMG certificate had to be issued",
  completed: "your DS-2019 had to reach you",
};

/** How the visa's date past reach is said, in the risk and in the words of the steps it concerns. */
export const VISA_DATE_PAST_REACH_WORDS = "can no longer be met on this plan's allowances";

/** Why the visa comes when it does, by what the chain waits on. */
function chainWords(context: PlanContext, last: J1SponsorshipLastDay): string {
  const review = "ECFMG allows 4–6 weeks for its review (we count the shorter, 4 weeks) and this plan allows";
  const late =
    localDate(context.zone, last.visaAt) >= startDay(context)
      ? `, ${lateVisaAtWords(context, last.visaAt)}`
      : "";
  const visa = `${J1_CONSULAR_ALLOWANCE_DAYS} days after your DS-2019 for the consular interview, so your J-1 visa would come around ${applicantDay(context, last.visaAt)} at the earliest${late}`;
  const today = localDate(context.zone, context.now);
  if (last.holds === "certificate")
    return `your ECFMG certificate is not reported, and ECFMG's review of your J-1 sponsorship waits for it (ECFMG sponsors a J-1 physician only with a valid certificate): even were it issued ${last.from > today ? `around ${renderDate(last.from)}, its earliest` : "today"}, ${review} ${visa}`;
  // The review's shorter end gone by, the DS-2019 not in: it can come no sooner than today.
  if (last.awaitedPastReview)
    return `you completed your J-1 sponsorship application on ${renderDate(last.sent)}, and at the shorter end of ECFMG's 4–6 weeks (we count 4 weeks) your DS-2019 could have come around ${applicantDay(context, last.ds2019At)}, but it is not marked received: even were it to reach you today, this plan allows ${visa}`;
  if (last.holds === "completed")
    return `you completed your J-1 sponsorship application on ${renderDate(last.sent)}, and even at the shorter end of ECFMG's 4–6 weeks (we count 4 weeks) your DS-2019 ${last.ds2019At < context.now ? "could come" : "would come"} around ${applicantDay(context, last.ds2019At)} at the earliest; this plan allows ${visa}`;
  const when =
    last.planned === ""
      ? "even with every document in today"
      : `even with every document in on ${renderDate(last.planned)}, the day you plan`;
  // The sponsorship blocked on a certificate not reported: it is what the file waits for first.
  const file = last.certificateUnreported
    ? "your J-1 sponsorship application is not complete yet and waits for your ECFMG certificate, which is not reported (ECFMG sponsors a J-1 physician only with a valid certificate); even with your certificate issued and every document in today"
    : `your J-1 sponsorship application is not complete yet, and ${when}`;
  return `${file}, ${review} ${visa}`;
}

/** What to do, by what the chain waits on (advice). */
function whatToDo(context: PlanContext, last: J1SponsorshipLastDay): string {
  if (last.holds === "certificate")
    return "ask ECFMG today what is still missing, mark the certificate done the day it is issued, tell your program's GME office and J-1 liaison where it stands, and the day your DS-2019 arrives ask your consulate for an expedited appointment (our advice).";
  // The DS-2019's last day gone by without it: the start is out of reach unless it came unreported.
  if (last.holds === "completed" && lastDayPassed(context, last))
    return "if it has not, a J-1 start on your program's date is out of reach on this plan's allowances: tell your program's GME office now and ask whether it can hold your position for a delayed start, and until when (programs hold one only briefly), ask your program's J-1 liaison to follow your review up with ECFMG, and the day your DS-2019 arrives book the earliest consular appointment and ask for an expedited one, with your program's start date (our advice).";
  if (last.holds === "completed")
    return "ask your program's J-1 liaison to follow your review up with ECFMG, tell your program's GME office where it stands, and the day your DS-2019 arrives book the earliest consular appointment and ask for an expedited one, with your program's start date (our advice).";
  const statement =
    isFinished(statusAt(context, STATEMENT_AT)) || statusAt(context, STATEMENT_AT) === "scheduled"
      ? ""
      : "get your Statement of Need in now, ";
  // A day planned for the file: whether it keeps the start, said once, with the same count.
  const planned =
    last.planned === ""
      ? ""
      : last.planned <= last.lastDay
        ? `keep to the day you plan, ${renderDate(last.planned)}, or sooner if you can; `
        : `the day you plan, ${renderDate(last.planned)}, is after it: ask for it sooner, and if it cannot come by then, tell your program's GME office now that your start may be delayed; `;
  // The sponsorship waits for the certificate: ask for what unblocks it, then complete the file.
  if (last.certificateUnreported)
    return `${CERTIFICATE_FIRST}; ${statement}complete your sponsorship application in EVNet the day your certificate is issued, with every document in, tell your program's GME office and J-1 liaison where it stands, and the day your DS-2019 arrives ask your consulate for an expedited appointment (our advice).`;
  return `${planned}${statement}complete your sponsorship application in EVNet with every document in, tell your program's GME office and J-1 liaison where it stands, and the day your DS-2019 arrives ask your consulate for an expedited appointment (our advice).`;
}

/** The steps the risk names first, by what the chain waits on. */
function firstSteps(context: PlanContext, last: J1SponsorshipLastDay): StepSubject[] {
  if (last.holds === "certificate") return ["ecfmg_certification", "j1_ds2019"];
  if (last.holds === "completed") return ["j1_ds2019"];
  const certificate: StepSubject[] = last.certificateUnreported ? ["ecfmg_certification"] : [];
  return isFinished(statusAt(context, STATEMENT_AT))
    ? [...certificate, "j1_ecfmg_sponsorship"]
    : [...certificate, "j1_statement_of_need", "j1_ecfmg_sponsorship"];
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
  // Joined to a risk of steps already behind, those keep their lead (its notice stays on its step).
  const behind = risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
  const open = firstSteps(context, last);
  const first = [...(behind?.milestones ?? []), ...open.filter((key) => !behind?.milestones.includes(key))];
  return criticalInPlaceOfStepLate(
    risks,
    first,
    (sources) => {
      addSource(sources, J1_SHORTEST_REVIEW_SOURCE);
      addSource(sources, J1_CONSULAR_ALLOWANCE_SOURCE);
      const by = lastDayWords(context, last, sources);
      return `Your visa's date, ${dueDay(context, last.visa)}${basisMark(last.visa)}, ${VISA_DATE_PAST_REACH_WORDS}: ${chainWords(context, last)}. ${capitalised(by)}: ${whatToDo(context, last)}`;
    },
    "visa_j1",
    // Its last day gone by, the verdict is the start out of reach: a notice of its own the next
    // morning (its own phase, so its own id), never swallowed as the last day's already sent.
    lastDayPassed(context, last) ? "j1-out-of-reach" : "j1-last-day",
  );
}

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
