import { budgetSums } from "../budget-words.ts";
import type { Deadline, Plan, StepSubject } from "../plan.ts";
import { pastSeasonWork } from "../planner/past-season.ts";
import type { PlannerInput } from "../planner.ts";
import { seasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry, MilestoneKey } from "../snapshot.ts";
import { stepForAdvisor } from "./advisor-voice.ts";
import { blockedForAdvisor, overdueForAdvisor, type StepStanding, stepStanding } from "./overdue.ts";

export interface StepChange {
  subject: StepSubject;
  interviewId?: string;
  title: string;
  /**
   * What the change does to the step: `new` joins the road (next, blocked or overdue), `removed`
   * leaves it (a visa switch's old track), `finished` leaves it done or waived, `nowBlocked` stays
   * but waits, `noLongerBlocked` stays and can now start, `changed` keeps its place with another
   * date or urgency (tester s8 issue 15b B1: a switch said alike in both directions). The
   * difference's `blocked` lists are read from these, so the table and the list agree (C2).
   */
  change: "new" | "removed" | "finished" | "nowBlocked" | "noLongerBlocked" | "changed";
  /** Its state among the next steps before, when it was one. */
  before?: StepState;
  /** Its state among the next steps after, when it is one. */
  after?: StepState;
  /** What it waited for before, when it was blocked (milestone keys or conditions, as the plan has them). */
  blockedBefore?: string[];
  /** What it waits for after, when it is blocked. */
  blockedAfter?: string[];
  /** Gone from the next steps because the changes mark it done or waived (tester s7, issue 15 C8). */
  finished?: true;
  /** Finished by being waived, not done: the record will say waived, not passed (tester s11 issue 15e C1). */
  waived?: true;
  /**
   * A Match-year switch's step the record has done for one Match and the other must redo
   * (pastSeasonWork: last season's letters, ERAS application, NRMP registration): on a `new` step,
   * done for the Match before and to redo for the one after; on a `finished` step, done for the Match
   * after and to redo only for the one before (issue 15: never "nothing to do" nor "step removed").
   */
  season?: { doneFor: number; redoFor: number };
}

/** A step as the difference shows it: its deadline, its standing and the applicant's own date. */
export interface StepState {
  /** ISO UTC instant of the hard deadline (what the difference compares), or null. */
  dueBy: string | null;
  /** The deadline with its words (ET, the applicant's time, a day), for display. */
  deadline?: Deadline;
  /** The planner's urgency, as the plan has it. */
  urgency: string;
  /**
   * What the applicant page's badge says of the step in that plan (stepStanding, overdue.ts): the
   * words the difference shows, so the what-if, the page and the cohort's overdue count agree
   * ("too late for the 2027 Match", not the planner's "overdue", for a step dated for 2028; issue 15).
   */
  standing: StepStanding;
  /** The applicant's own date (a scheduled exam), when one is given: a day, shown as that day. */
  ownDate?: Deadline;
}

function stateOf(plan: Plan, step: Plan["nextSteps"][number]): StepState {
  return {
    dueBy: step.dueBy,
    ...(step.deadline ? { deadline: step.deadline } : {}),
    urgency: step.urgency,
    standing: stepStanding(plan, step),
    ...(step.ownDate ? { ownDate: step.ownDate } : {}),
  };
}

export interface PlanDiff {
  /**
   * Steps that join or leave the road (next, blocked or overdue), become blocked or can now start,
   * or whose deadline, urgency or own date changes as next steps.
   */
  steps: StepChange[];
  /** Titles of the steps that become blocked (new or staying) and of those that can now start: read from `steps`. */
  blocked: { added: string[]; removed: string[] };
  overdue: { added: string[]; removed: string[] };
  risks: {
    added: { code: string; severity: string; message: string }[];
    removed: { code: string; message: string }[];
    /** Same code before and after, reworded or of another severity: one "changed", not removed + new (C7). */
    changed: { code: string; severity: string; severityBefore: string; message: string }[];
  };
  /**
   * Reminders still to come on each side: neither in the ledger (planDiff's `alreadySent`) nor past
   * their deadline; `nextBefore`/`nextAfter` the earliest of them. None while `held`: reminders
   * paused by an advisor, or the applicant unsubscribed, so nothing is sent (issue 15).
   */
  reminders: {
    held?: "paused" | "unsubscribed";
    before: number;
    after: number;
    added: number;
    removed: number;
    nextBefore?: string;
    nextAfter?: string;
  };
  budget: {
    upcomingBefore: number;
    upcomingAfter: number;
    totalBefore: number;
    totalAfter: number;
    /**
     * The same totals per currency, as the applicant page and the email write them ("$3,450 plus
     * AU$587"): a fee in another currency is in no USD figure (tester s11 issue 15e A1).
     */
    perCurrency: { upcomingBefore: string; upcomingAfter: string; totalBefore: string; totalAfter: string };
    /**
     * The fees "to verify" (Budget.toVerify, in no total) the change adds, removes or reprices, so
     * a switch that brings a $100,000 fee to verify shows it (issue 15 follow-up: the row showed
     * the counted totals only).
     */
    toVerify: {
      added: { label: string; amountUsd: number }[];
      removed: { label: string; amountUsd: number }[];
      changed: { label: string; amountBefore: number; amountAfter: number }[];
    };
  };
  /** True when nothing an applicant would notice differs. */
  unchanged: boolean;
}

type RoadStep = { milestone: StepSubject; interviewId?: string; title: string };

/** Every step still ahead of the applicant: next, blocked or overdue, by key. */
function road(plan: Plan): Map<string, RoadStep> {
  return keyed([...plan.nextSteps, ...plan.blocked, ...plan.overdue]);
}

/** On the road of the plan whose earlier-season work is `redo` only because of it: done for the other's Match. */
function redoneFor(redo: ReadonlySet<string>, other: ReadonlySet<string>, milestone: StepSubject): boolean {
  return redo.has(milestone) && !other.has(milestone);
}

function keyed<Step extends RoadStep>(list: readonly Step[]): Map<string, Step> {
  const map = new Map<string, Step>();
  for (const step of list) if (!map.has(stepKey(step))) map.set(stepKey(step), step);
  return map;
}

function stepKey(step: { milestone: StepSubject; interviewId?: string }): string {
  return step.interviewId === undefined ? step.milestone : `${step.milestone}:${step.interviewId}`;
}

/**
 * A re-applicant's steps the record has for an earlier Match than each plan's (the planner's
 * pastSeasonWork): the planner counts them not started, so they are on that plan's road again.
 */
export interface EarlierSeasonWork {
  before: ReadonlySet<string>;
  after: ReadonlySet<string>;
}

/** Each record's earlier-season work, for its own Match year, as the planner reads it. Pure. */
export function earlierSeasonWork(before: PlannerInput, after: PlannerInput, now: number): EarlierSeasonWork {
  const of = (input: PlannerInput) =>
    pastSeasonWork(
      new Map<MilestoneKey, MilestoneEntry>(input.milestones.map((entry) => [entry.key, entry])),
      seasonCalendar(input.applicant.matchYear),
      now,
    );
  return { before: of(before), after: of(after) };
}

/**
 * The difference between two plans of one applicant, as an advisor reads it. `finished`: milestones
 * done or waived in the changed input (by key, with which, when a map), so a step that leaves for
 * that reason says so; `earlier`:
 * each record's earlier-season work (earlierSeasonWork), so a Match-year switch says which step is
 * done for which Match; `alreadySent`: the reminder ids the ledger holds (sent, being sent or
 * withheld), which the plan still lists but which will not be sent again, so the reminders counted
 * and the next one named are those still to come (tester s11 issue 15e B1); `remindersHeld`: why
 * none is sent at all (reminders paused, the applicant unsubscribed), so none is counted (issue 15). Pure.
 */
export function planDiff(
  before: Plan,
  after: Plan,
  finished: ReadonlySet<string> | ReadonlyMap<string, "done" | "waived"> = new Set<string>(),
  earlier: EarlierSeasonWork = { before: new Set(), after: new Set() },
  alreadySent: ReadonlySet<string> = new Set(),
  remindersHeld?: "paused" | "unsubscribed",
): PlanDiff {
  const beforeSteps = new Map(before.nextSteps.map((step) => [stepKey(step), step]));
  const afterSteps = new Map(after.nextSteps.map((step) => [stepKey(step), step]));
  const beforeBlocked = keyed(blockedForAdvisor(before));
  const afterBlocked = keyed(blockedForAdvisor(after));
  const beforeRoad = road(before);
  const afterRoad = road(after);
  const steps: StepChange[] = [];
  // Only a Match-year switch has a Match to name on each side (a date moved into last season does not).
  const switched = before.matchYear !== after.matchYear;
  for (const [key, step] of [...beforeRoad, ...[...afterRoad].filter(([key]) => !beforeRoad.has(key))]) {
    const was = beforeSteps.get(key);
    const next = afterSteps.get(key);
    const wasBlocked = beforeBlocked.get(key);
    const isBlocked = afterBlocked.get(key);
    const base = {
      subject: step.milestone,
      title: stepForAdvisor(step),
      ...(step.interviewId ? { interviewId: step.interviewId } : {}),
      ...(was ? { before: stateOf(before, was) } : {}),
      ...(next ? { after: stateOf(after, next) } : {}),
      ...(wasBlocked ? { blockedBefore: [...wasBlocked.waitingFor] } : {}),
      ...(isBlocked ? { blockedAfter: [...isBlocked.waitingFor] } : {}),
    };
    if (!beforeRoad.has(key))
      steps.push({
        ...base,
        change: "new",
        ...(switched && redoneFor(earlier.after, earlier.before, step.milestone)
          ? { season: { doneFor: before.matchYear, redoFor: after.matchYear } }
          : {}),
      });
    else if (!afterRoad.has(key)) {
      const doneForAfter = redoneFor(earlier.before, earlier.after, step.milestone);
      steps.push(
        finished.has(step.milestone) || doneForAfter
          ? {
              ...base,
              change: "finished",
              finished: true,
              ...(finished instanceof Map && finished.get(step.milestone) === "waived"
                ? { waived: true as const }
                : {}),
              ...(switched && doneForAfter
                ? { season: { doneFor: after.matchYear, redoFor: before.matchYear } }
                : {}),
            }
          : { ...base, change: "removed" },
      );
    } else if (wasBlocked === undefined && isBlocked !== undefined)
      steps.push({ ...base, change: "nowBlocked" });
    // Blocked before and among the next steps after: it can now start. (Blocked before and overdue
    // after is told by the overdue list.)
    else if (wasBlocked !== undefined && isBlocked === undefined && next !== undefined)
      steps.push({ ...base, change: "noLongerBlocked" });
    else if (
      was !== undefined &&
      next !== undefined &&
      // Its standing as the advisor reads it, not the planner's urgency: "overdue" and "urgent" may
      // both read "urgent" (stepStanding), and a row must not show the same words twice.
      (next.dueBy !== was.dueBy ||
        stepStanding(before, was).label !== stepStanding(after, next).label ||
        next.ownDate?.at !== was.ownDate?.at)
    )
      steps.push({ ...base, change: "changed" });
  }
  const titles = (list: readonly { milestone: StepSubject; interviewId?: string; title: string }[]) =>
    new Map(list.map((step) => [stepKey(step), stepForAdvisor(step)]));
  const setDiff = (a: Map<string, string>, b: Map<string, string>) => ({
    added: [...b].filter(([key]) => !a.has(key)).map(([, title]) => title),
    removed: [...a].filter(([key]) => !b.has(key)).map(([, title]) => title),
  });
  // "No longer overdue": a step that stays on the road or is done; one that leaves is "step removed" (B1).
  const leftUndone = new Set(
    [...beforeRoad]
      .filter(
        ([key, step]) =>
          !afterRoad.has(key) &&
          !finished.has(step.milestone) &&
          !redoneFor(earlier.before, earlier.after, step.milestone),
      )
      .map(([key]) => key),
  );
  const riskKey = (risk: { code: string; severity: string; message: string }) =>
    `${risk.code}\u0000${risk.severity}\u0000${risk.message}`;
  const beforeRisks = new Set(before.risks.map(riskKey));
  const afterRisks = new Set(after.risks.map(riskKey));
  const beforeCodes = new Map(before.risks.map((risk) => [risk.code, risk]));
  const afterCodes = new Set(after.risks.map((risk) => risk.code));
  const toCome = (plan: Plan) =>
    (remindersHeld === undefined ? plan.reminders : [])
      // A reminder whose deadline has passed is never sent either (dueReminders).
      .filter(
        (reminder) => !alreadySent.has(reminder.id) && Date.parse(reminder.deadline) > Date.parse(plan.now),
      )
      .sort((left, right) => Date.parse(left.sendAt) - Date.parse(right.sendAt));
  const beforeToCome = toCome(before);
  const afterToCome = toCome(after);
  const beforeReminders = new Set(beforeToCome.map((reminder) => reminder.id));
  const afterReminders = new Set(afterToCome.map((reminder) => reminder.id));
  const diff: PlanDiff = {
    steps,
    // Read from the steps, so the table and the list say the same (tester s8 issue 15b C2): a step
    // that joins the road blocked is "now blocked" here and "new step, blocked" in the table; one
    // that leaves it is neither (B1).
    blocked: {
      added: steps
        .filter(
          (step) =>
            step.blockedAfter !== undefined && (step.change === "new" || step.change === "nowBlocked"),
        )
        .map((step) => step.title),
      removed: steps.filter((step) => step.change === "noLongerBlocked").map((step) => step.title),
    },
    // The applicant page's lists (overdue.ts): each step in one place, SEASON_OVER's steps not overdue.
    overdue: setDiff(
      titles(overdueForAdvisor(before).filter((step) => !leftUndone.has(stepKey(step)))),
      titles(overdueForAdvisor(after)),
    ),
    risks: {
      added: after.risks
        .filter((risk) => !beforeRisks.has(riskKey(risk)) && !beforeCodes.has(risk.code))
        .map(({ code, severity, message }) => ({ code, severity, message })),
      removed: before.risks
        .filter((risk) => !afterRisks.has(riskKey(risk)) && !afterCodes.has(risk.code))
        .map(({ code, message }) => ({ code, message })),
      changed: after.risks.flatMap(({ code, severity, message }) => {
        const was = beforeCodes.get(code);
        return was === undefined || riskKey(was) === riskKey({ code, severity, message })
          ? []
          : [{ code, severity, severityBefore: was.severity, message }];
      }),
    },
    reminders: {
      ...(remindersHeld === undefined ? {} : { held: remindersHeld }),
      before: beforeReminders.size,
      after: afterReminders.size,
      added: [...afterReminders].filter((id) => !beforeReminders.has(id)).length,
      removed: [...beforeReminders].filter((id) => !afterReminders.has(id)).length,
      ...(beforeToCome[0] ? { nextBefore: beforeToCome[0].sendAt } : {}),
      ...(afterToCome[0] ? { nextAfter: afterToCome[0].sendAt } : {}),
    },
    budget: {
      upcomingBefore: before.budget.upcomingUsd,
      upcomingAfter: after.budget.upcomingUsd,
      totalBefore: before.budget.totalUsd,
      totalAfter: after.budget.totalUsd,
      perCurrency: perCurrencyTotals(before, after),
      toVerify: toVerifyChanges(before, after),
    },
    unchanged: false,
  };
  diff.unchanged =
    steps.length === 0 &&
    diff.blocked.added.length + diff.blocked.removed.length === 0 &&
    diff.overdue.added.length + diff.overdue.removed.length === 0 &&
    diff.risks.added.length + diff.risks.removed.length + diff.risks.changed.length === 0 &&
    diff.reminders.added + diff.reminders.removed === 0 &&
    diff.budget.totalBefore === diff.budget.totalAfter &&
    diff.budget.upcomingBefore === diff.budget.upcomingAfter &&
    diff.budget.perCurrency.totalBefore === diff.budget.perCurrency.totalAfter &&
    diff.budget.perCurrency.upcomingBefore === diff.budget.perCurrency.upcomingAfter &&
    diff.budget.toVerify.added.length +
      diff.budget.toVerify.removed.length +
      diff.budget.toVerify.changed.length ===
      0;
  return diff;
}

function perCurrencyTotals(before: Plan, after: Plan): PlanDiff["budget"]["perCurrency"] {
  const was = budgetSums(before.budget);
  const is = budgetSums(after.budget);
  return {
    upcomingBefore: was.upcoming,
    upcomingAfter: is.upcoming,
    totalBefore: was.total,
    totalAfter: is.total,
  };
}

/** The fees to verify one plan has and the other has not, or at another amount, by key. Pure. */
function toVerifyChanges(before: Plan, after: Plan): PlanDiff["budget"]["toVerify"] {
  const was = new Map((before.budget.toVerify ?? []).map((item) => [item.key, item]));
  const is = new Map((after.budget.toVerify ?? []).map((item) => [item.key, item]));
  const fee = ({ label, amountUsd }: { label: string; amountUsd: number }) => ({ label, amountUsd });
  return {
    added: [...is.values()].filter((item) => !was.has(item.key)).map(fee),
    removed: [...was.values()].filter((item) => !is.has(item.key)).map(fee),
    changed: [...is.values()].flatMap((item) => {
      const old = was.get(item.key);
      return old === undefined || old.amountUsd === item.amountUsd
        ? []
        : [{ label: item.label, amountBefore: old.amountUsd, amountAfter: item.amountUsd }];
    }),
  };
}
