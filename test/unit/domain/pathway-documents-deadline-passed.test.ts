import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema, type MilestoneEntry } from "#domain/snapshot.ts";

/**
 * Auckland, J-1, every exam and the OET done, interviewing, the Pathway not submitted past its
 * projected deadline (Sat 26 Dec 2026): the plan keeps the 2027 Match until Tue 2 Feb 2027, 9:00 PM
 * ET, which is Wed 3 Feb, 3:00 PM in Auckland. Every surface names that one day in her time, and no
 * card promises a deadline the plan itself dates before today.
 */
const DIR = fileURLToPath(new URL("../../fixtures/pathway-last-days-auckland/", import.meta.url));
function planOf(name: string, now: string, oet?: MilestoneEntry): Plan {
  const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${name}.json`, "utf8")));
  const milestones =
    oet === undefined
      ? snapshot.milestones
      : [...snapshot.milestones.filter((each) => each.key !== oet.key), oet];
  return plan({ ...snapshot, milestones }, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
}
const card = (result: Plan) => result.nextSteps.find((each) => each.milestone === "ecfmg_pathway")?.action;

describe("the Pathway not started, past the projected deadline for its supporting documents (Tue 26 Jan)", () => {
  it("before that deadline the card lets the documents follow the application", () => {
    expect(card(planOf("pathway-not-started-auckland-j1", "2027-01-20T10:00:00+13:00"))).toContain(
      "can follow it, by ECFMG's later deadline for documents",
    );
  });

  it("after it the card says it has passed and sends them with the application, never 'later'", () => {
    const words = card(planOf("pathway-not-started-auckland-j1", "2027-01-28T10:00:00+13:00"));
    expect(words).not.toContain("later deadline for documents");
    expect(words).toContain(
      "ECFMG's deadline for supporting documents as we project it, Tue 26 Jan 2027 (projected), has passed too: send your OET result and the other supporting documents with the application, not after it.",
    );
  });

  it.each([
    ["sat on 10 Jan, its result awaited", { key: "oet_medicine", status: "scheduled", date: "2027-01-10" }],
    ["booked for 1 Feb", { key: "oet_medicine", status: "scheduled", date: "2027-02-01" }],
    ["in preparation", { key: "oet_medicine", status: "in_progress" }],
  ] as [string, MilestoneEntry][])(
    "with the OET %s, no card sends a result it does not have 'with the application'",
    (_, oet) => {
      const words = card(planOf("pathway-not-started-auckland-j1", "2027-01-28T10:00:00+13:00", oet)) ?? "";
      expect(words).not.toContain("has passed too");
      expect(words).not.toContain(
        "send your OET result and the other supporting documents with the application",
      );
    },
  );
});

describe("the Pathway not started, the OET sat on 10 Jan with its result awaited", () => {
  const sat: MilestoneEntry = { key: "oet_medicine", status: "scheduled", date: "2027-01-10" };
  const cards = (now: string) => {
    const result = planOf("pathway-not-started-auckland-j1", now, sat);
    const of = (key: string) => result.nextSteps.find((each) => each.milestone === key)?.action ?? "";
    return { pathway: of("ecfmg_pathway"), oet: of("oet_medicine") };
  };

  it("before the documents deadline (Wed 27 Jan, 3:00 PM in Auckland) the result follows when it arrives", () => {
    const { pathway } = cards("2027-01-27T10:00:00+13:00");
    // Past the application's own projected deadline: submit today, the result to follow.
    expect(pathway).toContain("submit the application today");
    expect(pathway).toContain("Your OET result and the other supporting documents can follow it");
    expect(pathway).not.toContain("has passed");
  });

  it.each(["2027-01-27T16:00:00+13:00", "2027-01-28T10:00:00+13:00"])(
    "at %s the Pathway card says, as the OET card does, that the deadline has passed",
    (now) => {
      const { pathway, oet } = cards(now);
      expect(oet).toContain("Tue 26 Jan 2027, projected, has passed");
      expect(pathway).toContain(
        "ECFMG's deadline for supporting documents as we project it, Tue 26 Jan 2027 (projected), has passed: send the OET result to ECFMG the day it arrives",
      );
      expect(pathway).not.toContain("when it arrives");
    },
  );
});
