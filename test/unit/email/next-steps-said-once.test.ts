import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "#test/unit/domain/factories.ts";

/**
 * A "Your next steps" bullet says each sentence of its step's action once in the email: a sentence an
 * item above already says goes from the bullet, which keeps its title and dates (and points to the
 * item when nothing of its action is left). Meera, Kolkata, 2027 Match, everything to NRMP done but
 * Step 2 CK, sat on 20 Jan 2027 with its result pending: her Step 2 CK emails before the rank order
 * list deadline lead with the result question, and its step is listed below with the deadline.
 */
const input = inputFactory({
  applicant: applicantFactory({
    fullName: "Meera Iyer",
    timezone: "Asia/Kolkata",
    matchYear: 2027,
    graduation: "2024-05-31",
  }),
  milestones: [
    ...doneMilestones(
      REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
      "2026-09-10",
    ),
    milestoneFactory("usmle_step2ck", "in_progress", "2027-01-20"),
  ],
});
const planned = plan(input, seasonCalendar(2027), new Date("2027-01-25T04:00:00Z"));
const sends = [...new Set(planned.reminders.map((reminder) => reminder.sendAt))].sort();
const emails = sends.map((at) =>
  renderReminderEmail({
    recipientName: "Meera Iyer",
    reminders: planned.reminders.filter((reminder) => reminder.sendAt === at),
    plan: planned,
    unsubscribeUrl: "https://example.org/unsubscribe",
    timezone: "Asia/Kolkata",
    milestones: input.milestones,
  }),
);
const sentences = (text: string) =>
  text
    .split(/(?<=[.!?])\s+(?=[A-Z(])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 60);

describe("a next step's bullet and the items above it", () => {
  it("never say one sentence twice", () => {
    const withStep2ck = emails.filter((email) => email.text.includes("- Pass USMLE Step 2 CK"));
    expect(withStep2ck.length).toBeGreaterThan(0);
    for (const email of emails) {
      const [above = "", below = ""] = email.text.split("Your next steps:");
      const bullets = below.split("\n\n")[0] ?? "";
      for (const sentence of sentences(above)) expect(bullets).not.toContain(sentence);
    }
  });

  it("keep the bullet's title and its dates, pointing to the item when it says all of the action", () => {
    const step = planned.nextSteps.find((each) => each.milestone === "usmle_step2ck");
    expect(step?.deadline).toBeDefined();
    // An email whose Step 2 CK item shows the step's action above its bullet.
    const email = emails.find(
      (each) =>
        each.text.includes("- Pass USMLE Step 2 CK") &&
        (each.text.split("Your next steps:")[0] ?? "").includes(`Next step: ${step?.action}`),
    );
    const bullet = email?.text.split("\n").find((line) => line.startsWith("- Pass USMLE Step 2 CK")) ?? "";
    expect(bullet).toContain(step?.deadline?.local.split(",")[0] ?? "no deadline");
    expect(bullet).toMatch(/^- Pass USMLE Step 2 CK: its next step is above \(/);
    expect(email?.html).toContain("Pass USMLE Step 2 CK");
  });
});
