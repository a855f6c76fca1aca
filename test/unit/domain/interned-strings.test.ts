import { describe, expect, it } from "vitest";
import { internedStatus, internedZone } from "#domain/planner/interned-strings.ts";
import { MILESTONE_STATUSES } from "#domain/snapshot.ts";

describe("the snapshot's strings as the planner compares them (interned-strings.ts)", () => {
  it("the statuses' first letters tell them apart (the table's premise)", () => {
    const letters = MILESTONE_STATUSES.map((status) => status[0]);
    expect(new Set(letters).size).toBe(MILESTONE_STATUSES.length);
  });

  it("a status parsed from JSON comes back equal, whatever it is", () => {
    const parsed = JSON.parse(JSON.stringify(MILESTONE_STATUSES)) as typeof MILESTONE_STATUSES;
    expect(parsed.map(internedStatus)).toEqual([...MILESTONE_STATUSES]);
    // A string the schema would refuse is given back as it is, never swapped for a status.
    expect(internedStatus("dne" as never)).toBe("dne");
    expect(internedStatus("" as never)).toBe("");
  });

  it("a zone comes back equal to the one given", () => {
    for (const zone of ["Asia/Kolkata", "America/New_York", "Asia/Kolkata"])
      expect(internedZone(JSON.parse(JSON.stringify(zone)) as string)).toBe(zone);
  });
});
