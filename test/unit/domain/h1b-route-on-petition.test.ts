import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { ROUTE_QUESTION } from "#domain/planner/h1b-in-us.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An H-1B applicant in the US heard "will your program file a change of status or consular
 * processing?" only on the stamping step, which waits for the petition: about six weeks before the
 * start date, after the program had made that choice on the petition itself. Rule: in a US zone
 * the petition's card asks it from the contract on (advice, no processing time), with one notice on
 * that card while the stamping waits; abroad, where no change of status is possible, nothing changes.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-route-on-petition/", import.meta.url));
const UNSIGNED = readSnapshot(DIR, "chicago-matched-contract-unsigned.json");
const SIGNED = readSnapshot(DIR, "chicago-contract-signed.json");
const FILED = readSnapshot(DIR, "chicago-petition-filed.json");
const WEEK_AFTER = "2027-03-26T11:00:00-05:00";
const MAY_1 = "2027-05-01T11:00:00-05:00";
/** The day the petition was filed, before its own date (Fri 16 Apr 2027): the question still stands. */
const FILED_DAY = "2027-04-15T11:00:00-05:00";
const abroad = (snapshot: ApplicantSnapshot): ApplicantSnapshot => ({
  ...snapshot,
  applicant: { ...snapshot.applicant, timezone: "Asia/Karachi" },
});
const petition = (result: Plan) => result.nextSteps.find((step) => step.milestone === "visa_h1b");
const routeAsked = (result: Plan) => result.reminders.filter((reminder) => reminder.title === ROUTE_QUESTION);

describe("the H-1B route question on the petition's card (in the US)", () => {
  it("is on the petition's card once the contract is signed, labelled advice, with no processing time", () => {
    const action = petition(planInOwnMatch(SIGNED, WEEK_AFTER))?.action ?? "";
    expect(action).toContain(
      "Your program chooses on the petition itself whether it asks USCIS for a change of status",
    );
    expect(action).toContain("or for consular notification");
    expect(action).toContain(
      "tap Not for me on the H-1B visa step under Waiting on something on your timeline",
    );
    expect(action).toMatch(/ask it which it files \(advice\)\.$/);
    expect(action).not.toMatch(/\d+ (days|weeks|months)/);
  });

  it("stays on the card while the petition is filed", () => {
    const action = petition(planInOwnMatch(FILED, MAY_1))?.action ?? "";
    expect(action).toContain("which your change of status or your visa interview needs");
    expect(action).toContain("Your program chooses on the petition itself");
  });

  it("sends the question once, on the petition's card, toward the petition's date, while the stamping waits", () => {
    const result = planInOwnMatch(SIGNED, WEEK_AFTER);
    expect(result.blocked.map((step) => step.milestone)).toContain("visa_h1b_stamping");
    const asked = routeAsked(result);
    expect(asked.map((reminder) => [reminder.milestone, reminder.rung, reminder.sendAtLocal])).toEqual([
      ["visa_h1b", "route-asked-on-petition", "2027-03-27T09:00:00.000-05:00"],
    ]);
    expect(asked[0]?.deadline).toBe(petition(result)?.deadline?.at);
    expect(result.reminders.some((reminder) => reminder.milestone === "visa_h1b_stamping")).toBe(false);
    // Re-planned later, the same question keeps its id: the ledger sends it once.
    expect(routeAsked(planInOwnMatch(FILED, FILED_DAY)).map((reminder) => reminder.id)).toEqual(
      asked.map((reminder) => reminder.id),
    );
  });

  it("is not asked before the contract is signed: the petition waits for it", () => {
    const result = planInOwnMatch(UNSIGNED, "2027-03-19T12:00:00-05:00");
    expect(result.blocked.map((step) => step.milestone)).toContain("visa_h1b");
    expect(routeAsked(result)).toEqual([]);
  });
});

describe("the H-1B petition abroad (no change of status from outside the US)", () => {
  it("keeps the catalog's words and sends no route question", () => {
    for (const [snapshot, now] of [
      [SIGNED, "2027-03-26T21:00:00+05:00"],
      [FILED, "2027-05-01T21:00:00+05:00"],
    ] as const) {
      const result = planInOwnMatch(abroad(snapshot), now);
      expect(petition(result)?.action).not.toContain("change of status");
      expect(routeAsked(result)).toEqual([]);
    }
  });
});

describe("the stamping's Not for me while the petition is still pending (in the US)", () => {
  const waived = (snapshot: ApplicantSnapshot): ApplicantSnapshot => ({
    ...snapshot,
    milestones: [...snapshot.milestones, { key: "visa_h1b_stamping", status: "waived" }],
  });

  it("drops the stamping step and its reminders at once, and the petition speaks of the change of status only", () => {
    for (const [snapshot, now] of [
      [SIGNED, WEEK_AFTER],
      [FILED, MAY_1],
    ] as const) {
      const result = planInOwnMatch(waived(snapshot), now);
      const steps = [...result.nextSteps, ...result.blocked, ...result.overdue].map((step) => step.milestone);
      expect(steps).not.toContain("visa_h1b_stamping");
      expect(result.reminders.some((reminder) => reminder.milestone === "visa_h1b_stamping")).toBe(false);
      expect(routeAsked(result)).toEqual([]);
      const action = petition(result)?.action ?? "";
      expect(action).not.toContain("visa interview");
      expect(action).not.toContain("Your program chooses on the petition itself");
    }
    expect(petition(planInOwnMatch(waived(FILED), MAY_1))?.action).toContain(
      "Ask the immigration office for the receipt number, which your change of status needs,",
    );
  });
});
