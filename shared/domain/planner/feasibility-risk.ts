import { catalogEntry, NEEDED_FOR_RANKING } from "../catalog/index.ts";
import type { Risk, StepSubject } from "../plan.ts";
import { seasonCalendar } from "../seasons/index.ts";
import { localDate, renderDate, renderInZone } from "../time.ts";
import { DIPLOMA_VERIFICATION_DAYS, DIPLOMA_VERIFICATION_SOURCE } from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { contractSteps } from "./contract-steps.ts";
import { currentPathwaysWords, PATHWAYS_2025_CLOSING_URL } from "./current-pathways-season.ts";
import { applicantDay, dayBy, when } from "./day-words.ts";
import { droppedMatchWords } from "./dropped-match-words.ts";
import { CERTIFIED_TO_START_URL, NRMP_ECFMG_REQUIREMENTS_URL } from "./earliest-certification.ts";
import { describeTakes, type Feasibility } from "./feasibility.ts";
import { describeDatedTakes } from "./feasibility-dated-takes.ts";
import { lateSittingSoapWords } from "./late-sitting-soap.ts";
import { laterCandidateHedge } from "./later-candidate.ts";
import { laterDayCrossedOf } from "./later-day-crossed.ts";
import { laterDayCrossedCause } from "./later-day-crossed-words.ts";
import { paidSeasonAdvice } from "./paid-season-advice.ts";
import { PATHWAY_DEADLINE_MARK } from "./pathway-deadlines.ts";
import { pathwaysUnconfirmed } from "./pathways-unconfirmed.ts";
import { addSource, citationSource, citeSeasonDate } from "./risk-sources.ts";
import { unreportedResults, unreportedSittings } from "./unreported-sittings.ts";

/** ECFMG: certification follows graduation and the school's confirmation of the diploma (official). */
const ECFMG_PROCESS_URL = "http://www.ecfmg.org/certification/how-the-certification-process-works.html";

/**
 * Whether the applicant's day for `readyAt` (after the deadline) is the day the deadline itself falls
 * on in her zone: then "after the deadline" beside the same date would mislead, and the deadline is
 * said in her zone's terms. (Her day of a result after the deadline is never the deadline's ET day
 * and not hers: no zone is 21 hours west of ET.)
 */
function onDeadlineDay(context: PlanContext, readyAt: number, deadlineAt: number): boolean {
  return localDate(context.zone, readyAt) === localDate(context.zone, deadlineAt);
}

/**
 * "around X, after the deadline, Y": the two days, or when they are the same day both instants with
 * their hours in both zones, so "after" never stands between equal days ("around
 * Tue 26 Jan 2027, after the deadline … Tue 26 Jan 2027").
 */
function aroundAndDue(context: PlanContext, at: number, due: number): [string, string] {
  const around = dayBy(context, at);
  const dueDay = dayBy(context, due);
  return around === dueDay ? [when(context, at), when(context, due)] : [around, dueDay];
}

/**
 * MATCH_YEAR_NOT_FEASIBLE: names the real cause (graduation after the start date, or the exams'
 * timing even at the fastest realistic pace) with its dates, the earliest feasible Match year, and
 * what it would take; tells the applicant to pay none of the fees of the season out of reach not
 * yet paid (outOfReachAdvice).
 */
export function notFeasibleRisk(context: PlanContext, feasibility: Feasibility): Risk {
  const { calendar } = context;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const target = seasonCalendar(feasibility.earliestMatchYear);
  const targetRol = target.dates.nrmp_rol_certification_and_late_registration_deadline;
  const targetStart = target.dates.residency_start;
  // Sources are listed once (citeSeasonDate), so both deadlines may say "(projected)" by one rule.
  const sources: string[] = [];
  // The target Match's rank order list deadline has passed: its words are about a Match that is over.
  const over = context.now > rolDate.at;
  let cause: string;
  let takes: string;
  // The later candidate's day crossed, for this Match (else for the Match dropped out after it).
  const crossedAny = laterDayCrossedOf(feasibility);
  const crossed = crossedAny?.calendar.matchYear === calendar.matchYear ? crossedAny : undefined;
  if (feasibility.cause === "graduation") {
    const start = calendar.dates.residency_start;
    cause = `you graduate on ${renderDate(context.applicant.graduation)}, after residency starts on ${renderDate(start.date)}, and ECFMG certifies you only after graduation, once it has verified your diploma with your school; you must be certified to start`;
    addSource(sources, ECFMG_PROCESS_URL);
    addSource(sources, CERTIFIED_TO_START_URL);
    takes = `apply for the ${feasibility.earliestMatchYear} Match, the first whose start follows your graduation; allow about ${DIPLOMA_VERIFICATION_DAYS} days for the diploma verification after it; meanwhile the exams can be planned for it, and ${earlyStepsDated(context, "that Match")}`;
    addSource(sources, DIPLOMA_VERIFICATION_SOURCE);
  } else if (crossed !== undefined) {
    // Out of reach on the later candidate too, once its own day passed: that day decided it.
    const deadline = `${when(context, rolDate.at)}${citeSeasonDate(rolDate, sources)}`;
    cause = laterDayCrossedCause(
      context,
      crossed,
      deadline,
      feasibility.readyAt,
      feasibility.earliestMatchYear,
      sources,
    );
    addSource(sources, NRMP_ECFMG_REQUIREMENTS_URL);
    const list = describeDatedTakes(context, feasibility.takes, sources, true);
    takes = `${list.length > 0 ? list.join("; ") : "the remaining results reported"}; ${earlyStepsDated(context, `the ${feasibility.earliestMatchYear} Match`)}`;
  } else if (over) {
    // After the deadline the season is history: what was missing then, not what "would be", as the
    // out-of-reach notice after its Match says it.
    // Decided by the projected deadline: the later candidate is named while a result could still meet it.
    cause = `the exams and Pathway NRMP needs were not all reported by then; ECFMG must confirm them by that deadline${laterCandidateHedge(context, rolDate, feasibility.readyAt)}`;
    addSource(sources, NRMP_ECFMG_REQUIREMENTS_URL);
    const list = describeTakes(feasibility.takes, sources, context.zone);
    takes = `${list.length > 0 ? list.join("; ") : `the ${feasibility.earliestMatchYear} Match's own steps: ERAS, NRMP registration and a certified rank order list`}; ${earlyStepsDated(context, `the ${feasibility.earliestMatchYear} Match`)}`;
  } else if (feasibility.cause === "documents" && feasibility.pathwayLate !== null) {
    // The OET result cannot reach ECFMG by the projected deadline for the Pathway's documents:
    // ECFMG rejects an application whose documents come late.
    const late = feasibility.pathwayLate;
    const documentsDue = catalogEntry("ecfmg_pathway").documentsDue;
    if (documentsDue !== undefined) addSource(sources, citationSource(documentsDue));
    const [around, due] = aroundAndDue(context, late.at, late.due);
    cause = `your OET result could reach ECFMG only around ${around}, after the deadline for a Pathway application's supporting documents, ${due}${PATHWAY_DEADLINE_MARK}, and ECFMG would likely reject an application whose documents come late. ${pathwaysUnconfirmed(calendar.matchYear)}, and we plan for the earlier projected date. If ECFMG's own ${calendar.matchYear} deadline turns out later and your OET result can reach it by then, tell us your sitting date and this plan returns to the ${calendar.matchYear} Match`;
    const list = describeTakes(feasibility.takes, sources, context.zone, true);
    takes = `${list.join("; ")}; ${earlyStepsDated(context, `the ${feasibility.earliestMatchYear} Match`)}`;
  } else if (feasibility.cause === "pathway" && feasibility.pathwayLate !== null) {
    // The Pathway application cannot go in by its projected deadline: the
    // projection takes the earlier candidate, and the plan keeps to it (the brief's rule for an
    // uncertain date), naming what would bring the season back.
    const late = feasibility.pathwayLate;
    addSource(sources, citationSource(catalogEntry("ecfmg_pathway").due));
    const missed =
      late.at <= context.now
        ? `your ECFMG Pathway application is not submitted and its deadline, ${dayBy(context, late.due)}${PATHWAY_DEADLINE_MARK}, has passed`
        : `your ECFMG Pathway application could go in only around ${aroundAndDue(context, late.at, late.due).join(", after its deadline, ")}${PATHWAY_DEADLINE_MARK}`;
    cause = `${missed}. ${pathwaysUnconfirmed(calendar.matchYear)}, and we plan for the earlier projected date: ECFMG's decision on your Pathway must reach NRMP by the rank order list deadline, ${when(context, rolDate.at)}${citeSeasonDate(rolDate, sources)}. If ECFMG's own ${calendar.matchYear} deadline turns out later and you submit by it, tell us the day you submitted and this plan returns to the ${calendar.matchYear} Match`;
    // Passed: the season's Pathways may still be open, the earliest route to certification.
    const current =
      late.at <= context.now
        ? currentPathwaysWords(context, calendar.matchYear, feasibility.earliestMatchYear)
        : "";
    if (current !== "") {
      cause += `. ${current.slice(0, -1)}`;
      addSource(sources, PATHWAYS_2025_CLOSING_URL);
    }
    addSource(sources, NRMP_ECFMG_REQUIREMENTS_URL);
    const list = describeTakes(feasibility.takes, sources, context.zone, true);
    takes = `${list.length > 0 ? list.join("; ") : "ECFMG's Pathway decision"}; ${earlyStepsDated(context, `the ${feasibility.earliestMatchYear} Match`)}`;
  } else {
    const deadline = `${when(context, rolDate.at)}${citeSeasonDate(rolDate, sources)}`;
    // Her calendar's day, as the list below counts each result (applicantDay): days counted from today.
    const around = `even at the fastest realistic pace the exams and Pathway NRMP needs would be reported around ${applicantDay(context, feasibility.readyAt)}`;
    // "Around Wed 24 Feb, after the deadline (Wed 24 Feb, 9:00 PM ET)" read as a contradiction:
    // a day the deadline also falls on is said to be its day, in her zone.
    cause = onDeadlineDay(context, feasibility.readyAt, rolDate.at)
      ? `${around} (your time), the day of the rank order list deadline itself, ${renderInZone(context.zone, rolDate.at)}${citeSeasonDate(rolDate, sources)}: too late to be sure ECFMG confirms them by then`
      : `${around}, after the rank order list deadline, ${deadline}; ECFMG must confirm them by then${laterCandidateHedge(context, rolDate, feasibility.readyAt)}`;
    addSource(sources, NRMP_ECFMG_REQUIREMENTS_URL);
    const list = describeDatedTakes(context, feasibility.takes, sources, true);
    takes = `${list.length > 0 ? list.join("; ") : "the remaining results reported"}; ${earlyStepsDated(context, `the ${feasibility.earliestMatchYear} Match`)}`;
  }
  // A certified list (done; a waived one is no list) does not keep the Match in reach
  // (assessFeasibility): the list stays done, and the risk says what it hangs on, before and after
  // the deadline (NRMP's IMG rule).
  const milestones = NEEDED_FOR_RANKING.filter((key) => !isFinished(statusOf(context, key))) as StepSubject[];
  // Only results never reported are missing (nothing left to take): they may have reached ECFMG.
  const listDone = feasibility.cause !== "graduation" && statusOf(context, "rank_order_list") === "done";
  const pending =
    listDone && over && feasibility.takes.length === 0 ? unreportedSittings(context, rolDate.at) : [];
  if (listDone)
    cause +=
      pending.length > 0
        ? `. Your certified rank order list counted only if ECFMG confirmed ${unreportedResults(pending)} to NRMP by that deadline: the ${calendar.matchYear} Match is out of reach unless ${unreportedResults(pending)} (${pending.map((sitting) => `sat ${sitting.sat}`).join(", ")}) reached ECFMG by ${dayBy(context, rolDate.at)}${citeSeasonDate(rolDate, sources)}; tell us the result. If it did, mark it done here and this plan returns to your Match; if it did not, NRMP withdrew you from the Match and SOAP`
        : over
          ? `. Your certified rank order list counted only if ECFMG confirmed them to NRMP by that deadline; if it did not, NRMP withdrew you from the Match and SOAP. If ECFMG did confirm them, mark them done here and this plan returns to your Match`
          : `. Your certified rank order list counts only if ECFMG confirms them to NRMP by that deadline; otherwise NRMP withdraws you from the Match and SOAP`;
  // No list, nothing left to take but a result never reported: what SOAP asks.
  const soap =
    !listDone && over && feasibility.cause !== "graduation" && feasibility.takes.length === 0
      ? lateSittingSoapWords(context, feasibility.earliestMatchYear, sources)
      : "";
  // After Match Day the first question about a certified list is whether it matched:
  // a Match reported brings the plan back to this season, contract and visa first.
  const askMatched =
    listDone && context.now >= calendar.dates.nrmp_match_day.at
      ? `If you matched, tell us where (mark Match Day done): this plan returns to your ${calendar.matchYear} Match, with your ${contractSteps(context.applicant.visa)}. `
      : "";
  // Why a later Match dropped out too, when one did: a sentence after the earliest one.
  const dropped = droppedMatchWords(context, feasibility.dropped, sources, dayBy, crossedAny);
  const earliest = `The earliest feasible Match is ${feasibility.earliestMatchYear} (rank order list deadline ${when(context, targetRol.at)}${citeSeasonDate(targetRol, sources)}; residency starts ${renderDate(targetStart.date)})${dropped === "" ? "" : `.${dropped.slice(0, -1)}`}${noteStillMissing(context)}`;
  return {
    code: "MATCH_YEAR_NOT_FEASIBLE",
    severity: "critical",
    message: over
      ? `${askMatched}The ${calendar.matchYear} Match's rank order list deadline, ${when(context, rolDate.at)}${citeSeasonDate(rolDate, sources)}, passed before you were ready: ${cause}. ${earliest}. What it takes: ${takes}. ${soap !== "" ? soap : `${pending.length > 0 ? "If the result did not reach ECFMG in time, change" : "Change"} your target Match year to ${feasibility.earliestMatchYear}.`}`
      : `The ${calendar.matchYear} Match is out of reach: ${cause}. ${earliest}. ${wouldHaveTaken(context, feasibility)}: ${takes}. ${outOfReachAdvice(context, feasibility.earliestMatchYear)}${paidSeasonAdvice(context, feasibility.earliestMatchYear, sources, () => `${when(context, rolDate.at)}${citeSeasonDate(rolDate, sources)}`)}`,
    milestones,
    earliestFeasibleMatchYear: feasibility.earliestMatchYear,
    ...(feasibility.dropped === null ? {} : { droppedMatchYear: feasibility.dropped.year }),
    ...(feasibility.decidedBy === null ? {} : { decidedBy: feasibility.decidedBy }),
    ...(sources.length > 0 ? { sources } : {}),
  };
}

/**
 * The heading of what the Match out of reach would have taken at the fastest pace: information,
 * never steps to take now (the plan is dated for the earliest feasible Match, whose steps are the
 * ones to act on), so no booking day or fee for the lost Match reads as an order. For a graduation
 * after the start, what the later Match takes, worded for it.
 */
function wouldHaveTaken(context: PlanContext, feasibility: Feasibility): string {
  if (feasibility.cause === "graduation") return "What it would take";
  return `What the ${context.calendar.matchYear} Match would have taken, for information only (not steps to take now)`;
}

/**
 * With no sponsor note, or one not yet checked, every step needing ECFMG is blocked and undated, so
 * the pace above counts from today as if the note were granted (or found) now: said, so the earliest
 * Match reads as the best case it is, and an unchecked note is checked before the year is changed.
 */
function noteStillMissing(context: PlanContext): string {
  if (context.eligibility === "unchecked")
    return ", and only if WDOMS shows your school's ECFMG sponsor note covering your graduation year: check it first (your first step below); these dates count as if you confirmed it today, nothing that needs ECFMG can start before you do, and each week it takes moves them later";
  return context.eligibility === "ineligible"
    ? ", and only if your school's ECFMG sponsor note is granted in time: these dates count as if it were granted today, nothing that needs ECFMG can start before it, and each week it takes moves them later"
    : "";
}

/**
 * Where the early steps of the Match planned instead (`match`) are dated: below, or with no sponsor
 * note (or one not yet checked), where they stay blocked and undated, once the note is granted (found).
 */
function earlyStepsDated(context: PlanContext, match: string): string {
  if (context.eligibility === "unchecked")
    return `once you confirm your school's sponsor note in WDOMS, the early steps are dated for ${match}`;
  return context.eligibility === "ineligible"
    ? `once your school's sponsor note is granted, the early steps are dated for ${match}`
    : `the early steps below are dated for ${match}`;
}

/**
 * What to do about the Match out of reach: pay none of its fees not yet paid, then change the
 * target year. A fee counts as paid by the budget's rule (fees.json `spentWhen`: the step done), and
 * one already paid is not mentioned ("pay no 2027 ERAS or NRMP fee" to an
 * applicant with both done). An ERAS application in progress may have gone to some programs
 * already, and each program costs its own fee (AAMC's per-program fees), so it goes to no more.
 */
function outOfReachAdvice(context: PlanContext, feasibleYear: number): string {
  const year = context.calendar.matchYear;
  const eras = statusOf(context, "eras_application");
  const unpaid: string[] = [];
  if (!isFinished(eras) && eras !== "in_progress") unpaid.push("ERAS");
  if (!isFinished(statusOf(context, "nrmp_registration"))) unpaid.push("NRMP");
  // The first clause capitalised as it is written, not the whole sentence re-cut (a flattened copy).
  const fees: string[] = [];
  if (unpaid.length > 0) fees.push(`Pay no ${year} ${unpaid.join(" or ")} fee`);
  if (eras === "in_progress")
    fees.push(`${fees.length === 0 ? "Send" : "send"} your ${year} ERAS application to no more programs`);
  return `${fees.length > 0 ? `${fees.join(", and ")}; change` : "Change"} your target Match year to ${feasibleYear}: send your intake form again with Match year ${feasibleYear}, or ask your advisor to change it.`;
}
