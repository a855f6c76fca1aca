import { catalogEntry } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import {
  DAY_MS,
  ET_ZONE,
  fromWall,
  isoUtc,
  renderEt,
  renderInZone,
  startOfLocalDate,
  toWall,
} from "../time.ts";
import type { PlanContext } from "./context.ts";

/** A resolved due date: the instant, the zone its day arithmetic runs in, and its provenance. */
export interface DueDate {
  at: number;
  zone: string;
  status: Deadline["status"];
  source: string;
}

/** Shifts an instant by whole calendar days in a zone, so the local time of day is kept across DST. */
export function shiftDays(at: number, zone: string, days: number): number {
  if (days === 0) return at;
  return fromWall(zone, toWall(zone, at) + days * DAY_MS);
}

/**
 * The due date of each milestone for this applicant: the applicant's own scheduled or taken date
 * where the catalog allows it, else the catalog rule (a season date or another milestone's due
 * date, plus an offset). Null when nothing fixes one.
 */
export function makeDueResolver(context: PlanContext): (key: MilestoneKey) => DueDate | null {
  const memo = new Map<MilestoneKey, DueDate | null>();
  const dated = applicantDatedKeys(context);
  const shared = sharedCache(sharedDues, context);
  const resolve = (key: MilestoneKey): DueDate | null => {
    if (memo.has(key)) return memo.get(key) ?? null;
    // A date that rests on no applicant's own date is the same for everyone in the season.
    const sharable = isApplicantFree(dueChain(key), dated);
    if (sharable && shared.has(key)) {
      const hit = shared.get(key) ?? null;
      memo.set(key, hit);
      return hit;
    }
    const entry = catalogEntry(key);
    const given = context.entries.get(key);
    let due: DueDate | null = null;
    const applicantDate =
      entry.applicantDateIsDue && given?.date !== undefined && given.status !== "not_started"
        ? startOfLocalDate(context.zone, given.date)
        : null;
    // A scheduled date that has passed no longer fixes anything (the result is what is missing), so
    // the step falls back to its hard deadline instead of turning overdue the day after the exam.
    if (
      applicantDate !== null &&
      given !== undefined &&
      (given.status === "done" || applicantDate >= context.now)
    ) {
      due = {
        at: applicantDate,
        zone: context.zone,
        status: "applicant",
        source: `your ${given.status === "done" ? "completion" : "scheduled"} date ${given.date}`,
      };
    } else if (entry.due.from === "season") {
      const seasonDate = context.calendar.dates[entry.due.dateKey];
      const offset = entry.due.offsetDays;
      due = {
        at: shiftDays(seasonDate.at, ET_ZONE, offset),
        zone: ET_ZONE,
        status:
          seasonDate.status === "projected"
            ? "projected"
            : offset !== 0 || entry.due.basis === "advice"
              ? "advice"
              : "confirmed",
        source:
          offset === 0
            ? seasonDate.source
            : `${seasonDate.key} (${seasonDate.source}) ${offset} days; ${entry.due.source}`,
      };
    } else if (entry.due.from === "milestone") {
      const base = resolve(entry.due.key);
      if (base !== null) {
        due = {
          at: shiftDays(base.at, base.zone, entry.due.offsetDays),
          zone: base.zone,
          status: base.status === "projected" ? "projected" : "advice",
          source: `${entry.due.offsetDays} days from the ${entry.due.key} due date; ${entry.due.source}`,
        };
      }
    }
    memo.set(key, due);
    if (sharable) shared.set(key, due);
    return due;
  };
  return resolve;
}

/**
 * Season-wide due dates and targets, shared by every plan of that calendar (the calendar object is
 * the key, so a changed calendar never reuses them). Only dates whose chain holds no applicant's own
 * date go in; the objects are never mutated.
 */
const sharedDues = new WeakMap<SeasonCalendar, Map<MilestoneKey, DueDate | null>>();
const sharedTargets = new WeakMap<SeasonCalendar, Map<MilestoneKey, DueDate | null>>();

function sharedCache(
  caches: WeakMap<SeasonCalendar, Map<MilestoneKey, DueDate | null>>,
  context: PlanContext,
): Map<MilestoneKey, DueDate | null> {
  let cache = caches.get(context.calendar);
  if (cache === undefined) {
    cache = new Map();
    caches.set(context.calendar, cache);
  }
  return cache;
}

/** Milestones whose own date (applicant-given, not passed unless done) replaces the catalog rule. */
function applicantDatedKeys(context: PlanContext): ReadonlySet<MilestoneKey> {
  const dated = new Set<MilestoneKey>();
  for (const [key, given] of context.entries) {
    if (given.date === undefined || given.status === "not_started") continue;
    if (!catalogEntry(key).applicantDateIsDue) continue;
    dated.add(key);
  }
  return dated;
}

function isApplicantFree(chain: readonly MilestoneKey[], dated: ReadonlySet<MilestoneKey>): boolean {
  if (dated.size === 0) return true;
  for (const key of chain) if (dated.has(key)) return false;
  return true;
}

const dueChains = new Map<MilestoneKey, MilestoneKey[]>();
/** The milestone and every milestone its due date derives from (static catalog data). */
function dueChain(key: MilestoneKey): MilestoneKey[] {
  let chain = dueChains.get(key);
  if (chain === undefined) {
    chain = [key];
    let due = catalogEntry(key).due;
    while (due.from === "milestone") {
      chain.push(due.key);
      due = catalogEntry(due.key).due;
    }
    dueChains.set(key, chain);
  }
  return chain;
}

const targetChains = new Map<MilestoneKey, MilestoneKey[]>();
/** The milestone, its due chain, and everything its target derives from (static catalog data). */
function targetChain(key: MilestoneKey): MilestoneKey[] {
  let chain = targetChains.get(key);
  if (chain === undefined) {
    const keys = new Set<MilestoneKey>(dueChain(key));
    const rule = catalogEntry(key).target;
    if (rule?.from === "milestone") for (const ref of targetChain(rule.key)) keys.add(ref);
    chain = [...keys];
    targetChains.set(key, chain);
  }
  return chain;
}

/**
 * The competitive target of each milestone with a `target` rule, planned backwards from the target
 * Match: a season date plus an offset, or the anchor of another milestone (the applicant's own
 * future date if given, else its target, else its due date) plus an offset. Always advice (or
 * projected when it rests on a projected season date); null when the milestone has no target,
 * has the applicant's own date, or the target is not before the hard deadline.
 */
export function makeTargetResolver(
  context: PlanContext,
  dueOf: (key: MilestoneKey) => DueDate | null,
): (key: MilestoneKey) => DueDate | null {
  const memo = new Map<MilestoneKey, DueDate | null>();
  const dated = applicantDatedKeys(context);
  const shared = sharedCache(sharedTargets, context);
  const anchorOf = (key: MilestoneKey): DueDate | null => {
    const due = dueOf(key);
    if (due?.status === "applicant") return due;
    return resolve(key) ?? due;
  };
  const resolve = (key: MilestoneKey): DueDate | null => {
    if (memo.has(key)) return memo.get(key) ?? null;
    const sharable = isApplicantFree(targetChain(key), dated);
    if (sharable && shared.has(key)) {
      const hit = shared.get(key) ?? null;
      memo.set(key, hit);
      return hit;
    }
    const rule = catalogEntry(key).target;
    const due = dueOf(key);
    let target: DueDate | null = null;
    if (rule !== undefined && due?.status !== "applicant") {
      if (rule.from === "season") {
        const seasonDate = context.calendar.dates[rule.dateKey];
        target = {
          at: shiftDays(seasonDate.at, ET_ZONE, rule.offsetDays),
          zone: ET_ZONE,
          status: seasonDate.status === "projected" ? "projected" : "advice",
          source: `target: ${seasonDate.key} (${seasonDate.source}) ${rule.offsetDays} days; ${rule.source}`,
        };
      } else {
        const base = anchorOf(rule.key);
        if (base !== null) {
          target = {
            at: shiftDays(base.at, base.zone, rule.offsetDays),
            zone: base.zone,
            status: base.status === "projected" ? "projected" : "advice",
            source: `target: ${rule.offsetDays} days from the ${rule.key} ${base.status === "applicant" ? "date you gave" : "target"}; ${rule.source}`,
          };
        }
      }
      if (target !== null && due !== null && target.at >= due.at) target = null;
    }
    memo.set(key, target);
    if (sharable) shared.set(key, target);
    return target;
  };
  return resolve;
}

const renderedDues = new WeakMap<DueDate, Map<string, Deadline>>();

/**
 * deadlineDetail for a resolved due date or target, rendered once per zone while that object lives:
 * season-wide dates are shared by every plan of the calendar, so most plans reuse the rendering.
 * The returned object is frozen because plans share it.
 */
export function renderedDeadline(context: PlanContext, due: DueDate): Deadline {
  let byZone = renderedDues.get(due);
  if (byZone === undefined) {
    byZone = new Map();
    renderedDues.set(due, byZone);
  }
  let rendered = byZone.get(context.zone);
  if (rendered === undefined) {
    rendered = Object.freeze(deadlineDetail(context, due.at, due.status, due.source));
    byZone.set(context.zone, rendered);
  }
  return rendered;
}

/** The human-facing deadline: the instant in UTC, the applicant's zone and ET, with provenance. */
export function deadlineDetail(
  context: PlanContext,
  at: number,
  status: Deadline["status"],
  source: string,
): Deadline {
  return { at: isoUtc(at), local: renderInZone(context.zone, at), et: renderEt(at), status, source };
}
