import { describe, expect, it } from "vitest";
import { stepName } from "#domain/console/advisor-voice.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { examsDone } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { ledgerRows } from "../../../../functions/console/pages/ledger.ts";

/**
 * The console's notice ledger names each reminder by its step and rung from what was stored when
 * the row was written, not from today's plan: once the step is done the
 * plan no longer holds its rungs, and the row read "not sent to the applicant: r-2d1df33d87f56587".
 */
function view(milestones: MilestoneEntry[], events: ApplicantView["events"]): ApplicantView {
  const state = { profile: profileFactory(), milestones, interviews: [], ledger: [] };
  const plan = domainPlanning.plan(state, new Date("2026-10-01T12:00:00Z"));
  return { state, plan, audit: [], submissions: [], events };
}

const heldBack = (detail: object) => ({
  type: "RemindersHeldBack",
  at: "2026-09-20T08:00:00.000Z",
  detail: JSON.stringify({ reason: "paused", ...detail }),
});

const cancelled = (current: ApplicantView) =>
  ledgerRows(current, current.events).filter((row) => row.startsWith("<tr><td>cancelled</td>"));

describe("the notice ledger's held-back rows", () => {
  const done: MilestoneEntry[] = [
    ...examsDone("2025-06-01"),
    { key: "usce", status: "done", date: "2026-09-25" },
  ];

  it("name the step and rung stored with the event after the step is done", () => {
    const event = heldBack({
      reminderIds: ["r-2d1df33d87f56587"],
      milestones: ["usce"],
      reminders: [{ id: "r-2d1df33d87f56587", milestone: "usce", rung: "start-by" }],
    });
    const current = view(done, [event]);
    expect(current.plan.reminders.some((reminder) => reminder.id === "r-2d1df33d87f56587")).toBe(false);
    const [row] = cancelled(current);
    expect(row).toContain(`not sent to the applicant: ${stepName("usce")} (start-by)`);
    expect(row).not.toContain("r-2d1df33d87f56587");
    expect(row).toContain("reminders paused by an advisor");
  });

  it("keep today's wording for an event written before the steps were stored with it", () => {
    const event = heldBack({ reminderIds: ["r-2d1df33d87f56587"], milestones: ["usce"] });
    const current = view(done, [event]);
    const [row] = cancelled(current);
    expect(row).toContain("not sent to the applicant: r-2d1df33d87f56587");
  });
});

/**
 * Scheduled and sent rows read "… ET (… their time)", cancelled rows only
 * ET. A cancelled reminder was due to reach the applicant too: its row gives both, as the others.
 */
describe("the notice ledger's cancelled rows give the applicant's time too", () => {
  it.each([
    ["held back", heldBack({ reminderIds: ["r-x"], milestones: ["usce"] })],
    [
      "re-planned",
      {
        type: "RemindersCancelled",
        at: "2026-09-20T08:00:00.000Z",
        detail: JSON.stringify({ reminders: [{ milestone: "usce", rung: "start-by", reason: "done" }] }),
      },
    ],
  ])("%s", (_what, event) => {
    const [row] = cancelled(view(examsDone("2025-06-01"), [event]));
    expect(row).toMatch(/ET<\/time> <span class="muted">\([^)]*their time\)<\/span>/);
  });
});
