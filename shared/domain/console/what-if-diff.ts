import { budgetSums } from "../budget-words.ts";
import type { Plan, Risk, StepSubject } from "../plan.ts";
import { laterDelayedStartNotices } from "../planner/start-delayed-risk.ts";
import { seasonCalendar } from "../seasons/index.ts";
import { ET_ZONE } from "../time.ts";
import { stepForAdvisor } from "./advisor-voice.ts";
import { overdueForAdvisor } from "./overdue.ts";
import { type EarlierSeasonWork, roadChanges, type StepChange, stepKey } from "./what-if-steps.ts";

export interface PlanDiff {
  /**
   * Steps that join or leave the road (next, blocked or overdue), become blocked or can now start,
   * or whose deadline, urgency or own date changes as next steps.
   */
  steps: StepChange[];
  /** Titles of the steps that become blocked (new or staying) and of those that can now start: read from `steps`. */
  blocked: { added: string[]; removed: string[] };
  overdue: { added: string[]; removed: string[] };
  /** Each with the Match outcome its words were made for (Risk.matchOutcome), so the advisor's voice fits them. */
  risks: {
    added: (RiskWords & { severity: string })[];
    removed: RiskWords[];
    /** Same code before and after, reworded or of another severity: one "changed", not removed + new, since it is the same risk. */
    changed: (RiskWords & { severity: string; severityBefore: string })[];
  };
  /**
   * Reminders still to come on each side: neither in the ledger (planDiff's `alreadySent`) nor past
   * their deadline; `nextBefore`/`nextAfter` the earliest of them. None while `held`: reminders
   * paused by an advisor, or the applicant unsubscribed, so nothing is sent and a count would mislead.
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
     * AU$587"): a fee in another currency is in no USD figure.
     */
    perCurrency: { upcomingBefore: string; upcomingAfter: string; totalBefore: string; totalAfter: string };
    /**
     * The fees "to verify" (Budget.toVerify, in no total) the change adds, removes or reprices, so
     * a switch that brings a $100,000 fee to verify shows it: the counted totals alone would hide it.
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

const bySendAt = (left: { sendAt: string }, right: { sendAt: string }) =>
  Date.parse(left.sendAt) - Date.parse(right.sendAt);

/** What the advisor's voice reads of a risk (riskForAdvisor): its code, words and the Match outcome they were made for. */
type RiskWords = Pick<Risk, "code" | "message" | "matchOutcome">;

function riskWords(risk: Risk): RiskWords {
  const { code, message, matchOutcome } = risk;
  return matchOutcome === undefined ? { code, message } : { code, message, matchOutcome };
}

/**
 * The later weekly delayed-start notices a plan with START_DELAYED will still send, which it does
 * not list (each week's is laid by the re-plan at its week's start: laterDelayedStartNotices), so
 * "still to send" counts them ("0 still to send" while a notice went out each week). Keyed
 * by their week, so the same week on both sides is one notice, neither added nor dropped.
 */
function weeklyToCome(
  plan: Plan,
  held: "paused" | "unsubscribed" | undefined,
  zone: string,
): { id: string; sendAt: string }[] {
  if (held !== undefined || !plan.risks.some((risk) => risk.code === "START_DELAYED")) return [];
  return laterDelayedStartNotices(seasonCalendar(plan.matchYear), zone, Date.parse(plan.now)).map((at) => {
    const sendAt = new Date(at).toISOString();
    return { id: `START_DELAYED@${sendAt}`, sendAt };
  });
}

/**
 * The difference between two plans of one applicant, as an advisor reads it. `finished`: milestones
 * done or waived in the changed input (by key, with which, when a map), so a step that leaves for
 * that reason says so; `earlier`:
 * each record's earlier-season work (earlierSeasonWork), so a Match-year switch says which step is
 * done for which Match; `alreadySent`: the reminder ids the ledger holds (sent, being sent or
 * withheld), which the plan still lists but which will not be sent again, so the reminders counted
 * and the next one named are those still to come; `remindersHeld`: why
 * none is sent at all (reminders paused, the applicant unsubscribed), so none is counted; `zone`: the
 * applicant's, where the weekly delayed-start notices turn (residencyStarted). Pure.
 */
export function planDiff(
  before: Plan,
  after: Plan,
  finished: ReadonlySet<string> | ReadonlyMap<string, "done" | "waived"> = new Set<string>(),
  earlier: EarlierSeasonWork = { before: new Set(), after: new Set() },
  alreadySent: ReadonlySet<string> = new Set(),
  remindersHeld?: "paused" | "unsubscribed",
  zone = ET_ZONE,
): PlanDiff {
  const { steps, leftUndone } = roadChanges(before, after, finished, earlier);
  const titles = (list: readonly { milestone: StepSubject; interviewId?: string; title: string }[]) =>
    new Map(list.map((step) => [stepKey(step), stepForAdvisor(step)]));
  const setDiff = (a: Map<string, string>, b: Map<string, string>) => ({
    added: [...b].filter(([key]) => !a.has(key)).map(([, title]) => title),
    removed: [...a].filter(([key]) => !b.has(key)).map(([, title]) => title),
  });
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
  const beforeToCome = [...toCome(before), ...weeklyToCome(before, remindersHeld, zone)].sort(bySendAt);
  const afterToCome = [...toCome(after), ...weeklyToCome(after, remindersHeld, zone)].sort(bySendAt);
  const beforeReminders = new Set(beforeToCome.map((reminder) => reminder.id));
  const afterReminders = new Set(afterToCome.map((reminder) => reminder.id));
  const diff: PlanDiff = {
    steps,
    // Read from the steps, so the table and the list say the same: a step
    // that joins the road blocked is "now blocked" here and "new step, blocked" in the table; one
    // that leaves it is neither: leaving the road is no block.
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
        .map((risk) => ({ ...riskWords(risk), severity: risk.severity })),
      removed: before.risks
        .filter((risk) => !afterRisks.has(riskKey(risk)) && !afterCodes.has(risk.code))
        .map(riskWords),
      changed: after.risks.flatMap((risk) => {
        const was = beforeCodes.get(risk.code);
        return was === undefined || riskKey(was) === riskKey(risk)
          ? []
          : [{ ...riskWords(risk), severity: risk.severity, severityBefore: was.severity }];
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
