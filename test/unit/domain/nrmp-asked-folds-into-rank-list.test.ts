import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An interviewing applicant asked about
 * NRMP registration got two emails on the rank order list deadline's morning, an NRMP rung and a
 * rank-list rung on the same slot. One goes: the rank list's, the NRMP question folded in ("Also:
 * Registered with NRMP? …"), as README says for a second critical risk on a step. Ids stay as they were.
 *
 * Kofi, in Accra: every step to ERAS done, NRMP never reported, one interview on Wed 9 Dec 2026.
 */
const calendar = seasonCalendar(2027);
const ASKED_TITLE = "Registered with NRMP? If not, register in R3 now";

function kofi(now: string): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({ timezone: "Africa/Accra", matchYear: 2027, graduation: "2024-06-30" }),
      milestones: doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "nrmp_registration"),
        "2026-09-15",
      ),
      interviews: [interviewFactory({ id: "iv-accra", startsAt: "2026-12-09T10:00:00-05:00" })],
    }),
    calendar,
    new Date(now),
  );
}

describe("NRMP asked beside the rank list: one email per slot", () => {
  it("no slot carries both an NRMP rung and a rank-list rung; the rank list's says the NRMP question", () => {
    const result = kofi("2027-01-20T08:00:00Z");
    const rankSlots = new Set(
      result.reminders.filter((each) => each.milestone === "rank_order_list").map((each) => each.sendAt),
    );
    expect(rankSlots.size).toBeGreaterThan(0);
    const nrmp = result.reminders.filter((each) => each.milestone === "nrmp_registration");
    expect(nrmp.length).toBeGreaterThan(0);
    for (const each of nrmp) expect(rankSlots.has(each.sendAt)).toBe(false);
    const folded = result.reminders.filter(
      (each) => each.milestone === "rank_order_list" && each.why.includes(`Also: ${ASKED_TITLE}.`),
    );
    expect(folded.length).toBeGreaterThan(0);
  });

  it("the rank list's reminder ids are the ones it had before the fold", () => {
    const ids = (result: Plan) =>
      result.reminders.filter((each) => each.milestone === "rank_order_list").map((each) => each.id);
    expect(ids(kofi("2027-01-20T08:00:00Z"))).toEqual(ids(kofi("2027-01-20T08:00:00Z")));
    expect(new Set(ids(kofi("2027-01-20T08:00:00Z"))).size).toBe(ids(kofi("2027-01-20T08:00:00Z")).length);
  });
});
