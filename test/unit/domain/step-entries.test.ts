import { describe, expect, it } from "vitest";
import { stepIndex } from "#domain/planner/catalog-index.ts";
import { StepEntries } from "#domain/planner/step-entries.ts";
import type { MilestoneEntry, MilestoneKey } from "#domain/snapshot.ts";

/** StepEntries (PlanContext.entries) reads as the Map of the same insertions did. */
function both(entries: MilestoneEntry[]): { stored: StepEntries; map: Map<MilestoneKey, MilestoneEntry> } {
  const stored = new StepEntries();
  const map = new Map<MilestoneKey, MilestoneEntry>();
  for (const entry of entries) {
    stored.set(entry);
    map.set(entry.key, entry);
  }
  return { stored, map };
}

const step1: MilestoneEntry = { key: "usmle_step1", status: "done", date: "2025-11-01" };
const step2: MilestoneEntry = { key: "usmle_step2ck", status: "scheduled", date: "2026-09-10" };
const step2Again: MilestoneEntry = { key: "usmle_step2ck", status: "done", date: "2026-09-10" };
const token: MilestoneEntry = { key: "eras_token", status: "not_started" };
// Only input that bypassed the snapshot schema has one; it still reads back as a Map's would.
const outside = { key: "not_a_milestone", status: "done" } as unknown as MilestoneEntry;

describe("StepEntries", () => {
  it.each([
    ["none", []],
    ["one", [step1]],
    ["snapshot order, not catalog order", [token, step2, step1]],
    ["a repeated key: the last wins, in its first place", [step2, step1, step2Again, token]],
    ["a key outside the catalog", [step1, outside, step2, outside]],
  ])("reads like a Map: %s", (_name, entries: MilestoneEntry[]) => {
    // Prepare
    const { stored, map } = both(entries);
    // Act / Assess
    expect(stored.size).toBe(map.size);
    expect([...stored.values()]).toEqual([...map.values()]);
    expect([...stored.keys()]).toEqual([...map.keys()]);
    expect([...stored.entries()]).toEqual([...map.entries()]);
    expect([...stored]).toEqual([...map]);
    expect(new Map(stored)).toEqual(map);
    for (const key of [
      "usmle_step1",
      "usmle_step2ck",
      "eras_token",
      "not_a_milestone",
      "toString",
    ] as MilestoneKey[]) {
      expect(stored.get(key)).toBe(map.get(key));
      expect(stored.has(key)).toBe(map.has(key));
    }
    const seen: [MilestoneKey, MilestoneEntry][] = [];
    stored.forEach((entry, key, whole) => {
      expect(whole).toBe(stored);
      seen.push([key, entry]);
    });
    expect(seen).toEqual([...map]);
  });

  it("copies like new Map(map): the copy reads the same, and writing it leaves the original", () => {
    // Prepare
    const { stored, map } = both([token, step2, step1, outside]);
    // Act
    const copy = stored.copy();
    const mapCopy = new Map(map);
    copy.set(step2Again);
    mapCopy.set(step2Again.key, step2Again);
    // Assess
    expect([...copy]).toEqual([...mapCopy]);
    expect(copy.get("not_a_milestone" as MilestoneKey)).toBe(outside);
    expect(stored.get("usmle_step2ck")).toBe(step2);
    expect([...stored]).toEqual([...map]);
  });

  it("reads by catalog index as by key", () => {
    // Prepare
    const { stored } = both([token, step2, step1]);
    // Act / Assess
    expect(stored.at(stepIndex("usmle_step2ck"))).toBe(step2);
    expect(stored.at(stepIndex("usmle_step1"))).toBe(step1);
    expect(stored.at(stepIndex("oet_medicine"))).toBeUndefined();
  });
});
