import { describe, expect, it } from "vitest";
import { dateBasis } from "#domain/date-basis.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { withStepSources } from "#domain/step-sources.ts";
import { sourcesText } from "#email/item-sources.ts";
import { matched2027, milestoneFactory } from "#test/unit/domain/factories.ts";

// A card dated by our advice counted back from a projected date (the certificate for a matched J-1,
// due as the sponsorship is, "residency_start (projected: July 1 …) -14 days; advice: …") is our
// advice on every display: the email's sources line never adds "A date in this step is projected",
// while a card that is an authority's projected date keeps that note.
const ZONE = "Africa/Lagos";
const matched = plan(
  matched2027(ZONE, { extra: [milestoneFactory("ecfmg_certification", "in_progress", "2026-12-01")] }),
  seasonCalendar(2027),
  new Date("2027-04-10T09:00:00Z"),
);
const cards = withStepSources(matched, ZONE).nextSteps;

describe("the email's projected note beside a step's sources", () => {
  it("is absent on a card whose date is our advice counted from a projected date", () => {
    const certificate = cards.find((step) => step.milestone === "ecfmg_certification");
    expect(certificate?.deadline && dateBasis(certificate.deadline)).toBe("advice");
    expect(certificate?.sources?.some((source) => source.includes("projected: "))).toBe(true);
    expect(sourcesText(certificate?.sources, "https://example.org/t", "step") || "").not.toContain(
      "is projected",
    );
  });

  it("stays on a card dated by an authority's projected date", () => {
    const early = plan(
      matched2027(ZONE, { matchDay: false }),
      seasonCalendar(2027),
      new Date("2027-03-16T09:00:00Z"),
    );
    const matchDay = withStepSources(early, ZONE).nextSteps.find((step) => step.milestone === "match_day");
    expect(matchDay?.deadline && dateBasis(matchDay.deadline)).toBe("projected");
    expect(sourcesText(matchDay?.sources, "https://example.org/t", "step")).toContain(
      "A date in this step is projected by Matchpath's rule",
    );
  });
});
