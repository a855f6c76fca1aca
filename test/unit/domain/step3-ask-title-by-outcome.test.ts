import { describe, expect, it } from "vitest";
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
 * Step 3's sit-by reminder titles when the petition's day is out of reach ask the program about a
 * J-1 in the words of the applicant's outcome, as the card and the risk do: before Match Day no
 * program is known, so never "ask your program today". Emeka: Lagos, ranking on H-1B, certificate
 * and rank order list done, Step 3 not started, on Thu 25 Feb 2027 (only a visitor visa already
 * held would fit).
 */
const emeka = inputFactory({
  applicant: applicantFactory({
    timezone: "Africa/Lagos",
    matchYear: 2027,
    graduation: "2025-06-30",
    visa: "H-1B",
  }),
  milestones: [
    ...doneMilestones([...REGISTERED_KEYS, "ecfmg_certification"], "2026-09-10"),
    milestoneFactory("rank_order_list", "done", "2027-02-10"),
  ],
});

describe("the ask-the-program title before Match Day", () => {
  it("asks that program on Match Day, if they match, never 'your program today'", () => {
    const result = plan(emeka, seasonCalendar(2027), new Date("2027-02-25T10:00:00Z"));
    const titles = result.reminders
      .filter((each) => each.milestone === "usmle_step3" && each.title.includes("about a J-1"))
      .map((each) => each.title);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) {
      expect(title).toMatch(/^USMLE Step 3: if you match, ask that program on Match Day about a J-1; /);
      expect(title).not.toContain("your program today");
    }
    const card = result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";
    expect(card).toContain("Once Match Day tells you where you matched, ask that program at once");
  });
});
