import { basisMark } from "../date-basis.ts";
import type { Risk, StepSubject } from "../plan.ts";
import { DAY_MS, startOfLocalDate } from "../time.ts";
import {
  SCORE_REPORTING_DAYS,
  SCORE_REPORTING_SOURCE,
  STEP3_PROCESSING_SOURCE,
  step3FsmbTimeWords,
} from "./advice.ts";
import { indexedStep } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dayBy, when } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { h1bCertificateTarget, step3ChainDays, step3ChainNow, step3LeadDays, visaExtraDays } from "./h1b.ts";
import { countedCertificateAt } from "./h1b-certificate-day.ts";
import {
  chainCited,
  fsmbTimeCited,
  graduationCited,
  J1_ALTERNATIVE,
  J1_ALTERNATIVE_TOO,
  J1_SOURCES,
  leadCited,
  retakeWarning,
  tripVisa,
  WHEN_PROGRAMS_DECIDE,
  whyBeforeRanking,
} from "./h1b-words.ts";
import { dayText } from "./last-sitting-day.ts";
import { laterCandidateHedge } from "./later-candidate.ts";
import { noteCrossing } from "./risk-change-instants.ts";
import { addSource, citeSeasonDate } from "./risk-sources.ts";
import { petitionDue, step3BookedTail } from "./step3-after-ranking.ts";
import { step3BookedLaterWords, step3LaterDays, step3LaterWords } from "./step3-later-candidate.ts";
import { step3MoveForRankingRisk } from "./step3-move-for-ranking.ts";
import { step3PetitionSitBy } from "./step3-petition-sit-by.ts";
import { resultAfterRankingOpens } from "./step3-result-after-ranking-opens.ts";
import { visitorVisaNowWords } from "./step3-visa-before-certificate.ts";

const STEP3 = indexedStep("usmle_step3");
const STEP3_MILESTONES: readonly StepSubject[] = Object.freeze(["usmle_step3", "visa_h1b"]);
const RESULT_WORDS = `its result takes up to ${SCORE_REPORTING_DAYS} days`;

/**
 * STEP3_NEEDED_FOR_H1B: ranking on H-1B needs Step 3 passed, and programs decide before the rank order
 * list deadline (advice), so Step 3's result must be reported by then (up to four weeks, official). The
 * earliest report is the certificate (when pending), then FSMB's permit (about two weeks after applying,
 * never before graduation plus up to 12 weeks: step3ChainFrom, official), abroad the visitor-visa wait
 * the step's text promises (step3ChainDays, advice), a US test date (about a week, advice) and the
 * result; the certificate never before feasibility's chain of results (`examsReadyAt`). When that
 * misses the deadline the risk is critical, says H-1B ranking for this Match is most likely out of
 * reach and names the J-1 alternative. After a failed Step 3 the warning names the retake.
 */
export function step3Risks(context: PlanContext, dates: PlanDates, examsReadyAt: number): Risk[] {
  const { calendar, now } = context;
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const given = context.entries.at(STEP3.index);
  const day =
    given?.date !== undefined && (given.status === "scheduled" || given.status === "in_progress")
      ? startOfLocalDate(context.zone, given.date)
      : null;
  // The chain the step's text gives (step3ChainDays), as the step reads it (step3DueNow): abroad
  // with the visitor-visa wait; FSMB's permit never before graduation's 12 weeks.
  const { certified, certificateAt, visaDays, chain } = step3ChainNow(context, examsReadyAt);
  const reportedBy = day === null ? chain.reportedBy : shiftDays(day, context.zone, SCORE_REPORTING_DAYS);
  const outOfReach = reportedBy > rol;
  // Holding a visitor visa already, the chain without its wait: the latest FSMB application then.
  const withVisaBy = rol - (SCORE_REPORTING_DAYS + step3LeadDays()) * DAY_MS;
  // The part that moves with now; graduation's 12 weeks are a fixed date.
  const moving = certificateAt + (step3ChainDays(context) + SCORE_REPORTING_DAYS) * DAY_MS;
  if (day === null) noteCrossing(context, moving, rol);
  if (day === null && visaDays > 0) noteCrossing(context, certificateAt, withVisaBy);
  if (day !== null && outOfReach) return [bookedTooLate(context, dates, day, given?.date)];
  if (day !== null) return resultAfterRankingOpens(context, day);
  const certificateBy = certified ? null : h1bCertificateTarget(context, dates);
  const words = step3Words(context, dates, certified, visaDays, certificateBy);
  if (!outOfReach) {
    const told = certificateBy !== null && certificateBy.at < now ? words.warningPassed : words.warning;
    const warning = retakeWarning(context, told);
    const sources = [...(warning.sources ?? [])];
    const more = `${graduationCited(context, sources, chain)}${visitorVisaNowWords(context, sources)}`;
    return more === "" ? [warning] : [{ ...warning, message: `${warning.message}${more}`, sources }];
  }
  // Only the two days that move with `now` are written per plan; the rest is the words' (step3Words).
  const certificate = certified
    ? ""
    : `your ECFMG certificate (around ${dayBy(context, certificateAt)} at the earliest), then `;
  const sources = [...words.lateSources];
  const graduation = graduationCited(context, sources, chain);
  const visa = visitorVisaNowWords(context, sources); // before the certificate, beside the days held
  const held = chain.reportedWithVisaHeld <= rol ? words.heldInTime : words.heldTooLate;
  // Out of reach of the projected deadline, in reach of its later candidate: both sides, with the
  // days to apply and sit by for the later one.
  const later = step3LaterDays(context, reportedBy);
  // Abroad, the visa-held days are the ones left: the projected deadline's replace
  // the held words; the later candidate's, "no time even with the visa" on the projected deadline.
  const before = later?.held !== true ? held : later.later === true ? HELD_TOO_LATE : "";
  const fsmb =
    later === null && held !== "" && held === words.heldInTime ? step3FsmbTimeWords(certified) : "";
  // The later words (step3LaterWords) end with FSMB's figures: the petition's road names only its day then.
  const petition = step3PetitionSitBy(context, dates, sources, later !== null);
  const reach =
    later === null
      ? `${laterDeadlineWords(context, reportedBy)}${held}${fsmb}${visa}${petition?.words ?? words.lateTail}`
      : ` That day is after our projected deadline.${before}${step3LaterWords(context, later, certified, false)}${visa}${petition?.words ?? words.lateTailToo}`;
  return [
    {
      code: "STEP3_NEEDED_FOR_H1B",
      severity: "critical",
      message: `${words.lateHead}${dayBy(context, reportedBy)} at the earliest: ${certificate}${words.lateChain}${graduation}${reach}`,
      milestones: STEP3_MILESTONES as StepSubject[],
      sources: fsmbTimeCited(later !== null || fsmb !== "" || petition?.fsmbSaid === true, sources), // FSMB figures said
    },
  ];
}
/** Abroad, on the projected deadline, when only the later candidate's visa-held days are left. */
const HELD_TOO_LATE = " Even with a visitor visa in hand, it leaves no time.";

/**
 * STEP3_NEEDED_FOR_H1B's words for a Step 3 not booked, from the plan's dates, the certificate's status,
 * the visa allowance and its target, never `now`: the warning whole, the critical words around its two days.
 */
interface Step3Words {
  zone: string;
  visaDays: number;
  certificateBy: DueDate | null;
  warning: Risk;
  warningPassed: Risk;
  lateHead: string;
  lateChain: string;
  heldInTime: string;
  heldTooLate: string;
  lateTail: string;
  lateTailToo: string;
  lateSources: readonly string[];
}
/** step3Words per PlanDates, one slot per certificate status (issued, pending). */
const wordsByDates = new WeakMap<PlanDates, (Step3Words | undefined)[]>();

function step3Words(
  context: PlanContext,
  dates: PlanDates,
  certified: boolean,
  visaDays: number,
  certificateBy: DueDate | null,
): Step3Words {
  let slots = wordsByDates.get(dates);
  if (slots === undefined) {
    slots = [undefined, undefined];
    wordsByDates.set(dates, slots);
  }
  const slot = certified ? 1 : 0;
  const known = slots[slot];
  if (
    known !== undefined &&
    known.zone === context.zone &&
    known.visaDays === visaDays &&
    known.certificateBy === certificateBy
  )
    return known;
  const made = wordsOf(context, dates, certified, visaDays, certificateBy);
  slots[slot] = made;
  return made;
}

function wordsOf(
  context: PlanContext,
  dates: PlanDates,
  certified: boolean,
  visaDays: number,
  certificateBy: DueDate | null,
): Step3Words {
  const { calendar } = context;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const rol = rolDate.at;
  const withVisaBy = rol - (SCORE_REPORTING_DAYS + step3LeadDays()) * DAY_MS;
  const opening = (sources: string[]): string => {
    const rolText = `${when(context, rol)}${citeSeasonDate(rolDate, sources)}`;
    for (const source of [WHEN_PROGRAMS_DECIDE, SCORE_REPORTING_SOURCE, STEP3_PROCESSING_SOURCE])
      addSource(sources, source);
    return rolText;
  };

  const lateSources: string[] = [];
  const lateHead = `Ranking on H-1B for the ${calendar.matchYear} Match is most likely out of reach: ${whyBeforeRanking(lateSources)}, ${opening(lateSources)}. Step 3's result can reach programs around `;
  const lateChain = `${chainCited(lateSources, visaDays)}, then ${RESULT_WORDS}.`;
  const neededBy =
    certificateBy === null
      ? ""
      : ` Your ECFMG certificate was needed by ${dayBy(context, certificateBy.at)} for that.`;
  const heldInTime =
    visaDays === 0
      ? ""
      : `${neededBy} Only if you already hold a visitor visa can you still make it: ${certified ? "apply to FSMB" : "you need your ECFMG certificate"} by ${dayBy(context, withVisaBy)}.`;
  const heldTooLate =
    visaDays === 0
      ? ""
      : `${neededBy} Even if you already hold a visitor visa, FSMB and a test date leave no time.`;
  const lateTrip = tripVisa(context, lateSources);
  const lateTail = `${lateTrip} ${J1_ALTERNATIVE}`;
  const lateTailToo = `${lateTrip} ${J1_ALTERNATIVE_TOO}`;
  for (const source of J1_SOURCES) addSource(lateSources, source);

  const warning = (passed: boolean): Risk => {
    const sources: string[] = [];
    const rolText = opening(sources);
    const sitBy = dates.due("usmle_step3");
    const needs =
      certificateBy === null
        ? ` Apply to FSMB early: ${chainCited(sources, visaDays)}.`
        : visaDays === 0
          ? ` Your ECFMG certificate is still pending: you need it by ${dayBy(context, certificateBy.at)}, because Step 3 needs it first and then ${leadCited(sources)}.`
          : ` Your ECFMG certificate is still pending: it ${passed ? "was" : "is"} needed by ${dayBy(context, certificateBy.at)}, because Step 3 needs it first, then ${chainCited(sources, visaDays)}, since you live outside the US; ${dayBy(context, countedCertificateAt(certificateBy) + visaExtraDays(visaDays) * DAY_MS)} is the latest only if you already hold a visitor visa.`;
    const trip = tripVisa(context, sources);
    return Object.freeze({
      code: "STEP3_NEEDED_FOR_H1B",
      severity: "warning",
      message: `Step 3 is not scheduled yet: ${whyBeforeRanking(sources)}, ${rolText}. ${RESULT_WORDS.charAt(0).toUpperCase()}${RESULT_WORDS.slice(1)}, so sit it by ${sitBy === null ? "four weeks before then" : `${dayBy(context, sitBy.at)}${basisMark(sitBy)}`}.${needs}${trip}`,
      milestones: STEP3_MILESTONES as StepSubject[],
      sources: Object.freeze(sources) as string[],
    });
  };

  return {
    zone: context.zone,
    visaDays,
    certificateBy,
    warning: warning(false),
    warningPassed: warning(true),
    lateHead,
    lateChain,
    heldInTime,
    heldTooLate,
    lateTail,
    lateTailToo,
    lateSources: Object.freeze(lateSources),
  };
}

/** STEP3_NEEDED_FOR_H1B for a Step 3 booked on `date`, its result after the rank order list deadline. */
function bookedTooLate(context: PlanContext, dates: PlanDates, day: number, date: string | undefined): Risk {
  const { calendar } = context;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const sources: string[] = [];
  const rolText = `${when(context, rolDate.at)}${citeSeasonDate(rolDate, sources)}`;
  for (const source of [WHEN_PROGRAMS_DECIDE, SCORE_REPORTING_SOURCE, STEP3_PROCESSING_SOURCE])
    addSource(sources, source);
  const reportedBy = shiftDays(day, context.zone, SCORE_REPORTING_DAYS);
  const later = step3BookedLaterWords(context, reportedBy, date);
  const move = later === "" ? step3MoveForRankingRisk(context, dates, day, date, petitionDue(dates)) : null;
  if (move !== null) return move;
  const trip = day + DAY_MS <= context.now ? "" : tripVisa(context, sources); // sat: the trip is over
  for (const source of J1_SOURCES) addSource(sources, source);
  return {
    code: "STEP3_NEEDED_FOR_H1B",
    severity: "critical",
    message: `Ranking on H-1B for the ${calendar.matchYear} Match is most likely out of reach: ${whyBeforeRanking(sources)}, ${rolText}. Step 3's result can reach programs around ${dayBy(context, reportedBy)} at the earliest: Step 3 on ${date === undefined ? dayBy(context, day) : dayText(date.slice(0, 10))}, and ${RESULT_WORDS}.${later}${trip}${step3BookedTail(context, dates, day, later !== "")}`,
    milestones: STEP3_MILESTONES as StepSubject[],
    sources,
  };
}

/**
 * " That day is after our projected deadline: … unless NRMP's 2027 deadline turns out later (…
 * Wed 3 Mar 2027): …" when Step 3's earliest result (`reportedBy`, epoch ms) misses the projected rank order
 * list deadline but not its later candidate (laterCandidateHedge, "most likely out of reach" was decided by
 * the projection alone), else "".
 */
function laterDeadlineWords(context: PlanContext, reportedBy: number): string {
  const rolDate = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const hedge = laterCandidateHedge(context, rolDate, reportedBy);
  return hedge === "" ? "" : ` That day is after our projected deadline, so it is out of reach${hedge}.`;
}
