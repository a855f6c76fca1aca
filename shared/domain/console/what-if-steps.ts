import type { Deadline, Plan, StepSubject } from "../plan.ts";
import { pastSeasonWork } from "../planner/past-season.ts";
import type { PlannerInput } from "../planner.ts";
import { seasonCalendar } from "../seasons/index.ts";
import type { MilestoneEntry, MilestoneKey } from "../snapshot.ts";
import { stepForAdvisor } from "./advisor-voice.ts";
import { blockedForAdvisor, type StepStanding, stepStanding } from "./overdue.ts";

/**
 * Which steps a what-if moves on the applicant's road (next, blocked or overdue), step by step:
 * the step rows of the difference (what-if-diff.ts), its overdue list's "left undone" and the
 * Match-year switch's earlier-season work.
 */
export interface StepChange {
  subject: StepSubject;
  interviewId?: string;
  title: string;
  /**
   * What the change does to the step: `new` joins the road (next, blocked or overdue), `removed`
   * leaves it (a visa switch's old track), `finished` leaves it done or waived, `nowBlocked` stays
   * but waits, `noLongerBlocked` stays and can now start, `changed` keeps its place with another
   * date or urgency (a switch said alike in both directions). The
   * difference's `blocked` lists are read from these, so the table and the list never disagree.
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
  /** Gone from the next steps because the changes mark it done or waived. */
  finished?: true;
  /** Finished by being waived, not done: the record will say waived, not passed. */
  waived?: true;
  /**
   * A Match-year switch's step the record has done for one Match and the other must redo
   * (pastSeasonWork: last season's letters, ERAS application, NRMP registration): on a `new` step,
   * done for the Match before and to redo for the one after; on a `finished` step, done for the Match
   * after and to redo only for the one before: never "nothing to do" nor "step removed", since the
   * other Match still needs it.
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
   * ("too late for the 2027 Match", not the planner's "overdue", for a step dated for 2028, whose
   * date shown is ahead).
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

type RoadStep = { milestone: StepSubject; interviewId?: string; title: string };

/**
 * A step's title as the difference names it: its title before, or, when the change renames it (an
 * interview moved to another format, "Interview with X (virtual): preparation" and "(in-person)"),
 * the two in one: "Interview with X (virtual → in-person): preparation".
 */
function titleAcross(before: string, after: string | undefined): string {
  // Spacing is no rename: the intake trims a program's name (" Mercy IM " is "Mercy IM").
  const spaced = (title: string) => title.replace(/\s+/g, " ").trim();
  if (after === undefined || spaced(after) === spaced(before)) return before;
  const was = /^(.*)\((.+?)\)(.*)$/.exec(before);
  const is = /^(.*)\((.+?)\)(.*)$/.exec(after);
  if (was && is && was[1] === is[1] && was[3] === is[3]) return `${was[1]}(${was[2]} → ${is[2]})${was[3]}`;
  return `${before} → ${after}`;
}

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

export function stepKey(step: { milestone: StepSubject; interviewId?: string }): string {
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

/** The step rows of a difference and the steps that leave the road undone ("step removed"), by key. */
export interface RoadChanges {
  steps: StepChange[];
  /** Keys of the steps that leave the road neither done, waived nor done for the other Match. */
  leftUndone: ReadonlySet<string>;
}

/** How each step on either plan's road changes (planDiff's arguments `finished` and `earlier`). Pure. */
export function roadChanges(
  before: Plan,
  after: Plan,
  finished: ReadonlySet<string> | ReadonlyMap<string, "done" | "waived">,
  earlier: EarlierSeasonWork,
): RoadChanges {
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
    const afterStep = afterRoad.get(key);
    const title = titleAcross(stepForAdvisor(step), afterStep ? stepForAdvisor(afterStep) : undefined);
    const base = {
      subject: step.milestone,
      title,
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
        // A moved interview's format: travel and a visitor visa for an IMG abroad.
        title !== stepForAdvisor(step) ||
        stepStanding(before, was).label !== stepStanding(after, next).label ||
        next.ownDate?.at !== was.ownDate?.at)
    )
      steps.push({ ...base, change: "changed" });
  }
  // "No longer overdue": a step that stays on the road or is done; one that leaves is "step removed".
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
  return { steps, leftUndone };
}
