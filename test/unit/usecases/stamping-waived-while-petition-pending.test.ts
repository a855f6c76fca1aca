import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { whatIfSaveProblems } from "#domain/console/what-if-checks.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { createLinkToken, parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applyStepAction, previewStepAction, type StepActionDeps } from "#usecases/step-actions.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "./fakes.ts";

/**
 * An H-1B applicant in the US is asked on the petition's card whether the program files a change
 * of status, and told to answer with the stamping step's "Not for me". That step waits for the
 * petition, and the timeline drew no button on a waiting step. So the stamping's Not for me is
 * offered on its waiting card (only that action, only in a US zone), the action link and the
 * console's what-if accept it while the petition is pending, and the plan drops the stamping at
 * once. Abroad, no button, and the link is refused as before.
 */
const FIXTURE = new URL("../../fixtures/h1b-route-on-petition/chicago-contract-signed.json", import.meta.url);
const MILESTONES: MilestoneEntry[] = JSON.parse(readFileSync(FIXTURE, "utf8")).milestones;
const keyring = parseKeyring(`k1=${"s".repeat(40)}`);
const now = new Date("2027-03-26T16:00:00Z");

function setup(timezone: string) {
  const store = new InMemoryApplicantStore();
  const profile = profileFactory({ visa: "H-1B", timezone, matchYear: 2027 });
  store.add(profile, { milestones: MILESTONES });
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
      milestone: "visa_h1b_stamping",
      action: "waive",
      expiresAt: new Date(now.getTime() + 86_400_000),
    },
    now,
  );
  const plan = domainPlanning.plan({ profile, milestones: MILESTONES, interviews: [], ledger: [] }, now);
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring,
    applicantId: "a_ada",
    feedGeneration: 0,
    now,
  });
  const html =
    timelinePage({
      firstName: "Ada",
      timezone,
      links,
      plan,
      comingReminders: plan.reminders,
      milestones: MILESTONES,
    }).body ?? "";
  return { store, deps, token, plan, links, html };
}

/** The timeline's "Waiting on something" section. */
const waitingSection = (html: string) =>
  html.slice(html.indexOf('id="blocked"'), html.indexOf("</section>", html.indexOf('id="blocked"')));

describe("the H-1B stamping's Not for me while the petition is pending, in the US", () => {
  it("is a button on the stamping's waiting card, and on no other waiting card", () => {
    const { plan, links, html } = setup("America/Chicago");
    expect(plan.blocked.map((step) => step.milestone)).toContain("visa_h1b_stamping");
    const waiting = waitingSection(html);
    const href = links.action("visa_h1b_stamping", "waive").replaceAll("&", "&amp;");
    expect(waiting).toContain(`href="${href}">Not for me<`);
    expect(waiting.match(/class="button/g)).toHaveLength(1);
  });

  it("is accepted by the action link: recorded, and the plan drops the stamping step and its reminders", async () => {
    const { store, deps, token } = setup("America/Chicago");
    const preview = await previewStepAction("a_ada", token, deps);
    expect(preview.unavailable).toBeUndefined();
    expect(preview.plan.blocked.map((step) => step.milestone)).toContain("visa_h1b_stamping");
    const { outcome, entry } = await applyStepAction("a_ada", token, {}, deps);
    expect([outcome, entry.key, entry.status]).toEqual(["recorded", "visa_h1b_stamping", "waived"]);
    const state = store.state("a_ada");
    const after = domainPlanning.plan({ ...state, interviews: [], ledger: [] }, now);
    const steps = [...after.nextSteps, ...after.blocked, ...after.overdue].map((step) => step.milestone);
    expect(steps).toContain("visa_h1b");
    expect(steps).not.toContain("visa_h1b_stamping");
    expect(after.reminders.some((reminder) => reminder.milestone === "visa_h1b_stamping")).toBe(false);
  });

  it("is accepted by the console's what-if while the petition is pending", () => {
    const { store } = setup("America/Chicago");
    const state = store.state("a_ada");
    const input = {
      applicant: { ...state.profile },
      milestones: state.milestones,
      interviews: [],
    };
    const waive = { kind: "milestone", key: "visa_h1b_stamping", status: "waived" } as const;
    expect(whatIfSaveProblems(input, [waive], now)).toEqual([]);
  });
});

describe("the H-1B stamping abroad, the petition pending", () => {
  it("has no button on its waiting card, and its Not for me link is refused", async () => {
    const { deps, token, html } = setup("Asia/Karachi");
    expect(waitingSection(html)).not.toContain("Not for me");
    const preview = await previewStepAction("a_ada", token, deps);
    expect(preview.unavailable).toBe(
      "“Not for me” is not a choice for “Get your H-1B visa stamped at a US consulate” now",
    );
  });
});
