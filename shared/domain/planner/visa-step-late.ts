import { type CatalogEntry, catalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk, StepSubject } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import { applies, isFinished, type PlanContext, statusOf } from "./context.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { ds2019NeededAt } from "./ds2019-at-interview.ts";
import { filedPastVisaDateWords, filedPetitionAtRiskFrom } from "./h1b-petition-filed-late.ts";
import { certificateHolds } from "./j1-certificate-late.ts";
import { lastDayWords, VISA_DATE_PAST_REACH_WORDS, visaDatePastReach } from "./j1-sponsorship-last-day.ts";
import { j1StartOutOfReach } from "./j1-start-out-of-reach.ts";
import { filedApprovalDay, plannedApprovalAt } from "./petition-approval.ts";
import { petitionBandApplies, petitionBandEnd } from "./petition-filing-day.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, requirementSource } from "./risk-sources.ts";
import { petitionForStatus, statusApprovalLineAt, statusStartHoldsWords } from "./status-approval-line.ts";
import { orientationLineAt, visaMovedPastStart } from "./visa-moved-past-start.ts";

// A visa step whose date is our advice counted back from another step's (the J-1 sponsorship from
// the DS-2019, the DS-2019 from the visa, the H-1B petition from the stamping) holds the chain's
// allowances, each taken at its cautious end (ECFMG's 6 weeks of its 4–6, a month at the consulate).
// Past that day alone, the visa's own date still holds: a step one day past it is not a start at
// risk, least of all for an applicant who did everything on time while ECFMG's queue runs long.

/**
 * The step a derived visa step's date is counted back from, followed to the step dated by the season
 * (the visa itself: the J-1 visa, the H-1B stamping); null for a step dated otherwise, and for the
 * contract, counted forward from Match Day, whose awaited reading is its own (contract-needed-by.ts).
 */
function visaAnchorOf(entry: Pick<CatalogEntry, "key" | "due">): MilestoneKey | null {
  if (entry.key === "contract" || entry.due.from !== "milestone" || entry.due.basis !== "advice") return null;
  let key: MilestoneKey = entry.due.key;
  for (let due = catalogEntry(key).due; due.from === "milestone"; due = catalogEntry(key).due) key = due.key;
  return key;
}

/**
 * The instant from which a derived visa step past its date (`planned`) puts the visa's own date at
 * risk: once less than half the time this plan allows between the step and the visa is left (our
 * advice: the allowances are cautious, so half of one still leaves the visa's date within reach; for
 * the DS-2019, no later than the day one received then would bring the visa into the start's last
 * week, DS2019_RECEIVED_LATE's line); `planned` itself when the applicant's own later day for the step, or for a step it waits for,
 * already carries the chain past residency's start (expectedPastStart); null for a step that is not
 * derived (visaAnchorOf) or whose visa has no date. A petition filed on a change of status has no
 * visa after it: the start comes at risk past the approval's last day (statusApprovalLineAt).
 * Noted for re-planning.
 */
export function visaDateAtRiskFrom(
  context: PlanContext,
  entry: Pick<CatalogEntry, "key" | "due">,
  planned: number,
  dates: PlanDates,
): number | null {
  // A filed petition on a change of status: no visa follows, the start is what comes at risk.
  if (petitionForStatus(context, entry)) {
    const from = Math.max(planned, statusApprovalLineAt(context));
    noteRiskChange(context, from);
    return from;
  }
  const anchor = visaAnchorOf(entry);
  const visa = anchor === null ? null : dates.due(anchor);
  if (visa === null || visa.at <= planned) return null;
  if (expectedPastStart(context, entry.key, visa.at, dates) !== null) return planned;
  const half = planned + Math.floor((visa.at - planned) / 2);
  // The DS-2019 still awaited from the day one received then would put the visa in the start's
  // last week (ds2019ReceivedLate's line): half the consular month reaches that line, so the DS-2019
  // in hand said "your visa would come around 24 Jun" while one still to come said "still holds".
  // With the interview booked, no later than the day the DS-2019 must reach her for it (ds2019NeededAt).
  // The H-1B petition unfiled (contract signed): from the day one filed then would put the visa in
  // the start's last week (petitionBandEnd, the same line); before it, h1bPetitionPastVisaDate's warning.
  const from =
    entry.key === "j1_ds2019"
      ? Math.min(
          half,
          planned + orientationLineAt(context, visa.at) - visa.at,
          ds2019NeededAt(context) ?? half,
        )
      : entry.key === "visa_h1b"
        ? Math.min(
            half,
            (petitionBandApplies(context)
              ? petitionBandEnd(context, dates, planned, visa.at)
              : filedPetitionAtRiskFrom(context, dates, planned)) ?? half,
          )
        : half;
  noteRiskChange(context, from);
  return from;
}

/** A step the applicant expects on their own day (scheduled), late enough to carry the visa past the start. */
export interface ExpectedPastStart {
  /** The step with the applicant's day: the late step itself or a step it waits for. */
  key: MilestoneKey;
  /** That day (ISO date), as the applicant gave it. */
  expected: string;
  /** The visa's date moved by as many days as the step comes later than planned (ms). */
  visaAt: number;
  /** The day is the H-1B petition's filing, done (in progress: USCIS's approval awaited), not a day to come. */
  filed: boolean;
}

/**
 * The applicant's own day (scheduled; or the H-1B petition in progress with its filing day, which
 * moves its approval as much: petitionApprovalDue; not with the stamping waived, a change of status,
 * where the approval itself is the status) for a step of the chain counted back from the same visa as
 * `key` (visaAnchorOf: the Statement of Need beside the sponsorship, the DS-2019 after them), later
 * than the plan's day for that step by more than the room between the visa's date (`visaAt`) and
 * residency's start: each day the step comes later moves the steps after it a day later, at the
 * chain's own allowances (ECFMG's 6 weeks, the consulate's month), so the visa would come after the
 * start; null otherwise. A Statement of Need promised for 10 May puts a J-1 visa planned for 16 Jun
 * near 21 Jul; a petition filed on 10 May, 24 days after the plan's filing day, carries the stamping
 * planned for 16 Jun past a 1 Jul start, known the day the filing is told.
 */
export function expectedPastStart(
  context: PlanContext,
  key: MilestoneKey,
  visaAt: number,
  dates: PlanDates,
): ExpectedPastStart | null {
  let verdict: boolean | undefined;
  for (const step of CHAIN_OF.get(key) ?? []) {
    const given = context.entries.at(stepIndex(step));
    const planned = dates.due(step)?.at;
    const status = statusOf(context, step);
    // Filed, with no stamping to follow (a change of status), an approval before the start is in time.
    const filed =
      step === "visa_h1b" &&
      status === "in_progress" &&
      context.applicant.visa === "H-1B" &&
      statusOf(context, "visa_h1b_stamping") !== "waived";
    if ((status !== "scheduled" && !filed) || !given?.date || planned === undefined) continue;
    // A J-1 verdict on the file (the start out of reach, or its last day) counts the file's planned
    // day itself, with ECFMG's shorter review: never a second count of the same day beside it.
    if (J1_FILE.has(step)) {
      verdict ??= j1FileVerdict(context, dates);
      if (verdict) continue;
    }
    // A filed petition moves the visa as much as its approval comes later than the plan's: one count
    // from approval to visa, as an approval reported later is judged (visaDocumentReceivedLate).
    const approvalPlanned = filed ? plannedApprovalAt(dates) : null;
    const moved =
      approvalPlanned === null
        ? visaMovedPastStart(context, given.date, planned, visaAt)
        : visaMovedPastStart(context, filedApprovalDay(context, given.date), approvalPlanned, visaAt);
    if (moved !== null) return { key: step, expected: given.date, visaAt: moved, filed };
  }
  return null;
}

/** The J-1 sponsorship file's steps, whose planned days the J-1 verdicts count (j1ReviewStart). */
export const J1_FILE: ReadonlySet<MilestoneKey> = new Set(["j1_statement_of_need", "j1_ecfmg_sponsorship"]);

/** Whether a J-1 verdict speaks for the sponsorship file: the start out of reach, or the visa's date past reach. */
export function j1FileVerdict(context: PlanContext, dates: PlanDates): boolean {
  return j1StartOutOfReach(context, dates) !== null || visaDatePastReach(context, dates) !== null;
}

/** Each derived visa step's key → every derived step counted back from the same visa, in catalog order. */
const CHAIN_OF: ReadonlyMap<MilestoneKey, readonly MilestoneKey[]> = (() => {
  const derived = MILESTONE_CATALOG.map((entry) => ({ key: entry.key, anchor: visaAnchorOf(entry) }));
  return new Map(
    derived.map(({ key, anchor }) => [
      key,
      anchor === null ? [] : derived.filter((other) => other.anchor === anchor).map((other) => other.key),
    ]),
  );
})();

/** Whether a visa step past its date `missedAt` has not yet put the visa's own date at risk (visaDateAtRiskFrom). */
export function visaDateHolds(
  context: PlanContext,
  entry: Pick<CatalogEntry, "key" | "due">,
  missedAt: number,
  dates: PlanDates,
): boolean {
  const from = visaDateAtRiskFrom(context, entry, missedAt, dates);
  return from !== null && context.now < from;
}

/** The visa a derived step's date is counted back from, and its date (visaAnchorOf), for the words below. */
export function visaDateOf(entry: Pick<CatalogEntry, "key" | "due">, dates: PlanDates): DueDate | null {
  const anchor = visaAnchorOf(entry);
  return anchor === null ? null : dates.due(anchor);
}

/**
 * What to do about a late step: while a step it waits for is still open, finish that one (each day
 * it comes later moves this step and the ones after it); else ask where it stands, by route: ECFMG
 * and the program's liaison on J-1, the program on H-1B.
 */
function whatToDo(context: PlanContext, entry: Pick<CatalogEntry, "key">): string {
  for (const prerequisite of catalogEntry(entry.key).prerequisites) {
    const before = catalogEntry(prerequisite.key);
    if (!applies(context, before) || isFinished(statusOf(context, before.key))) continue;
    return `it waits for your ${before.advisorName}: finish that first, since each day it comes later moves this step and the ones after it a day later`;
  }
  return context.applicant.visa === "J-1"
    ? "ask your program's J-1 liaison and ECFMG (it sponsors J-1 physicians) where it stands"
    : "ask your program's GME office (it files the H-1B petition) where it stands";
}

/**
 * The words of a derived step past its date (`missedWords`: the missed day with its label): the
 * missed day is ours, what to ask, and the visa's own date, which still holds, or, a J-1 visa's date
 * past reach on the fastest road left (visaDatePastReach), can no longer be met, with the last day.
 */
export function derivedStepPastWords(
  context: PlanContext,
  entry: Pick<CatalogEntry, "key" | "due" | "advisorName">,
  missedWords: string,
  dates: PlanDates,
): string {
  const visa = visaDateOf(entry, dates);
  // A J-1 visa's date the fastest road left can no longer meet (the last day's test): said so, with the last day.
  const past = visa !== null && visaAnchorOf(entry) === "visa_j1" ? visaDatePastReach(context, dates) : null;
  const visaWords = petitionForStatus(context, entry)
    ? statusStartHoldsWords(context)
    : entry.key === "visa_h1b" && filedPastVisaDateWords(context, dates) !== null
      ? (filedPastVisaDateWords(context, dates) ?? "")
      : visa === null
        ? ""
        : past !== null
          ? `; your visa's own date, ${dueDay(context, visa)}${basisMark(visa)}, ${VISA_DATE_PAST_REACH_WORDS}, and ${lastDayWords(context, past, [])}`
          : `, and your visa's own date, ${dueDay(context, visa)}${basisMark(visa)}, still holds`;
  // The petition filed (in progress) is dated by its approval (petitionApprovalDue): counted forward from the filing.
  if (entry.key === "visa_h1b" && statusOf(context, entry.key) === "in_progress")
    return `This plan's day for your H-1B petition's approval, ${missedWords}, has passed; that day is our allowance for USCIS's premium processing after the filing${visaWords}: ${whatToDo(context, entry)}, and tell us when it is approved`;
  return `This plan's day for your ${entry.advisorName}, ${missedWords}, has passed; that day is our cautious allowance${petitionForStatus(context, entry) ? "" : " counted back from the visa"}${visaWords}: ${whatToDo(context, entry)}, and tell us when it is done`;
}

/**
 * VISA_STEP_LATE (warning): matched, residency ahead, and every visa step past its date is a derived
 * one whose visa date still holds (visaDateHolds): what to ask and the visa's date, never "behind"
 * or "you cannot start"; VISA_NOT_READY_FOR_START (critical) once the visa's date is at risk or a
 * step dated on its own (the visa itself, Step 3) is late. `late`: those steps with their missed
 * dates; sources: each step's date rule (advice), then the requirement's page. With the certificate
 * the DS-2019 waits for unreported (certificateHolds), one warning names it first, in place of the
 * DS-2019's own words, and every other late step after it.
 */
export function visaStepLateRisk(
  context: PlanContext,
  late: readonly { entry: CatalogEntry; missed: DueDate }[],
  dates: PlanDates,
): Risk {
  const sources: string[] = [];
  const said: string[] = [];
  const milestones = late.map(({ entry }) => entry.key as StepSubject);
  // The certificate the DS-2019 waits for, unreported: named first, and the DS-2019's own words
  // (ask where it stands) give way to it, since the certificate is what holds it back.
  const certificate = certificateHolds(context, dates);
  if (certificate !== null) {
    said.push(certificate.sentence);
    for (const source of certificate.sources) addSource(sources, source);
    milestones.unshift("ecfmg_certification");
    if (!milestones.includes("j1_ds2019")) milestones.splice(1, 0, "j1_ds2019");
  }
  for (const { entry, missed } of late) {
    if (certificate !== null && entry.key === "j1_ds2019") continue;
    said.push(
      `${derivedStepPastWords(context, entry, `${dueDay(context, missed)}${basisMark(missed)}`, dates)}.`,
    );
    addSource(sources, entry.due.source);
    addSource(sources, requirementSource(entry.why));
  }
  return {
    code: "VISA_STEP_LATE",
    severity: "warning",
    message: said.join(" "),
    milestones,
    sources,
  };
}
