import { BoundedMemo } from "../bounded-memo.ts";
import { catalogEntry } from "../catalog/index.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { startOfLocalDate } from "../time.ts";
import { OWN_DATE_KEYS } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { type OwnDate, PlanDates } from "./deadlines.ts";

/**
 * PlanDates per calendar (the object is the key, so a changed calendar never reuses them), then per
 * zone and own dates. Bounded: a cohort of applicants with their own exam dates fills it, and a
 * full cache starts again (the season-wide instances are re-made on the next plan).
 */
const planDatesByCalendar = new WeakMap<SeasonCalendar, BoundedMemo<string, PlanDates>>();
const MAX_PLAN_DATES_PER_CALENDAR = 4_000;

/**
 * The dates for this plan. A milestone's own date counts when the catalog allows one
 * (`applicantDateIsDue`), it is not `not_started`, and it is done or not yet passed: a scheduled
 * date that has passed no longer anchors anything (the result is what is missing; see ownDateOf
 * for how the step follows it up).
 */
export function planDates(context: PlanContext): PlanDates {
  let byKey = planDatesByCalendar.get(context.calendar);
  if (byKey === undefined) {
    byKey = new BoundedMemo(MAX_PLAN_DATES_PER_CALENDAR);
    planDatesByCalendar.set(context.calendar, byKey);
  }
  let signature = context.zone;
  for (let index = 0; index < OWN_DATE_KEYS.length; index++) {
    const given = context.entries.get(OWN_DATE_KEYS[index] as MilestoneKey);
    if (given?.date === undefined || given.status === "not_started") continue;
    const done = given.status === "done";
    if (!done && startOfLocalDate(context.zone, given.date) < context.now) continue;
    signature += `|${given.key}${done ? "=" : "~"}${given.date}`;
  }
  const known = byKey.get(signature);
  if (known !== undefined) return known;
  let base = byKey.get(context.zone);
  if (base === undefined) {
    base = new PlanDates(context.calendar, context.zone, new Map(), null);
    byKey.keep(context.zone, base);
  }
  if (signature === context.zone) return base;
  const own = new Map<MilestoneKey, OwnDate>();
  for (const given of context.entries.values()) {
    if (given.date === undefined || given.status === "not_started") continue;
    if (!catalogEntry(given.key).applicantDateIsDue) continue;
    const at = startOfLocalDate(context.zone, given.date);
    const done = given.status === "done";
    if (done || at >= context.now) own.set(given.key, { date: given.date, at, done });
  }
  const dates = new PlanDates(context.calendar, context.zone, own, base);
  byKey.keep(signature, dates);
  return dates;
}
