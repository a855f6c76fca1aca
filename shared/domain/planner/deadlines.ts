import { catalogEntry } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
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
  const resolve = (key: MilestoneKey): DueDate | null => {
    if (memo.has(key)) return memo.get(key) ?? null;
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
    return due;
  };
  return resolve;
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
  const anchorOf = (key: MilestoneKey): DueDate | null => {
    const due = dueOf(key);
    if (due?.status === "applicant") return due;
    return resolve(key) ?? due;
  };
  const resolve = (key: MilestoneKey): DueDate | null => {
    if (memo.has(key)) return memo.get(key) ?? null;
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
    return target;
  };
  return resolve;
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
