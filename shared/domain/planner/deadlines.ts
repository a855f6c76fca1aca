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
    if (entry.applicantDateIsDue && given?.date !== undefined && given.status !== "not_started") {
      due = {
        at: startOfLocalDate(context.zone, given.date),
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

/** The human-facing deadline: the instant in UTC, the applicant's zone and ET, with provenance. */
export function deadlineDetail(
  context: PlanContext,
  at: number,
  status: Deadline["status"],
  source: string,
): Deadline {
  return { at: isoUtc(at), local: renderInZone(context.zone, at), et: renderEt(at), status, source };
}
