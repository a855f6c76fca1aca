import type { MilestoneKey } from "../snapshot.ts";
import { MILESTONE_KEYS } from "../snapshot-keys.ts";
import { feesNamed } from "./fee-words.ts";
import feesData from "./fees.json" with { type: "json" };
import type { Fee, FeesFile, FeeToVerify, OtherCurrencyFee } from "./fees-schema.ts";
import type { LadderRung, LaddersFile } from "./ladders-schema.ts";
import milestonesData from "./milestones.json" with { type: "json" };
import laddersData from "./reminder-ladders.json" with { type: "json" };
import type { CatalogEntry, CatalogFile } from "./schema.ts";

export type { Citation } from "./citation.ts";
export type { DueRule, TargetRule } from "./date-rules-schema.ts";
export type { Fee, FeeToVerify, InForce, OtherCurrencyFee } from "./fees-schema.ts";
export type { LadderRung } from "./ladders-schema.ts";
export type { CatalogEntry } from "./schema.ts";

/**
 * The milestone catalog, fee table and reminder ladders as data, read as their types without
 * parsing: test/unit/domain/data-files.test.ts parses each file with its zod schema (./schema.ts, ./ladders-schema.ts, ./fees-schema.ts),
 * so nothing is stated without provenance, and no cold start pays about 30 ms of CPU for the parse.
 */

// The lists below are `readonly` in their types but not frozen: V8 (Node 20) reads a frozen
// array's elements on a slow path (a for-of over MILESTONE_CATALOG took about 8 times as long
// frozen), and the planner walks these lists on every plan (test/bench/planner-versus.ts).
const LADDERS = laddersData as LaddersFile;
const CATALOG_FILE = milestonesData as CatalogFile;
const FEES_FILE = feesData as FeesFile;

/**
 * The fields any of `items` has, in the order first met. Records rebuilt with all of them in this
 * order (see withFields) share one hidden class in V8. As parsed, the catalog's 29 entries come in
 * 16 shapes and their prerequisites in 4 (their optional fields differ), and a `record.field` read
 * that meets more than 4 shapes takes V8's slow megamorphic path: the planner reads these fields
 * hundreds of times per plan (planner bench).
 */
function fieldsOf(items: readonly object[]): readonly string[] {
  return [...new Set(items.flatMap((item) => Object.keys(item)))];
}

// Object.fromEntries rather than a loop of `shaped[field] = …`: in Node 20 that loop left the
// entries in slow dictionary mode (checked with node --allow-natives-syntax %HasFastProperties).
function withFields<T extends object>(item: T, fields: readonly string[]): T {
  const values = item as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [field, values[field]])) as T;
}

const ENTRY_FIELDS = fieldsOf(CATALOG_FILE.entries);
const PREREQUISITE_FIELDS = fieldsOf(CATALOG_FILE.entries.flatMap((entry) => entry.prerequisites));

function oneShape(entry: CatalogEntry): CatalogEntry {
  const shaped = withFields(entry, ENTRY_FIELDS);
  shaped.prerequisites = entry.prerequisites.map((prerequisite) =>
    withFields(prerequisite, PREREQUISITE_FIELDS),
  );
  return shaped;
}

/** A late deadline's action names its fee from the fee table (feesNamed), once, as the catalog loads. */
function withFeesNamed(entry: CatalogEntry): CatalogEntry {
  const late = entry.lateDeadline;
  if (late === undefined) return entry;
  const named = { ...late, action: feesNamed(late.action, FEES_FILE.fees) };
  if (late.inProgressAction !== undefined)
    named.inProgressAction = feesNamed(late.inProgressAction, FEES_FILE.fees);
  if (late.scheduledAction !== undefined)
    named.scheduledAction = feesNamed(late.scheduledAction, FEES_FILE.fees);
  if (late.scheduledPassedAction !== undefined)
    named.scheduledPassedAction = feesNamed(late.scheduledPassedAction, FEES_FILE.fees);
  if (late.scheduledUndatedAction !== undefined)
    named.scheduledUndatedAction = feesNamed(late.scheduledUndatedAction, FEES_FILE.fees);
  if (late.scheduledOnCloseAction !== undefined)
    named.scheduledOnCloseAction = feesNamed(late.scheduledOnCloseAction, FEES_FILE.fees);
  if (late.scheduledAfterCloseAction !== undefined)
    named.scheduledAfterCloseAction = feesNamed(late.scheduledAfterCloseAction, FEES_FILE.fees);
  return { ...entry, lateDeadline: named };
}

/** Every catalog entry, in MILESTONE_KEYS order (the order the planner breaks ties in). */
export const MILESTONE_CATALOG: readonly CatalogEntry[] = MILESTONE_KEYS.map((key) => {
  const entry = CATALOG_FILE.entries.find((candidate) => candidate.key === key);
  if (entry === undefined) throw new Error(`catalog has no entry for ${key}`);
  return oneShape(withFeesNamed(entry));
});

const CATALOG_BY_KEY: ReadonlyMap<MilestoneKey, CatalogEntry> = new Map(
  MILESTONE_CATALOG.map((entry) => [entry.key, entry]),
);

/**
 * The results ECFMG must confirm to NRMP by the rank order list deadline (`neededForRanking`), in
 * MILESTONE_KEYS order: Step 1, Step 2 CK and the Pathway.
 */
export const NEEDED_FOR_RANKING: readonly MilestoneKey[] = MILESTONE_CATALOG.filter(
  (entry) => entry.neededForRanking !== undefined,
).map((entry) => entry.key);

/**
 * The results a step of NEEDED_FOR_RANKING needs (a `neededByOwnDate` prerequisite: OET Medicine,
 * whose result follows the Pathway application as a supporting document), each with the step it
 * feeds. A sitting booked after its own deadline puts that step, and so ranking, at risk.
 */
export const FEEDS_RANKING: ReadonlyMap<MilestoneKey, MilestoneKey> = new Map(
  MILESTONE_CATALOG.filter((entry) => entry.neededForRanking !== undefined).flatMap((entry) =>
    entry.prerequisites
      .filter((prerequisite) => prerequisite.neededByOwnDate === true)
      .map((prerequisite) => [prerequisite.key, entry.key] as const),
  ),
);

/**
 * The steps EXAMS_LATE_FOR_RANKING checks, in MILESTONE_KEYS order: NEEDED_FOR_RANKING and the
 * results they need by their own date (FEEDS_RANKING): Step 1, Step 2 CK, OET Medicine, the Pathway.
 */
export const CHECKED_FOR_RANKING: readonly MilestoneKey[] = MILESTONE_CATALOG.filter(
  (entry) => entry.neededForRanking !== undefined || FEEDS_RANKING.has(entry.key),
).map((entry) => entry.key);

/** The milestone that checks the school's ECFMG eligibility (WDOMS), with its texts. */
export const SCHOOL_CHECK = (() => {
  const entry = MILESTONE_CATALOG.find((candidate) => candidate.schoolEligibilityCheck !== undefined);
  if (entry?.schoolEligibilityCheck === undefined) throw new Error("catalog has no schoolEligibilityCheck");
  return { key: entry.key, ...entry.schoolEligibilityCheck };
})();

/** The first gate of the road once the school is eligible (`firstGate`: the ECFMG application). */
export const FIRST_GATE: MilestoneKey = (() => {
  const entry = MILESTONE_CATALOG.find((candidate) => candidate.firstGate !== undefined);
  if (entry === undefined) throw new Error("catalog has no firstGate");
  return entry.key;
})();

/** The catalog entry for a milestone key; every key in MILESTONE_KEYS has exactly one. */
export function catalogEntry(key: MilestoneKey): CatalogEntry {
  const entry = CATALOG_BY_KEY.get(key);
  if (entry === undefined) throw new Error(`catalog has no entry for ${key}`);
  return entry;
}

/**
 * Whether a milestone is on a visa track's road (catalog `applies.visas`, null: every track): the
 * planner's applicability and the one-tap actions' refusal read this one predicate.
 */
export function appliesToVisa(entry: CatalogEntry, visa: string): boolean {
  return entry.applies.visas === null || entry.applies.visas.some((each) => each === visa);
}

/** What a blocked step waits for, in words: a milestone's title, else the condition as written. */
export function waitingForTitle(waitingFor: string): string {
  return CATALOG_BY_KEY.get(waitingFor as MilestoneKey)?.title ?? waitingFor;
}

/** A named reminder ladder (advice policy); throws on an unknown name. */
export function reminderLadder(name: string): readonly LadderRung[] {
  const ladder = LADDERS.ladders[name];
  if (ladder === undefined) throw new Error(`unknown reminder ladder ${name}`);
  return ladder;
}

/**
 * A ladder's follow-up rung (anchor `passed`): its name, the most days between follow-ups after
 * the date that passed, when capped how many at most, and when tapered its cadence while the date
 * is far (reminder-ladders.json says why);
 * undefined when the ladder has none.
 */
export function followUpRung(name: string): Extract<LadderRung, { anchor: "passed" }> | undefined {
  for (const rung of reminderLadder(name)) if (rung.anchor === "passed") return rung;
  return undefined;
}

/** Where the reminder ladders come from (advice, with the reason). */
export const REMINDER_LADDER_SOURCE = LADDERS.source;

/** Every fee item, with source and as-of. */
export const FEES: readonly Fee[] = FEES_FILE.fees;

/** Fees that may apply but are not confirmed: shown with their status, never counted. */
export const FEES_TO_VERIFY: readonly FeeToVerify[] = FEES_FILE.toVerify;

/** Fees priced only in another currency (OET in AU$): shown as such, never converted or totalled. */
export const FEES_OTHER_CURRENCY: readonly OtherCurrencyFee[] = FEES_FILE.otherCurrency;

/** Fees deliberately left out of the budget, and why. */
export const FEES_NOT_INCLUDED: readonly { what: string; why: string }[] = FEES_FILE.notIncluded;
