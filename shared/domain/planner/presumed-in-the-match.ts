import { type CatalogEntry, CHECKED_FOR_RANKING, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { seasonDayEt } from "../seasons/date-words.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { contradictedAnswers } from "./answers-contradict-interview.ts";
import {
  IMPLIED_AT,
  IN_ERAS_APPLICATION_AT,
  indexedStep,
  PREREQUISITES_AT,
  SCHOOL_CHECK_INDEX,
} from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { ContextAnswers } from "./context-answers.ts";
import { contextWith } from "./context-with.ts";
import type { PlanDates } from "./deadlines.ts";
import { NRMP_ECFMG_REQUIREMENTS_URL } from "./earliest-certification.ts";
import { assessFeasibility, type Feasibility } from "./feasibility.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { withLaterCandidate } from "./later-candidate-feasibility.ts";
import { presumedDeadlineQuestions } from "./presumed-deadline-words.ts";
import { NOTE_WORDS, noteOnlyRisk, notePresumed, SCHOOL_POLICY_URL } from "./presumed-sponsor-note.ts";
import { evidenceSuggests, inTheMatchOnRecord, inTheMatchWords } from "./presumption-evidence.ts";
import { addSource, ERAS_TIMELINE_URL } from "./risk-sources.ts";

/** The ERAS application, by catalog index. */
const ERAS_APPLICATION_AT = indexedStep("eras_application").index;

/**
 * What goes into the ERAS application before it is submitted, by catalog index, in catalog order:
 * its prerequisites (the ERAS token) and the documents sent with it (`inErasApplication`: letters,
 * personal statement, CV, program list), with the application itself.
 */
const ERAS_PRESUMABLE_AT: readonly number[] = [
  ...new Set([
    ...(PREREQUISITES_AT[ERAS_APPLICATION_AT] ?? []).map((prerequisite) => prerequisite.index),
    ...IN_ERAS_APPLICATION_AT,
    ERAS_APPLICATION_AT,
  ]),
].sort((a, b) => a - b);

/**
 * The certification steps feasibility reads, by catalog index, in catalog order: the ECFMG
 * application, and the exams and Pathway NRMP needs ECFMG to confirm by the rank order list deadline
 * with the OET result the Pathway needs (CHECKED_FOR_RANKING), as confirmedByTheMatch reads them.
 */
export const PRESUMABLE_AT: readonly number[] = [
  indexedStep("ecfmg_application").index,
  ...CHECKED_FOR_RANKING.map((key) => indexedStep(key).index),
].sort((a, b) => a - b);

/**
 * The context feasibility and the plan read: an interview
 * recorded for the entered Match's season (interviewingForMatch: from the day programs may review
 * ERAS applications until the rank order list deadline, once ERAS applicants may submit) is evidence the applicant is in that Match, as
 * Match Week done is (confirmedByTheMatch). Certification and ERAS steps the applicant never
 * reported (absent from the input, not implied by a later step, applicable) then read as done, and
 * `presumedDone` names them for CERTIFICATION_STATUS_UNREPORTED, which asks for their statuses:
 * missing milestones otherwise count as not started, and an intake that sent interviews but no exam
 * statuses would be told the 2027 Match was out of reach. So too whatever else was reported (a Step 2 CK "not
 * started", an OET in progress) and whether or not the Match stays in reach on it: the reported statuses are
 * judged as reported, and a plan that still moves to a later Match carries the presumed steps
 * (enteredLaterMatch, withLaterPresumed), never asking an interviewing applicant to open a MyIntealth
 * account. An ineligible school presumes nothing: such an applicant cannot be in the Match. Without such an
 * interview, or with nothing to presume, the context as given (the common case: no interview, one length
 * check). No feasibility is run here: the plan runs it once on what this returns.
 *
 * Which evidence counts (inTheMatchOnRecord, one test):
 * such an interview, or this season's ERAS application submitted AND NRMP registration done
 * (appliedAndRegistered; a step done for an earlier season was reset, so only the entered Match's
 * count). NRMP registers an IMG for one Match and the application went to that season's programs,
 * so together they put the applicant in it as an interview does; the usual late, partial intake left
 * Step 1 and the ECFMG application blank, and reading them as not started wrote the season off and
 * told a registered applicant to ask NRMP about withdrawing. Either one alone is not enough:
 * an ERAS application without NRMP registration is a season still being weighed, planned as before.
 * The words about the presumption name the evidence it rests on (presumptionEvidence).
 */
export function presumedInTheMatch(context: PlanContext): PlanContext {
  return presumedContext(context) ?? context;
}

/**
 * assessFeasibility(context): the plan's one entry to it. The answer is kept for this very context
 * (ContextAnswers): a plan asks about four times (the Match, Step 3's dates, its fee and risks).
 */
export function feasibilityOf(context: PlanContext): Feasibility {
  return judged.answer(context, null, null, judgeFeasibility);
}

function judgeFeasibility(context: PlanContext): Feasibility {
  // A sponsor note reported false beside an interview for this Match is most likely a mis-ticked
  // answer, and ANSWERS_CONTRADICT_INTERVIEW asks about it first: the Match is judged as if the
  // interview is right (the note there, its unreported steps presumed as for a school with one),
  // so the plan never writes that Match off on the answer it asks about. Its gate stays as given.
  const judgedOn = noteAskedBesideInterview(context) ? (presumedContext(context, true) ?? context) : context;
  // Out of reach on the projected deadline only, the later candidate's chain.
  return withLaterCandidate(judgedOn, assessFeasibility(judgedOn));
}

/** Whether an interview for the entered Match questions the sponsor note reported false (contradictedAnswers). */
function noteAskedBesideInterview(context: PlanContext): boolean {
  return context.eligibility === "ineligible" && contradictedAnswers(context).includes(SCHOOL_CHECK_INDEX);
}

const judged = new ContextAnswers<null, null, Feasibility>();

/**
 * `context` with the steps `later` presumed done (presumedInTheMatch on the later Match's entered
 * applicant, with the ones it carried from the entered Match) done too: a moved plan lays its
 * non-season steps (planned on the entered context, planner.ts) as that Match's entered applicant
 * does, so the cards agree with CERTIFICATION_STATUS_UNREPORTED. `presumedDone` is both lists, in
 * catalog order. `context` itself when the later Match presumes nothing.
 */
export function withLaterPresumed(context: PlanContext, later: PlanContext | null): PlanContext {
  const presumed = later?.presumedDone;
  if (presumed === undefined || presumed.length === 0) return context;
  const statuses = context.statuses.slice();
  // As presumed there: a step presumed sent, not done, keeps its card (never waited on unseen).
  for (const index of presumed) statuses[index] = later?.statuses[index] ?? "done";
  const own = context.presumedDone ?? [];
  const presumedDone = [...new Set([...own, ...presumed])].sort((a, b) => a - b);
  return contextWith(context, { statuses, presumedDone });
}

/**
 * The later Match's entered context (`later`, before its own presumption) with the certification
 * steps `entered` presumed (its `presumedDone`, with the status presumed; a Pathway presumed sent, not
 * done, is the later Pathways season's to do, and season-bound steps left out: the later season's
 * ERAS steps are that season's to do) read as done too, and named in its `presumedDone`: a plan moved
 * from the Match its interview is for keeps what the interview presumed
 * (the 2028 plan asked an interviewing applicant to create a MyIntealth account). `later` itself when
 * nothing carries.
 */
export function carriedPresumed(later: PlanContext, entered: PlanContext): PlanContext {
  const presumed = entered.presumedDone;
  if (presumed === undefined) return later;
  let statuses: MilestoneStatus[] | undefined;
  const carried: number[] = [];
  for (const index of presumed) {
    const entry = MILESTONE_CATALOG[index] as CatalogEntry;
    const status = entered.statuses[index] as MilestoneStatus;
    // A step presumed sent, not done, that is redone each season (the Pathway beside an OET not
    // passed: ECFMG decides an application for one Pathways season) is not carried.
    if (status !== "done" && entry.redoneEachSeason !== undefined) continue;
    if (entry.seasonBound === true || !unreported(later, index)) continue;
    statuses ??= later.statuses.slice();
    statuses[index] = status;
    carried.push(index);
  }
  return statuses === undefined ? later : contextWith(later, { statuses, presumedDone: carried });
}

function presumedContext(context: PlanContext, noteAsked = false): PlanContext | null {
  // The one evidence test (inTheMatchOnRecord: an interview in the season once ERAS opens, or this
  // season's ERAS application and NRMP registration done), checked before the steps are
  // read: most plans (no interview, not both reported done) end here after two status reads and a
  // length check; so do plans before that day (a moved plan's later Match, mostly).
  // `noteAsked` (judgeFeasibility): the note reported false is in question beside the interview.
  if ((context.eligibility === "ineligible" && !noteAsked) || !inTheMatchOnRecord(context)) return null;
  let statuses: MilestoneStatus[] | undefined;
  let presumedDone: number[] | undefined;
  const presume = (index: number, status: MilestoneStatus = "done"): void => {
    statuses ??= context.statuses.slice();
    // A context carrying a presumption from the Match it moved from (carriedPresumed) adds to it.
    presumedDone ??= context.presumedDone?.slice() ?? [];
    statuses[index] = status;
    presumedDone.push(index);
  };
  // Every step never reported, whatever else was:
  // an OET in progress no longer keeps the Pathway from being presumed (and then called "not
  // submitted"), nor an ERAS step reported unfinished the documents never reported. A step whose
  // done would imply a prerequisite the applicant reported unfinished (the Pathway beside an OET not
  // passed) is presumed sent, not done: done would erase the reported OET from the plan.
  // An answer the interview contradicts (the ECFMG application "not started") is questioned,
  // not believed: it keeps no exam from being presumed done.
  const questioned = contradictedAnswers(context);
  for (const index of PRESUMABLE_AT) {
    if (unreported(context, index))
      presume(index, prerequisiteReportedOpen(context, index, questioned) ? "in_progress" : "done");
  }
  // Programs invite applicants through ERAS: the application and what goes into it.
  for (const index of ERAS_PRESUMABLE_AT) if (unreported(context, index)) presume(index);
  if (statuses === undefined || presumedDone === undefined) return null;
  presumedDone.sort((a, b) => a - b);
  return contextWith(context, { statuses, presumedDone });
}

/**
 * Whether presumedInTheMatch read a certification step (ECFMG application, exam, OET, Pathway) as
 * done, not only ERAS steps: the certificate's step then asks for their statuses.
 */
export function certificationPresumed(context: PlanContext): boolean {
  return context.presumedDone?.some((index) => PRESUMABLE_AT.includes(index)) === true;
}

/** A prerequisite whose done the step's done implies, reported unfinished (an OET "not started" before the Pathway). */
function prerequisiteReportedOpen(
  context: PlanContext,
  index: number,
  questioned: readonly number[],
): boolean {
  for (const prerequisite of IMPLIED_AT[index]?.done ?? []) {
    if (questioned.includes(prerequisite)) continue;
    if (context.entries.at(prerequisite) !== undefined && !isFinished(statusAt(context, prerequisite)))
      return true;
  }
  return false;
}

/** Applicable, not finished, and absent from the input: a status the applicant never gave. */
function unreported(context: PlanContext, index: number): boolean {
  return (
    context.applicable[index] === true &&
    !isFinished(statusAt(context, index)) &&
    context.entries.at(index) === undefined
  );
}

/**
 * CERTIFICATION_STATUS_UNREPORTED (warning): the steps presumedInTheMatch read as done, named in
 * catalog order, and a request for their statuses. With a certification step among them, the rank
 * order list deadline by which NRMP needs ECFMG to confirm the exams and the Pathway (official,
 * NRMP_ECFMG_REQUIREMENTS_URL); with ERAS steps, that programs invite applicants through ERAS
 * (AAMC's ERAS timeline: programs review the applications submitted there), so the interview
 * suggests the application went in (one warning for both, not a second one). The steps get
 * no reminders while presumed (they read as done): the warning is the one place that asks, so it
 * names each one whose own deadline on `dates` is still ahead, as a question
 * (presumedDeadlineQuestions). It names the Match the interview is for: on a moved plan's
 * context that carries the entered Match's presumption (carriedPresumed), the Match moved from.
 * Zero or one Risk. Pure.
 */
export function certificationUnreportedRisks(context: PlanContext, dates: PlanDates): Risk[] {
  const presumed = context.presumedDone ?? [];
  const note = notePresumed(context, presumed.length > 0);
  if (presumed.length === 0) return note ? [noteOnlyRisk(context)] : [];
  const entries = presumed.map((index) => MILESTONE_CATALOG[index] as CatalogEntry);
  const names = entries.map((entry) => entry.advisorName);
  const listed =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  const certification = certificationPresumed(context);
  const eras = presumed.includes(ERAS_APPLICATION_AT);
  const rolDate = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const matchYear = interviewingForMatch(context)
    ? context.calendar.matchYear
    : (context.pastSeasonMatch?.out ?? context.calendar.matchYear);
  const questions = presumedDeadlineQuestions(context, dates, presumed);
  const sources: string[] = [];
  if (certification) {
    addSource(sources, rolDate.source);
    addSource(sources, NRMP_ECFMG_REQUIREMENTS_URL);
  }
  if (eras) addSource(sources, ERAS_TIMELINE_URL);
  const why = [
    certification
      ? ` NRMP keeps an IMG in the Match only if ECFMG confirms USMLE Step 1, USMLE Step 2 CK and the Pathway by the rank order list deadline, ${seasonDayEt(rolDate)}.`
      : "",
    eras
      ? " Programs invite applicants through ERAS, so your interview suggests your ERAS application went in with what it needs."
      : "",
    questions === "" ? "" : ` Deadlines still ahead: ${questions}.`,
  ].join("");
  const statuses = certification ? "done, booked with its date, or not started" : "done or not started";
  // A step presumed sent, not done (a prerequisite reported unfinished): its card stays in the plan.
  const sent = entries.filter((_, at) => context.statuses[presumed[at] as number] === "in_progress");
  const suggests = evidenceSuggests(context);
  const counted =
    sent.length === 0
      ? `counts them as done, as ${suggests}, and sends you no deadline reminders for them, only the questions about their status.`
      : `counts them as done, as ${suggests}, and sends you no deadline reminders for them, only the questions about their status, except your ${sent.map((entry) => entry.advisorName).join(" and ")}: it counts that as sent but not yet accepted, because you reported a step it needs as not finished, so its step stays in your plan.`;
  return [
    {
      code: "CERTIFICATION_STATUS_UNREPORTED",
      severity: "warning",
      message: `${inTheMatchWords(context, matchYear)}, but you have not told us the status of your ${listed}.${why}${note ? ` You did not know whether your school has an ECFMG sponsor note: ${NOTE_WORDS}.` : ""} Tell us each one's status (${statuses}): send your intake form again, or ask your advisor. Until then your plan ${counted}`,
      milestones: note
        ? ["wdoms_listing", ...entries.map((entry) => entry.key)]
        : entries.map((entry) => entry.key),
      sources: note ? [...sources, SCHOOL_POLICY_URL] : sources,
    },
  ];
}
