import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An OET sat on 5 Dec 2026, its result never reported, the plan moved to the 2028 Match:
 * the card asks for the result; its ten re-sit follow-ups said "Sit it by Tue 4 Jan 2028". They ask
 * for the score first, so they carry the step's own deadline, the result's, as the card does; the
 * last sitting day stays a condition in their text and the date of the sit-by rungs.
 */
const DIR = fileURLToPath(new URL("../../fixtures/oet-sat-before-rollover/", import.meta.url));
const result = planInOwnMatch(readSnapshot(DIR, "oet-cebu-2028.json"), "2027-03-20T09:00:00+08:00");
const oet = result.reminders.filter((each) => each.milestone === "oet_medicine");
const followUps = oet.filter((each) => each.rung === "rebook-follow-up");
const card = result.nextSteps.find((each) => each.milestone === "oet_medicine");

describe("an OET sat before the plan moved to 2028: the follow-ups ask for its result", () => {
  it("the card asks for the result, due by the Pathway's documents deadline", () => {
    expect(card?.action).toContain("Tell us the result; ECFMG needs it by Tue 25 Jan 2028");
    expect(card?.deadline?.local).toContain("Wed 26 Jan 2028");
  });

  it("every follow-up asks for the score and carries the card's deadline, the sitting day in its text", () => {
    expect(followUps.length).toBeGreaterThan(5);
    for (const each of followUps) {
      expect(each.title).toBe("Has your OET Medicine score come? If so, tell us the result");
      expect(each.deadline).toBe(card?.deadline?.at);
      expect(each.why).toContain("the last day to sit it for this Match is Tue 4 Jan 2028");
    }
  });

  it("its email says Due with the result's deadline, never Sit it by", () => {
    const first = followUps[0];
    const email = renderReminderEmail({
      recipientName: "Maria Santos",
      reminders: first === undefined ? [] : [first],
      plan: result,
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
    expect(email.text).toMatch(/^\s+Due: Wed 26 Jan 2028/m);
    expect(email.text).not.toMatch(/^\s+Sit it by: /m);
  });

  it("the sit-by rungs still count down to the last sitting day", () => {
    const sitBy = oet.filter((each) => each.rung.startsWith("sit-by-in-"));
    expect(sitBy.map((each) => each.rung)).toEqual(["sit-by-in-14d", "sit-by-in-3d", "sit-by-in-1d"]);
    for (const each of sitBy) expect(each.deadlineDetail?.local).toContain("Tue 4 Jan 2028");
  });
});
