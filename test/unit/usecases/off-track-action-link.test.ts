import { describe, expect, it } from "vitest";
import type { MilestoneEntry, Visa } from "#domain/snapshot.ts";
import type { StepAction } from "#domain/step-actions.ts";
import { InvalidInputError } from "#errors";
import { createLinkToken, parseKeyring } from "#links/link-token.ts";
import { actionConfirmationPage } from "#pages/action-pages.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applyStepAction, previewStepAction, type StepActionDeps } from "#usecases/step-actions.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "./fakes.ts";

/**
 * An H-1B applicant's email of 6 Jan 2027 says "ask your advisor to switch your visa track to
 * J-1" and carries Step 3's Scheduled for…. The advisor switches the track; the old button then
 * recorded a Step 3 date and answered "your plan and your next emails will reflect it", for a
 * step the J-1 plan does not have. Any action on a step the visa track no longer has records
 * nothing and says why; on the H-1B track the same link still records.
 */
const keyring = parseKeyring(`k1=${"s".repeat(40)}`);
const now = new Date("2027-01-08T05:00:00Z");
const DONE: MilestoneEntry[] = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "ecfmg_pathway",
  "ecfmg_certification",
  "eras_token",
  "eras_application",
  "nrmp_registration",
].map((key) => ({ key, status: "done", date: "2026-09-01" }) as MilestoneEntry);

function setup(visa: Visa, action: StepAction, milestones: MilestoneEntry[] = DONE) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ visa, timezone: "Asia/Karachi", matchYear: 2027 }), { milestones });
  const deps: StepActionDeps = {
    applicants: store,
    intake: store,
    clock: new FixedClock(now),
    planning: domainPlanning,
    keyring: async () => keyring,
  };
  const claims = { purpose: "action", applicantId: "a_ada", milestone: "usmle_step3", action } as const;
  const token = createLinkToken(keyring, { ...claims, expiresAt: new Date(now.getTime() + 86_400_000) }, now);
  return { store, deps, token };
}

const step3 = (store: InMemoryApplicantStore) =>
  store.state("a_ada").milestones.find((entry) => entry.key === "usmle_step3");

describe("an old email's button for a step the visa track no longer has", () => {
  it("Scheduled for… on Step 3 after the switch to J-1 shows no form and records nothing", async () => {
    const { store, deps, token } = setup("J-1", "schedule");
    const preview = await previewStepAction("a_ada", token, deps);
    expect(preview.unavailable).toBe("“Pass USMLE Step 3” is not part of your plan on the J-1 visa track");
    const page = actionConfirmationPage(preview, "https://x/actions", "https://x/timeline").body ?? "";
    expect(page).toContain("Not available now");
    expect(page).toContain("is not part of your plan on the J-1 visa track, so there is nothing to confirm");
    expect(page).not.toContain('type="date"');
    await expect(applyStepAction("a_ada", token, { date: "2027-02-10" }, deps)).rejects.toThrow(
      InvalidInputError,
    );
    expect(step3(store)).toBeUndefined();
  });

  it("Done and Snooze on Step 3 are refused alike, and a step already recorded still answers so", async () => {
    for (const action of ["done", "snooze"] as const) {
      const { store, deps, token } = setup("J-1", action);
      expect((await previewStepAction("a_ada", token, deps)).unavailable).toContain("not part of your plan");
      await expect(applyStepAction("a_ada", token, { days: "7" }, deps)).rejects.toThrow(InvalidInputError);
      expect(step3(store)).toBeUndefined();
    }
    const passed: MilestoneEntry = { key: "usmle_step3", status: "done", date: "2026-12-01" };
    const { deps, token } = setup("J-1", "done", [...DONE, passed]);
    const preview = await previewStepAction("a_ada", token, deps);
    expect(preview.alreadyApplied).toBe(true);
    expect(preview.unavailable).toBeUndefined();
  });

  it("on the H-1B track the same Scheduled for… records the day", async () => {
    const { store, deps, token } = setup("H-1B", "schedule");
    expect((await previewStepAction("a_ada", token, deps)).unavailable).toBeUndefined();
    const { outcome } = await applyStepAction("a_ada", token, { date: "2027-02-10" }, deps);
    expect(outcome).toBe("recorded");
    expect(step3(store)).toMatchObject({ status: "scheduled", date: "2027-02-10" });
  });

  it("with no visa to get, says so; undecided, Step 3 still counts (the plan weighs the H-1B route on it)", async () => {
    const none = setup("none", "schedule");
    expect((await previewStepAction("a_ada", none.token, none.deps)).unavailable).toBe(
      "“Pass USMLE Step 3” is not part of your plan with no visa to get",
    );
    const { store, deps, token } = setup("undecided", "schedule");
    expect((await previewStepAction("a_ada", token, deps)).unavailable).toBeUndefined();
    const { outcome } = await applyStepAction("a_ada", token, { date: "2027-02-10" }, deps);
    expect(outcome).toBe("recorded");
    expect(step3(store)).toMatchObject({ status: "scheduled", date: "2027-02-10" });
  });
});
