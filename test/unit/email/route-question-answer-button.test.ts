import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ROUTE_QUESTION } from "#domain/planner/h1b-in-us.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { planInOwnMatch, readSnapshot } from "#test/unit/domain/fixture-snapshots.ts";

/**
 * The route question on the H-1B petition's card ("Will your program file a change of status or
 * consular processing?") rides on that card while the stamping step waits for the petition. Its
 * email item offered the petition's Done, which marks the petition approved, not the answer. It now
 * offers the stamping's Not for me (a change of status), which the action link accepts while the
 * stamping waits; its next step is still the petition's card, which tells the consular route.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-route-on-petition/", import.meta.url));
const SIGNED: ApplicantSnapshot = readSnapshot(DIR, "chicago-contract-signed.json");
const now = new Date("2027-03-27T14:00:00Z");
const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "app-1",
  feedGeneration: 0,
  now,
});

describe("the H-1B route question's email item, in the US", () => {
  const plan = planInOwnMatch(SIGNED, now.toISOString());
  const asked = plan.reminders.find((reminder) => reminder.title === ROUTE_QUESTION);
  if (asked === undefined) throw new Error("the scenario has no route question");
  const email = renderReminderEmail({
    recipientName: "Bilal Rashid",
    reminders: [asked],
    plan,
    links,
    unsubscribeUrl: "https://example.org/unsubscribe",
    timezone: SIGNED.applicant.timezone,
    milestones: SIGNED.milestones,
  });
  const label = "Not for me (my program files a change of status: no H-1B visa stamping)";

  it("offers the stamping's Not for me, never the petition's Done", () => {
    const start = email.text.indexOf(`1. ${ROUTE_QUESTION}`);
    expect(start).toBeGreaterThanOrEqual(0);
    const item = email.text.slice(start, email.text.indexOf("\n\n", start));
    expect(item).toContain(`   ${label}: ${links.action("visa_h1b_stamping", "waive")}`);
    expect(item).not.toMatch(/^ {3}Done/m);
    const html = email.html.slice(0, email.html.indexOf("Your next steps"));
    expect(html).toContain(`>${label}</a>`);
    expect(html).not.toMatch(/>Done<\/a>/);
  });
});
