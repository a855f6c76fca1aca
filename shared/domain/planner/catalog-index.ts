import { BoundedMemo } from "../bounded-memo.ts";
import {
  appliesToVisa,
  type CatalogEntry,
  catalogEntry,
  MILESTONE_CATALOG,
  SCHOOL_CHECK,
} from "../catalog/index.ts";
import type { MilestoneKey, MilestoneStatus } from "../snapshot.ts";

/**
 * What the planner reads from the catalog alone, the same for every applicant and season: each
 * milestone's place (its index, for per-step state in arrays), the prerequisites it implies, the
 * steps that bound its deadline, the milestones its dates are counted from. Computed once, when
 * the module loads or on first use, so a plan only reads them (the planner bench showed each of
 * these as a per-plan walk of the catalog).
 */

/** Each milestone's place in the catalog (static): the index of its per-step state in a plan. */
// A Map, not an object's properties: the planner bench measured a keyed load by a key that varies
// (KeyedLoadIC_Megamorphic) at about three times the cost of Map#get (callgrind).
const STEP_INDEX: ReadonlyMap<string, number> = new Map(
  MILESTONE_CATALOG.map((entry, index) => [entry.key, index]),
);

/** The milestone's place in the catalog (MILESTONE_CATALOG's index); every key has one. */
export function stepIndex(key: MilestoneKey): number {
  return STEP_INDEX.get(key) as number;
}

/** The catalog index of a key read from outside the types (a snapshot's), or undefined if none. */
export function knownStepIndex(key: string): number | undefined {
  return STEP_INDEX.get(key);
}

/**
 * A fixed milestone with its catalog index, found once when a rule's module loads: the rule reads
 * that step's per-plan state by index (statusAt, entries.at), not by key through a Map look-up on
 * every plan (the planner bench made about 120 such look-ups a plan).
 */
export interface IndexedStep {
  key: MilestoneKey;
  index: number;
}

export function indexedStep(key: MilestoneKey): IndexedStep {
  return { key, index: stepIndex(key) };
}

/** The key of the milestone at this catalog index (stepIndex's inverse). */
export function keyAt(index: number): MilestoneKey {
  return (MILESTONE_CATALOG[index] as CatalogEntry).key;
}

/** The WDOMS check's place in the catalog (statusAt and isSatisfiedAt test it by index). */
export const SCHOOL_CHECK_INDEX: number = stepIndex(SCHOOL_CHECK.key);

/**
 * Each milestone's prerequisites by catalog index, with their own index: waitingForOf reads a
 * step's prerequisites' statuses by index, not by key through the catalog's Map (planner bench).
 */
export interface IndexedPrerequisite {
  key: MilestoneKey;
  index: number;
  startsBefore: boolean;
}
export const PREREQUISITES_AT: readonly (readonly IndexedPrerequisite[])[] = MILESTONE_CATALOG.map((entry) =>
  entry.prerequisites.map((prerequisite) => ({
    key: prerequisite.key,
    index: stepIndex(prerequisite.key),
    startsBefore: prerequisite.startsBefore === true,
  })),
);

/** Bounded although the visas are an enum of four: a caller's unchecked input cannot grow it. */
const applicableByVisa = new BoundedMemo<string, readonly boolean[]>(16);
/**
 * Whether each milestone applies to a visa (`applies.visas`), by catalog index: static catalog data
 * per visa (a handful), so a plan reads one array instead of a list search per step and prerequisite.
 */
export function applicableTo(visa: string): readonly boolean[] {
  let applicable = applicableByVisa.get(visa);
  if (applicable === undefined) {
    applicable = MILESTONE_CATALOG.map((entry) => appliesToVisa(entry, visa));
    applicableByVisa.keep(visa, applicable);
  }
  return applicable;
}

/** Every milestone not started, by catalog index: a plan's statuses start as a copy (one packed array). */
export const NOT_STARTED: readonly MilestoneStatus[] = MILESTONE_CATALOG.map(() => "not_started");

/**
 * Each milestone's prerequisites, transitively, computed once from the catalog: `done` (the step
 * reported done) all of them, `scheduled` (the step only dated, its date ahead or passed) without
 * its own `neededByOwnDate` ones (supporting documents that may follow it), though those still come
 * in when another prerequisite needs them. Neither takes the step's own `issuedApart` ones, nor
 * what only they need: the J-1 sponsorship sent is not the certificate issued, while a DS-2019
 * received (ECFMG's review done, which checks it) still implies it. Per plan this was a recursion with a catalog look-up per prerequisite, for every
 * done or scheduled milestone (planner bench).
 */
export const IMPLIED_BY: ReadonlyMap<MilestoneKey, { done: number[]; scheduled: number[] }> = new Map(
  MILESTONE_CATALOG.map((entry) => {
    const closure = (done: boolean): number[] => {
      const found = new Set<MilestoneKey>();
      const walk = (key: MilestoneKey, walked: boolean, own: boolean): void => {
        for (const prerequisite of catalogEntry(key).prerequisites) {
          if (found.has(prerequisite.key) || (own && prerequisite.issuedApart === true)) continue;
          if (!walked && prerequisite.neededByOwnDate === true) continue;
          found.add(prerequisite.key);
          walk(prerequisite.key, true, false);
        }
      };
      walk(entry.key, done, true);
      return [...found].map(stepIndex);
    };
    return [entry.key, { done: closure(true), scheduled: closure(false) }];
  }),
);

/** IMPLIED_BY by catalog index. */
export const IMPLIED_AT: readonly { done: number[]; scheduled: number[] }[] = MILESTONE_CATALOG.map(
  (entry) => IMPLIED_BY.get(entry.key) as { done: number[]; scheduled: number[] },
);

/**
 * Marks every prerequisite of the milestone, transitively, done in `statuses` (one waived stays
 * waived). A step only scheduled (`done` false), its date ahead or passed, does not imply a
 * `neededByOwnDate` prerequisite (the OET result, a supporting document that may follow the
 * Pathway application): it stays in the plan with its reminders and its result follow-up until the
 * applicant reports it, or reports the step done (ECFMG accepted the Pathway, which needs the
 * result). The closures are static catalog data (see IMPLIED_BY), so a plan only marks them.
 */
export function markPrerequisites(statuses: MilestoneStatus[], step: number, done: boolean): void {
  const implied = IMPLIED_AT[step];
  if (implied === undefined) return;
  const indices = done ? implied.done : implied.scheduled;
  for (let at = 0; at < indices.length; at++) {
    const index = indices[at] as number;
    if (statuses[index] !== "done" && statuses[index] !== "waived") statuses[index] = "done";
  }
}

/** The catalog's documents that go into the ERAS application (`inErasApplication`). */
export const IN_ERAS_APPLICATION: readonly MilestoneKey[] = MILESTONE_CATALOG.filter(
  (entry) => entry.inErasApplication !== undefined,
).map((entry) => entry.key);

/** IN_ERAS_APPLICATION by catalog index. */
export const IN_ERAS_APPLICATION_AT: readonly number[] = IN_ERAS_APPLICATION.map(stepIndex);

/** Of IN_ERAS_APPLICATION_AT, the documents that may follow the application (`mayFollow`: letters). */
export const MAY_FOLLOW_ERAS_AT: readonly number[] = MILESTONE_CATALOG.filter(
  (entry) => entry.inErasApplication?.mayFollow === true,
).map((entry) => stepIndex(entry.key));

/**
 * The milestones whose own date the catalog allows (`applicantDateIsDue`), in catalog order: the
 * signature reads these few from the snapshot rather than walking all of it with a catalog look-up
 * per entry, on every plan.
 */
export const OWN_DATE_KEYS: readonly MilestoneKey[] = MILESTONE_CATALOG.filter(
  (entry) => entry.applicantDateIsDue,
).map((entry) => entry.key);

/** OWN_DATE_KEYS by catalog index: planDates reads their entries by index (StepEntries.at). */
export const OWN_DATE_AT: readonly number[] = OWN_DATE_KEYS.map(stepIndex);

export interface Dependant {
  dependant: MilestoneKey;
  leadDays: number;
  leadSource: string;
}

let dependantsIndex: ReadonlyMap<MilestoneKey, readonly Dependant[]> | null = null;

/**
 * The steps that wait for a milestone and bound its deadline (static catalog data, catalog order):
 * those every applicant has (`applies.visas` null), since these dates are shared by applicants of
 * every visa; a visa's own chain keeps its catalog rules. A dependant whose own due date is counted
 * from the milestone (the contract after Match Day) follows it and is left out, and so is a result
 * that may follow the dependant's application as a supporting document (a `neededByOwnDate`
 * prerequisite of a step with `documentsDue`: the OET for the Pathway), whose own rule counts from
 * that later deadline.
 */
export function dependantsOf(key: MilestoneKey): readonly Dependant[] {
  if (dependantsIndex === null) {
    const index = new Map<MilestoneKey, Dependant[]>();
    for (const entry of MILESTONE_CATALOG) {
      if (entry.applies.visas !== null) continue;
      for (const prerequisite of entry.prerequisites) {
        if (dueChain(entry.key).includes(prerequisite.key)) continue;
        if (prerequisite.neededByOwnDate === true && entry.documentsDue !== undefined) continue;
        const list = index.get(prerequisite.key) ?? [];
        list.push({
          dependant: entry.key,
          leadDays: prerequisite.startsBefore === true ? 0 : entry.leadTimeDays.days,
          leadSource: entry.leadTimeDays.source,
        });
        index.set(prerequisite.key, list);
      }
    }
    dependantsIndex = index;
  }
  return dependantsIndex.get(key) ?? [];
}

/** A step that waits for a milestone met on an earlier working day (catalog prerequisite `dueBefore`). */
export interface LaterDependant {
  dependant: MilestoneKey;
  /** The prerequisite's citation: why the step cannot begin the day it is met. */
  source: string;
}

let laterDependantsIndex: ReadonlyMap<MilestoneKey, readonly LaterDependant[]> | null = null;

/**
 * The steps whose prerequisite `key` is met on an earlier working day than their own date (catalog
 * `dueBefore`), of every visa, static catalog data: the contract for the J-1 sponsorship. Unlike
 * dependantsOf, a visa's own step counts: the rule moves a shared date by a working day at most,
 * and only on the day both would fall on (office-days.ts).
 */
export function laterDependantsOf(key: MilestoneKey): readonly LaterDependant[] {
  if (laterDependantsIndex === null) {
    const index = new Map<MilestoneKey, LaterDependant[]>();
    for (const entry of MILESTONE_CATALOG)
      for (const prerequisite of entry.prerequisites) {
        if (prerequisite.dueBefore !== true) continue;
        const list = index.get(prerequisite.key) ?? [];
        list.push({ dependant: entry.key, source: prerequisite.source });
        index.set(prerequisite.key, list);
      }
    laterDependantsIndex = index;
  }
  return laterDependantsIndex.get(key) ?? [];
}

/** The milestones a catalog due rule is counted from, the milestone itself first. */
function dueChain(key: MilestoneKey): MilestoneKey[] {
  const chain = [key];
  let due = catalogEntry(key).due;
  while (due.from === "milestone") {
    chain.push(due.key);
    due = catalogEntry(due.key).due;
  }
  return chain;
}

const targetChains = new Map<MilestoneKey, MilestoneKey[]>();
/**
 * The milestones whose own dates a target can depend on (static catalog data): the milestone
 * itself and every milestone its target anchors on. Due dates never depend on own dates.
 */
export function targetChain(key: MilestoneKey): MilestoneKey[] {
  let chain = targetChains.get(key);
  if (chain === undefined) {
    const keys = new Set<MilestoneKey>([key]);
    const rule = catalogEntry(key).target;
    if (rule?.from === "milestone") for (const ref of targetChain(rule.key)) keys.add(ref);
    chain = [...keys];
    targetChains.set(key, chain);
  }
  return chain;
}
