import { catalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Risk, StepSubject } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { renderDate } from "../time.ts";
import { applies, isFinished, type PlanContext, statusOf } from "./context.ts";
import { contractExpectedPastStart, contractExpectedWords } from "./contract-expected-late.ts";
import {
  type ContractNeededBy,
  contractAwaitedRisk,
  contractNeededBy,
  contractStillAwaited,
} from "./contract-needed-by.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { ds2019AtInterviewWords, ds2019LateAt } from "./ds2019-at-interview.ts";
import { lateEcfmgReview } from "./ecfmg-review-past-ds2019.ts";
import { changeOfStatus, h1bInUs } from "./h1b-in-us.ts";
import { h1bJ1Fallback } from "./h1b-j1-fallback.ts";
import { unreportedH1bRisks } from "./h1b-outcome-unreported-risk.ts";
import { filedApprovalAwaitedWords } from "./h1b-petition-filed-late.ts";
import { H1B_SOURCES, J1_SOURCES } from "./h1b-words.ts";
import { petitionApprovalDue } from "./petition-approval.ts";
import { residencyAhead } from "./residency-started.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, requirementSource } from "./risk-sources.ts";
import { statusFiledTooLate, statusFiledTooLateWords } from "./status-approval-line.ts";
import { petitionStep3Due } from "./step3-petition-risk.ts";
import { receivedLateWords, visaDocumentReceivedLate } from "./visa-document-received-late.ts";
import { lateInterviewAdvice, visaInterviewBookedLate } from "./visa-interview-booked-late.ts";
import { interviewResultAwaited } from "./visa-result-awaited.ts";
import { behindAdvice, behindOpening, VISA_STEP_OF } from "./visa-start-words.ts";
import { expectedPastStart, visaDateHolds, visaDateOf, visaStepLateRisk } from "./visa-step-late.ts";

/** The visa chain after the Match (contract, then the track's visa steps), in catalog order. */
const VISA_CHAIN = MILESTONE_CATALOG.filter((entry) => entry.stage === "visa");
/** Either route's own visa steps (J-1's ECFMG chain, H-1B's petition and stamping), catalog keys. */
const ROUTE_VISA_STEPS = [
  "j1_statement_of_need",
  "j1_ecfmg_sponsorship",
  "j1_ds2019",
  "visa_j1",
  "visa_h1b",
  "visa_h1b_stamping",
] as const;
/** How the visa of an applicant with no route chosen is named among the steps still missing. */
export const UNDECIDED_VISA_NAME = "your visa (no route chosen yet)";

/**
 * Whether the applicant has matched: Match Day done, or the program's contract begun or signed
 * (from then on an undecided visa route is the critical path).
 */
export function hasMatched(context: PlanContext): boolean {
  if (isFinished(statusOf(context, "match_day"))) return true;
  const contract = statusOf(context, "contract");
  return contract !== "not_started";
}

/**
 * Whether the visa chain after the Match is the applicant's now: Match Day done, or with no route
 * chosen, hasMatched's wider reading. VISA_NOT_READY_FOR_START and the follow-ups of a visa step
 * behind (visa-behind.ts) read it.
 */
export function visaChainMatched(context: PlanContext): boolean {
  return context.applicant.visa === "undecided"
    ? hasMatched(context)
    : isFinished(statusOf(context, "match_day"));
}

/**
 * A matched non-US-citizen with no visa route chosen: their visa is missing exactly
 * as a chosen route's undone steps are, and late from the first date either route's visa steps are
 * planned for (the earlier route, as an uncertain date is planned for the earlier one). Undefined
 * when the route is chosen or visa is "none". The milestone is the contract, as VISA_UNDECIDED's.
 */
export function undecidedVisaDue(context: PlanContext, dates: PlanDates): number | undefined {
  if (context.applicant.visa !== "undecided") return undefined;
  let first: number | undefined;
  for (const key of ROUTE_VISA_STEPS) {
    const due = dates.due(key)?.at;
    if (due !== undefined && (first === undefined || due < first)) first = due;
  }
  return first;
}

/**
 * VISA_NOT_READY_FOR_START (critical): the applicant matched (Match Day done), residency has not
 * started where she is (residencyStarted, as START_DELAYED), and a step of their visa chain is past
 * the date the plan gives it (a matched J-1 applicant with nothing done heard nothing from April to
 * 20 June; Honolulu had no visa risk from ET's midnight, her 6 PM, until her own). The later
 * links wait on the earlier ones, so they stay blocked and send no reminder of their own; this risk
 * names the late links and the ones still to follow, and its critical-risk notice goes out again
 * whenever one more link falls behind (the steps it names change, so does the notice's id; each
 * such instant is noted for re-planning). Shape: zero or one Risk. Sources: the start's projection
 * rule (residencyStartWords), then each late step's own citation from the catalog, labelled as the
 * source of the requirement (requirementSource), not of the date. On H-1B with Step 3 out of reach
 * for the petition, it names the J-1 fallback first (h1bJ1Fallback), late step or not yet. Pure.
 */
export function visaStartRisks(context: PlanContext, dates: PlanDates): Risk[] {
  const start = context.calendar.dates.residency_start;
  const undecided = context.applicant.visa === "undecided";
  if (!residencyAhead(context)) return [];
  if (!visaChainMatched(context)) return unreportedH1bRisks(context, dates);
  const open = VISA_CHAIN.filter(
    (entry) => applies(context, entry) && !isFinished(statusOf(context, entry.key)),
  );
  const step3 = petitionStep3Due(context, dates); // matched on H-1B, Step 3 held to the petition's dates
  const review = lateEcfmgReview(context, dates); // the DS-2019 awaits ECFMG's review to its end
  // The contract is behind only once the chain needs it (contractNeededBy), not at our advice date.
  const contractNeeded = open.some((entry) => entry.key === "contract")
    ? contractNeededBy(context, dates)
    : null;
  const approval = petitionApprovalDue(context, dates); // a filed petition is due by its approval
  const contractLate = contractExpectedPastStart(context, contractNeeded, dates); // too late for the step after it
  const dueOf = (key: MilestoneKey) => (key === "visa_h1b" ? (approval ?? dates.due(key)) : dates.due(key));
  // Derived steps past their date whose visa's date still holds (visaDateHolds), with that date.
  const awaited: { entry: (typeof VISA_CHAIN)[number]; missed: DueDate }[] = [];
  const expectedLate: (typeof VISA_CHAIN)[number][] = [];
  // The visa interview booked after the visa's date: critical, or its own warning (not a step late).
  const visaStep = open.find((entry) => entry.key === VISA_STEP_OF[context.applicant.visa])?.key;
  const booking = visaStep ? visaInterviewBookedLate(context, visaStep, dates.due(visaStep)) : null;
  const interview = booking?.severity === "critical" ? booking : null;
  const warned = booking !== null && interview === null ? visaStep : undefined;
  const received = visaDocumentReceivedLate(context, dates); // in hand too late for the interview
  const late = open.filter((entry) => {
    const planned =
      entry.key === "usmle_step3" && step3 !== null
        ? step3.at
        : entry.key === "contract" && contractNeeded !== null
          ? contractNeeded.due.at
          : dueOf(entry.key)?.at;
    // A consular interview gone by awaits its result: a question (its card, its follow-up), not late.
    if (planned === undefined || entry.key === warned || interviewResultAwaited(context, entry.key))
      return false;
    const due = entry.key === "j1_ds2019" ? ds2019LateAt(context, planned, review?.endsAt ?? null) : planned;
    noteRiskChange(context, due);
    // The applicant's own later day (or the interview's document received late) already carries the visa past the start.
    const visa = due >= context.now ? visaDateOf(entry, dates) : null;
    const expected =
      entry.key === "contract"
        ? due >= context.now && contractLate !== null
        : (visa !== null && expectedPastStart(context, entry.key, visa.at, dates)?.key === entry.key) ||
          (received !== null && entry.key === received.visaKey) ||
          statusFiledTooLate(context, entry); // on a change of status: approval on or after the start
    if (expected) expectedLate.push(entry);
    const booksLate = interview && entry.key === visaStep;
    const past =
      due < context.now || expected || booksLate || (entry.key === "usmle_step3" && step3?.booked != null);
    const missed = past && !expected && due === planned ? dueOf(entry.key) : null;
    if (missed !== null && visaDateHolds(context, entry, planned, dates)) awaited.push({ entry, missed });
    return past;
  });
  const contractAwaited = contractLate === null && contractStillAwaited(context, late, contractNeeded, dates);
  const next = open.filter((entry) => !late.includes(entry));
  const booked =
    [step3?.booked, interview?.words].filter((words) => typeof words === "string").join("; ") || null;
  // In the US with the route not yet told, the stamping is needed only on consular processing.
  const inUs = h1bInUs(context) && !changeOfStatus(context);
  const nameOf = (entry: (typeof VISA_CHAIN)[number]): string =>
    inUs && entry.key === "visa_h1b_stamping" ? IN_US_STAMPING_NAME : entry.advisorName;
  const lateNames = late
    .filter(
      (entry) => (step3?.booked == null || entry.key !== "usmle_step3") && !expectedLate.includes(entry),
    )
    .filter((entry) => !interview || entry.key !== visaStep)
    .map(nameOf);
  // A petition filed late: USCIS's approval comes too late (in the US, route untold, approval in time: consular).
  const filedName =
    inUs && approval !== null && approval.at < start.at ? CONSULAR_VISA_NAME : FILED_PETITION_NAME;
  const expectedNames = expectedLate.map((entry) =>
    entry.key === "visa_h1b" && approval !== null ? filedName : nameOf(entry),
  );
  // The consular route's visa named late already covers its stamping: not named again as following.
  const consularLate = filedName === CONSULAR_VISA_NAME && expectedNames.includes(filedName);
  const nextNames = next.filter((entry) => !consularLate || entry.key !== "visa_h1b_stamping").map(nameOf);
  const milestones = late.map((entry) => entry.key as StepSubject);
  const sources: string[] = [];
  // The projection rule is the dates' source; each late step's catalog page, of what it requires.
  const startWords = residencyStartWords(start, sources);
  // On H-1B, the pages that govern the petition, never the contract's J-1 page of ECFMG.
  const h1b = context.applicant.visa === "H-1B";
  if (h1b && late.length > 0) for (const source of H1B_SOURCES) addSource(sources, source);
  for (const entry of late)
    if (!h1b || entry.key !== "contract") addSource(sources, requirementSource(entry.why));
  // No route chosen: the visa itself is missing, late once either route's first step is due.
  const visaDue = undecided ? undecidedVisaDue(context, dates) : undefined;
  if (visaDue !== undefined) {
    noteRiskChange(context, visaDue);
    if (visaDue < context.now) {
      lateNames.push(UNDECIDED_VISA_NAME);
      if (!milestones.includes("contract")) milestones.push("contract");
      for (const source of J1_SOURCES) addSource(sources, source);
    } else nextNames.push(UNDECIDED_VISA_NAME);
  }
  // On H-1B with Step 3 out of reach for the petition, the J-1 fallback leads.
  const fallback = h1bJ1Fallback(context, dates, sources);
  if (fallback !== null) {
    for (const key of ["usmle_step3", "visa_h1b"] as const)
      if (!milestones.includes(key)) milestones.push(key);
    const behind =
      lateNames.length === 0
        ? ""
        : ` Your visa steps are behind for residency starting ${startWords}: ${lateNames.join(", ")} ${lateNames.length === 1 ? "is" : "are"} past the date we plan for.`;
    return [
      {
        code: "VISA_NOT_READY_FOR_START",
        severity: "critical",
        message: `${fallback}${behind}`,
        milestones,
        sources,
      },
    ];
  }
  const contractDue = dates.due("contract");
  // Its own date passing turns the warning on (contractAwaitedRisk): a re-planning instant.
  if (contractNeeded !== null && contractDue !== null) noteRiskChange(context, contractDue.at);
  // Every late step a derived one whose visa's date still holds, or the J-1 contract past our
  // back-chained day while it holds (contractStillAwaited), or none late: warnings of what to ask.
  const asked = awaited.length + (contractAwaited ? 1 : 0);
  const allAsked = asked > 0 && asked === late.length && lateNames.length === late.length;
  if (booked === null && (allAsked || (lateNames.length === 0 && expectedNames.length === 0))) {
    const said = awaited.length > 0 ? [visaStepLateRisk(context, awaited, dates)] : [];
    if (contractNeeded !== null && contractDue !== null && contractDue.at < context.now)
      said.push(contractAwaitedRisk(context, contractDue, contractNeeded, startWords, sources, dates));
    return said;
  }
  // On the change-of-status route the petition brings H-1B status in the US, not a visa.
  const cos = changeOfStatus(context);
  const past = [
    lateNames.length === 0
      ? ""
      : `${lateNames.join(", ")} ${lateNames.length === 1 ? "is" : "are"} past the date we plan for`,
    expectedNames.length === 0
      ? ""
      : `${expectedNames.join(", ")} ${expectedNames.length === 1 ? "is" : "are"} expected too late for it`,
  ]
    .filter((part) => part !== "")
    .join("; ");
  return [
    {
      code: "VISA_NOT_READY_FOR_START",
      severity: "critical",
      message: `${behindOpening(context, cos || inUs)} for residency starting ${startWords}: ${[booked, past].filter((part) => part !== null && part !== "").join("; ")}${nextNames.length > 0 ? `, and ${nextNames.join(", ")} still ${nextNames.length === 1 ? "follows" : "follow"}` : ""}.${expectedWords(context, late, dates, contractNeeded)}${filedApprovalAwaitedWords(context, late, expectedLate, dates)}${received ? receivedLateWords(context, received) : ""}${ds2019AtInterviewWords(context, late, sources)}${interview ? lateInterviewAdvice(interview) : ""} ${behindAdvice(context, cos, inUs)}, and tell us each step as it is done.`,
      milestones,
      sources,
    },
  ];
}

/**
 * " You expect your Statement of Need … on Mon 10 May 2027: …": the first late step whose own day,
 * or a prerequisite's, carries the visa past the start (expectedPastStart), with the visa's day by
 * the chain's allowances; "" when none.
 */
function expectedWords(
  context: PlanContext,
  late: readonly (typeof VISA_CHAIN)[number][],
  dates: PlanDates,
  contractNeeded: ContractNeededBy | null,
): string {
  for (const entry of late) {
    if (statusFiledTooLate(context, entry)) return statusFiledTooLateWords(context, dates);
    const contract =
      entry.key === "contract" ? contractExpectedPastStart(context, contractNeeded, dates) : null;
    const contractVisa =
      contract === null || contractNeeded?.step == null ? null : visaDateOf(contractNeeded.step, dates);
    if (contract !== null && contractNeeded !== null && contractVisa !== null)
      return contractExpectedWords(
        contractNeeded,
        renderDate(contract.expected),
        dueDay(context, { ...contractVisa, at: contract.visaAt }),
      );
    const visa = visaDateOf(entry, dates);
    const shifted = visa === null ? null : expectedPastStart(context, entry.key, visa.at, dates);
    if (visa === null || shifted === null) continue;
    const visaDay = dueDay(context, { ...visa, at: shifted.visaAt });
    const approval = shifted.filed ? petitionApprovalDue(context, dates) : null;
    const inUs = h1bInUs(context);
    const planned = dates.due(shifted.key);
    // In the US with the route not told, an approval before the start is in time on a change of status.
    const routes = inUs && !changeOfStatus(context) && approval !== null && approval.at < startAt(context);
    if (approval !== null && planned !== null && routes)
      return ` Your program filed your H-1B petition on ${renderDate(shifted.expected)}, after this plan's filing day, ${dueDay(context, planned)}${basisMark(planned)}: with premium processing, USCIS's approval ${approval.at < context.now ? "was expected by" : "is expected around"} ${dueDay(context, approval)}${basisMark(approval)}. With a change of status, an approval by about then is in time for your start; if your program files for consular processing, with the time this plan allows for the stamping after the approval, your visa would come around ${visaDay}, after residency starts, and this plan keeps to that safer date. Ask your program's immigration office today which route it filed and whether it used premium processing (without it, approval can take months); if it filed for consular processing, book your stamping interview the day the approval comes and tell your program's GME office now that your start may be delayed.`;
    if (approval !== null && planned !== null)
      return ` Your program filed your H-1B petition on ${renderDate(shifted.expected)}, after this plan's filing day, ${dueDay(context, planned)}${basisMark(planned)}: with premium processing, USCIS's approval ${approval.at < context.now ? "was expected by" : "is expected around"} ${dueDay(context, approval)}${basisMark(approval)}, and with the time this plan allows for the stamping after it${inUs ? " (if your program files for consular processing)" : ""}, your visa would come around ${visaDay}, after residency starts. Confirm with your program's immigration office today that it used premium processing (without it, approval can take months), ${inUs ? "if it files for consular processing, " : ""}book your stamping interview the day the approval comes, and tell your program's GME office now that your start may be delayed.`;
    return ` You expect your ${catalogEntry(shifted.key).advisorName} on ${renderDate(shifted.expected)}: with the time this plan allows for each step after it, your visa would come around ${visaDay}, after residency starts. Ask for it sooner, and tell your program now that your start may be delayed.`;
  }
  return "";
}

/** A filed petition among the steps expected too late: its approval, the filing being done. */
const FILED_PETITION_NAME = "USCIS's approval of your H-1B petition";
/** The same in the US, route not told, the approval before the start: only the consular route's visa is late. */
const CONSULAR_VISA_NAME = "your H-1B visa, if your program files for consular processing,";
/** Residency's start, the instant a change of status must be approved by. */
const startAt = (context: PlanContext): number => context.calendar.dates.residency_start.at;

/** The stamping's name among the steps behind, in the US before the route is told: conditional, as its step. */
const IN_US_STAMPING_NAME = "H-1B visa stamping (only if your program files for consular processing)";
