import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { actionLabel } from "#domain/applicant-choices.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { DONE_RECORDS } from "#domain/step-actions.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { readSnapshot } from "#test/unit/domain/fixture-snapshots.ts";

/**
 * A Pathway the plan presumes done is asked about: "Have you submitted your ECFMG Pathway
 * application?". The item's Done records the Pathway done, which the catalog counts only when
 * ECFMG accepts the application (a submitted one is in progress, under review), so a bare "Done"
 * under "submitted?" recorded more than the applicant was asked. The button says what it records,
 * naming the application as the question does.
 */
const DIR = fileURLToPath(new URL("../../fixtures/presumed-step-certificate-blocked/", import.meta.url));
const snapshot = readSnapshot(DIR, "step2ck-result-unreported-dhaka.json");
const NOW = new Date("2026-12-20T03:00:00Z"); // 09:00 in Dhaka, the question's first slot
const WORDS = "ECFMG accepted my Pathway application";

describe("the presumed Pathway's question offers a Done that says what it records", () => {
  it("the button reads that ECFMG accepted the Pathway application, never a bare Done", () => {
    const result = plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), NOW);
    const question = result.reminders.find(
      (each) => each.milestone === "ecfmg_pathway" && each.title.startsWith("Have you submitted"),
    );
    expect(question?.sendAt).toBe(NOW.toISOString());
    const email = renderReminderEmail({
      recipientName: "Rahim Uddin",
      reminders: question === undefined ? [] : [question],
      plan: result,
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "app-1",
        feedGeneration: 0,
        now: NOW,
      }),
      unsubscribeUrl: "https://example.org/unsubscribe",
      milestones: snapshot.milestones,
    });
    expect(email.text).toMatch(new RegExp(`${WORDS}[^:\\n]*: https://api\\.example\\.org/actions\\?`));
    expect(email.html).toContain(`>${WORDS}`);
    // The question's own item (before the links to the timeline) offers no bare Done.
    const item = email.text.slice(0, email.text.indexOf("Your whole timeline"));
    expect(item).toContain("Have you submitted your ECFMG Pathway application?");
    expect(item).not.toMatch(/^\s*Done: https:/m);
  });

  it("the action page asks, and the console marks, the same thing", () => {
    expect(actionLabel("ecfmg_pathway", "done")).toBe(WORDS);
    expect(DONE_RECORDS.ecfmg_pathway?.question).toBe("Has ECFMG accepted your Pathway application?");
    expect(DONE_RECORDS.ecfmg_pathway?.advisor).toBe("ECFMG Pathway: application accepted");
  });
});
