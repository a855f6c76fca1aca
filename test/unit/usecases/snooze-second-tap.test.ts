import { describe, expect, it } from "vitest";
import { createLinkToken, parseKeyring } from "#links/link-token.ts";
import { actionConfirmationPage, actionResultPage } from "#pages/action-pages.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applyStepAction, previewStepAction, type StepActionDeps } from "#usecases/step-actions.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "./fakes.ts";

/**
 * A second POST of a used Snooze link answered 400 "Not available now …
 * Nothing to snooze … Nothing was changed", and so did a later GET, though the snooze was
 * recorded: the applicant who tapped twice believed it failed. Like Done, Scheduled for… and Not
 * for me, a used Snooze link answers "Already recorded" with what is recorded.
 */
describe("a Snooze link tapped twice", () => {
  const keyring = parseKeyring(`k1=${"s".repeat(40)}`);
  const now = new Date("2026-07-01T09:00:00Z");

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

  it("answers the second POST and a later GET with “Already recorded” and the snooze's end", async () => {
    const { store, deps, token } = setup();
    const before = await previewStepAction("a_ada", token, deps);
    const longest = before.snoozeOptions.at(-1);
    expect(longest).toBeDefined();
    const first = await applyStepAction("a_ada", token, { days: String(longest?.days) }, deps);
    expect(first.outcome).toBe("recorded");
    const until = store.state("a_ada").milestones.find((entry) => entry.key === "lors")?.snoozedUntil;
    expect(until).toBe(longest?.until);

    const second = await applyStepAction("a_ada", token, { days: String(longest?.days) }, deps);
    expect(second.outcome).toBe("already-recorded");
    expect(store.state("a_ada").milestones.find((entry) => entry.key === "lors")?.snoozedUntil).toBe(until);
    const result = actionResultPage(second.preview, second.outcome, "https://x/timeline");
    expect(result.statusCode).toBe(200);
    expect(result.body).toMatch(
      /Already recorded: reminders about Letters of recommendation uploaded are snoozed until \w{3} \d{1,2} \w{3} 2026/,
    );

    const again = await previewStepAction("a_ada", token, deps);
    const page = actionConfirmationPage(again, "https://x/actions", "https://x/timeline");
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(
      /Already recorded: reminders about Letters of recommendation uploaded are snoozed until \w{3} \d{1,2} \w{3} 2026/,
    );
    expect(page.body).not.toContain("Nothing to snooze");
    expect(page.body).not.toContain("<form");
  });
});
