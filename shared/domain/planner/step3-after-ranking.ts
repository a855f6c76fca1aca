import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import { DAY_MS, localDate, startOfLocalDate } from "../time.ts";
import { SCORE_REPORTING_DAYS } from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { ContextAnswers } from "./context-answers.ts";
import { ownDayInTime, shiftDays } from "./date-math.ts";
import { dueDay } from "./day-words.ts";
import { type DueDate, type PlanDates, shapedDueDate } from "./deadlines.ts";
import { step3ChainNow, step3VisaDays } from "./h1b.ts";
import { placeUntold } from "./h1b-outcome-words.ts";
import { J1_ALTERNATIVE, J1_ALTERNATIVE_TOO } from "./h1b-words.ts";
import { laterCandidateHedge } from "./later-candidate.ts";
import { feasibilityOf } from "./presumed-in-the-match.ts";
import {
  step3ApplyBy,
  step3ApplyByWords,
  step3FsmbTime,
  step3PetitionNeeds,
  whereMatchedFirst,
} from "./step3-apply-by.ts";
import { step3AwaitsMatchAnswer } from "./step3-awaits-match.ts";
import { step3BookedPastPetitionDay } from "./step3-booked-past-petition.ts";
import { step3LaterCardWords, step3LaterDue } from "./step3-later-candidate.ts";
import { step3MovableForRanking } from "./step3-move-for-ranking.ts";
import { step3ForPetition } from "./step3-petition.ts";
import { markPetitionDue, step3DueKind } from "./step3-petition-dates.ts";
import { petitionOutOfReach } from "./step3-petition-out-of-reach.ts";
import { petitionFitsWithVisaHeld, petitionSittingFits } from "./step3-sitting.ts";

const STEP3 = catalogEntry("usmle_step3");
const REPORTING = STEP3.reportingDays;

/**
 * Step 3's due date on the H-1B track once ranking is over: its catalog rule dates
 * it for ranking (the rank order list deadline less four weeks), which means nothing after that
 * deadline, yet the H-1B petition still needs a Step 3 pass. From then on it is due by the
 * petition's date (visa_h1b's due date in `dates`) less Step 3's result reporting allowance
 * (catalog `reportingDays`, advice). `ruled` is the catalog rule's date (PlanDates.due); it is
 * returned unchanged before the deadline, off the H-1B track, or when the petition has no date.
 * Built once per PlanDates (shared by many plans), so a plan past ranking adds one look-up.
 */
export function step3DueNow(context: PlanContext, dates: PlanDates, ruled: DueDate | null): DueDate | null {
  if (ruled === null || context.applicant.visa !== "H-1B") return ruled;
  return dueNow.answer(context, dates, ruled, step3DueFrom);
}

/** Asked about three times a plan (the step, its fee, its risks), mostly with the same dates. */
const dueNow = new ContextAnswers<PlanDates, DueDate, DueDate | null>();

function step3DueFrom(context: PlanContext, dates: PlanDates, ruled: DueDate): DueDate | null {
  const rol = dates.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  // Before ranking, out of reach of the projected deadline but not of its later candidate.
  if (context.now <= rol) {
    const later = step3LaterDue(context, dates, ruled);
    if (later !== null && step3DueKind(later) === "later") return later;
    // Out of reach of both deadlines: the petition after the Match still needs the pass by its day.
    const petition = step3UnreachableForRanking(context, rol) ? petitionDue(dates) : null;
    const fits = petition === null ? null : petitionChainFits(context, petition);
    // The petition's day, while met (with the visitor visa's wait or one held), dates the row; the
    // visa-held days for ranking, a branch, are said with their condition, never the row's "start now".
    if (fits !== null) return petition;
    if (later !== null) return later;
    return step3BookedAfterRanking(context, ruled) ? (petitionDue(dates) ?? ruled) : ruled;
  }
  if (ruled.at > rol) return ruled;
  return petitionDue(dates) ?? ruled;
}

/**
 * An H-1B applicant who has not booked Step 3 and whose result can no longer be reported by the rank
 * order list deadline: the chain STEP3_NEEDED_FOR_H1B reads (step3ChainNow from the exams' results,
 * feasibility's readyAt; abroad with the visitor visa's wait): no date the risk calls out of reach.
 */
function step3UnreachableForRanking(context: PlanContext, rol: number): boolean {
  if (context.applicant.visa !== "H-1B") return false;
  const status = statusOf(context, STEP3.key);
  if (status !== "not_started" && status !== "in_progress") return false;
  if (context.entries.get(STEP3.key)?.date !== undefined) return false;
  return step3ChainNow(context, feasibilityOf(context).readyAt).chain.reportedBy > rol;
}

/**
 * Whether the petition's sit-by day `petition` is the one to plan for before ranking: "visa" in the
 * US always (its card says when FSMB and a seat no longer fit: petitionOutOfReach); abroad while FSMB
 * (or its application under way) with the visitor visa beside it, then a seat, still fit before it
 * (petitionSittingFits: once applied to FSMB, the visa is the day's condition, not a wait), so the
 * applicant hears of the day while it can be met; "held" once only a visitor visa already held
 * still meets it (petitionFitsWithVisaHeld): the step stays dated for it, its card naming the
 * condition (and the visa-held days for ranking while they last), never "blocked" while one road is open.
 * Abroad only with the certificate issued: a pending one keeps its target for ranking. Null if none.
 */
export function petitionChainFits(context: PlanContext, petition: DueDate): "visa" | "held" | null {
  if (step3VisaDays(context) === 0) return "visa";
  if (!isFinished(statusOf(context, "ecfmg_certification"))) return null;
  const now = step3ChainNow(context, feasibilityOf(context).readyAt);
  if (petitionSittingFits(context, now, petition)) return "visa";
  return petitionFitsWithVisaHeld(context, now, petition, true) ? "held" : null;
}

/**
 * An H-1B applicant whose booked Step 3 falls after its last day for ranking (`ruled`), that day over:
 * too late for rank lists, yet the petition after the Match still needs the pass, so the sitting is
 * held to the petition's day (kept when it meets it), never to a passed day for ranking. Abroad too:
 * a booked US seat is the plan's evidence of the trip, so no visa wait is counted before it (advice).
 */
export function step3BookedAfterRanking(context: PlanContext, ruled: DueDate): boolean {
  const given = context.entries.get(STEP3.key);
  const status = statusOf(context, STEP3.key);
  if (given?.date === undefined || (status !== "scheduled" && status !== "in_progress")) return false;
  const day = startOfLocalDate(context.zone, given.date);
  if (ownDayInTime(day, ruled.at) || step3MovableForRanking(context, ruled, day)) return false;
  // Abroad, a sitting in time under the rank order list deadline's later candidate keeps ranking's
  // two sides on its card (move it earlier, else keep it); in the US its risk gives them.
  if (step3VisaDays(context) === 0) return true;
  const rolDate = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  return laterCandidateHedge(context, rolDate, shiftDays(day, context.zone, SCORE_REPORTING_DAYS)) === "";
}

/**
 * How STEP3_NEEDED_FOR_H1B ends for a sitting booked too late for ranking, on `day`: the petition
 * after the Match still needs the pass by its day (step3DueNow), which the sitting meets (keep it;
 * once sat, the card's petition date: sittingDueFrom) or misses (move it to that day at the latest),
 * so J-1 programs are ranked too, not instead, as with the later candidate's hope (`later`).
 */
export function step3BookedTail(context: PlanContext, dates: PlanDates, day: number, later: boolean): string {
  const petition = bookedPetitionWords(context, dates, day);
  return `${petition} ${later || petition !== "" ? J1_ALTERNATIVE_TOO : J1_ALTERNATIVE}`;
}

function bookedPetitionWords(context: PlanContext, dates: PlanDates, day: number): string {
  const sitBy = step3DueNow(context, dates, dates.due(STEP3.key));
  if (sitBy === null || step3DueKind(sitBy) !== "petition") return "";
  const needs = " Yet the H-1B petition after the Match still needs your Step 3 pass";
  const sat = day < sitBy.at && day + DAY_MS <= context.now ? dates.due("visa_h1b") : null;
  const by = `${dueDay(context, sat ?? sitBy)}${basisMark(sat ?? sitBy)}`;
  return day < sitBy.at
    ? `${needs}, and your ${sat === null ? `sitting meets its day, ${by}: keep it` : `result can reach it by the petition's date in this plan, ${by}`}, so a program that files an H-1B petition for you still can.`
    : `${needs}: move your sitting to ${by} at the latest.`;
}

/**
 * The H-1B petition's sit-by day in `dates` (visa_h1b's date less Step 3's result reporting
 * allowance), whatever the day's date the step carries now: before ranking too, where
 * VISA_NOT_READY_FOR_START measures the chain against it (h1bJ1Fallback). One per PlanDates.
 */
export function petitionDue(dates: PlanDates): DueDate | null {
  let due = petitionDues.get(dates);
  if (due === undefined) {
    due = petitionDueOf(dates);
    petitionDues.set(dates, due);
    if (due !== null) markPetitionDue(due);
  }
  return due;
}

const petitionDues = new WeakMap<PlanDates, DueDate | null>();
function petitionDueOf(dates: PlanDates): DueDate | null {
  const petition = dates.due("visa_h1b");
  if (petition === null || REPORTING === undefined) return null;
  // A sitting day is a whole local day in the applicant's zone: the day the
  // shifted instant ends on, as the petition's column shows it, due until the applicant's next midnight.
  const day = localDate(petition.zone, shiftDays(petition.at, petition.zone, -REPORTING.days) - 1);
  return shapedDueDate({
    at: startOfLocalDate(dates.zone, shiftIsoDay(day, 1)),
    zone: dates.zone,
    status: petition.status === "projected" ? "projected" : "advice",
    basis: "advice",
    source: `for the H-1B petition after the Match: the petition's date (${petition.source}) less ${REPORTING.days} days for Step 3's result to be reported (${REPORTING.source})`,
    asDay: true,
  });
}

/**
 * What Step 3's card says once step3DueNow moved its date: ranking is over and the petition needs
 * the pass, sit by the new date (a day; "(projected)" when it rests on a projected date), or once
 * that day has passed, as soon as possible; with `applyBy` (the next step's card) the day to apply to
 * FSMB by while not booked. "" when `entry` is not Step 3 or `due` is not such a date.
 */
export function step3AfterRankingWords(
  context: PlanContext,
  entry: CatalogEntry,
  due: DueDate | null | undefined,
  applyBy = false,
): string {
  // Asked for every step's card: only Step 3's can carry such a date (step3DueNow, the one maker of
  // the dates step3DueKind knows, dates Step 3 alone: planMilestone), so no other card looks it up.
  if (entry.key !== STEP3.key) return "";
  const kind = step3DueKind(due);
  if (kind === undefined || due == null) return "";
  if (kind !== "petition") {
    const applyBy = step3ApplyBy(context, due);
    return applyBy === null || applyBy.at < context.now
      ? ""
      : `${step3LaterCardWords(context, due, applyBy)} `;
  }
  // The petition's day out of reach even with a visitor visa held: the card opens with that, never
  // "sit by" a day the applicant cannot meet. On the next step's card (`applyBy`) step3Action's
  // out-of-reach words follow, so none come here, except past Match Day untold, where the card asks
  // where they matched first and step3AwaitsMatchAction follows; a blocked step's why has no
  // action after it, so they come here.
  const reach = petitionReach(context, due);
  const unmeetable = reach !== null && !reach.held ? reach : null;
  if (unmeetable !== null) {
    const first = placeUntold(unmeetable.outcome) && step3AwaitsMatchAnswer(context);
    return first
      ? `${whereMatchedFirst(context)} ${unmeetable.action} `
      : applyBy
        ? ""
        : `${unmeetable.action} `;
  }
  const projected = basisMark(due);
  // Past that day too, the card never asks for it "by" a past day: as soon as possible.
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const sit =
    due.at >= context.now
      ? context.now <= rol
        ? `sit it as soon as you can, at the latest by ${dueDay(context, due)}${projected}`
        : `sit by ${dueDay(context, due)}${projected}`
      : `it was planned for ${dueDay(context, due)}${projected}, so sit it as soon as you can and tell your program`;
  // On the next step's card (`applyBy`), not booked: the day to apply to FSMB by too; abroad
  // step3Action's chain already says it. A blocked step (whyBlocked) cannot apply yet, nor one that
  // waits for where they matched (its card says what it holds back).
  const applyDue =
    applyBy && due.at >= context.now && !step3AwaitsMatchAnswer(context) ? step3ApplyBy(context, due) : null;
  const apply =
    applyDue === null || applyDue.at < context.now ? "" : step3ApplyByWords(context, applyDue, true);
  // Matched, the petition is the program's, no word of ranking; else where they matched comes first.
  const needs = step3ForPetition(context)
    ? "Your program's H-1B petition needs your Step 3 pass"
    : step3PetitionNeeds(context);
  // Before ranking ends only a visitor visa held meets the day; booked past it, the booking's words say so.
  if ((reach !== null && context.now <= rol) || step3BookedPastPetitionDay(context, due)) return `${needs}. `;
  return `${needs}: ${sit}${apply}.${apply === "" ? "" : step3FsmbTime(context)} `;
}

/**
 * petitionOutOfReach when Step 3's card gives the petition's day as out of reach (abroad, even with
 * a visitor visa already held: not `held`; in the US, by FSMB's processing and a seat alone), Step 3
 * not booked. Then no "sit by" that day leads the card, which would contradict the out-of-reach
 * words. Null otherwise.
 */
function petitionDayUnmeetable(context: PlanContext, due: DueDate): ReturnType<typeof petitionOutOfReach> {
  const reach = petitionReach(context, due);
  return reach !== null && !reach.held ? reach : null;
}

/** petitionOutOfReach for Step 3 not booked, `held` or not. */
function petitionReach(context: PlanContext, due: DueDate): ReturnType<typeof petitionOutOfReach> {
  const status = statusOf(context, STEP3.key);
  if (status !== "not_started" && status !== "in_progress") return null;
  return petitionOutOfReach(context, due, step3ChainNow(context, context.now));
}

/**
 * Whether Step 3's card asks the applicant to pay for nothing for it until they know where they
 * match: it waits for the Match Day answer (step3AwaitsMatchAnswer), or its petition's day is out
 * of reach even with a visitor visa held before they have told us they matched
 * (step3OutOfReachUnmatched). `due` is Step 3's due date in the plan (step3DueNow). Then the step
 * lays no reminder of its own (the Match Day notice or the VISA_NOT_READY_FOR_START notice asks),
 * and the budget lists its fee apart, owed only then (budget.ts), as the card says; the step stands
 * "soon", never overdue, and "urgent" only where a critical risk is about it (pressCriticalSteps).
 */
export function step3WaitsForMatch(context: PlanContext, due: DueDate | null): boolean {
  return step3AwaitsMatchAnswer(context) || step3OutOfReachUnmatched(context, due);
}

/**
 * step3WaitsForMatch for the step's row: null when it does not wait; "undated" when its card calls
 * the petition's day out of reach (step3OutOfReachUnmatched, or booked past it: step3BookedPastPetitionDay),
 * ahead or passed: ahead it read as a day still to sit by, passed as an "urgent" step due months
 * ago, so the row shows none, nor does the critical notice on it (onUndatedStep3: Match Day's step
 * keeps its own days); "dated" otherwise (the day still met).
 */
export function step3Held(context: PlanContext, due: DueDate | null): "dated" | "undated" | null {
  if (due !== null && (step3OutOfReachUnmatched(context, due) || step3BookedPastPetitionDay(context, due)))
    return "undated";
  return step3AwaitsMatchAnswer(context) ? "dated" : null;
}

/**
 * Whether Step 3, matched, waits on the program's answer: its petition's day out of reach
 * (petitionDayUnmeetable), so the card asks the program about a later start or a J-1, and so do the
 * critical notice and, weekly to the start, the chase of a visa step behind (visa-behind.ts).
 */
export function step3AwaitsProgram(context: PlanContext, due: DueDate): boolean {
  if (step3DueKind(due) !== "petition") return false;
  return petitionDayUnmeetable(context, due)?.outcome === "matched";
}

/**
 * Whether the petition's day is out of reach even with a visitor visa held (petitionDayUnmeetable) before
 * the applicant has told us they matched: Step 3's rungs would chase a day not met, for a program not known yet.
 */
function step3OutOfReachUnmatched(context: PlanContext, due: DueDate | null): boolean {
  if (due === null || step3DueKind(due) !== "petition") return false;
  const reach = petitionDayUnmeetable(context, due);
  return reach !== null && reach.outcome !== "matched";
}
