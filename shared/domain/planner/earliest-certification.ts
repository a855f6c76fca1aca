import { catalogEntry, NEEDED_FOR_RANKING } from "../catalog/index.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, renderDate, startOfLocalDate } from "../time.ts";
import { DIPLOMA_VERIFICATION_DAYS, SCORE_REPORTING_DAYS } from "./advice.ts";
import { IMPLIED_AT, stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { oetOutstandingBesideDonePathway } from "./pathway-done-oet-ahead.ts";
import { capitalised, evidenceSuggests } from "./presumption-evidence.ts";

// When ECFMG certification can come through, and the pages that say it is needed. A leaf of the
// risk modules: risks.ts and the risks split out of it (feasibility-risk.ts, h1b-risk.ts) all read
// these, so none of them imports another back (test/unit/layers.test.ts refuses import cycles).

/** NRMP: ECFMG must confirm the exams (and the Pathway) by the rank order list deadline (official). */
export const NRMP_ECFMG_REQUIREMENTS_URL =
  "https://www.nrmp.org/help/item/what-requirements-for-ecfmg-certification-must-i-complete-to-be-eligible-to-participate-in-the-main-residency-match/";
/** ECFMG: certification is required to start residency (official). */
export const CERTIFIED_TO_START_URL = "https://ecfmg.org/2021ib/related-services.html";

/** The applicant's own date for a milestone that is scheduled or under way, as local midnight. */
export function plannedDay(context: PlanContext, key: MilestoneKey): number | null {
  return plannedDayAt(context, stepIndex(key));
}

/** plannedDay by the milestone's catalog index (stepIndex), for callers that hold it. */
export function plannedDayAt(context: PlanContext, index: number): number | null {
  const given = context.entries.at(index);
  if (given?.date === undefined || (given.status !== "scheduled" && given.status !== "in_progress"))
    return null;
  return startOfLocalDate(context.zone, given.date);
}

/**
 * The instant the diploma's verification allowance (advice) after graduation is over: the start of
 * the day DIPLOMA_VERIFICATION_DAYS calendar days after the graduation day, where the applicant
 * lives. Counted as 24-hour blocks from the graduation's midnight, a DST change on the way moved it
 * an hour, to the evening before where clocks go back (Auckland and Sydney in April), so the same
 * graduation day gave an earlier certificate, a day's difference at a threshold, than in Manila.
 */
export function diplomaVerifiedAt(context: PlanContext): number {
  const graduation = context.applicant.graduation;
  if (graduation !== lastGraduation) {
    lastGraduation = graduation;
    lastVerifiedDay = shiftIsoDay(graduation, DIPLOMA_VERIFICATION_DAYS);
  }
  return startOfLocalDate(context.zone, lastVerifiedDay);
}

/**
 * The earliest instant ECFMG certification can complete: the diploma verified after graduation
 * (advice allowance) and every exam and the Pathway reported (advice allowance), never before now.
 */
export function earliestCertification(context: PlanContext): number {
  // Asked by up to three risks of one plan (the certificate, Step 3, an undecided visa): the last
  // context's answer is kept. A context is made per plan, so this never outlives its plan's inputs.
  if (context === lastContext) return lastEarliest;
  let earliest = Math.max(context.now, diplomaVerifiedAt(context));
  for (let index = 0; index < NEEDED_INDICES.length; index++) {
    const at = NEEDED_INDICES[index] as number;
    if (isFinished(statusAt(context, at))) continue;
    // A dated sitting's result, counted in calendar days from its day (a DST change moves no day).
    const planned = plannedDayAt(context, at);
    const reported =
      planned === null
        ? context.now + SCORE_REPORTING_DAYS * DAY_MS
        : shiftDays(planned, context.zone, SCORE_REPORTING_DAYS);
    earliest = Math.max(earliest, reported);
  }
  lastContext = context;
  lastEarliest = earliest;
  return earliest;
}

/**
 * Whether nothing we know of still holds the certificate back: every exam and the Pathway
 * finished and the diploma's verification allowance (advice) past. earliestCertification is then
 * `now` itself, a date that slides a day each day: an advisor asks instead whether
 * ECFMG has issued the certificate.
 */
export function nothingOutstanding(context: PlanContext): boolean {
  if (diplomaVerifiedAt(context) > context.now || oetOutstandingBesideDonePathway(context)) return false;
  for (let index = 0; index < NEEDED_INDICES.length; index++)
    if (!isFinished(statusAt(context, NEEDED_INDICES[index] as number))) return false;
  return true;
}

/**
 * The certification steps nothingOutstanding reads as done that the applicant never gave a status
 * (a later step's done implies them, Match Week's for instance; the OET implied by a reported
 * Pathway counts as recorded), by the advisor's name, in catalog order: the record does not show them done, so the words ask rather than state it.
 */
export function unrecordedForCertificate(context: PlanContext): string[] {
  return CERTIFICATE_KEYS.filter((key) => {
    const index = stepIndex(key);
    return context.applicable[index] === true && !recorded(context, index);
  }).map((key) => catalogEntry(key).advisorName);
}

/** Given a status, or implied by one of the certification steps reported done (the OET by the Pathway). */
function recorded(context: PlanContext, index: number): boolean {
  if (context.entries.at(index) !== undefined) return true;
  return CERTIFICATE_KEYS.some((key) => {
    const other = stepIndex(key);
    return context.entries.at(other)?.status === "done" && (IMPLIED_AT[other]?.done ?? []).includes(index);
  });
}

/**
 * How the advisor's certificate question opens, up to "nothing we know of still holds back": the
 * exams and the Pathway stated done when the record shows them, else asked about
 * (unrecordedForCertificate), never claimed.
 */
export function certificateQuestionOpening(context: PlanContext): string {
  const graduation = context.applicant.graduation;
  const unrecorded = unrecordedForCertificate(context);
  if (unrecorded.length === 0)
    return `Every exam and the Pathway are done and your graduation on ${renderDate(graduation)} is more than ${DIPLOMA_VERIFICATION_DAYS} days past, so`;
  return `${unrecordedQuestion(unrecorded)} If so, with your graduation on ${renderDate(graduation)} more than ${DIPLOMA_VERIFICATION_DAYS} days past,`;
}

/** "We have no record of your OET Medicine or ECFMG Pathway: are they done?" */
function unrecordedQuestion(unrecorded: readonly string[]): string {
  const names =
    unrecorded.length === 1 ? unrecorded[0] : `${unrecorded.slice(0, -1).join(", ")} or ${unrecorded.at(-1)}`;
  return `We have no record of your ${names}: ${unrecorded.length === 1 ? "is it" : "are they"} done?`;
}

/**
 * The certificate step's text when nothingOutstanding ("send whatever is still
 * missing" with nothing missing): the advisor's question, for a step not started or in progress.
 */
export const CERTIFICATE_ISSUED_ACTION =
  "Nothing we know of still holds back your certificate: every exam and the Pathway are done and your diploma's verification time has passed. Check in MyIntealth whether ECFMG has issued it: if it has, mark this step done; if not, ask ECFMG what is still missing.";

/** CERTIFICATE_ISSUED_ACTION, asking about the steps the record does not show (unrecordedForCertificate). */
export function certificateIssuedAction(context: PlanContext): string {
  return unrecordedForCertificate(context).length === 0
    ? CERTIFICATE_ISSUED_ACTION
    : `${unrecordedQuestion(unrecordedForCertificate(context))} If so, nothing we know of still holds back your certificate, since your diploma's verification time has passed. Check in MyIntealth whether ECFMG has issued it: if it has, mark this step done; if not, ask ECFMG what is still missing.`;
}

/**
 * CERTIFICATE_ISSUED_ACTION when the exams and the Pathway read as done only because the record puts
 * the applicant in the Match (presumedInTheMatch: an interview, or this season's
 * ERAS application and NRMP registration): the applicant never said so, so the step asks for
 * their statuses first rather than stating them done, naming the evidence (evidenceSuggests).
 */
export function certificatePresumedAction(context: PlanContext): string {
  return `${capitalised(evidenceSuggests(context))} your exams and the Pathway are done, but you have not told us: tell us their statuses. If they are done and your diploma is verified, check in MyIntealth whether ECFMG has issued your certificate: if it has, mark this step done; if not, ask ECFMG what is still missing.`;
}

/** NEEDED_FOR_RANKING's catalog indices, for reading statuses by index (statusAt). */
const NEEDED_INDICES: readonly number[] = NEEDED_FOR_RANKING.map(stepIndex);
/** NEEDED_FOR_RANKING with the OET result the Pathway needs, in catalog order. */
const CERTIFICATE_KEYS: readonly MilestoneKey[] = [
  ...NEEDED_FOR_RANKING,
  "oet_medicine" as MilestoneKey,
].sort((a, b) => stepIndex(a) - stepIndex(b));
let lastContext: PlanContext | undefined;
let lastEarliest = 0;
// The graduation asked last and its verified day (an ISO day): a pure function of the one, so the
// memo never changes a result (diplomaVerifiedAt is read by several rules of each plan).
let lastGraduation = "";
let lastVerifiedDay = "";
