import { type CatalogEntry, CHECKED_FOR_RANKING, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import { seasonDayEt } from "../seasons/date-words.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { IMPLIED_AT, IN_ERAS_APPLICATION_AT, indexedStep, PREREQUISITES_AT } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { NRMP_ECFMG_REQUIREMENTS_URL } from "./earliest-certification.ts";
import { assessFeasibility, type Feasibility } from "./feasibility.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { ERAS_TIMELINE_URL } from "./next-match.ts";
import { addSource, NRMP_DATES_URL } from "./risk-sources.ts";

/** The ERAS application, by catalog index. */
const ERAS_APPLICATION_AT = indexedStep("eras_application").index;

/**
 * What goes into the ERAS application before it is submitted, by catalog index, in catalog order:
 * its prerequisites (the ERAS token) and the documents sent with it (`inErasApplication`: letters,
 * personal statement, CV, program list), with the application itself (session 21 task B2).
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
const PRESUMABLE_AT: readonly number[] = [
  indexedStep("ecfmg_application").index,
  ...CHECKED_FOR_RANKING.map((key) => indexedStep(key).index),
].sort((a, b) => a - b);

/**
 * The context feasibility and the plan read (lead's ruling, session 21 task B): an interview
 * recorded for the entered Match's season (interviewingForMatch: from the day programs may review
 * ERAS applications until the rank order list deadline) is evidence the applicant is in that Match, as
 * Match Week done is (confirmedByTheMatch, t9l F18). Certification steps the applicant never
 * reported (absent from the input, not implied by a later step, applicable), whose prerequisites
 * were not reported unfinished either, then read as done, and `presumedDone` names them for
 * CERTIFICATION_STATUS_UNREPORTED, which asks for their statuses: missing milestones otherwise count
 * as not started, and an intake that sent interviews but no exam statuses was told the 2027 Match
 * was out of reach and its interviews lost their reminders (t9m F13, CI on form-interviews.test.ts).
 * Statuses reported explicitly are judged as before: when the Match is out of reach on them anyway,
 * nothing is presumed (the plan moves as it did, its interviews with no reminders). An ineligible
 * school presumes nothing: such an applicant cannot be in the Match. Without such an interview, or
 * with nothing to presume, the context as given (the common case: no interview, one length check).
 * Read its feasibility with feasibilityOf, which reuses the one found here.
 */
export function presumedInTheMatch(context: PlanContext): PlanContext {
  const presumed = presumedContext(context);
  if (presumed === null) return context;
  const feasibility = assessFeasibility(presumed);
  if (feasibility.infeasible) return context;
  lastPresumed = presumed;
  lastFeasibility = feasibility;
  return presumed;
}

/**
 * assessFeasibility(context), reusing the one presumedInTheMatch found for the context it returned
 * (a context is made per plan, so the kept answer never outlives its plan's inputs; no object per plan).
 */
export function feasibilityOf(context: PlanContext): Feasibility {
  return context === lastPresumed && lastFeasibility !== undefined
    ? lastFeasibility
    : assessFeasibility(context);
}

let lastPresumed: PlanContext | undefined;
let lastFeasibility: Feasibility | undefined;

/**
 * `context` with the steps `later` presumed done (presumedInTheMatch on the later Match's entered
 * applicant) done too: a plan moved to a later Match whose interview presumes the exams lays those
 * steps (planned on the entered context, planner.ts) as that Match's entered applicant does, so the
 * cards agree with CERTIFICATION_STATUS_UNREPORTED. `context` itself when nothing is presumed.
 */
export function withLaterPresumed(context: PlanContext, later: PlanContext | null): PlanContext {
  const presumed = later?.presumedDone;
  if (presumed === undefined || presumed.length === 0) return context;
  const statuses = context.statuses.slice();
  for (const index of presumed) statuses[index] = "done";
  return { ...context, statuses, presumedDone: presumed };
}

function presumedContext(context: PlanContext): PlanContext | null {
  // The cheap checks first: most plans have no interview, or every certification step reported.
  if (context.interviews.length === 0 || context.eligibility === "ineligible") return null;
  let statuses: MilestoneStatus[] | undefined;
  let presumedDone: number[] | undefined;
  const presume = (index: number): void => {
    statuses ??= context.statuses.slice();
    presumedDone ??= [];
    statuses[index] = "done";
    presumedDone.push(index);
  };
  for (const index of PRESUMABLE_AT) {
    if (!unreported(context, index) || prerequisiteReportedOpen(context, index)) continue;
    presume(index);
  }
  // Programs invite applicants through ERAS (task B2): what goes into the application is presumed
  // only with the application itself, never beside one reported unfinished (or whose token is).
  if (unreported(context, ERAS_APPLICATION_AT) && !prerequisiteReportedOpen(context, ERAS_APPLICATION_AT)) {
    for (const index of ERAS_PRESUMABLE_AT) if (unreported(context, index)) presume(index);
  }
  // The one rule for an interview as evidence (interviewingForMatch): in the season, once ERAS opens.
  if (statuses === undefined || presumedDone === undefined || !interviewingForMatch(context)) return null;
  presumedDone.sort((a, b) => a - b);
  // Its own instants: a presumption given up (still out of reach) must leave the plan's as before.
  return { ...context, statuses, presumedDone, riskChangesAt: context.riskChangesAt.slice() };
}

/**
 * Whether presumedInTheMatch read a certification step (ECFMG application, exam, OET, Pathway) as
 * done, not only ERAS steps: the certificate's step then asks for their statuses.
 */
export function certificationPresumed(context: PlanContext): boolean {
  return context.presumedDone?.some((index) => PRESUMABLE_AT.includes(index)) === true;
}

/** Applicable, not finished, and absent from the input: a status the applicant never gave. */
function unreported(context: PlanContext, index: number): boolean {
  return (
    context.applicable[index] === true &&
    !isFinished(statusAt(context, index)) &&
    context.entries.at(index) === undefined
  );
}

/** A prerequisite of the step reported unfinished (an OET "not started" before the Pathway): it says the step is not done. */
function prerequisiteReportedOpen(context: PlanContext, index: number): boolean {
  const implied = IMPLIED_AT[index]?.done ?? [];
  for (const prerequisite of implied) {
    if (context.entries.at(prerequisite) !== undefined && !isFinished(statusAt(context, prerequisite)))
      return true;
  }
  return false;
}

/**
 * CERTIFICATION_STATUS_UNREPORTED (warning): the steps presumedInTheMatch read as done, named in
 * catalog order, and a request for their statuses. With a certification step among them, the rank
 * order list deadline by which NRMP needs ECFMG to confirm the exams and the Pathway (official,
 * NRMP_ECFMG_REQUIREMENTS_URL); with ERAS steps, that programs invite applicants through ERAS
 * (AAMC's ERAS timeline: programs review the applications submitted there), so the interview
 * suggests the application went in (task B2: one warning for both, not a second one). The steps get
 * no reminders while presumed (they read as done): the warning is the one place that asks.
 * Zero or one Risk. Pure.
 */
export function certificationUnreportedRisks(context: PlanContext): Risk[] {
  const presumed = context.presumedDone;
  if (presumed === undefined || presumed.length === 0) return [];
  const entries = presumed.map((index) => MILESTONE_CATALOG[index] as CatalogEntry);
  const names = entries.map((entry) => entry.advisorName);
  const listed =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  const certification = certificationPresumed(context);
  const eras = presumed.includes(ERAS_APPLICATION_AT);
  const { matchYear, dates } = context.calendar;
  const rolDate = dates.nrmp_rol_certification_and_late_registration_deadline;
  const sources: string[] = [];
  if (certification) {
    addSource(sources, rolDate.status === "projected" ? rolDate.source : NRMP_DATES_URL);
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
  ].join("");
  const statuses = certification ? "done, booked with its date, or not started" : "done or not started";
  return [
    {
      code: "CERTIFICATION_STATUS_UNREPORTED",
      severity: "warning",
      message: `You have an interview for the ${matchYear} Match, but you have not told us the status of your ${listed}.${why} Tell us each one's status (${statuses}): send your intake form again, or ask your advisor. Until then your plan counts them as done, as your interview suggests, and sends no reminders for them.`,
      milestones: entries.map((entry) => entry.key),
      sources,
    },
  ];
}
