import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { applyWhatIf } from "#domain/console/what-if.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { currentPlan } from "#usecases/console-plans.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";
import { FixedClock, InMemoryApplicantStore } from "./fakes.ts";

/**
 * The WDOMS check's target counts from the sign-up in every channel: the deployed planner and the
 * console read the stored profile's createdAt (the instant the intake first stored the applicant),
 * `npm run plan` its --signed-up. Amani (Mombasa, 2028 Match, sponsor note unknown) signed up on
 * Mon 30 Nov 2026, 8:00 PM her time; planned on 20 Jan 2027 the target, Mon 7 Dec 2026 9:00 AM,
 * has passed, and all three lay the same reminders for it.
 */
const FIXTURE = fileURLToPath(
  new URL("../../fixtures/wdoms-signed-up/early-2028-note-unknown-mombasa.json", import.meta.url),
);
const SIGNED_UP = new Date("2026-11-30T17:00:00Z");
const NOW = new Date("2027-01-20T06:00:30Z");

function cli(...flags: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runPlanCli([FIXTURE, "--now", NOW.toISOString(), "--json", ...flags], {
    readFile: (path) => readFileSync(path, "utf8"),
    now: () => NOW,
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  });
  return { code, out, err };
}

const checkIds = (reminders: readonly { milestone: string; id: string }[]) =>
  reminders.filter((reminder) => reminder.milestone === "wdoms_listing").map((reminder) => reminder.id);

describe("the WDOMS check's sign-up in every channel", () => {
  it("lays the same passed-target reminders in the deployed planner, the console, its what-ifs and npm run plan", async () => {
    const store = new InMemoryApplicantStore();
    const snapshot = JSON.parse(readFileSync(FIXTURE, "utf8"));
    const { applicantId } = await receiveSubmission(snapshot, "webhook", {
      intake: store,
      clock: new FixedClock(SIGNED_UP),
    });
    const state = store.state(applicantId);
    expect(state.profile.createdAt).toBe(SIGNED_UP.toISOString());
    const deployed: Plan = domainPlanning.plan(state, NOW);
    const deployedIds = checkIds(deployed.reminders);
    expect(deployed.reminders.find((reminder) => reminder.milestone === "wdoms_listing")?.rung).toBe(
      "target-passed",
    );
    expect(checkIds(currentPlan(state, NOW).reminders)).toEqual(deployedIds);
    // A console what-if that changes another step keeps the sign-up, so the check's reminders stay.
    const input = { applicant: state.profile, milestones: state.milestones, interviews: state.interviews };
    const changed = applyWhatIf({ ...input, signedUpAt: state.profile.createdAt }, [
      { kind: "milestone", key: "usce", status: "in_progress" },
    ]);
    expect(checkIds(plan(changed, seasonCalendar(2028), NOW).reminders)).toEqual(deployedIds);
    const listed = cli("--signed-up", "2026-11-30T20:00:00+03:00");
    expect(listed.code).toBe(0);
    const reminders = (JSON.parse(listed.out) as { reminders: { milestone: string; id: string }[] })
      .reminders;
    expect(checkIds(reminders)).toEqual(deployedIds);
  });

  it("refuses a --signed-up that is no instant with its offset, naming the flag", () => {
    const refused = cli("--signed-up", "2026-11-30");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--signed-up needs a time and a UTC offset");
  });
});
