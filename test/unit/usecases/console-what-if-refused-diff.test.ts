import { describe, expect, it } from "vitest";
import type { ConsoleStore } from "#ports/console-store.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { examsDone } from "#test/unit/domain/factories.ts";
import { runWhatIf } from "#usecases/console-what-if.ts";
import { whatIfResultFragment } from "../../../functions/console/pages/what-if.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "./fakes.ts";

const PRIYA: Principal = { email: "priya.advisor@matchpath.example", role: "advisor", sub: "priya" };

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
 * "waived" on a done USMLE Step 1 was refused, yet the preview's budget
 * dropped its paid fee ("total $5,305 → $4,625") beside "Steps and deadlines: No change". A change
 * that cannot be saved makes no difference: none is shown, and the page says why.
 */
describe("a refused what-if's difference", () => {
  const run = async (status: "waived" | "done", key: "usmle_step1" | "research") => {
    const store = new InMemoryApplicantStore();
    store.add(profileFactory({ applicantId: "a_done", externalId: "done", advisorEmail: PRIYA.email }), {
      milestones: examsDone("2025-06-01"),
    });
    const deps = {
      applicants: store,
      intake: store,
      console: noConsoleStore,
      clock: new FixedClock(new Date("2026-06-01T12:00:00Z")),
    };
    const result = await runWhatIf(
      PRIYA,
      "a_done",
      [{ kind: "milestone", key, status, ...(status === "done" ? { date: "2026-05-01" } : {}) }],
      deps,
    );
    return { result, html: whatIfResultFragment("a_done", result, "[]") };
  };

  it("waiving a done Step 1: refused, with no budget or other difference", async () => {
    const { result, html } = await run("waived", "usmle_step1");
    expect(result.saveProblems.map((problem) => problem.path)).toEqual(["0.status"]);
    expect(result.diff.unchanged).toBe(true);
    expect(result.diff.budget.totalAfter).toBe(result.diff.budget.totalBefore);
    expect(result.after).toBe(result.before);
    expect(html).toContain("This change cannot be saved, so it changes nothing in the plan");
    expect(html).not.toContain("This change makes no difference to the plan.");
  });

  it("a change that may be saved still shows its difference", async () => {
    const { result, html } = await run("done", "research");
    expect(result.saveProblems).toEqual([]);
    expect(result.diff.unchanged).toBe(false);
    expect(html).not.toContain("cannot be saved");
  });
});
