import { MILESTONE_CATALOG } from "../catalog/index.ts";
import type { MilestoneEntry, MilestoneKey } from "../snapshot.ts";
import { knownStepIndex } from "./catalog-index.ts";

/** No entry for any milestone, by catalog index: a plan's entries start as a copy (one packed array). */
const NO_ENTRIES: readonly (MilestoneEntry | undefined)[] = MILESTONE_CATALOG.map(() => undefined);

/** Each catalog place's key, for StepEntries.set's first guess. */
const NEXT_KEYS: readonly MilestoneKey[] = MILESTONE_CATALOG.map((entry) => entry.key);

/** StepEntries read only (PlanContext.entries): a Map's reads, and `at` by catalog index. */
export interface StepEntriesView extends ReadonlyMap<MilestoneKey, MilestoneEntry> {
  /** get by the milestone's catalog index (stepIndex): an array read, no key look-up. */
  at(index: number): MilestoneEntry | undefined;
  /** A copy that can be written without touching this one (like `new Map(map)`). */
  copy(): StepEntries;
}

/**
 * A snapshot's milestone entries by key (PlanContext.entries), held by catalog index. A Map built
 * per plan cost its ~29 insertions and the rehashes as it grew (planner bench: the costliest line of
 * buildContext); here an insertion or a look-up is an array slot at the key's catalog index. Reads
 * like the Map it replaces: the last entry given for a key wins, and iteration follows each key's
 * first insertion. A key outside the catalog (only input that bypassed the snapshot schema) is
 * kept in a Map of its own, so it reads back as before.
 */
export class StepEntries implements StepEntriesView {
  private outside: Map<MilestoneKey, MilestoneEntry> | undefined = undefined;

  /**
   * Empty, or (copy) with the arrays of another: `byIndex` by catalog index, `list` the entries in
   * the order of their key's first insertion (a Map's iteration order).
   */
  constructor(
    private readonly byIndex: (MilestoneEntry | undefined)[] = NO_ENTRIES.slice(),
    private readonly list: MilestoneEntry[] = [],
    private readonly places: number[] = [],
  ) {}

  get size(): number {
    return this.list.length;
  }

  /** Stores the entry under its key (Map#set): replaces an earlier entry for it in place. */
  set(entry: MilestoneEntry): void {
    // A snapshot lists its milestones in catalog order (MILESTONE_KEYS is the catalog's): the next
    // place is tried first, a compare of the key instead of a Map look-up (~30 a plan). Keys are
    // unique in the catalog, so a match is that key's index; any other order looks it up as before.
    const next = this.list.length;
    const index = NEXT_KEYS[next] === entry.key ? next : knownStepIndex(entry.key);
    const earlier = index === undefined ? this.outside?.get(entry.key) : this.byIndex[index];
    if (index === undefined) {
      this.outside ??= new Map();
      this.outside.set(entry.key, entry);
    } else {
      this.byIndex[index] = entry;
    }
    if (earlier === undefined) {
      this.list.push(entry);
      this.places.push(index ?? -1);
    } else this.list[this.list.indexOf(earlier)] = entry;
  }

  /**
   * The catalog index of the entry `position`-th in iteration order (values()), -1 for a key
   * outside the catalog: a reader walking values() gets each entry's catalog place without looking
   * its key up (a snapshot's keys are new strings each decode, hashed on their first look-up).
   */
  placeAt(position: number): number {
    return this.places[position] ?? -1;
  }

  get(key: MilestoneKey): MilestoneEntry | undefined {
    const index = knownStepIndex(key);
    return index === undefined ? this.outside?.get(key) : this.byIndex[index];
  }

  /** get by the milestone's catalog index (stepIndex). */
  at(index: number): MilestoneEntry | undefined {
    return this.byIndex[index];
  }

  copy(): StepEntries {
    // The arrays as they are, not an insertion per entry: each set() looks its key up again (a
    // moved plan copies its entries: past-season.ts, as-of-deadline.ts).
    const copy = new StepEntries(this.byIndex.slice(), this.list.slice(), this.places.slice());
    if (this.outside !== undefined) copy.outside = new Map(this.outside);
    return copy;
  }

  has(key: MilestoneKey): boolean {
    return this.get(key) !== undefined;
  }

  values(): ArrayIterator<MilestoneEntry> {
    return this.list.values();
  }

  keys(): ArrayIterator<MilestoneKey> {
    return this.list.map((entry) => entry.key).values();
  }

  entries(): ArrayIterator<[MilestoneKey, MilestoneEntry]> {
    return this.list.map((entry): [MilestoneKey, MilestoneEntry] => [entry.key, entry]).values();
  }

  [Symbol.iterator](): ArrayIterator<[MilestoneKey, MilestoneEntry]> {
    return this.entries();
  }

  forEach(
    callback: (
      value: MilestoneEntry,
      key: MilestoneKey,
      map: ReadonlyMap<MilestoneKey, MilestoneEntry>,
    ) => void,
    thisArg?: unknown,
  ): void {
    for (const entry of this.list) callback.call(thisArg, entry, entry.key, this);
  }
}
