import { describe, expect, it } from "vitest";
import { SOURCES_HEADING } from "#domain/date-words.ts";
import type { Risk } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { escapeHtml } from "#email/html.ts";
import { sourcesHtml, sourcesText } from "#email/item-sources.ts";
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

  it("prints each risk's sentence once, then its authorities' pages: links in HTML, addresses in text", () => {
    for (const risk of replanned.risks) {
      const label = risk.severity === "critical" ? "Critical" : "Warning";
      // Its notice says it in its own place (the first reminder here is the out-of-reach notice).
      const noticed = first.why.startsWith(risk.message);
      expect(email.text).toContain(
        noticed ? `Why it matters: ${risk.message}` : `- ${label}: ${risk.message}`,
      );
      expect(email.text.split(risk.message)).toHaveLength(2);
      expect(email.html.split(escapeHtml(risk.message))).toHaveLength(2);
      if (!noticed) expect(email.html).toContain(escapeHtml(`${label}: ${risk.message}`));
      // The pages of a projection rule's candidates are not the projected date's.
      const urls = [
        ...new Set(
          (risk.sources ?? [])
            .filter((source) => !source.startsWith("projected: "))
            .flatMap((source) => source.match(/https?:\/\/\S+/g) ?? []),
        ),
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

// For a risk about a projected date, the email kept only the addresses
// found inside the projection rule, i.e. the page of the candidate date that was NOT projected
// (the 2024 calendar, rank list 16 days before Match Day, for a deadline projected at 23 days;
// NRMP's Jan 31 page for a late fee projected from Nov 30). A reader who clicks sees another date.
describe("a projected date's sources in the email", () => {
  const h1b = plan(
    inputFactory({
      applicant: applicantFactory({
        matchYear: 2027,
        timezone: "Africa/Cairo",
        visa: "H-1B",
        graduation: "2024-06-30",
      }),
      milestones: doneMilestones(
        [
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "usmle_step2ck",
          "oet_medicine",
          "ecfmg_pathway",
        ],
        "2026-09-20",
      ),
    }),
    seasonCalendar(2027),
    new Date("2026-12-01T16:00:00Z"),
  );
  const risk = h1b.risks.find((each) => each.code === "STEP3_NEEDED_FOR_H1B");
  const candidatePage = "nrmp.org/about/news/2024/02/february-2024-illuminator";

  it("the risk is about the projected rank order list deadline, whose rule names a candidate's page", () => {
    expect(
      risk?.sources?.some((source) => source.startsWith("projected: ") && source.includes(candidatePage)),
    ).toBe(true);
  });

  // The email printed the rule ("How the projected date is set: Match Day
  // minus 23 days …"), which the README keeps on the timeline: the email says only that a date is
  // projected, and where the rules are.
  it("says a date is projected, points to the timeline for how, and links no candidate's page, in both parts", () => {
    if (risk === undefined) throw new Error("no STEP3_NEEDED_FOR_H1B risk");
    const timeline = "https://api.example.org/timeline?t=x";
    const text = sourcesText(risk.sources, timeline) || "";
    const html = sourcesHtml(risk.sources, timeline) || "";
    for (const part of [text, html.replace(/<[^>]+>/g, "")]) {
      expect(part).not.toContain("Match Day minus 23 days");
      expect(part).not.toContain("How the projected date");
      expect(part).toContain("not taken from the pages below, and your timeline shows how it is set");
      expect(part).toContain("residency.dom.pitt.edu");
    }
    for (const part of [text, html]) expect(part).not.toContain(candidatePage);
    expect(text).toContain(`${timeline}#risks`);
    expect(html).toContain(`href="${escapeHtml(`${timeline}#risks`)}"`);
  });
});

// A projected date beside a page that backs another fact: the email's "Sources:" line read as
// the date's source (a press release on interview timing under "Programs began reviewing
// applications on Wed 23 Sep 2026 (projected)").
describe("a projected date is the projection rule's, never the pages listed after it", () => {
  const timeline = "https://api.example.org/timeline?t=y";
  const release = "https://www.example.org/news/interview-season (interviews take place through the winter)";
  const risk = (message: string, sources: string[]): Risk => ({
    code: "ERAS_LATE_SUBMISSION",
    severity: "critical",
    message,
    milestones: ["eras_application"],
    sources,
  });
  const sourcesOf = (each: Risk, timelineUrl: string) =>
    sourcesText(each.sources, timelineUrl, "risk", each.message);

  it("with the rule among its sources: the date is Matchpath's projection, not the pages below", () => {
    const text = sourcesOf(
      risk("Programs began reviewing applications on Wed 23 Sep 2026 (projected).", [
        "projected: Three weeks after applicants may first submit, 9:00 AM ET",
        release,
      ]),
      timeline,
    );
    expect(text).toContain("projected by Matchpath's rule, not taken from the pages below");
    expect(text).toContain("Sources: https://www.example.org/news/interview-season");
  });

  it("with only pages among its sources: the message's projected date still says whose it is", () => {
    const text = sourcesOf(
      risk("Submit your Pathway application by Sat 27 Dec 2025 (projected).", [release]),
      timeline,
    );
    expect(text).toContain("projected by Matchpath's rule, not taken from the pages below");
  });

  it("with no page to list: no 'pages below'", () => {
    const text = sourcesOf(risk("Act by Sat 27 Dec 2025 (projected).", []), timeline);
    expect(text).toContain("projected by Matchpath's rule and your timeline shows how it is set");
    expect(text).not.toContain("pages below");
  });
});
