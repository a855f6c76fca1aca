import { describe, expect, it } from "vitest";
import type { ApplicantItems } from "#adapters/dynamodb/applicant-repository.ts";
import { childWrite, unlistedDeletes } from "#adapters/dynamodb/child-writes.ts";
import { snapshotDropsMilestone, snapshotMilestone } from "#adapters/dynamodb/milestone-merge.ts";
import type { Item } from "#adapters/dynamodb/table.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";

// A re-sent intake form (same answers, one profile field changed) erased a rank list Done,
// an accepted SOAP offer and a snooze recorded by email buttons. A snapshot now merges per milestone
// against the entry the last snapshot listed (`formEntry`): only a changed answer on the form wins.

const formRankList: MilestoneEntry = { key: "rank_order_list", status: "in_progress" };
const buttonDone: MilestoneEntry = { key: "rank_order_list", status: "done", date: "2027-02-20" };

function stored(milestone: MilestoneEntry, formEntry?: MilestoneEntry): Item {
  return { milestone, ...(formEntry === undefined ? {} : { formEntry }), version: 3 };
}

function current(items: Record<string, Item>): ApplicantItems {
  return { milestones: new Map(Object.entries(items)), interviews: new Map(), ledger: [] };
}

describe("a snapshot's merge of one milestone it lists", () => {
  it("keeps what a button recorded when the form lists the step as it listed it last", () => {
    expect(snapshotMilestone({ ...formRankList }, stored(buttonDone, formRankList))).toEqual({
      content: buttonDone,
      formEntry: formRankList,
    });
  });

  it("writes the form's entry when the applicant changed that answer on the form", () => {
    const changed: MilestoneEntry = { key: "rank_order_list", status: "done", date: "2027-02-18" };
    expect(snapshotMilestone(changed, stored(buttonDone, formRankList))).toEqual({
      content: changed,
      formEntry: changed,
    });
  });

  it("writes the form's entry on a step no snapshot listed yet, or one stored before formEntry existed", () => {
    expect(snapshotMilestone(formRankList, undefined)).toEqual({
      content: formRankList,
      formEntry: formRankList,
    });
    expect(snapshotMilestone(formRankList, stored(buttonDone))).toEqual({
      content: formRankList,
      formEntry: formRankList,
    });
  });

  it("compares the form's entries by content, not key order or undefined fields", () => {
    const reordered = { status: "in_progress", note: undefined, key: "rank_order_list" } as MilestoneEntry;
    expect(snapshotMilestone(reordered, stored(buttonDone, formRankList)).content).toEqual(buttonDone);
  });
});

describe("the writes of a merge", () => {
  const tableName = "t";
  const applicantId = "a_x";
  const now = "2027-04-06T09:00:00.000Z";

  it("writes nothing for a re-sent unchanged answer over a button's Done", () => {
    const items = current({ rank_order_list: stored(buttonDone, formRankList) });
    const merged = snapshotMilestone(formRankList, items.milestones.get("rank_order_list"));
    expect(
      childWrite(tableName, applicantId, { kind: "milestone", id: "rank_order_list", ...merged }, items, now),
    ).toBe(undefined);
  });

  it("teaches an item stored before formEntry existed what the form lists, under its version", () => {
    const items = current({ rank_order_list: stored(formRankList) });
    const merged = snapshotMilestone(formRankList, items.milestones.get("rank_order_list"));
    const write = childWrite(
      tableName,
      applicantId,
      { kind: "milestone", id: "rank_order_list", ...merged },
      items,
      now,
    );
    expect(write?.Put?.Item).toMatchObject({ milestone: formRankList, formEntry: formRankList, version: 4 });
    expect(write?.Put?.ConditionExpression).toBe("#version = :version");
  });

  it("carries the stored formEntry through an update (a button, the console)", () => {
    const items = current({ rank_order_list: { ...stored(formRankList, formRankList), version: 2 } });
    const write = childWrite(
      tableName,
      applicantId,
      { kind: "milestone", id: "rank_order_list", content: buttonDone },
      items,
      now,
    );
    expect(write?.Put?.Item).toMatchObject({ milestone: buttonDone, formEntry: formRankList, version: 3 });
  });

  it("writes no formEntry on a step only an update recorded", () => {
    const soap: MilestoneEntry = { key: "soap", status: "done", date: "2027-03-17" };
    const write = childWrite(
      tableName,
      applicantId,
      { kind: "milestone", id: "soap", content: soap },
      current({}),
      now,
    );
    expect(write?.Put?.Item).not.toHaveProperty("formEntry");
  });

  it("deletes an unlisted milestone only when the last snapshot listed it", () => {
    const items = current({
      usce: stored({ key: "usce", status: "in_progress" }, { key: "usce", status: "in_progress" }),
      soap: stored({ key: "soap", status: "done", date: "2027-03-17" }),
      rank_order_list: stored(buttonDone, formRankList),
    });
    expect(snapshotDropsMilestone(items.milestones.get("soap") ?? {})).toBe(false);
    const deletes = unlistedDeletes(
      tableName,
      applicantId,
      "milestone",
      items.milestones,
      new Set(["rank_order_list"]),
      snapshotDropsMilestone,
    );
    expect(deletes.map((write) => write.Delete?.Key?.sk)).toEqual(["MILESTONE#usce"]);
  });
});
