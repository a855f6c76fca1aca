import { appliesToVisa, type CatalogEntry } from "../catalog/index.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { Applicant, Interview, MilestoneEntry, MilestoneKey, MilestoneStatus } from "../snapshot.ts";
import { DEFAULT_QUIET, deliveryMinute, minutesFromClock, type QuietMinutes } from "../time.ts";
import { stampingWaiverRefused } from "../us-zones.ts";
import { answersOverridden, type OverriddenAnswer } from "./answers-overridden.ts";
import {
  applicableTo,
  IN_ERAS_APPLICATION_AT,
  MAY_FOLLOW_ERAS_AT,
  markPrerequisites,
  NOT_STARTED,
  SCHOOL_CHECK_INDEX,
  stepIndex,
} from "./catalog-index.ts";
import { type DoneBeforeSeason, doneBeforeSeason, keepUnreportedAsked } from "./done-before-season.ts";
import { soapAnswerCountsAt } from "./early-soap-answer.ts";
import { type FailedScore, readRetakes } from "./failed-score.ts";
import { internedStatus, internedZone } from "./interned-strings.ts";
import { interviewsAreEvidence } from "./interviewing.ts";
import { knownInterviews } from "./known-interviews.ts";
import type { ZoneLadders } from "./ladders.ts";
import {
  keepOutcomeImplied,
  type MatchOutcomeEarly,
  matchOutcomesBeforeWindow,
} from "./match-outcome-before-window.ts";
import { markLastingPrerequisites, pastSeasonWork, resetPastSeason } from "./past-season.ts";
import { keepOetBookedAhead } from "./pathway-done-oet-ahead.ts";
import type { PlannerInput } from "./planner-input.ts";
import { withdrawPositionBesideSoap } from "./position-beside-soap.ts";
import { type RolRefusal, refusedRankList } from "./rank-list-refusal.ts";
import { type SoapDoneBeforeOffers, soapDoneBeforeOffers } from "./soap-done-before-offers.ts";
import { impliesPrerequisites, takingPartInSoap } from "./soap-taking-part.ts";
import { eligibilityOf } from "./sponsor-note-evidence.ts";
import { StepEntries, type StepEntriesView } from "./step-entries.ts";
import { uncountedAnswer } from "./uncounted-answer.ts";
import { keepVisaDocumentAwaited } from "./visa-document-awaited.ts";

export type { PlannerInput } from "./planner-input.ts";

/**
 * The ECFMG eligibility gate from the WDOMS sponsor note: "ineligible" (no note) blocks and silences
 * everything that needs ECFMG; "unchecked" (null, and not proved by the record: eligibilityOf) asks
 * for the WDOMS check before any of it.
 */
export type Eligibility = "eligible" | "ineligible" | "unchecked";

/** Everything one plan computation shares, built once per call. */
export interface PlanContext {
  applicant: Applicant;
  zone: string;
  calendar: SeasonCalendar;
  now: number;
  deliveryMinute: number;
  quiet: QuietMinutes;
  /** The snapshot's entries by key, or by catalog index (`at`, no key look-up: see statusAt). */
  entries: StepEntriesView;
  /**
   * Each milestone's status as statusOf gives it (the snapshot's status, "done" when a scheduled or
   * done milestone implies it, else "not_started"), indexed by the milestone's place in the catalog
   * (stepIndex): resolved once per plan into one array, so the ~90 status reads of a plan are an
   * index each, and building it makes no Map or Set per plan (the planner bench's heap profile).
   */
  statuses: readonly MilestoneStatus[];
  /** Whether each milestone applies to the applicant's visa, by catalog index (applicableTo: shared, static). */
  applicable: readonly boolean[];
  /** The snapshot's interviews; an equal list planned before when there is one (knownInterviews: its memos hit). */
  interviews: readonly Interview[];
  eligibility: Eligibility;
  /**
   * Steps reported done (or booked, or waived) for an earlier Match season (pastSeasonWork): they
   * count as not started for this one, so their steps, reminders and fees come back.
   */
  pastSeason: ReadonlySet<MilestoneKey>;
  /** The snapshot's own entries of those steps, as reported (the budget keeps their fees as spent). */
  pastSeasonEntries: ReadonlyMap<MilestoneKey, MilestoneEntry>;
  /**
   * Set only on the steps' context of a plan moved to a later Match (laterSeasonSteps): the Match
   * out of reach, whose steps in `pastSeason` counted for it only, and the Match planned instead.
   */
  pastSeasonMatch?: { out: number; planned: number };
  /**
   * Set only when an interview for this Match made the plan read certification and ERAS steps the
   * applicant never reported as done (presumedInTheMatch): their catalog indices, in catalog order,
   * for the warning that asks for their statuses (CERTIFICATION_STATUS_UNREPORTED) and the budget,
   * which gives them no fee line.
   */
  presumedDone?: readonly number[];
  /**
   * The rank list (and NRMP, unless "registered": reported done) never reported, read as done after
   * the deadline for an interviewing applicant (rankListAsked): RANK_LIST_UNREPORTED asks; true: no
   * NRMP fee line.
   */
  rankListAsked?: true | "registered";
  /**
   * A rank order list reported certified (or booked) that cannot count, else null: dated before ranking
   * opens, (for "done") undated before it, or dated after today: not started, its reminders kept.
   */
  rolRefused: RolRefusal | null;
  /** SOAP reported done before its first offer round (soap-done-before-offers.ts): counted as not started. */
  soapDoneBeforeOffers: SoapDoneBeforeOffers;
  /** Match Week or Match Day reported done before NRMP could tell it (match-outcome-before-window.ts): not started. */
  matchOutcomeEarly: MatchOutcomeEarly[] | null;
  /** Post-Match answers dated before the season allows (done-before-season.ts): kept, the steps before them still asked. */
  doneBeforeSeason: DoneBeforeSeason[] | null;
  /** Answers "not done" a step reported done needs (answers-overridden.ts): counted done, asked about. */
  answersOverridden: OverriddenAnswer[] | null;
  /** Post-Match answers beside "not matched, in SOAP" (position-beside-soap.ts), as reported: not started. */
  positionBesideSoap: readonly MilestoneEntry[] | null;
  /** Results reported below their passing score, as reported: read as retakes (failed-score.ts). */
  failedScores: readonly FailedScore[];
  /** Instants (epoch ms) where time alone changes a risk, noted by the rules (risk-change-instants.ts). */
  riskChangesAt: number[];
  /** The next delivery slot at or after now and now's wall reading, found on first use by catchUpOf (reminders.ts). */
  catchUp: { nowWall: number; catchUp: number } | undefined;
  /** The reminders already sent, by id, to when (PlannerInput.remindersSent): read by sentAt. */
  remindersSent: Readonly<Record<string, string>> | undefined;
  /** PlannerInput.summaryDay: a follow-up passed since is kept for that summary (follow-ups.ts). */
  summaryDay: number | undefined;
  /** PlannerInput.signedUpAt as given: parsed only for the WDOMS check while the note is unknown. */
  signedUpAt: string | undefined;
  /**
   * The memoised reminder ladders of the applicant's zone (ladders.ts), found on first use by
   * ladderOf and kept for the plan's other ladders: one look-up by zone per plan, not per ladder.
   */
  ladders: ZoneLadders | undefined;
}

const NO_PAST_SEASON_ENTRIES: ReadonlyMap<MilestoneKey, MilestoneEntry> = new Map();

/**
 * The plan's context for the applicant at `now` on their Match's calendar. `entered`: the plan's own
 * gate when this is a moved plan's later Match (enteredLaterMatch): one gate for the whole plan.
 */
export function buildContext(
  input: PlannerInput,
  calendar: SeasonCalendar,
  now: Date,
  entered?: Eligibility,
): PlanContext {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError("now is not a valid date");
  if (calendar.matchYear !== input.applicant.matchYear) {
    throw new RangeError(
      `calendar is for the ${calendar.matchYear} Match but the applicant targets ${input.applicant.matchYear}`,
    );
  }
  const zone = internedZone(input.applicant.timezone);
  const entries = new StepEntries();
  for (const entry of input.milestones) entries.set(entry);
  // Read before an earlier season's steps are reset below: evidence of the note is the same whichever
  // season it was for. An interview counts by the presumption's rule (interviewsAreEvidence), read
  // only when the note is unknown (most plans know it: no work added to them).
  const note = input.applicant.medicalSchool.wdomsSponsorNote;
  const interviews = knownInterviews(input.applicant.externalId, input.interviews); // the memos' own list
  // A result below its passing score is no pass, nor a failed attempt a first one: a retake.
  const failed = readRetakes(input.milestones, zone, nowMs, entries);
  const interviewed = note === null && interviewsAreEvidence(interviews, calendar, nowMs);
  const eligibility = entered ?? eligibilityOf(note, entries, interviewed, failed);
  const pastSeason = pastSeasonWork(entries, calendar, nowMs);
  // Most plans have no earlier season's work: they share one empty map (read only, never written).
  const pastSeasonEntries =
    pastSeason.size > 0 ? resetPastSeason(entries, pastSeason) : NO_PAST_SEASON_ENTRIES;
  const rolRefused = refusedRankList(entries.get("rank_order_list"), calendar, nowMs, zone);
  if (rolRefused !== null) entries.set({ key: "rank_order_list", status: "not_started" });
  // A Match outcome before NRMP could tell it is no outcome: not started, with a warning (read before SOAP's).
  const matchEarly = matchOutcomesBeforeWindow((key) => entries.get(key), calendar, zone, nowMs);
  for (const early of matchEarly ?? []) entries.set({ key: early.key, status: "not_started" });
  // SOAP done before the first offer round is no accepted offer: not started, with a warning.
  const matchDayDone = entries.get("match_day")?.status === "done";
  const soapDoneEarly = soapDoneBeforeOffers(entries.get("soap"), calendar, zone, nowMs, matchDayDone);
  // The action page reads the same predicate (uncountedAnswer), so a tap from the window records it.
  const soap = entries.get("soap");
  if (uncountedAnswer(soap, calendar, zone, nowMs, matchDayDone))
    entries.set({ key: "soap", status: "not_started" });
  const besideSoap = withdrawPositionBesideSoap(entries, calendar, nowMs, input.applicant.visa);
  const statuses = NOT_STARTED.slice();
  // By catalog index: statuses are independent and marking prerequisites done commutes (any order).
  for (let index = 0; index < statuses.length; index++) {
    const entry = entries.at(index);
    // A stamping waived from abroad stays not started: the intake refuses it, the plan trusts no intake.
    if (entry === undefined || entry.status === "not_started") continue;
    if (!stampingWaiverRefused(entry, zone)) statuses[index] = internedStatus(entry.status);
  }
  // Prerequisites of a scheduled or done milestone, or of SOAP taken part in, must have happened, but
  // a scheduled one's documents (`neededByOwnDate`): a Pathway submitted does not make the OET done.
  for (let index = 0; index < statuses.length; index++) {
    const entry = entries.at(index);
    if (entry === undefined) continue;
    if (impliesPrerequisites(entry, calendar, nowMs)) markPrerequisites(statuses, index, true);
    if (entry.status === "scheduled") markPrerequisites(statuses, index, false);
  }
  // A Match outcome told too early is withdrawn, not what it implies: the list it followed stays certified.
  for (const early of matchEarly ?? []) keepOutcomeImplied(statuses, early.key, rolRefused !== null);
  // A contract or J-1 visa dated before the season allows implies none of the unreported steps before it.
  const visa = input.applicant.visa;
  const postMatchEarly = doneBeforeSeason(entries, calendar, zone, visa, nowMs);
  if (postMatchEarly !== null) keepUnreportedAsked(statuses, postMatchEarly, entries);
  keepOetBookedAhead(statuses, entries, nowMs, zone, failed); // a Pathway marked done early
  keepVisaDocumentAwaited(statuses, entries); // a visa interview booked before its document came
  // Steps done for an earlier season still imply their lasting prerequisites.
  if (pastSeasonEntries.size > 0) markLastingPrerequisites(statuses, pastSeasonEntries);
  // The documents went with an ERAS application reported done for this season (an earlier season's
  // was reset above), whether the snapshot leaves them out or still says not started or in progress
  // (an answer not updated since): MyERAS takes them with the application, so they are never
  // overdue behind it. Letters may follow it (mayFollow): reported under way, they stay asked for.
  if (entries.get("eras_application")?.status === "done")
    for (const index of IN_ERAS_APPLICATION_AT)
      if (entries.at(index) === undefined || !MAY_FOLLOW_ERAS_AT.includes(index))
        if (!isFinished(statuses[index] ?? "not_started")) statuses[index] = "done";
  // The sponsor note is applicant data (what the snapshot says WDOMS shows for the school); which
  // milestone checks it and which steps it gates is the catalog's (schoolEligibilityCheck,
  // needsEcfmgEligibleSchool).
  // The note still unknown (and not proved by the record, eligibilityOf), the WDOMS check is not
  // done whatever the snapshot says (or implies from a later step): the gate holds until the note is
  // told (a WDOMS step reported done with no note planned the school as eligible,
  // fees and ECFMG reminders included).
  if (eligibility === "unchecked" && isFinished(statuses[SCHOOL_CHECK_INDEX] ?? "not_started"))
    statuses[SCHOOL_CHECK_INDEX] = "not_started";
  const soapOn = takingPartInSoap(entries.get("soap"), calendar, nowMs);
  const asked = answersOverridden(input.milestones, entries, statuses, applicableTo(visa), failed, soapOn);
  const quiet = input.quietHours
    ? { start: minutesFromClock(input.quietHours.start), end: minutesFromClock(input.quietHours.end) }
    : DEFAULT_QUIET;
  return {
    applicant: input.applicant,
    zone,
    calendar,
    now: nowMs,
    deliveryMinute: deliveryMinute(input.applicant.reminderTime, quiet),
    quiet,
    entries,
    statuses,
    applicable: applicableTo(visa),
    interviews,
    eligibility,
    rolRefused,
    soapDoneBeforeOffers: soapDoneEarly,
    matchOutcomeEarly: matchEarly,
    doneBeforeSeason: postMatchEarly,
    answersOverridden: asked,
    positionBesideSoap: besideSoap,
    failedScores: failed,
    pastSeason,
    pastSeasonEntries,
    // Set by contexts made from this one, present from the start: one hidden class in V8 for every
    // context (fields a spread adds would make the rules' reads megamorphic on moved plans).
    pastSeasonMatch: undefined,
    presumedDone: undefined,
    rankListAsked: undefined,
    catchUp: undefined,
    remindersSent: input.remindersSent,
    summaryDay: input.summaryDay,
    signedUpAt: input.signedUpAt,
    ladders: undefined,
    riskChangesAt: soapAnswerCountsAt(soap, calendar, zone, nowMs),
  };
}

export function statusOf(context: PlanContext, key: MilestoneKey): MilestoneStatus {
  return context.statuses[stepIndex(key)] ?? "not_started";
}

/** statusOf by the milestone's catalog index (stepIndex), for callers that walk the catalog by index. */
export function statusAt(context: PlanContext, index: number): MilestoneStatus {
  return context.statuses[index] ?? "not_started";
}

export function isFinished(status: MilestoneStatus): boolean {
  return status === "done" || status === "waived";
}

export function applies(context: PlanContext, entry: CatalogEntry): boolean {
  return appliesToVisa(entry, context.applicant.visa);
}

/**
 * A prerequisite is met when done or waived, when it does not apply to this applicant, or (for
 * the WDOMS check) when the snapshot already says the school has an ECFMG sponsor note.
 */
export function isSatisfied(context: PlanContext, key: MilestoneKey): boolean {
  return isSatisfiedAt(context, stepIndex(key));
}

/**
 * Whether the school's WDOMS sponsor note is unknown and not yet checked: the gate that holds every
 * step needing ECFMG until the applicant checks WDOMS: nothing pushes them to pay for a step ECFMG
 * may not let them take.
 */
export function uncheckedGate(context: PlanContext): boolean {
  return context.eligibility === "unchecked" && !isSatisfiedAt(context, SCHOOL_CHECK_INDEX);
}

/** isSatisfied by the milestone's catalog index: array reads only (it runs for every prerequisite). */
export function isSatisfiedAt(context: PlanContext, index: number): boolean {
  if (index === SCHOOL_CHECK_INDEX && context.eligibility === "eligible") return true;
  return isFinished(statusAt(context, index)) || context.applicable[index] !== true;
}
