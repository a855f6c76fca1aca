import { describe, expect, it } from "vitest";
import type { StepAction } from "#domain/step-actions.ts";
import { createLinkToken, parseKeyring } from "#links/link-token.ts";
import type { IntakeStore } from "#ports/intake-store.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applyStepAction, type StepActionDeps } from "#usecases/step-actions.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "./fakes.ts";

/**
 * The POST of an action link decides on the state check its GET makes,
 * on the step as stored when it writes. A step done in between (another link, the console, a form)
 * is read and decided again, never overwritten.
 */
describe("a one-tap action decides on the step's state at POST time", () => {
  const keyring = parseKeyring(`k1=${"s".repeat(40)}`);
  const now = new Date("2026-06-01T09:00:00Z");

  function setup() {
    const store = new InMemoryApplicantStore();
    store.add(profileFactory({ matchYear: 2027 }), {
      milestones: [
        { key: "usmle_step1", status: "done", date: "2026-04-10" },
        { key: "usmle_step2ck", status: "in_progress" },
      ],
    });
    let beforeWrite: (() => Promise<void>) | undefined;
    const intake: IntakeStore = {
      applySubmission: async (submission, source, receivedAt) => {
        const first = beforeWrite;
        beforeWrite = undefined;
        await first?.();
        return store.applySubmission(submission, source, receivedAt);
      },
    };
    const deps: StepActionDeps = {
      applicants: store,
      intake,
      clock: new FixedClock(now),
      planning: domainPlanning,
      keyring: async () => keyring,
    };
    const token = (action: StepAction) =>
      createLinkToken(
        keyring,
        {
          purpose: "action",
          applicantId: "a_ada",
          milestone: "usmle_step2ck",
          action,
          expiresAt: new Date(now.getTime() + 86_400_000),
        },
        now,
      );
    const landFirst = (hook: () => Promise<void>) => {
      beforeWrite = hook;
    };
    return { store, deps, token, landFirst };
  }

  it.each([
    ["schedule", { date: "2026-07-20" }],
    ["done", {}],
  ] as const)(
    "a Done landing before a %s is written is kept, and the tap answers already recorded",
    async (action, form) => {
      const { store, deps, token, landFirst } = setup();
      // The applicant's Done from another email lands between this POST's read and its write.
      landFirst(async () => {
        await store.applySubmission(
          {
            type: "milestone.update",
            submissionId: "link-other-email",
            applicant: { externalId: store.state("a_ada").profile.externalId },
            milestones: [{ key: "usmle_step2ck", status: "done", date: "2026-05-30" }],
          },
          { provider: "link", submissionId: "link-other-email" },
          now,
        );
      });

      const result = await applyStepAction("a_ada", token(action), form, deps);

      expect(result.outcome).toBe("already-recorded");
      expect(store.state("a_ada").milestones.find((entry) => entry.key === "usmle_step2ck")).toEqual({
        key: "usmle_step2ck",
        status: "done",
        date: "2026-05-30",
      });
      expect([...store.submissions]).toEqual(["link#link-other-email"]);
    },
  );
});
