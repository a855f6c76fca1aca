import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An H-1B applicant abroad whose rank order list is already certified (1 Feb 2027) and whose Step 3
 * is not started, planned before NRMP's rank order list deadline (Wed 24 Feb 2027, 9:00 PM ET,
 * projected). Step 3 cannot meet the petition, so the card and the visa risk ask the programs about
 * a J-1 or a later start. The list stands: they never say "before you certify your rank order
 * list", but that it is certified and can still be changed until the deadline, and to ask each
 * program on it before then. Not certified yet, the words stay "before you certify". Ada lives in
 * Lagos, Tama in Auckland.
 */
const calendar = seasonCalendar(2027);

function applicant(timezone: string, certified: boolean) {
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2025-05-31", visa: "H-1B" }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2026-09-10"),
      milestoneFactory("ecfmg_certification", "done", "2026-10-01"),
      ...(certified ? [milestoneFactory("rank_order_list", "done", "2027-02-01")] : []),
    ],
  });
}

const texts = (result: Plan) => [
  result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "",
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START")?.message ?? "",
];

describe.each([
  ["Lagos", "Africa/Lagos"],
  ["Auckland", "Pacific/Auckland"],
])("H-1B, Step 3 out of reach of the petition, while ranking, in %s", (_, timezone) => {
  it.each(["2027-02-10T08:00:00Z", "2027-02-20T08:00:00Z"])(
    "list certified, at %s: the card and the risk say the list stands and can still change, never 'before you certify'",
    (now) => {
      const [card, risk] = texts(plan(applicant(timezone, true), calendar, new Date(now)));
      for (const text of [card, risk]) {
        expect(text).not.toContain("Before you certify your rank order list");
        expect(text).toContain("Your rank order list is certified, and you can still change it");
        expect(text).toContain(
          "(Wed 24 Feb 2027, 9:00 PM ET) (projected): before then, ask each program on it",
        );
      }
    },
  );

  it("list not certified yet: 'before you certify' still fits", () => {
    const [card] = texts(plan(applicant(timezone, false), calendar, new Date("2027-02-20T08:00:00Z")));
    expect(card).toContain("Before you certify your rank order list");
  });
});
