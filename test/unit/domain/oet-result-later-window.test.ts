import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A J-1 applicant in Lagos sat the OET on its last sitting day (Tue 5 Jan 2027) and has no result on
 * Wed 27 Jan, past ECFMG's projected deadline for the Pathway's documents (Tue 26 Jan). Between it and
 * its later candidate the card says what a later NRMP deadline changes for her OET: ECFMG's documents
 * deadline moves with it (Tue 2 Feb 2027, projected). It never speaks of ranking on an H-1B (she is
 * on the J-1 track, and the OET decides no visa), nor of programs certifying lists on ECFMG's
 * documents day (the lists' deadline is NRMP's rank order list deadline).
 */
const DIR = fileURLToPath(new URL("../../fixtures/pathway-last-day/", import.meta.url));
const snapshot = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(`${DIR}oet-pending-after-documents-day-lagos-j1.json`, "utf8")),
);

function oetAction(now: string): string {
  const result = plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
  const step = result.nextSteps.find((each) => each.milestone === "oet_medicine");
  if (step === undefined) throw new Error(`no oet_medicine step at ${now}`);
  return step.action;
}

describe("OET result pending past ECFMG's projected documents deadline, on the J-1 track", () => {
  it("says ECFMG's documents deadline may move to Tue 2 Feb 2027, projected, and to send the result", () => {
    const action = oetAction("2027-01-27T12:00:00Z");
    expect(action).toContain(
      "ECFMG's deadline for your Pathway's documents may move with it, to Tue 2 Feb 2027 (projected)",
    );
    expect(action).toContain("send your result to ECFMG the day it arrives");
  });

  it("speaks neither of an H-1B nor of programs certifying lists on that day", () => {
    const action = oetAction("2027-01-27T12:00:00Z");
    expect(action).not.toContain("H-1B");
    expect(action).not.toMatch(/certify their lists/);
  });
});
