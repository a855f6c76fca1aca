import { describe, expect, it } from "vitest";
import type { MilestoneKey, MilestoneStatus } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// Amaka, Lagos, 2027 Match, on 7 Dec 2026: she reports USMLE Step 2 CK (or the OET) "in progress"
// with a day ahead, 10 Jan 2027 (the OET 19 Dec 2026, before its last sitting day). In progress says she is preparing, not that the seat is booked:
// the card must not read "Your exam is on Sun 10 Jan 2027" as a booking would.
const amaka = (key: MilestoneKey, status: MilestoneStatus, day: string) =>
  inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: "Africa/Lagos", graduation: "2025-07-31" }),
    milestones: [
      ...doneMilestones(
        (
          ["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine"] as const
        ).filter((done) => done !== key),
        "2026-05-16",
      ),
      milestoneFactory(key, status, day),
    ],
  });
const card = (key: MilestoneKey, status: MilestoneStatus, day = "2027-01-10") =>
  planFor(amaka(key, status, day), "2026-12-07T12:00:00Z").nextSteps.find((step) => step.milestone === key)
    ?.action ?? "";

describe("an exam in progress with its day ahead: preparing for it, not booked", () => {
  it("Step 2 CK: asks whether the test date is booked, never 'Your exam is on'", () => {
    const words = card("usmle_step2ck", "in_progress");
    expect(words).toContain("You are preparing to sit it on Sun 10 Jan 2027");
    expect(words).toContain("If that test date is booked, tell us");
    expect(words).not.toContain("Your exam is on");
  });

  it("the OET likewise: asks whether the sitting is booked", () => {
    const words = card("oet_medicine", "in_progress", "2026-12-19");
    expect(words).toContain("You are preparing to sit it on Sat 19 Dec 2026");
    expect(words).not.toContain("Your OET sitting is on");
  });

  it("booked (scheduled) on that day: the booking's words", () => {
    expect(card("usmle_step2ck", "scheduled")).toContain("Your exam is on Sun 10 Jan 2027");
  });
});
