import { describe, expect, it } from "vitest";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "./factories.ts";

// The ECFMG certificate's follow-ups for an H-1B applicant (Cairo, every exam and the Pathway done,
// no certificate, no Step 3) named the residency date, "the latest day that still works is ... Jun
// 2027", while the date that matters on the H-1B track is the ranking one: the certificate must
// come early enough for Step 3 (FSMB's processing and a US test date) before Step 3's own date.
const input = inputFactory({
  applicant: applicantFactory({
    matchYear: 2027,
    timezone: "Africa/Cairo",
    visa: "H-1B",
    graduation: "2025-06-30",
  }),
  milestones: doneMilestones(REGISTERED_KEYS, "2026-09-01"),
});
const followUps = (now: string) =>
  planFor(input, now).reminders.filter(
    (r) => r.milestone === "ecfmg_certification" && (r.rung === "after-target" || r.rung === "target-passed"),
  );

describe("the ECFMG certificate's follow-ups on the H-1B track", () => {
  it("name the ranking's last day, not the residency date, as the latest day that still works", () => {
    const sent = followUps("2026-12-01T16:00:00Z");
    expect(sent.length).toBeGreaterThan(0);
    for (const reminder of sent) {
      expect(reminder.why).not.toMatch(/The latest day that still works is \w{3} 1[67] Jun 2027/);
      expect(reminder.why).toMatch(/For ranking on H-1B/);
      expect(reminder.why).toMatch(/to start residency/);
    }
  });

  it("say ranking on H-1B is most likely out of reach once that day has passed", () => {
    // The target (Fri 20 Nov 2026, counted to Sat 21 Nov and moved off the weekend) and, holding a visitor visa, the days the visa outlasts FSMB's processing later (Wed 6 Jan 2027) passed.
    const why = followUps("2027-01-10T16:00:00Z")[0]?.why ?? "";
    expect(why).toContain("most likely out of reach");
  });

  it("give the last day for a visitor-visa holder while it is ahead (FSMB's 2 weeks)", () => {
    const why = followUps("2026-12-01T16:00:00Z")[0]?.why ?? "";
    expect(why).toContain("For ranking on H-1B the certificate was needed by Fri 20 Nov 2026");
    expect(why).toContain("only if you already hold a visitor visa does Wed 6 Jan 2027 still work");
  });
});
