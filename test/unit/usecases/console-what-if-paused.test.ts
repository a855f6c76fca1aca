import { describe, expect, it } from "vitest";
import type { ConsoleStore } from "#ports/console-store.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { runWhatIf } from "#usecases/console-what-if.ts";
import { whatIfResultFragment } from "../../../functions/console/pages/what-if.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "./fakes.ts";

const DANIEL: Principal = { email: "daniel.advisor@matchpath.example", role: "advisor", sub: "daniel" };

async function notWhatIf(): Promise<never> {
  throw new Error("A what-if does not call this");
}

const noConsoleStore: ConsoleStore = {
  listCohort: notWhatIf,
  recordLastEmail: notWhatIf,
  setRemindersPaused: notWhatIf,
  recordAudit: notWhatIf,
  listAudit: notWhatIf,
  listSubmissions: notWhatIf,
  listEvents: notWhatIf,
  eraseApplicant: notWhatIf,
};

/**
 * A what-if for an applicant whose reminders an advisor paused counted the plan's
 * reminders "still to send" and named the next one, though none is sent until they are resumed.
 * It says they are paused and counts none; running, the count is as before.
 */
describe("a what-if while reminders are paused", () => {
  const run = async (paused: boolean) => {
    const store = new InMemoryApplicantStore();
    store.add(
      profileFactory({
        applicantId: "a_paused",
        externalId: "paused",
        advisorEmail: DANIEL.email,
        ...(paused ? { remindersPausedAt: "2026-05-20T09:00:00.000Z" } : {}),
      }),
      { milestones: [] },
    );
    const deps = {
      applicants: store,
      intake: store,
      console: noConsoleStore,
      clock: new FixedClock(new Date("2026-06-01T12:00:00Z")),
    };
    const result = await runWhatIf(DANIEL, "a_paused", [{ kind: "visa", visa: "H-1B" }], deps);
    const html = whatIfResultFragment("a_paused", result, "[]");
    return { result, reminders: /<h3>Reminders<\/h3>(.*?)\n/s.exec(html)?.[1] ?? "" };
  };

  it("running: counts the reminders still to send", async () => {
    const { result, reminders } = await run(false);
    expect(result.diff.reminders.after).toBeGreaterThan(0);
    expect(reminders).toContain("still to send");
  });

  it("paused: says so, and counts none to send", async () => {
    const { result, reminders } = await run(true);
    expect(result.diff.reminders).toMatchObject({
      before: 0,
      after: 0,
      added: 0,
      removed: 0,
      held: "paused",
    });
    expect(result.diff.reminders.nextAfter).toBeUndefined();
    expect(reminders).toContain("paused");
    expect(reminders).toContain("nothing will be sent until they are resumed");
    expect(reminders).not.toContain("still to send");
  });
});
