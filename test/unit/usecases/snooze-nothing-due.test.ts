import { describe, expect, it } from "vitest";
import { createLinkToken, parseKeyring } from "#links/link-token.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applyStepAction, previewStepAction, type StepActionDeps } from "#usecases/step-actions.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "./fakes.ts";

/**
 * A Snooze link on a step whose next reminder was months away offered
 * 2/4/7 days and "recorded" the snooze, which silenced nothing. Now the page offers only lengths
 * that reach a reminder, and a stale link (an older email's) says plainly that nothing was due in
 * that window, and writes nothing.
 */
describe("a Snooze link where nothing is due in the window", () => {
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
    const deps: StepActionDeps = {
      applicants: store,
      intake: store,
      clock: new FixedClock(now),
      planning: domainPlanning,
      keyring: async () => keyring,
    };
    const token = createLinkToken(
      keyring,
      {
        purpose: "action",
        applicantId: "a_ada",
        milestone: "lors",
        action: "snooze",
        expiresAt: new Date(now.getTime() + 86_400_000),
      },
      now,
    );
    return { store, deps, token };
  }

  it("offers no length and says when the next reminder comes", async () => {
    const { deps, token } = setup();
    const preview = await previewStepAction("a_ada", token, deps);
    expect(preview.snoozeOptions).toEqual([]);
    expect(preview.unavailable).toMatch(
      /^Nothing to snooze: no reminder about “Letters of recommendation uploaded” is due before Mon 8 Jun 2026; the next one comes on Sat 4 Jul 2026$/,
    );
  });

  it.each(["2", "4", "7"])(
    "answers a POST of %s days with that sentence and records nothing",
    async (days) => {
      const { store, deps, token } = setup();
      await expect(applyStepAction("a_ada", token, { days }, deps)).rejects.toThrow(/^Nothing to snooze/);
      expect(store.state("a_ada").milestones.find((entry) => entry.key === "lors")).toBeUndefined();
      expect([...store.submissions]).toEqual([]);
    },
  );
});
