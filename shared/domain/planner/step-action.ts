import { type CatalogEntry, FIRST_GATE, SCHOOL_CHECK } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Budget } from "../plan.ts";
import { type SeasonCalendar, seasonCalendar } from "../seasons/index.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import { renderDate, startOfLocalDate } from "../time.ts";
import { fsmbTimeSaidOnce } from "./advice.ts";
import { assumedRequirementNote } from "./assumed-requirement.ts";
import { h1bStartAtRiskNote } from "./certificate-after-match.ts";
import type { PlanContext } from "./context.ts";
import { contractBeforeResults } from "./contract-before-results.ts";
import { contractOverdueAction } from "./contract-needed-by.ts";
import { couplesMatchNote } from "./couples-match.ts";
import { currentPathwaysWords, passedPathwaysSeason } from "./current-pathways-season.ts";
import { ownDayInTime } from "./date-math.ts";
import { dayBy } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import {
  certificateIssuedAction,
  certificatePresumedAction,
  nothingOutstanding,
} from "./earliest-certification.ts";
import { pastTargetExamAction } from "./exam-past-target.ts";
import { ineligibleSchoolAction, withSittings } from "./first-gate.ts";
import { earlyFirstGateNote } from "./first-gate-words.ts";
import { petitionCardNote } from "./h1b-petition-past-visa-date.ts";
import { j1CertificateNote } from "./j1-certificate-note.ts";
import {
  consularExpediteNote,
  ecfmgReviewNote,
  j1ConsularWaitAtContract,
  sponsorshipDs2019Note,
} from "./j1-visa-words.ts";
import { lateResultWarning } from "./late-result-warning.ts";
import { laterMatchSittingNote } from "./later-match-sitting.ts";
import { matchOverUnreported } from "./match-day-risk.ts";
import { rebookBy, rebookWords } from "./missed-sitting.ts";
import { tokenFirstAction } from "./myeras-token-first.ts";
import { nrmpDeadlineDayNote } from "./nrmp-deadline-day.ts";
import { weighedPathwayCard } from "./nrmp-while-weighing.ts";
import { oetRouteNote } from "./oet-pathway-route.ts";
import type { StepOwnDate } from "./own-date.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { pathwayOetAwaitedAction, withOetResultIn } from "./pathway-documents-words.ts";
import { certificateAwaitsOetAction } from "./pathway-done-oet-ahead.ts";
import { pathwayAnswerAfterMatchDay, pathwayDecisionDue } from "./pathway-review.ts";
import { pathwaysNotOpenAction } from "./pathways-not-open.ts";
import { certificationPresumed } from "./presumed-in-the-match.ts";
import { retakeNamed, retakeTargetAction } from "./retake-target.ts";
import { schoolCheckSeasonNote } from "./school-check-follow-ups.ts";
import { pathwaySentForOverMatch } from "./season-over-pathway.ts";
import { seasonOverRolAction, seasonOverStepAction } from "./season-over-risk.ts";
import { soapStillOpen } from "./season-over-state.ts";
import { h1bLicenceAtContract, soapSponsorNote } from "./sponsorship-notes.ts";
import { statementOfNeedHeadsUp } from "./statement-of-need-heads-up.ts";
import { stepRenderings } from "./step-renderings.ts";
import { actionFor } from "./step-text.ts";
import { step3Action } from "./step3-action.ts";
import { step3AfterRankingWords } from "./step3-after-ranking.ts";
import { step3AwaitsMatchAction } from "./step3-awaits-match.ts";
import { step3KeepSeatNote } from "./step3-keep-seat.ts";
import { pathwayPassedAction } from "./undated-pathway-late.ts";

/**
 * A milestone step's text for its status and the plan's gates (planMilestone's words, split out of
 * milestone-step.ts): the school check's, a Match that is over, a prerequisite pending, Step 3
 * abroad, the catalog's status texts, then what a late result or a later Match's sitting adds.
 */

/** What a step's text is chosen by (stepAction). */
export interface StepActionFacts {
  entry: CatalogEntry;
  index: number;
  status: MilestoneStatus;
  /** The deadline the step is due by (its {due}), null for none. */
  due: DueDate | null;
  /** The certificate's target for ranking on H-1B (h1bCertificateTarget), null for other steps. */
  h1bTarget: DueDate | null;
  /** The step's target as shown (a slipped one moved), null for none: passed, an exam says what now. */
  target: DueDate | null;
  /** The dates the step is planned for: a later Match's once the plan moved. */
  stepDates: PlanDates;
  own: StepOwnDate | null;
  /** The plan's own Match's deadline for this step, passed, when the step is dated for a later Match; else null. */
  missed: DueDate | null;
  schoolCheckOnly: boolean;
  prerequisitePending: boolean;
  overdueNow: boolean;
  seasonOver: boolean;
  afterSeason: boolean;
}

export function stepAction(context: PlanContext, budget: Budget, facts: StepActionFacts): string {
  const { entry, status, due } = facts;
  // A Pathway submitted in time is due by ECFMG's decision (pathwayDecisionDue); its text names the
  // application deadline it met, as the step shows it; after Match Day it has no date, yet
  // its words still name that deadline. (Both ask about the Pathway alone: asked on its card only.)
  const textDue =
    entry.key === "ecfmg_pathway" &&
    ((due !== null && due === pathwayDecisionDue(context, entry, facts.stepDates.calendar)) ||
      (due === null && pathwayAnswerAfterMatchDay(context, entry, facts.stepDates.calendar)))
      ? facts.stepDates.dueAt(facts.index)
      : due;
  const chosen = facts.schoolCheckOnly
    ? ineligibleSchoolAction(context)
    : entry.key === SCHOOL_CHECK.key && context.eligibility === "unchecked" && checkReported(context)
      ? SCHOOL_CHECK.unchecked.reportedDone
      : facts.seasonOver && entry.key === "rank_order_list"
        ? seasonOverRolAction(context)
        : facts.afterSeason &&
            entry.seasonBound === true &&
            facts.overdueNow &&
            // Match Day past its date with the result never told keeps asking in its own words
            // (matchDayStep): telling us can still be done.
            !(entry.key === "match_day" && matchOverUnreported(context))
          ? seasonOverStepAction(context, entry.key)
          : entry.key === "ecfmg_pathway" &&
              (status === "not_started" || (facts.afterSeason && facts.own === null)) &&
              (facts.missed !== null || facts.stepDates.calendar.matchYear > context.calendar.matchYear)
            ? laterMatchPathwayAction(context, facts.missed, facts.stepDates, due)
            : facts.prerequisitePending && entry.statusActions?.prerequisitePending !== undefined
              ? // A Match whose Pathways have not opened: never "submit now".
                ((entry.key === "ecfmg_pathway"
                  ? (pathwaysNotOpenAction(context, facts.stepDates.calendar.matchYear) ??
                    pathwayOetAwaitedAction(context, facts.stepDates.calendar) ??
                    pathwayPassedAction(context)) // past its projected deadline: today, OET or not
                  : null) ?? entry.statusActions.prerequisitePending)
              : // The contract's and Step 3's own texts asked on their cards only.
                ((entry.key === "contract"
                  ? contractOverdueAction(context, entry, status, facts.overdueNow, facts.stepDates)
                  : undefined) ??
                // Each rule below is asked only of a step with its words (the catalog's, a key).
                (entry.statusActions?.retakeTarget === undefined
                  ? null
                  : retakeTargetAction(context, entry, status, facts.target, facts.stepDates, textDue)) ??
                (entry.statusActions?.targetPassed === undefined
                  ? null
                  : pastTargetExamAction(context, entry, status, facts.target, due)) ??
                (entry.key === "usmle_step3" ? step3AwaitsMatchAction(context, entry, status) : null) ??
                step3Action(
                  context,
                  entry,
                  status,
                  // With nothing outstanding, the advisor's question ("send
                  // whatever is still missing" with nothing missing).
                  entry.key === "ecfmg_certification" && certificateAwaitsOetAction(context) !== null
                    ? (certificateAwaitsOetAction(context) as string)
                    : entry.key === "ecfmg_certification" && nothingOutstanding(context)
                      ? !certificationPresumed(context)
                        ? certificateIssuedAction(context)
                        : certificatePresumedAction(context)
                      : tokenFirstAction(
                          context,
                          entry,
                          status,
                          retakeNamed(
                            context,
                            entry,
                            actionFor(context, entry, facts.index, status, budget, textDue),
                          ),
                        ),
                  facts.h1bTarget ?? due,
                ));
  // The note unknown, a sitting booked behind the check is named with its day (gated-sittings.ts).
  const action =
    entry.key === SCHOOL_CHECK.key && context.eligibility === "unchecked"
      ? withSittings(chosen, context)
      : entry.key === "ecfmg_pathway" // weighed first whatever its words
        ? weighedPathwayCard(context, facts.stepDates.calendar.matchYear, withOetResultIn(context, chosen))
        : contractBeforeResults(context, entry.key, status, chosen);
  // A result this step needs, booked after its own deadline, is said here too,
  // against the dates the step is planned for: a later Match's, once the plan moved.
  const lateResult = facts.schoolCheckOnly ? "" : lateResultWarning(context, facts.index, facts.stepDates);
  const laterMatch =
    (facts.own === null ? "" : laterMatchSittingNote(context, facts.stepDates, facts.index, facts.own)) +
    // The Pathway's recommended route, on the OET's card.
    (entry.key === "oet_medicine" ? oetRouteNote(context, entry, facts.stepDates.calendar.matchYear) : "") +
    assumedRequirementNote(entry, status, facts.stepDates.calendar.matchYear); // a Pathway not yet confirmed
  const expedite = facts.schoolCheckOnly
    ? ""
    : oneStepNotes(context, facts) +
      (context.applicant.couplesMatch === true // a couple's R3 steps
        ? couplesMatchNote(context, entry, status, !facts.seasonOver)
        : "") +
      (entry.key === "nrmp_registration" ? nrmpDeadlineDayNote(context, entry, status, due) : "") +
      (context.applicant.visa === "J-1"
        ? statementOfNeedHeadsUp(context, entry, status, facts.stepDates, !facts.seasonOver)
        : "");
  // Step 3 dated for the petition.
  const after = entry.key === "usmle_step3" ? step3AfterRankingWords(context, entry, due, true) : "";
  // A booked day passed with no result: by when a new one counts, if it was not taken.
  const sitting =
    facts.own?.passed === true
      ? rebookBy(context, entry, facts.index, status, facts.own, facts.stepDates)
      : null;
  const rebook =
    sitting === null
      ? ""
      : rebookWords(context, sitting, entry.key, stepRenderings(facts.stepDates, facts.index).target);
  return lateResult === "" && laterMatch === "" && expedite === "" && after === "" && rebook === ""
    ? action
    : `${after}${fsmbTimeSaidOnce(after, action)}${rebook}${laterMatch}${lateResult}${expedite}`;
}

/**
 * The notes that only one step's card carries, in the order the card says them, each asked only on
 * its step's card (each note also returns "" for any other): asking all of them on every card was a
 * call each, about 80 a plan, nearly all of them saying nothing (callgrind).
 */
function oneStepNotes(context: PlanContext, facts: StepActionFacts): string {
  const { entry, status, due } = facts;
  const key = entry.key;
  let notes = "";
  if (key === "visa_j1") notes += consularExpediteNote(context, entry, status, due);
  if (key === "contract")
    notes +=
      j1ConsularWaitAtContract(context, entry, status, !facts.seasonOver) +
      h1bLicenceAtContract(context, entry, status, !facts.seasonOver);
  // SOAP still open past a missed rank-list deadline is the applicant's own Match's: the visa words most of all.
  if (key === "soap")
    notes += soapSponsorNote(context, entry, status, !facts.seasonOver || soapStillOpen(context));
  if (key === "j1_ds2019") notes += ecfmgReviewNote(context, entry, due, facts.stepDates);
  if (key === "visa_h1b") notes += petitionCardNote(context, facts.stepDates);
  if (key === "usmle_step3") notes += step3KeepSeatNote(context, facts.stepDates);
  if (key === "j1_ecfmg_sponsorship")
    notes += sponsorshipDs2019Note(context, entry, status, due, facts.stepDates);
  if (key === "ecfmg_certification")
    notes +=
      j1CertificateNote(context, entry, status, facts.stepDates) +
      h1bStartAtRiskNote(context, entry, status, facts.target);
  if (key === FIRST_GATE) notes += earlyFirstGateNote(context, entry, status, facts.target, due);
  if (key === "wdoms_listing") notes += schoolCheckSeasonNote(context, entry, facts.target, facts.stepDates);
  return notes;
}

/**
 * A Pathway not started, dated for a later Match after its deadline for the applicant's own Match
 * passed: which deadline passed, and that the later Match's Pathways are applied for once ECFMG opens
 * them, never "now" ("submit the application now" in December 2026 for the 2028
 * Match, whose Pathways open months later; README: the badge's step "says which deadline passed").
 * ECFMG publishes each cycle's opening only when it opens: the one on record (the 2026 Pathways,
 * confirmed.json) is named, not projected. The same once the plan moved to a later Match before its
 * own Match's deadline passed (`missed` null: that Match is out of reach), where "now" would send the
 * applicant to pay for a Pathway of a season they cannot take.
 */
function laterMatchPathwayAction(
  context: PlanContext,
  missed: DueDate | null,
  stepDates: PlanDates,
  due: DueDate | null,
): string {
  const later = stepDates.calendar.matchYear;
  const projected = (date: DueDate) => basisMark(date);
  const onRecord = pathwaysOpenedOnRecord(seasonCalendar(2026));
  const by = due === null ? "" : `, and submit it by ${dayBy(context, due.at)}${projected(due)}`;
  // The Match just before the later one, when it is after the target and its projected deadline
  // passed: the deadline that moved the plan on, not the target's long gone.
  const skipped = later - 1 > context.calendar.matchYear ? pathwayDeadline(seasonCalendar(later - 1)) : null;
  const year = context.calendar.matchYear;
  // An application that went in for the Match out of reach (laterSeasonSteps keeps it among
  // pastSeasonEntries) cannot be accepted for it: said so, never "ECFMG is reviewing it".
  // Once the Match is over, the application in progress went in for it (pathwaySentForOverMatch).
  const sent = context.pastSeasonEntries.get("ecfmg_pathway")?.date ?? pathwaySentForOverMatch(context);
  const own = pathwayDeadline(context.calendar);
  const why =
    skipped !== null && skipped <= context.now
      ? `The ${later - 1} Match's deadline for Pathway applications, ${dayBy(context, skipped)} (projected), has passed: your Pathway is now for the ${later} Match.`
      : sent !== undefined && own !== null && !ownDayInTime(startOfLocalDate(context.zone, sent), own)
        ? `Your Pathway application of ${renderDate(sent)} went in after the ${year} Match's deadline for Pathway applications, ${dayBy(context, own)} (projected), so ECFMG cannot accept it for the ${year} Match: your Pathway is now for the ${later} Match.`
        : sent !== undefined
          ? `Your Pathway application of ${renderDate(sent)} was for the ${year} Match, which is out of reach, and ECFMG decides an application for one Match season only: your Pathway is now for the ${later} Match.`
          : missed === null
            ? `The ${year} Match is out of reach, so your Pathway is for the ${later} Match, and ECFMG takes Pathway applications for one Match season at a time.`
            : `The ${year} Match's deadline for Pathway applications, ${dayBy(context, missed.at)}${projected(missed)}, has passed: your Pathway is now for the ${later} Match.`;
  // The deadline that passed is the season's: its Pathways may still be open.
  const passed = passedPathwaysSeason(context, later, missed !== null);
  const current = passed === null ? "" : currentPathwaysWords(context, passed, later);
  return `${why}${current === "" ? "" : ` ${current} Otherwise`} ${current === "" ? "Apply" : "apply"} once ECFMG's ${later} Pathways are open (check ECFMG's news${onRecord})${by}. Your OET result can follow the application, by ECFMG's later deadline for documents.`;
}

/**
 * "; the 2026 Pathways opened on <day>" from that calendar's context dates, or "" if it has none:
 * the calendar is frozen and cached (seasonCalendar), so its words are made once per calendar
 * object, not searched for again on every plan moved to a later Match.
 */
function pathwaysOpenedOnRecord(calendar: SeasonCalendar): string {
  if (openedFor === calendar) return openedWords;
  const opened = calendar.contextDates.find((date) => date.key === "ecfmg_2026_pathways_application_open_by");
  openedWords = opened === undefined ? "" : `; the 2026 Pathways opened on ${renderDate(opened.date)}`;
  openedFor = calendar;
  return openedWords;
}
let openedFor: SeasonCalendar | undefined;
let openedWords = "";

/** Whether the snapshot reports the WDOMS check finished though the note is unknown (buildContext reset it). */
function checkReported(context: PlanContext): boolean {
  const reported = context.entries.get(SCHOOL_CHECK.key)?.status;
  return reported === "done" || reported === "waived";
}
