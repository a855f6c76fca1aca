import { describe, expect, it } from "vitest";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Youssef in Cairo began his NRMP registration (in progress) and the early registration deadline
 * has passed. An advisor tells him what finishes it (complete it in R3, with the late fee if R3
 * charges it), never "register now" nor a "Start now" notice: that reads as if his R3 account did
 * not count and invites a second one.
 */
describe("NRMP registration begun, after the early registration deadline (Cairo, 2027 Match)", () => {
  const result = planFor(
    inputFactory({
      applicant: applicantFactory({ timezone: "Africa/Cairo", matchYear: 2027, graduation: "2025-03-31" }),
      milestones: [
        ...(
          [
            "wdoms_listing",
            "ecfmg_application",
            "usmle_step1",
            "usmle_step2ck",
            "oet_medicine",
            "ecfmg_pathway",
            "eras_token",
            "eras_application",
          ] as const
        ).map((key) => milestoneFactory(key, "done", "2026-09-20")),
        milestoneFactory("nrmp_registration", "in_progress"),
      ],
    }),
    "2026-12-06T21:00:00+02:00",
  );
  const card = result.nextSteps.find((step) => step.milestone === "nrmp_registration")?.action ?? "";

  it("its card says to finish the registration begun, with the late fee, not to register", () => {
    expect(card).toContain("your NRMP registration is begun, not complete: finish it in R3 now");
    expect(card).toContain("late registration fee");
    expect(card).not.toContain("register with NRMP (R3) now");
  });

  it("no reminder tells him to start it, while the follow-ups toward late registration's close stay", () => {
    const own = result.reminders.filter((reminder) => reminder.milestone === "nrmp_registration");
    expect(own.some((reminder) => reminder.rung === "start-by")).toBe(false);
    expect(own.some((reminder) => reminder.rung === "after-early-deadline")).toBe(true);
  });
});
