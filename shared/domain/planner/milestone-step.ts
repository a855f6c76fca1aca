import { type CatalogEntry, SCHOOL_CHECK } from "../catalog/index.ts";
import type { OverdueStep } from "../plan.ts";
import { isoUtc } from "../time.ts";
import { blockedDates, blockedStep } from "./blocked-step-dates.ts";
import { bookByOf } from "./book-by.ts";
import { certificateAskedUrgency, certificateIssuedAsked } from "./certificate-issued-asked.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { currentPathwaysTarget } from "./current-pathways-season.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { ecfmgReviewDue } from "./ecfmg-review-past-ds2019.ts";
import { weekTargetOf } from "./first-gate.ts";
import { h1bCertificateTarget, leadDaysOf, step3StartBy } from "./h1b.ts";
import { inUsDue } from "./h1b-in-us.ts";
import { h1bRowTarget } from "./h1b-row-target.ts";
import { withJ1CertificateTarget } from "./j1-certificate.ts";
import { bookedAfterDue } from "./last-sitting-day.ts";
import { lateDeadlineOf, passedLateDeadlineOf, planLateDeadline } from "./late-deadline.ts";
import { matchDayNotice } from "./match-day.ts";
import {
  MATCH_WEEK_PHASE_AT,
  matchWeekNotices,
  matchWeekStep,
  soapApplicationsNotice,
  soapEndOf,
} from "./match-week.ts";
import { MATCHED_DUE_KEYS, matchedDueNow } from "./matched-due-now.ts";
import type { Collected, Gates } from "./milestone-gates.ts";
import { milestoneNextStep } from "./next-step.ts";
import { ASKED_NOW, noListSoapAsked } from "./no-list-soap-step.ts";
import { noteAskedOnCheck } from "./note-contradicted-by-record.ts";
import { dueNextStep, dueOverdueStep } from "./ordering.ts";
import { outOfReachBadge } from "./out-of-reach-badge.ts";
import { ownDateOf } from "./own-date.ts";
import { datedForNextMatch } from "./result-deadline.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { STEP_ENTRY_AT, stepEntryFor } from "./rol-late-title.ts";
import { pathwayForNextMatch } from "./season-over-pathway.ts";
import { soapStillOpen } from "./season-over-state.ts";
import { aimedStartBy, keepSlippedTargets, shownTarget, slippedAction } from "./slipped-step-targets.ts";
import { soapPreparationOnly } from "./soap-preparation-urgency.ts";
import { begunOnceFree, startsOnceFreeNow } from "./starts-once-free.ts";
import { stepAction } from "./step-action.ts";
import { reusedStepFacts } from "./step-facts.ts";
import { stepReminders } from "./step-reminders.ts";
import { stepRenderings, targetDetailOf } from "./step-renderings.ts";
import { step3DueNow, step3Held } from "./step3-after-ranking.ts";
import { sittingDueFrom } from "./step3-exam-day.ts";
import { missedMatchDeadline } from "./targeted-match.ts";
import { undatedPathwayDue } from "./undated-pathway-pending.ts";
import { undatedStep } from "./undated-step.ts";
import { urgencyOf } from "./urgency.ts";
import { interviewRowDate } from "./visa-interview-booked-late.ts";
import { visaResultAwaited } from "./visa-result-awaited.ts";
import { waitingForOf } from "./waiting-for.ts";

export type { Collected, Gates } from "./milestone-gates.ts";

/**
 * One milestone's part of the plan: a next step with its reminders, a blocked step, and/or an
 * overdue entry; plan() (planner.ts) runs it for every milestone, then adds the rest. `index` is the milestone's place in MILESTONE_CATALOG: its per-plan state
 * (status, whether it applies) is read from the context's arrays by it.
 */
export function planMilestone(
  context: PlanContext,
  dates: PlanDates,
  gates: Gates,
  catalogEntry: CatalogEntry,
  index: number,
  out: Collected,
): void {
  if (context.applicable[index] !== true) return;
  const status = statusAt(context, index);
  // The WDOMS check with the note's answer asked about leads, done or not (noteAskedOnCheck).
  const schoolCheckOnly =
    catalogEntry.key === SCHOOL_CHECK.key && noteAskedOnCheck(context, gates.ineligible);
  const checkDone = catalogEntry.key === SCHOOL_CHECK.key && context.eligibility === "eligible";
  if (!schoolCheckOnly && (isFinished(status) || checkDone)) return;
  // From NRMP's Monday release Match Week asks for the result and SOAP is taking part, both due
  // at SOAP's end; SOAP is moot once the result is reported and the applicant is not in it.
  // Rules here are asked only where they can say something (a table, a key): most are not inlined.
  const phase = MATCH_WEEK_PHASE_AT[index]
    ? matchWeekStep(context, catalogEntry, index, status, dates)
    : undefined;
  if (phase === null) return;
  // A phase's entry keeps the catalog's key (`index` its place), as stepEntryFor's few (STEP_ENTRY_AT) do.
  const entry =
    phase?.entry ??
    (STEP_ENTRY_AT[index] ? stepEntryFor(context, catalogEntry, status, gates.seasonOver) : catalogEntry);
  // A Pathway not done once the Match is over is the next Match's, its own date no anchor.
  const nextMatchPathway = gates.afterSeasonDates !== null && pathwayForNextMatch(context, entry);
  const stepDates = entry.seasonBound
    ? dates
    : gates.afterSeasonDates !== null && (nextMatchPathway || datedForNextMatch(context, entry, index))
      ? gates.afterSeasonDates
      : gates.targeted.dates;
  const soapAsked = gates.seasonOver && noListSoapAsked(context, entry.key, index); // SOAP's outcome, no list
  const { waitingFor, resolvedBy, prerequisitePending } =
    soapAsked && entry.key === "match_day" ? ASKED_NOW : waitingForOf(context, entry, index, status, gates);
  const shown = stepRenderings(stepDates, index);
  const own =
    schoolCheckOnly || nextMatchPathway ? null : ownDateOf(context, stepDates, entry, index, status);
  // From the sitting day on, its last sitting day is met: due by its result reaching the authority.
  const resultDue =
    own !== null && own.due.at < context.now
      ? sittingDueFrom(context, entry, stepDates, index, own)
      : entry.key === "ecfmg_pathway"
        ? undatedPathwayDue(context, own, entry, stepDates.calendar)
        : null;
  // A step whose card asks a question (undated-step.ts) has no due date; Step 3 past ranking.
  const asks = undatedStep(context, entry, stepDates);
  // The petition on the change-of-status route: its date's source speaks of the approval, not a visa.
  const ruled =
    entry.key === "usmle_step3" ? step3DueNow(context, stepDates, shown.due) : inUsDue(entry, shown.due);
  const ownDue = schoolCheckOnly || asks ? null : (phase?.due ?? resultDue ?? ruled);
  // matched: by a visa step's date (or the petition's approval)
  // A sponsorship completed late: ECFMG's queue dates the DS-2019, by the review's last day, on every channel.
  const review = entry.key === "j1_ds2019" ? ecfmgReviewDue(context, stepDates) : null;
  const due =
    review ?? (MATCHED_DUE_KEYS.has(entry.key) ? matchedDueNow(context, entry, ownDue, stepDates) : ownDue);
  const contractTarget = due === ownDue || entry.key !== "contract" ? null : ownDue; // our date, passed
  const booked = own === null ? null : bookedAfterDue(context, entry.key, own, due); // a late sitting: never overdue
  const held = entry.key === "usmle_step3" && waitingFor === null ? step3Held(context, due) : null;
  const excused = booked === "sitting" || held !== null; // Step 3 held: never overdue
  const overdueNow = due !== null && due.at < context.now && resolvedBy === undefined && !excused;
  // A gated step's date may not apply at all (DESIGN decision 10): it is rendered only when overdue.
  const detail =
    due === null || (resolvedBy !== undefined && !overdueNow)
      ? undefined
      : due === shown.due
        ? shown.dueDetail
        : stepDates.rendered(due);
  // A later deadline still open (NRMP late registration, the contract's chase): due by it, not overdue.
  const late = overdueNow && waitingFor === null ? lateDeadlineOf(context, entry) : null;
  // Passing such a deadline changes the step (late, with its fee), told at the next delivery slot (README,
  // "ERAS and NRMP"): the plan wakes just after it, as for a risk that changes with time (heard 27 hours after).
  if (entry.lateDeadline !== undefined && due !== null && resolvedBy === undefined)
    noteRiskChange(context, due.at);
  // Past a late deadline too, the step is overdue by the late one, the last it could meet: card and overdue entry alike.
  const passedLate = overdueNow && late === null ? passedLateDeadlineOf(context, entry) : null;
  // A step waiting on another is not the applicant's to be late with: the step it waits on is
  // (contract and J-1 steps would read "overdue" and "waiting for match_day" at once).
  const missed = passedLate === null ? detail : stepDates.rendered(passedLate);
  if (overdueNow && detail !== undefined && missed !== undefined && late === null && waitingFor === null) {
    const step: OverdueStep = {
      milestone: entry.key,
      title: entry.title,
      dueBy: missed.at,
      deadline: missed,
    };
    if (passedLate !== null) step.earlyDeadline = detail;
    if (own !== null) step.ownDate = own.detail;
    out.overdue.push(dueOverdueStep(step, passedLate?.at ?? due.at, index));
  }
  // A step of a Match that is over, still ahead, asks for nothing: a blocked one waits on nothing that will
  // come, an open one would prepare for what SEASON_OVER says has passed. One past its deadline stays overdue
  // when the applicant could have done it; one waiting on another is neither (a Match not theirs); SOAP stays.
  if (
    gates.seasonOver &&
    entry.seasonBound === true &&
    (!overdueNow || waitingFor !== null) &&
    !(soapAsked || (entry.key === "soap" && soapStillOpen(context)))
  )
    return;
  if (waitingFor !== null) {
    const dated = blockedDates(detail, overdueNow, index, stepDates, shown);
    out.blocked.push(
      blockedStep(context, entry, catalogEntry.title, waitingFor, resolvedBy, due, dated, gates),
    );
    return;
  }
  if (late !== null && due !== null) {
    planLateDeadline(context, entry, due, late, stepDates, out);
    return;
  }

  const notStarted = status === "not_started";
  // Ranking on H-1B, the certificate is needed early for Step 3; the row drops it once over (h1bRowTarget).
  const h1bCard = entry.key === "ecfmg_certification" ? h1bCertificateTarget(context, stepDates) : null;
  const h1b = h1bCard === null ? null : h1bRowTarget(context, h1bCard, stepDates);
  // A week's look-up target is a delivery slot (a time of day); a catalog or J-1 one, a day.
  const weekTarget = h1b === null && entry.key === SCHOOL_CHECK.key ? weekTargetOf(context, entry) : null;
  const catalogTarget =
    entry.key === "ecfmg_certification"
      ? withJ1CertificateTarget(context, index, stepDates, shown.target)
      : shown.target;
  // Dated for a later Match, a result the own Match needs may be past its deadline for it: the step
  // says so (missedDeadline); a missed Pathway's recommended route, the current season, gives its target.
  const missedMatch =
    stepDates === dates || entry.neededForRanking === undefined
      ? null
      : missedMatchDeadline(gates.targeted, context, dates, index);
  const route =
    entry.key === "ecfmg_pathway"
      ? currentPathwaysTarget(context, entry.key, status, stepDates, missedMatch !== null)
      : null;
  // The slip (TARGETS_SLIPPED) that replaces this step's target, if any: the slip rules below are
  // asked only then (each returns what it is given otherwise).
  const slipped = gates.slipped;
  const gapped = slipped !== null && slipped.dates === stepDates && slipped.gapped[index] !== undefined;
  const shownCatalog = gapped ? shownTarget(slipped, index, stepDates, catalogTarget) : catalogTarget;
  const aimed = h1b ?? weekTarget ?? route ?? shownCatalog;
  const target = contractTarget ?? aimed;
  // An exam day begun, or a Pathway presumed sent (resultDue, no date): the target no longer drives the plan.
  const sat = own !== null ? own.due.at < context.now : resultDue !== null;
  const targetAhead = target !== null && target.at >= context.now && !sat;
  // The applicant's own date drives the plan while it is ahead and not after the deadline, else
  // the target while it is ahead; otherwise the hard deadline does.
  const ownAhead = own !== null && own.due.at >= context.now && booked === null;
  const driver: DueDate | null = ownAhead ? own.due : targetAhead ? target : (passedLate ?? due);
  // Step 3 abroad adds the visitor-visa wait (leadDaysOf); PlanDates memoises the catalog's lead only.
  const leadDays = entry.key === "usmle_step3" ? leadDaysOf(context, entry) : entry.leadTimeDays.days;
  // The certificate with nothing outstanding is a question, not work to start: no start-by.
  const issuedAsked = certificateIssuedAsked(context, entry, due, target);
  const leadStart =
    driver === null || leadDays === 0 || issuedAsked || visaResultAwaited(context, entry, own)
      ? null
      : leadDays === entry.leadTimeDays.days
        ? stepDates.startBy(driver, leadDays, index)
        : step3StartBy(driver, leadDays);
  const freeNow = entry.startsOnceFree !== undefined && startsOnceFreeNow(context, entry); // DS-2019 in hand: book now
  const begun = freeNow && begunOnceFree(context, entry); // free now, begun with no day: pressed at once
  const announced =
    (gates.firstGate === entry.key || freeNow) && driver !== null && driver.at >= context.now && notStarted;
  const startBy = announced ? Math.min(leadStart?.at ?? context.now, context.now) : (leadStart?.at ?? null);
  // Begun, an exam not booked has a day to book by instead: its reminder, its standing.
  const startOrBookBy = notStarted ? startBy : bookByOf(entry, status, own, driver, prerequisitePending);
  const targetDetail = targetDetailOf(stepDates, shown, target, h1b, weekTarget, contractTarget);
  const facts = reusedStepFacts(entry, stepDates); // one record for every step: each field set below
  facts.entry = entry;
  facts.index = index;
  facts.status = status;
  facts.due = passedLate ?? due;
  facts.h1bTarget = h1bCard;
  facts.stepDates = stepDates;
  facts.own = own;
  facts.missed = missedMatch === null ? null : missedMatch.due; // the card names it (laterMatchPathwayAction)
  facts.schoolCheckOnly = schoolCheckOnly;
  facts.prerequisitePending = prerequisitePending;
  facts.overdueNow = overdueNow;
  facts.seasonOver = gates.seasonOver;
  facts.afterSeason = gates.afterSeasonDates !== null;
  facts.detail = missed;
  facts.target = target;
  facts.targetDetail = targetDetail;
  facts.targetAhead = targetAhead;
  facts.ownAhead = ownAhead;
  facts.startBy = startOrBookBy;
  facts.notStarted = notStarted;
  facts.issuedAsked = issuedAsked;
  // Told now, the first gate is pressed by its own latest safe start, as its card says; a step free now, at once.
  const actBy = announced && leadStart !== null && !freeNow ? leadStart.at : startOrBookBy;
  const stated = stepAction(context, out.budget, facts);
  const action = gapped ? slippedAction(stated, slipped, index, stepDates) : stated;
  const shownAim = keepSlippedTargets(facts, slipped, index, stepDates, shown.target); // follow-ups, moved day
  let urgency = urgencyOf(
    context.now,
    driver === null || booked === "sitting" ? null : driver.at, // a late sitting: urgent
    gapped ? aimedStartBy(slipped, index, stepDates, actBy, leadDays, notStarted) : actBy, // startBy
    // passedTarget: a target passed while the deadline holds asks for the step now, whatever the own date ahead.
    target !== null && !targetAhead && !sat && due !== null && due.at >= context.now ? target.at : null,
    // resultPending: a passed own date asks for the result (urgent) until the deadline passes too (then overdue,
    // as the overdue list has it); a question with no date (a Pathway's after Match Day) presses no more.
    own?.passed === true && !overdueNow && !asks,
    // actNow: an own date after the deadline moves now; a maybe-ineligible school moots every other step; a
    // Match-outcome phase may press (Match Day unanswered past the contract's date); so does a step begun once free.
    phase?.pressing === true ||
      booked !== null ||
      begun ||
      (entry.key === SCHOOL_CHECK.key && (due === null || due.at >= context.now)),
  );
  if (held !== null || phase?.notYet || soapPreparationOnly(context, entry.key, urgency)) urgency = "soon"; // Step 3 held, asking nothing yet; no SOAP offer yet; SOAP's preparation
  if (issuedAsked) urgency = certificateAskedUrgency(context, due, targetAhead ? target : null);
  const badge =
    missedMatch === null ? null : outOfReachBadge(gates.targeted, context, missedMatch, stepDates, detail);
  const rowStart = held === "undated" || !notStarted ? null : actBy; // begun: started, so no start-by; told early: pressed now, the row keeps the card's start day
  const step = milestoneNextStep(
    entry,
    action,
    urgency,
    held === "undated" ? undefined : (interviewRowDate(context, entry.key, own) ?? missed), // Step 3 held: no date; a booked visa interview: its day
    badge?.missedDeadline,
    badge?.matchYears, // one Match named for every step of the plan
    own?.detail,
    shownAim,
    rowStart === null ? undefined : rowStart === leadStart?.at ? leadStart.iso : isoUtc(rowStart),
    prerequisitePending,
  );
  // Ordered by a passed target, not the later deadline now driving it (never Step 2 CK above Step 1).
  const passedTarget =
    target !== null && !targetAhead && !sat && !ownAhead && due !== null && due.at >= context.now;
  const orderAt = passedTarget ? target.at : driver === null ? Number.POSITIVE_INFINITY : driver.at;
  out.nextSteps.push(dueNextStep(step, urgency, orderAt, index, ""));
  if (phase?.followUpOnly !== true) stepReminders(context, entry, facts, out.reminders, stepDates, index);
  if (entry.key === "match_week")
    matchWeekNotices(context, stepDates.rendered(soapEndOf(context.calendar)), out.reminders);
  else if (entry.key === "soap" && phase !== undefined && status === "in_progress" && detail !== undefined)
    soapApplicationsNotice(context, entry, detail, out.reminders);
  else if (phase?.followUpOnly === true && detail !== undefined && due !== null)
    matchDayNotice(context, phase, detail, stepDates, out.reminders);
}
