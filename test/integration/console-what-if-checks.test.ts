import { beforeAll, describe, expect, it } from "vitest";
import { step2Applicant, type TestApplicant } from "./support/applicants.ts";
import { consoleRequest, PRIYA, signIn } from "./support/console.ts";
import { applicantState, clockTo, drainStream, itemsMentioning, postWebhook } from "./support/local-stack.ts";

/**
 * A saved what-if passes the same check as "Mark done" (tester s3, bug 1): a blocked step, a date
 * in the future, or a done step with no date is refused naming the change's field, and nothing is
 * written. A what-if whose own earlier change unblocks the step still saves.
 */
describe("saving a what-if checks its done steps as Mark done does", () => {
  let priya: string;
  let target: TestApplicant;

  async function previewAndSave(changes: Record<string, string | number>[]) {
    const shown = await consoleRequest(`/console/applicants/${target.applicantId}/what-if`, {
      token: priya,
      form: { changes: JSON.stringify(changes) },
    });
    expect(shown.status).toBe(200);
    const saveId = /name="saveId" value="([^"]*)"/.exec(shown.body)?.[1] ?? "";
    return consoleRequest(`/console/applicants/${target.applicantId}/what-if/save`, {
      token: priya,
      form: { changes: JSON.stringify(changes), saveId },
    });
  }

  beforeAll(async () => {
    await clockTo("2026-06-01T00:00:00Z");
    priya = await signIn(PRIYA);
    target = step2Applicant();
    target.snapshot.applicant.advisorEmail = PRIYA;
    expect((await postWebhook(target.snapshot)).status).toBe(202);
    await drainStream();
  });

  it.each([
    [
      "a blocked step",
      { kind: "milestone", key: "match_week", status: "done", date: "2026-05-30" },
      "0.milestone",
    ],
    [
      "a date in the future",
      { kind: "milestone", key: "research", status: "done", date: "2099-01-01" },
      "0.date",
    ],
    ["a done step with no date", { kind: "milestone", key: "research", status: "done" }, "0.date"],
  ])("refuses %s and writes nothing", async (_what, change, field) => {
    const mark = await consoleRequest(`/console/applicants/${target.applicantId}/milestones/${change.key}`, {
      token: priya,
      form: { date: "date" in change ? change.date : "" },
    });
    expect(mark.status).toBe(400);
    await drainStream();
    const before = await itemsMentioning(target.applicantId);
    const saved = await previewAndSave([change]);
    expect(saved.status).toBe(400);
    expect(saved.body).toContain(field);
    await drainStream();
    expect(await itemsMentioning(target.applicantId)).toEqual(before);
  });

  it("saves a done step its own what-if unblocks", async () => {
    const saved = await previewAndSave([
      { kind: "milestone", key: "usmle_step2ck", status: "done", date: "2026-05-20" },
      { kind: "milestone", key: "ecfmg_certification", status: "done", date: "2026-05-31" },
    ]);
    expect(saved.status).toBe(200);
    const milestones = (await applicantState(target.applicantId))?.milestones ?? [];
    expect(milestones.find((milestone) => milestone.key === "ecfmg_certification")).toMatchObject({
      status: "done",
    });
  });
});
