import { describe, expect, it } from "vitest";
import { SOURCES_HEADING } from "#domain/date-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { escapeHtml } from "#email/html.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantFactory, doneMilestones, inputFactory } from "#test/unit/domain/factories.ts";

// Risks are a plain sentence with their provenance in Risk.sources (r9b): the email shows both,
// the sentence as the planner wrote it and the sources beside it, as the timeline does; it strips
// nothing.
const replanned = plan(
  inputFactory({
    applicant: applicantFactory({ matchYear: 2027, graduation: "2025-06-30" }),
    milestones: doneMilestones(["wdoms_listing", "ecfmg_application"], "2026-05-01"),
  }),
  seasonCalendar(2027),
  new Date("2026-06-10T12:00:00Z"),
);
const [first] = replanned.reminders;

describe("risks in the reminder email", () => {
  if (first === undefined) throw new Error("the scenario has no reminder");
  const email = renderReminderEmail({
    recipientName: "Asha Rao",
    reminders: [first],
    plan: replanned,
    unsubscribeUrl: "https://example.org/unsubscribe",
  });

  it("the scenario has risks with sources, and sentences without addresses", () => {
    expect(replanned.risks.some((risk) => (risk.sources?.length ?? 0) > 0)).toBe(true);
    for (const risk of replanned.risks) expect(risk.message).not.toMatch(/https?:\/\//);
  });

  it("prints each risk's sentence, then its authorities' pages: links in HTML, addresses in text (tester s7 C1, C2)", () => {
    for (const risk of replanned.risks) {
      const label = risk.severity === "critical" ? "Critical" : "Warning";
      expect(email.text).toContain(`- ${label}: ${risk.message}`);
      expect(email.html).toContain(escapeHtml(`${label}: ${risk.message}`));
      const urls = [
        ...new Set((risk.sources ?? []).flatMap((source) => source.match(/https?:\/\/\S+/g) ?? [])),
      ];
      for (const url of urls.map((u) => u.replace(/[).,;:]+$/, ""))) {
        expect(email.text).toContain(url);
        expect(email.html).toContain(`href="${escapeHtml(url)}" target="_blank"`);
      }
    }
  });

  it("leaves rule text, catalog keys and the heading of the timeline's sources out of both parts", () => {
    const rules = replanned.risks.flatMap((risk) => risk.sources ?? []).filter((s) => !/^https?:/.test(s));
    expect(rules.length).toBeGreaterThan(0);
    for (const part of [email.text, email.html]) {
      expect(part).not.toContain(SOURCES_HEADING);
      expect(part).not.toMatch(/-\d+ days from the|projected: |target: |advice: seed article/);
    }
  });
});
