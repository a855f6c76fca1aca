import { BoundedMemo } from "#domain/bounded-memo.ts";
import {
  type CohortFacts,
  type CohortFactsFrom,
  changeInstants,
  planFacts,
  upcomingFactsBy,
} from "#domain/console/row-as-of.ts";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import type { Planning } from "./planning.ts";
import { sentReminderIds, sentRemindersOf, withoutSentReminders } from "./sent-reminders.ts";

/**
 * The cohort row's look-ahead (row-as-of.ts) re-runs the planner at each instant ahead where time
 * alone may change the row: about a dozen plans for every plan stored. Most plans stored are
 * re-plans with the same inputs (a reminder's wake-up changes mostly the ledger, of which the
 * planner reads only the sent marks it is passed), and those ask for the same instants again. The planner is pure, so the facts of
 * one applicant's inputs at one instant never change: they are kept per applicant while the
 * inputs (`Planning.planInputs`) stay the same, and a warm process re-plans only the instants it
 * has not seen. A clear of the memo or a changed input costs re-planning, never a different row.
 * The row names the next email as the applicant's timeline does, without the reminders the ledger
 * marks sent (applicantPlan): a missed rung the planner re-times to each instant ("tell us where you
 * matched", chased weekly) is laid at once in every plan, sent or not. So the facts at an instant
 * also hang on which of the reminders laid there the ledger marks sent: they are kept under those ids.
 */

/** Applicants whose look-ahead facts are kept, per Planning; about 2 KB each. */
const APPLICANTS_KEPT = 2_000;

interface KnownFacts {
  /** `Planning.planInputs` of the state these facts were planned from. */
  inputs: string;
  /** What is known at each instant (ISO UTC). */
  byInstant: Map<string, FactsAtInstant>;
}

interface FactsAtInstant {
  /** The ids of the reminders the plan at this instant lays, sent or not. */
  laid: readonly string[];
  /** Facts by the ids of `laid` the ledger marks sent, sorted and joined by spaces. */
  bySent: Map<string, CohortFacts>;
}

const memos = new WeakMap<Planning, BoundedMemo<string, KnownFacts>>();

/**
 * The row's facts at each instant ahead of `plan` where they change (CohortFactsFrom, ascending,
 * at most MAX_UPCOMING_FACTS), as `upcomingFacts` with `planning.plan` gives them. Memoised only
 * when `planning` says what its plans read (`planInputs`).
 */
export function lookAheadFacts(state: ApplicantState, plan: Plan, planning: Planning): CohortFactsFrom[] {
  const instants = changeInstants(plan, [
    ...(planning.seasonInstants?.(state) ?? []),
    ...marksAhead(state, plan),
  ]);
  const sent = sentReminderIds(state);
  const facts = (at: Plan) => planFacts(at, state.profile.timezone, state.interviews);
  const unsent = (at: Plan) => withoutSentReminders(at, state);
  const inputs = planning.planInputs?.(state);
  if (inputs === undefined)
    return upcomingFactsBy(facts(plan), instants, (from) =>
      facts(unsent(planning.plan(state, new Date(from)))),
    );
  const known = knownFacts(planning, state.profile.applicantId, inputs);
  return upcomingFactsBy(facts(plan), instants, (from) => {
    const seen = known.get(from);
    const sentKey = seen === undefined ? "" : sentAmong(seen.laid, sent);
    const kept = seen?.bySent.get(sentKey);
    if (kept !== undefined) return kept;
    const planned = planning.plan(state, new Date(from));
    const at = seen ?? { laid: planned.reminders.map((reminder) => reminder.id), bySent: new Map() };
    if (seen === undefined) known.set(from, at);
    const frozen = deepFreeze(facts(unsent(planned)));
    at.bySent.set(sentAmong(at.laid, sent), frozen);
    return frozen;
  });
}

/** The ids of `laid` in `sent`, sorted and joined by spaces: the part of the ledger a plan's facts read. */
function sentAmong(laid: readonly string[], sent: ReadonlySet<string>): string {
  return laid
    .filter((id) => sent.has(id))
    .sort()
    .join(" ");
}

/**
 * The instants of the ledger's sent marks after `plan`'s now: a plan as of an earlier instant does
 * not know of them (planner/sent-reminders.ts sentAt), so the notice a wake-up planned at its fire
 * time and sent a few seconds later is laid at once again in a look-ahead before its mark, and
 * the row named it the next email for days after it was delivered. Just after a mark, the
 * look-ahead sees it sent.
 */
function marksAhead(state: ApplicantState, plan: Plan): string[] {
  return Object.values(sentRemindersOf(state.ledger) ?? {}).filter((at) => at > plan.now);
}

function knownFacts(planning: Planning, applicantId: string, inputs: string): Map<string, FactsAtInstant> {
  let memo = memos.get(planning);
  if (memo === undefined) {
    memo = new BoundedMemo(APPLICANTS_KEPT);
    memos.set(planning, memo);
  }
  const known = memo.get(applicantId);
  if (known !== undefined && known.inputs === inputs) return known.byInstant;
  return memo.keep(applicantId, { inputs, byInstant: new Map() }).byInstant;
}

/** Facts shared between rows must not change under one of them. */
function deepFreeze(facts: CohortFacts): CohortFacts {
  Object.freeze(facts.risks.codes);
  Object.freeze(facts.risks);
  if (facts.nextDeadline?.deadline !== undefined) Object.freeze(facts.nextDeadline.deadline);
  if (facts.nextDeadline !== undefined) Object.freeze(facts.nextDeadline);
  return Object.freeze(facts);
}
