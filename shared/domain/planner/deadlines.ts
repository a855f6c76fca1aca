import { catalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { ET_ZONE, isoUtc } from "../time.ts";
import { keyAt, stepIndex, targetChain } from "./catalog-index.ts";
import { deadlineDay, deadlineDetail, opensAt, shiftDays, wholeDay } from "./date-math.ts";
import { type DueDate, type OwnDate, type StartBy, shapedDueDate } from "./due-date.ts";
import { latestDue } from "./exam-chain.ts";
import { namedDayDeadline } from "./named-day-due.ts";
import { officeDue } from "./office-days.ts";
import { residencyStartDeadline } from "./residency-start-day.ts";
import { seasonDueAt } from "./season-due-at.ts";

export { type DueDate, type OwnDate, type StartBy, shapedDueDate } from "./due-date.ts";

/**
 * Every due date, own date, target, rendered deadline and latest safe start a plan reads, for one
 * calendar, zone, exam chain (exam-chain.ts) and set of own dates, shared by the applicants who share
 * them (most: BENCHMARKS.md); `now` counts only in which own dates still count (a scheduled date
 * passed no longer does), part of the key. Immutable once built; results are computed on first use.
 */
export class PlanDates {
  // By catalog index (stepIndex), undefined until resolved, null for none: an array read per
  // look-up, where a Map by key was one of the plan's most frequent look-ups (planner bench).
  private readonly dues: (DueDate | null | undefined)[] = unresolved();
  private readonly owns: (DueDate | null | undefined)[] = unresolved();
  private readonly targets: (DueDate | null | undefined)[] = unresolved();
  private readonly renderings = new Map<DueDate, Deadline>();
  private readonly dayRenderings = new Map<DueDate, Deadline>();
  // By catalog index, the few drivers (own date, target, due date) of a step's start, with it: a
  // scan of one to three entries, where a Map by DueDate was a hashed look-up per step (bench).
  private readonly startBys: (StartByMemo[] | undefined)[] = new Array(MILESTONE_CATALOG.length).fill(
    undefined,
  );

  constructor(
    readonly calendar: SeasonCalendar,
    readonly zone: string,
    private readonly givenDates: ReadonlyMap<MilestoneKey, OwnDate>,
    /** The same calendar and zone with no own dates: what every chain without one delegates to. */
    private readonly base: PlanDates | null,
    readonly chainLinks = 0, // the exam chain's links that hold (exam-chain.ts): part of every due date
  ) {}

  /**
   * The hard deadline of a milestone, from the catalog rule (a season date or another milestone's
   * due date, plus an offset): the authority's date (confirmed or projected) or advice derived
   * from it, never the applicant's own date. Null when nothing fixes one.
   */
  due(key: MilestoneKey): DueDate | null {
    return this.dueAt(stepIndex(key));
  }

  /** due() by the milestone's catalog index (stepIndex), for callers that walk the catalog. */
  dueAt(index: number): DueDate | null {
    if (this.base !== null) return this.base.dueAt(index);
    const known = this.dues[index];
    if (known !== undefined) return known;
    const key = keyAt(index);
    const dueOf = (dependant: MilestoneKey) => this.due(dependant);
    const resolved = wholeDay(latestDue(key, this.resolveDue(key), this.chainLinks, dueOf), this.zone);
    const rule = catalogEntry(key).due;
    const office = resolved !== null && rule.from !== "none" && rule.officeDays === true;
    const moved = office ? wholeDay(officeDue(key, resolved, dueOf), this.zone) : resolved;
    const due = moved === null ? null : shapedDueDate(moved);
    this.dues[index] = due;
    return due;
  }

  /**
   * The applicant's own date for a milestone (status "applicant", their local midnight), when the
   * catalog allows one and it is done or not yet passed; null otherwise. See planDates.
   */
  own(key: MilestoneKey): DueDate | null {
    return this.ownAt(stepIndex(key));
  }

  /** own() by the milestone's catalog index (stepIndex), for callers that walk the catalog. */
  ownAt(index: number): DueDate | null {
    const known = this.owns[index];
    if (known !== undefined) return known;
    const given = this.givenDates.get(keyAt(index));
    const own: DueDate | null =
      given === undefined
        ? null
        : shapedDueDate({
            at: given.at,
            zone: this.zone,
            status: "applicant",
            basis: "applicant",
            source: `your ${given.done ? "completion" : "scheduled"} date ${given.date}`,
          });
    this.owns[index] = own;
    return own;
  }

  /**
   * The competitive target of a milestone with a `target` rule, planned backwards from the target
   * Match: a season date plus an offset, or the anchor of another milestone (the applicant's own
   * future date if given, else its target, else its due date) plus an offset. Always advice (or
   * projected when it rests on a projected season date); null when the milestone has no target,
   * has the applicant's own date, or the target is not before the hard deadline.
   */
  target(key: MilestoneKey): DueDate | null {
    return this.targetAt(stepIndex(key));
  }

  /** target() by the milestone's catalog index (stepIndex), for callers that walk the catalog. */
  targetAt(index: number): DueDate | null {
    const known = this.targets[index];
    if (known !== undefined) return known;
    const key = keyAt(index);
    let target: DueDate | null;
    if (this.base !== null && this.isOwnFree(targetChain(key))) target = this.base.targetAt(index);
    else {
      const resolved = this.resolveTarget(key);
      target = resolved === null ? null : shapedDueDate(resolved);
    }
    this.targets[index] = target;
    return target;
  }

  /**
   * The target `key`'s rule gives whatever the applicant's own date for it (target() gives none once
   * that date is set): what a booked date is compared with (BOOKED_AFTER_TARGET). Not memoised: asked
   * only for a booked exam.
   */
  ruleTarget(key: MilestoneKey): DueDate | null {
    return this.own(key) === null ? this.target(key) : this.resolveTarget(key, true);
  }

  /**
   * The human-facing deadline of a due date or target of this instance, rendered once and frozen
   * (plans share it); a due date that is advice meaning a day (`asDay`) as that day (precision "day").
   */
  rendered(due: DueDate): Deadline {
    let rendered = this.renderings.get(due);
    if (rendered === undefined) {
      // Residency's start, or a season day a due names, is a day, never an hour (residency-start-day.ts, named-day-due.ts).
      const start = residencyStartDeadline(due) ?? namedDayDeadline(due);
      if (start !== undefined) {
        rendered = Object.freeze(start);
        this.renderings.set(due, rendered);
      }
    }
    if (rendered === undefined && due.asDay === true) {
      // The day the instant ends, in the rule's zone (wholeDay: the end of that day), for every
      // applicant alike: Wed 16 Jun for a deadline at 12:00 AM EDT on 17 Jun, in Lagos and Chicago,
      // never a later day the step would already be overdue on.
      rendered = Object.freeze(deadlineDay(due.zone, due.at, due.status, due.basis, due.source, due.at - 1));
      this.renderings.set(due, rendered);
    }
    if (rendered === undefined) {
      const opens = opensAt(this.calendar, due.status, due.at);
      rendered = Object.freeze(deadlineDetail(this.zone, due.at, due.status, due.basis, due.source, opens));
      this.renderings.set(due, rendered);
    }
    return rendered;
  }

  /**
   * A competitive target of this instance as a day (Deadline.precision "day": advice has no time of
   * day), the day in its rule's zone (deadlineDay), rendered once and frozen.
   */
  renderedDay(target: DueDate): Deadline {
    let rendered = this.dayRenderings.get(target);
    if (rendered === undefined) {
      rendered = Object.freeze(
        deadlineDay(target.zone, target.at, target.status, target.basis, target.source),
      );
      this.dayRenderings.set(target, rendered);
    }
    return rendered;
  }

  /**
   * The latest safe start of the step at catalog `index`: `days` (its catalog lead time) before its
   * driver (its own date, target or due date), in the driver's zone, with its ISO text.
   */
  startBy(driver: DueDate, days: number, index: number): StartBy {
    let memo = this.startBys[index];
    if (memo === undefined) {
      memo = [];
      this.startBys[index] = memo;
    }
    for (let at = 0; at < memo.length; at++) {
      const known = memo[at] as StartByMemo;
      if (known.driver === driver) return known.startBy;
    }
    const at = shiftDays(driver.at, driver.zone, -days);
    const startBy = { at, iso: isoUtc(at) };
    // Bounded: a driver made per plan (a week's target) replaces the oldest.
    if (memo.length >= MAX_DRIVERS_PER_STEP) memo.shift();
    memo.push({ driver, startBy });
    return startBy;
  }

  private isOwnFree(chain: readonly MilestoneKey[]): boolean {
    for (const key of chain) if (this.givenDates.has(key)) return false;
    return true;
  }

  private resolveDue(key: MilestoneKey): DueDate | null {
    const entry = catalogEntry(key);
    if (entry.due.from === "season") {
      const seasonDate = this.calendar.dates[entry.due.dateKey];
      const offset = entry.due.offsetDays;
      // Never after the step's earliest candidate on record (the Pathway: ECFMG's Dec 31).
      const due = seasonDueAt(this.calendar, key, entry.due.dateKey, offset);
      // Every DueDate literal here has shapedDueDate's fields in its order, asDay last (one shape).
      return {
        at: due.at,
        zone: ET_ZONE,
        status:
          seasonDate.status === "projected"
            ? "projected"
            : offset !== 0 || entry.due.basis === "advice"
              ? "advice"
              : "confirmed",
        // Whose date: the rule's basis (advice however certain its anchor), else the season date's.
        basis:
          entry.due.projects === true
            ? "projected"
            : entry.due.basis === "advice"
              ? "advice"
              : seasonDate.status,
        source:
          due.earliest !== undefined
            ? `${due.earliest.rule}; it is earlier than ${seasonDate.key} (${seasonDate.source}) ${offset} days; ${entry.due.source}`
            : offset === 0
              ? seasonDate.source
              : `${seasonDate.key} (${seasonDate.source}) ${offset} days; ${entry.due.source}`,
        asDay: entry.due.asDay,
      };
    }
    if (entry.due.from === "milestone") {
      const base = this.due(entry.due.key);
      if (base === null) return null;
      return {
        at: shiftDays(base.at, base.zone, entry.due.offsetDays),
        zone: base.zone,
        status: base.status === "projected" ? "projected" : "advice",
        basis: entry.due.basis === "advice" ? "advice" : base.basis,
        source: `${entry.due.offsetDays} days from the ${entry.due.key} due date; ${entry.due.source}`,
        asDay: entry.due.asDay,
      };
    }
    return null;
  }

  /** What another milestone's target counts from: its own date if given, else its target, else its due date. */
  private anchor(key: MilestoneKey): DueDate | null {
    return this.own(key) ?? this.target(key) ?? this.due(key);
  }

  private resolveTarget(key: MilestoneKey, despiteOwnDate = false): DueDate | null {
    const rule = catalogEntry(key).target;
    if (rule === undefined || (!despiteOwnDate && this.own(key) !== null)) return null;
    const due = this.due(key);
    let target: DueDate | null = null;
    if (rule.from === "season") {
      const seasonDate = this.calendar.dates[rule.dateKey];
      target = shapedDueDate({
        at: shiftDays(seasonDate.at, ET_ZONE, rule.offsetDays),
        zone: ET_ZONE,
        status: seasonDate.status === "projected" ? "projected" : "advice",
        basis: rule.basis,
        source: `target: ${seasonDate.key} (${seasonDate.source}) ${rule.offsetDays} days; ${rule.source}`,
      });
    } else {
      const base = this.anchor(rule.key);
      if (base !== null) {
        target = shapedDueDate({
          at: shiftDays(base.at, base.zone, rule.offsetDays),
          zone: base.zone,
          status: base.status === "projected" ? "projected" : "advice",
          basis: rule.basis,
          source: `target: ${rule.offsetDays} days from the ${rule.key} ${base.status === "applicant" ? "date you gave" : "target"}; ${rule.source}`,
        });
      }
    }
    return target !== null && due !== null && target.at >= due.at ? null : target;
  }
}

/** One driver of a step and its latest safe start (PlanDates.startBy). */
interface StartByMemo {
  driver: DueDate;
  startBy: StartBy;
}

/** More than the drivers one step has in a PlanDates (own date, target, due date). */
const MAX_DRIVERS_PER_STEP = 4;

/** A per-milestone memo with nothing resolved yet, one slot per catalog entry. */
const unresolved = (): (DueDate | null | undefined)[] => new Array(MILESTONE_CATALOG.length).fill(undefined);
