import { catalogEntry } from "../catalog/index.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { startOfLocalDate } from "../time.ts";
import { OWN_DATE_AT } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { type OwnDate, PlanDates } from "./deadlines.ts";
import { examChainLinks } from "./exam-chain.ts";

/**
 * PlanDates per calendar (the object is the key, so a changed calendar never reuses them), then per
 * the exam chain's links that hold (what is done moves the chained due dates), then per zone, then per own date of each OWN_DATE_KEYS step in turn (none, done on a date, or scheduled
 * ahead on a date): a path of small look-ups keyed by the snapshot's own date strings, rather than
 * one key string built and hashed per plan (the planner bench found that string at ~2% of a plan).
 * Bounded: a cohort of applicants with their own exam dates fills it, and a full memo starts again
 * (the season-wide instances are re-made on the next plan).
 */
const planDatesByCalendar = new WeakMap<SeasonCalendar, CalendarDates>();
// Each PlanDates hangs on a node of its own, so this bounds them too (about twice the 4,000 the
// string-keyed memo held, for the nodes along the way).
const MAX_OWN_DATE_NODES_PER_CALENDAR = 8_000;

interface CalendarDates {
  /** By the exam chain's links that hold (examChainLinks, a small bit set), then by zone. */
  zones: Map<string, ZoneDates>[];
  /** Nodes made since the memo last started again (the bound). */
  nodes: number;
}

interface ZoneDates {
  /** The zone's dates with no own date: what every chain without one delegates to. */
  base: PlanDates;
  root: OwnDatesNode;
}

/** One step of OWN_DATE_KEYS decided: the dates once every step is, else the next step's choices. */
interface OwnDatesNode {
  dates: PlanDates | undefined;
  none: OwnDatesNode | undefined;
  done: Map<string, OwnDatesNode> | undefined;
  ahead: Map<string, OwnDatesNode> | undefined;
}

function ownDatesNode(): OwnDatesNode {
  return { dates: undefined, none: undefined, done: undefined, ahead: undefined };
}

/** A new node, counted against the calendar's bound. */
function newNode(memo: CalendarDates): OwnDatesNode {
  memo.nodes++;
  return ownDatesNode();
}

/** The node for this own date among `byDate`, made (and counted) on first use. */
function dateNode(memo: CalendarDates, byDate: Map<string, OwnDatesNode>, date: string): OwnDatesNode {
  let node = byDate.get(date);
  if (node === undefined) {
    node = newNode(memo);
    byDate.set(date, node);
  }
  return node;
}

/**
 * The dates for this plan. A milestone's own date counts when the catalog allows one
 * (`applicantDateIsDue`), it is not `not_started`, and it is done or not yet passed: a scheduled
 * date that has passed no longer anchors anything (the result is what is missing; see ownDateOf
 * for how the step follows it up).
 */
export function planDates(context: PlanContext): PlanDates {
  let memo = planDatesByCalendar.get(context.calendar);
  if (memo === undefined || memo.nodes >= MAX_OWN_DATE_NODES_PER_CALENDAR) {
    memo = { zones: [], nodes: 0 };
    planDatesByCalendar.set(context.calendar, memo);
  }
  const links = examChainLinks(context);
  let zones = memo.zones[links];
  if (zones === undefined) {
    zones = new Map();
    memo.zones[links] = zones;
  }
  let zone = zones.get(context.zone);
  if (zone === undefined) {
    const base = new PlanDates(context.calendar, context.zone, new Map(), null, links);
    zone = { base, root: newNode(memo) };
    zones.set(context.zone, zone);
  }
  let node = zone.root;
  let anyOwn = false;
  for (let index = 0; index < OWN_DATE_AT.length; index++) {
    const given = context.entries.at(OWN_DATE_AT[index] as number);
    const date = given === undefined || given.status === "not_started" ? undefined : given.date;
    if (
      date === undefined ||
      (given?.status !== "done" && startOfLocalDate(context.zone, date) < context.now)
    ) {
      if (node.none === undefined) node.none = newNode(memo);
      node = node.none;
    } else {
      anyOwn = true;
      if (given?.status === "done") {
        if (node.done === undefined) node.done = new Map();
        node = dateNode(memo, node.done, date);
      } else {
        if (node.ahead === undefined) node.ahead = new Map();
        node = dateNode(memo, node.ahead, date);
      }
    }
  }
  if (!anyOwn) return zone.base;
  if (node.dates === undefined) node.dates = withOwnDates(context, zone.base);
  return node.dates;
}

/** The plan's dates with the own dates that count (see planDates), delegating the rest to `base`. */
function withOwnDates(context: PlanContext, base: PlanDates): PlanDates {
  const own = new Map<MilestoneKey, OwnDate>();
  for (const given of context.entries.values()) {
    if (given.date === undefined || given.status === "not_started") continue;
    if (!catalogEntry(given.key).applicantDateIsDue) continue;
    const at = startOfLocalDate(context.zone, given.date);
    const done = given.status === "done";
    if (done || at >= context.now) own.set(given.key, { date: given.date, at, done });
  }
  return new PlanDates(context.calendar, context.zone, own, base, base.chainLinks);
}
