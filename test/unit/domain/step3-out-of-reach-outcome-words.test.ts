import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant in Manila (or Houston), list certified, Step 3 not started, planned after the rank order
 * list deadline with Match Day (Fri 19 Mar 2027, the petition's sit-by day) still ahead: only a
 * visitor visa already held would let her sit Step 3 by then. Step 3's card and
 * VISA_NOT_READY_FOR_START word the same condition alike: no program is known yet, so it is "that"
 * program, asked once Match Day names it, never "your program" today.
 */
const calendar = seasonCalendar(2027);
const rosa = (matchDay: boolean, zone = "Asia/Manila", extra: MilestoneEntry[] = []) => {
  const input = matched2027(zone, {
    visa: "H-1B",
    matchDay,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "not_started"),
      ...extra,
    ],
  });
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
};
const card = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";
const risk = (result: Plan) =>
  result.risks.find((entry) => entry.code === "VISA_NOT_READY_FOR_START")?.message ?? "";
const at = new Date("2027-02-25T18:00:00Z");

describe("Step 3's card, a visitor visa held still in reach, Match Day ahead", () => {
  it("opens with the same condition as the risk and asks that program once Match Day names it", () => {
    const result = plan(rosa(false), calendar, at);
    const opening = "If you match with a program that files an H-1B petition for you, ";
    expect(risk(result).startsWith(opening)).toBe(true);
    expect(card(result)).toContain(
      `${opening}by this plan's allowances, with a visitor visa still to get, you could not sit Step 3 by Fri 19 Mar 2027, the day that H-1B petition needs. Once Match Day tells you where you matched, ask that program at once whether it will take you on a J-1 instead`,
    );
    expect(card(result)).not.toMatch(/your program/i);
  });
});

describe("in Houston, Match Day ahead, the risk's route words name that program", () => {
  const before = new Date("2027-03-10T15:00:00Z");

  it("consular or change of status: that program files, and tells which", () => {
    const message = risk(plan(rosa(false, "America/Chicago"), calendar, before));
    expect(message).toContain("If that program files for consular processing");
    expect(message).toContain("that program may instead file a change of status");
    expect(message).toContain("until that program tells you which it files");
    expect(message).not.toMatch(/your program/i);
  });

  it("the card asks that program the risk's question: which it files, and a later start", () => {
    const result = plan(rosa(false, "America/Chicago"), calendar, before);
    const ask =
      "Once Match Day tells you where you matched, ask that program at once which it files, and whether it will start you later";
    expect(risk(result)).toContain(ask);
    expect(card(result)).toContain(ask);
  });

  it("change of status confirmed: the change of status that program files", () => {
    const waived = rosa(false, "America/Chicago", [milestoneFactory("visa_h1b_stamping", "waived")]);
    const message = risk(plan(waived, calendar, before));
    expect(message).toContain("On the change of status that program files there is no visa stamping");
    expect(message).not.toMatch(/your program/i);
    expect(card(plan(waived, calendar, before))).not.toContain("which it files");
  });
});
