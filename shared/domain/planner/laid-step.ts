import type { CatalogEntry } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { ladderOf, type SlotEntry } from "./ladders.ts";
import type { ReminderTarget } from "./reminders.ts";
import { interviewName } from "./visa-interview-booked-late.ts";

/**
 * A next step's two reminder targets (what it aims at, its hard deadline) and their ladders, laid
 * once per step and what they read, none of it `now`: stepReminders then only picks, per plan,
 * which rungs are still ahead (layKnownLadder). Before, every step of every plan made the targets
 * afresh and found each ladder in the zone's memo (ladderOf: ~12 look-ups a plan on the planner
 * bench, with a pointer chase through scattered memo objects each).
 */

/** What the step's reminders count down to: nothing (the hard deadline alone), its own date, its target. */
export type AimKind = 0 | 1 | 2;
export const NO_AIM: AimKind = 0;
export const OWN_AIM: AimKind = 1;
export const TARGET_AIM: AimKind = 2;

/** What stepReminders resolved for one step, as the laid targets read it. */
export interface StepFacts {
  aimKind: AimKind;
  /** The own date's or target's instant and rendering (0 and undefined with no aim). */
  aimAt: number;
  aimDetail: Deadline | undefined;
  /** The hard deadline's instant and rendering; no rendering, no hard ladder. */
  dueAt: number;
  hardDetail: Deadline | undefined;
  /** The step has a target, passed or not: the hard deadline then gets the hard-deadline ladder. */
  hasTarget: boolean;
  startBy: number | null;
  notStarted: boolean;
}

/** One step's laid targets and ladders, with every input they were laid for (compared on each use). */
export interface LaidStep extends StepFacts {
  entry: CatalogEntry;
  zone: string;
  deliveryMinute: number;
  /** The quiet hours, which an ET event's rung is laid around (et-event.ts etEventSlot). */
  quietStart: number;
  quietEnd: number;
  calendar: SeasonCalendar;
  aim: ReminderTarget | null;
  hard: ReminderTarget | null;
  /** The aim's ladder, then the hard deadline's (AIM, HARD), as ladderOf gave them. */
  ladders: [SlotEntry | undefined, SlotEntry | undefined];
}

export const AIM = 0;
export const HARD = 1;

/**
 * Laid steps per PlanDates (shared by the plans of one zone, season and own dates, themselves
 * memoised and bounded by planDates), by catalog index: at most MAX_LAID_PER_STEP each, then that
 * list starts again. The plan's last PlanDates and its array are kept aside: most steps of a plan
 * share one PlanDates, so they skip the WeakMap.
 */
const laidSteps = new WeakMap<PlanDates, LaidStep[][]>();
const MAX_LAID_PER_STEP = 4;
let lastDates: PlanDates | undefined;
let lastLaid: LaidStep[][] = [];

/** The step's laid targets for these facts, found or laid now; `facts` is read, never kept (stepReminders rewrites one record). */
export function laidStep(
  context: PlanContext,
  entry: CatalogEntry,
  stepDates: PlanDates,
  index: number,
  facts: StepFacts,
): LaidStep {
  if (lastDates !== stepDates) {
    let byIndex = laidSteps.get(stepDates);
    if (byIndex === undefined) {
      byIndex = [];
      laidSteps.set(stepDates, byIndex);
    }
    lastDates = stepDates;
    lastLaid = byIndex;
  }
  let list = lastLaid[index];
  if (list === undefined) {
    list = [];
    lastLaid[index] = list;
  }
  for (let at = 0; at < list.length; at++) {
    const laid = list[at] as LaidStep;
    if (
      laid.entry === entry &&
      laid.aimKind === facts.aimKind &&
      laid.aimAt === facts.aimAt &&
      laid.aimDetail === facts.aimDetail &&
      laid.dueAt === facts.dueAt &&
      laid.hardDetail === facts.hardDetail &&
      laid.hasTarget === facts.hasTarget &&
      laid.startBy === facts.startBy &&
      laid.notStarted === facts.notStarted &&
      laid.zone === context.zone &&
      laid.deliveryMinute === context.deliveryMinute &&
      laid.quietStart === context.quiet.start &&
      laid.quietEnd === context.quiet.end &&
      laid.calendar === context.calendar
    )
      return laid;
  }
  const laid = layStep(context, entry, facts);
  if (list.length >= MAX_LAID_PER_STEP) list.length = 0;
  list.push(laid);
  return laid;
}

/**
 * The ladder laid for the step's aim or hard target. A ladder's title and why are the one part of
 * it ladderOf may rewrite (another target on the same deadline and step): checked, and found again
 * when they no longer match.
 */
export function ladderFor(context: PlanContext, laid: LaidStep, which: typeof AIM | typeof HARD): SlotEntry {
  const target = (which === AIM ? laid.aim : laid.hard) as ReminderTarget;
  const kept = laid.ladders[which];
  if (kept !== undefined && kept.title === target.title && kept.why === target.why) return kept;
  const ladder = ladderOf(context, target);
  laid.ladders[which] = ladder;
  return ladder;
}

/** The targets stepReminders laid before this memo, field for field (ReminderTarget's one shape). */
function layStep(context: PlanContext, entry: CatalogEntry, facts: StepFacts): LaidStep {
  const { aimKind, aimDetail, hardDetail, startBy, notStarted } = facts;
  const aim: ReminderTarget | null =
    aimKind === NO_AIM || aimDetail === undefined
      ? null
      : {
          milestone: entry.key,
          interviewId: undefined,
          title:
            aimKind === OWN_AIM
              ? titled(entry, ownTitles, (title) => ownDateTitle(entry, title))
              : titled(entry, targetTitles, (title) => `${title} (target date)`),
          why: entry.why.text,
          ladder: entry.ladder,
          deadline: facts.aimAt,
          deadlineDetail: aimDetail,
          countsDownTo: aimKind === OWN_AIM ? "own-date" : "target",
          startBy,
          notStarted,
        };
  const ruled = facts.hasTarget || aim !== null;
  const hard: ReminderTarget | null =
    hardDetail === undefined
      ? null
      : {
          milestone: entry.key,
          interviewId: undefined,
          title: entry.title,
          why: entry.why.text,
          ladder: ruled ? "hard-deadline" : entry.ladder,
          deadline: facts.dueAt,
          deadlineDetail: hardDetail,
          countsDownTo: undefined,
          startBy: ruled ? null : startBy,
          notStarted,
        };
  return {
    entry,
    zone: context.zone,
    deliveryMinute: context.deliveryMinute,
    quietStart: context.quiet.start,
    quietEnd: context.quiet.end,
    calendar: context.calendar,
    aimKind,
    aimAt: facts.aimAt,
    aimDetail,
    dueAt: facts.dueAt,
    hardDetail,
    hasTarget: facts.hasTarget,
    startBy,
    notStarted,
    aim,
    hard,
    ladders: [undefined, undefined],
  };
}

const targetTitles = new Map<string, string>();
const ownTitles = new Map<string, string>();
/**
 * A reminder counting down to the applicant's own date: an exam ("Pass USMLE Step 2 CK") is "Your
 * USMLE Step 2 CK exam", the day they booked; another step keeps its title with "(your date)"
 * ("Pass USMLE Step 2 CK (your date): on Tue 30 Mar 2027" as a subject); a visa step's date is its
 * consular interview ("Your J-1 visa interview").
 */
function ownDateTitle(entry: CatalogEntry, title: string): string {
  const interview = interviewName(entry.key);
  if (interview !== undefined) return `Your ${interview}`;
  return title.startsWith("Pass ") ? `Your ${title.slice("Pass ".length)} exam` : `${title} (your date)`;
}

/** A reminder's title from its catalog entry's, made once per catalog entry rather than once per plan. */
function titled(entry: CatalogEntry, titles: Map<string, string>, make: (title: string) => string): string {
  let title = titles.get(entry.key);
  if (title === undefined) {
    title = make(entry.title);
    titles.set(entry.key, title);
  }
  return title;
}
