import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { MILESTONE_KEYS } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * The plan finds an answer a later done step overrides (DONE_DATES_OUT_OF_ORDER) by the entry held
 * at its own place when the snapshot lists its milestones in catalog order, and by its key
 * otherwise: the two orders of one snapshot must ask the same question. NRMP registration "not
 * started" beside a certified rank list.
 */
const UNREGISTERED = readSnapshot(
  fileURLToPath(new URL("../../fixtures/answers-disagree/", import.meta.url)),
  "list-certified-registration-not-started-lagos.json",
);

function ordered(snapshot: ApplicantSnapshot, reversed: boolean): ApplicantSnapshot {
  const place = (key: string) => MILESTONE_KEYS.indexOf(key as (typeof MILESTONE_KEYS)[number]);
  const milestones = [...snapshot.milestones].sort((a, b) => place(a.key) - place(b.key));
  if (reversed) milestones.reverse();
  return { ...snapshot, milestones };
}

const question = (snapshot: ApplicantSnapshot) =>
  planInOwnMatch(snapshot, "2027-02-20T08:00:00Z").risks.find(
    (risk) => risk.code === "DONE_DATES_OUT_OF_ORDER",
  );

describe("an answer a later done step overrides, whatever the order of the snapshot's milestones", () => {
  it("asks the same question of the catalog's order and of the reverse", () => {
    const inOrder = question(ordered(UNREGISTERED, false));
    expect(inOrder?.milestones).toContain("nrmp_registration");
    expect(question(ordered(UNREGISTERED, true))).toEqual(inOrder);
  });
});
