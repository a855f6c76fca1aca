import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import { stepName } from "#domain/console/advisor-voice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { actionConfirmationPage } from "#pages/action-pages.ts";
import { readSnapshot } from "#test/unit/domain/fixture-snapshots.ts";
import { planFactory, profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";

/**
 * SOAP done is an accepted SOAP offer, so wherever the step is
 * named for people its Done says so: the email's button "I accepted a SOAP offer", the console's
 * "Mark SOAP: offer accepted" and its confirmation; the step is named "SOAP", never "SOAP preparation".
 */
const DIR = fileURLToPath(new URL("../../../fixtures/soap-done-before-offers/", import.meta.url));
const fixture = readSnapshot(DIR, "soap-done-monday-accra-2027.json");
// In Match Week, SOAP not answered yet: the SOAP step offers its Done from SOAP's first offer
// round (Wed 17 Mar 2027, 9:00 AM ET as planned), when an accepted offer can be true.
const milestones = fixture.milestones.filter((entry) => entry.key !== "soap");
const NOW = new Date("2027-03-17T14:00:00Z");

describe("SOAP's Done reads as what it records, an accepted offer", () => {
  it("names the step SOAP, not SOAP preparation", () => {
    expect(stepName("soap")).toBe("SOAP");
    expect(catalogEntry("soap").title).not.toMatch(/prepar/i);
  });

  it("the email's button on SOAP says 'I accepted a SOAP offer', never a bare Done", () => {
    const result = plan({ ...fixture, milestones }, seasonCalendar(2027), NOW);
    const soap = result.reminders.filter((reminder) => reminder.milestone === "soap");
    expect(soap.length).toBeGreaterThan(0);
    const email = renderReminderEmail({
      recipientName: "Kofi Asante",
      reminders: soap.slice(0, 1),
      plan: result,
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "app-1",
        feedGeneration: 0,
        now: NOW,
      }),
      unsubscribeUrl: "https://example.org/unsubscribe",
      milestones,
    });
    expect(email.text).toMatch(/I accepted a SOAP offer[^:\n]*: https:\/\/api\.example\.org\/actions\?/);
    expect(email.html).toContain(">I accepted a SOAP offer");
    expect(email.text).not.toMatch(/^\s*Done[^:\n]*: https:\/\/api\.example\.org\/actions\?.*action=done/m);
  });

  it("the console's button and its confirmation say 'Mark SOAP: offer accepted'", () => {
    const state = {
      profile: profileFactory({ timezone: "Africa/Accra", matchYear: 2027, fullName: "Kofi Asante" }),
      milestones,
      interviews: [],
      ledger: [],
    };
    const view: ApplicantView = {
      state,
      plan: domainPlanning.plan(state, NOW),
      audit: [],
      submissions: [],
      events: [],
    };
    const html = applicantFragment(view, "2027-03-17");
    const form = html.slice(
      html.indexOf('milestones/soap"'),
      html.indexOf("</form>", html.indexOf('milestones/soap"')),
    );
    expect(form).toContain(
      'hx-confirm="Mark SOAP: offer accepted for Kofi Asante? It is recorded as yours."',
    );
    expect(form).toContain('<button type="submit">Mark SOAP: offer accepted</button>');
    expect(html).not.toContain("SOAP preparation");
  });

  it("the page a Done link opens asks 'Did you accept a SOAP offer in R3?'", () => {
    const page =
      actionConfirmationPage(
        {
          claims: {
            purpose: "action",
            applicantId: "a_kofi",
            milestone: "soap",
            action: "done",
            issuedAt: NOW,
            expiresAt: new Date("2027-04-16T10:00:00Z"),
            nonce: "n1",
            keyId: "k1",
          },
          state: { profile: profileFactory(), milestones: [], interviews: [], ledger: [] },
          plan: planFactory(),
          title: catalogEntry("soap").title,
          currentStatus: "not_started",
          alreadyApplied: false,
          seasonPassed: false,
          snoozeOptions: [],
          today: "2027-03-17",
          latest: "2027-07-01",
        },
        "?x",
        "https://api.example.org/timeline",
      ).body ?? "";
    expect(page).toContain("<h1>Did you accept a SOAP offer in R3?</h1>");
    expect(page).toContain('<button type="submit" class="primary">Yes, I accepted a SOAP offer</button>');
  });
});
