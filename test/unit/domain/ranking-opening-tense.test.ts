import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An applicant in Almaty ready to rank for the 2027 Match, planned an hour after the projected
 * opening of ranking (Fri 15 Jan 2027, 12:00 PM ET: 10:00 PM in Almaty, GMT+5). The opening is an instant
 * now past: its words are in the past tense ("was expected to open on"), whether R3 may still open
 * later or not, in the rank list's step and in ROL_BEFORE_RANKING_OPENS alike.
 */
const ready = (rankList: ReturnType<typeof milestoneFactory>[]) =>
  inputFactory({
    applicant: applicantFactory({
      externalId: "tense-ala",
      timezone: "Asia/Almaty",
      matchYear: 2027,
      graduation: "2025-06-30",
      medicalSchool: { name: "Example Medical College", country: "KZ", wdomsSponsorNote: true },
    }),
    milestones: [
      ...doneMilestones([
        "wdoms_listing",
        "ecfmg_application",
        "usmle_step1",
        "usmle_step2ck",
        "oet_medicine",
      ]),
      milestoneFactory("ecfmg_pathway", "done", "2026-09-10"),
      milestoneFactory("eras_application", "done", "2026-09-20"),
      milestoneFactory("nrmp_registration", "done", "2026-10-05"),
      ...rankList,
    ],
  });
const opens = seasonCalendar(2027).dates.nrmp_rank_order_list_entry_opens.at;
const anHourAfter = new Date(opens + 3_600_000);

describe("ranking's projected opening, an hour after it", () => {
  it("the rank list's step says ranking was expected to open then", () => {
    const result = plan(ready([]), seasonCalendar(2027), anHourAfter);
    const action = result.nextSteps.find((step) => step.milestone === "rank_order_list")?.action ?? "";
    expect(action).toContain("now (ranking was expected to open on Fri 15 Jan 2027, 10:00 PM GMT+5");
    expect(action).not.toContain("is expected to open");
  });

  it("a list dated before it: the risk says the same", () => {
    const early = [milestoneFactory("rank_order_list", "done", "2027-01-10")];
    const result = plan(ready(early), seasonCalendar(2027), anHourAfter);
    const risk = result.risks.find((each) => each.code === "ROL_BEFORE_RANKING_OPENS");
    expect(risk?.message).toContain("ranking was expected to open on Fri 15 Jan 2027, 10:00 PM GMT+5");
    expect(risk?.message).not.toContain("is expected to open");
  });
});
