import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";

/**
 * Match Day never reported (Lucia, Lima, list certified): the steps after Match Day wait on her
 * result with the dates planned as for a matched applicant. On the timeline a passed one reads
 * "Planned for", as the CLI's bare date: never "Due" a past day, never overdue.
 */
const FILE = new URL("../../fixtures/blocked-step-dates/match-unreported-j1-lima.json", import.meta.url);
const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const pageAt = (at: string) => {
  const now = new Date(at);
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "app-lima",
    feedGeneration: 0,
    now,
  });
  const planned = plan(snapshot, seasonCalendar(2027), now);
  return timelinePage({
    firstName: "Lucia",
    timezone: "America/Lima",
    plan: planned,
    links,
    comingReminders: [],
  }).body as string;
};
const waitingSection = (html: string) =>
  html.slice(html.indexOf('id="blocked"'), html.indexOf("</section>", html.indexOf('id="blocked"')));

describe("the timeline's waiting steps after an unreported Match Day", () => {
  it("in June: the contract's passed date reads 'Planned for', the visa's ahead one 'Due'", () => {
    const waiting = waitingSection(pageAt("2027-06-10T14:00:00Z"));
    expect(waiting).toContain("Sign your program");
    expect(waiting).toMatch(/Planned for <strong>Fri 2 Apr 2027/);
    expect(waiting).toMatch(/Due <strong>Wed 16 Jun 2027/);
    expect(waiting).not.toMatch(/Due <strong>Fri 2 Apr 2027/);
    expect(waiting).not.toContain("verdue");
  });
});
