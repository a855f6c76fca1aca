import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An interviewing applicant who never told us about NRMP registration is asked about it, with the
 * day the late fee starts: NRMP's early deadline, Mon 30 Nov 2026, 11:59 PM ET (projected), which
 * is Tue 1 Dec, 5:59 PM in Auckland. One deadline, one day in her time, ET beside it: the card said
 * "after Mon 30 Nov" while the email's date line said "early deadline Tue 1 Dec 2026, 5:59 PM GMT+13".
 */
function asked(timezone: string) {
  return plan(
    inputFactory({
      applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2025-06-30" }),
      milestones: [
        ...doneMilestones(
          REGISTERED_KEYS.filter((key) => key !== "nrmp_registration" && key !== "rank_order_list"),
          "2026-09-18",
        ),
        milestoneFactory("rank_order_list", "not_started"),
      ],
      interviews: [interviewFactory({ program: "Harbour IM", startsAt: "2026-11-12T09:00:00-05:00" })],
    }),
    seasonCalendar(2027),
    new Date("2027-02-10T00:00:00Z"),
  );
}
const nrmpCard = (timezone: string) =>
  asked(timezone).nextSteps.find((each) => each.milestone === "nrmp_registration")?.action ?? "";

describe("NRMP registration asked about: the day the late fee starts", () => {
  it("Auckland: her day and hour, with the ET day beside it", () => {
    const card = nrmpCard("Pacific/Auckland");
    expect(card).toContain(
      "after Tue 1 Dec 2026, 5:59 PM GMT+13 (Mon 30 Nov 2026, 11:59 PM ET) (projected) the $50 late fee may apply",
    );
    expect(card).not.toContain("after Mon 30 Nov 2026 (projected)");
  });

  it("New York: the day alone, the same in both zones", () => {
    expect(nrmpCard("America/New_York")).toContain(
      "after Mon 30 Nov 2026 (projected) the $50 late fee may apply",
    );
  });
});
