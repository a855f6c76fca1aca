import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Step 3's days to apply to FSMB by count FSMB's usual two weeks of processing, but FSMB says it may
 * need up to 12 weeks to verify graduation (https://www.fsmb.org/step-3/step-3-information/, the fact
 * sheet's "Step 3 timing for H-1B"). A day to apply by, or "there is still time", read alone promised
 * an applicant abroad time the 12 weeks may take: every such text says both figures, and a risk
 * that says them cites both.
 */
const FIXTURES = fileURLToPath(new URL("../../fixtures/", import.meta.url));
const KARACHI = join(FIXTURES, "step3-fsmb-verification-weeks/h1b-karachi-pathway-under-review-2027.json");
const read = (path: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(path, "utf8")));

/** The figures, written out here (not imported), so the test checks the words applicants read. */
const BOTH_FIGURES =
  "FSMB's processing takes about 2 weeks, but FSMB says it may need up to 12 weeks to verify your graduation, so apply";
const PROCESSING_SOURCE = "processing from the application to the scheduling permit is approximately 2 weeks";
const VERIFICATION_SOURCE =
  "it can take up to 12 weeks after you graduate for FSMB to verify your graduation";
/**
 * A Step 3 day to apply to FSMB by, or a promise of time left. Not a retake's "reapply to FSMB now"
 * (SCORE_BELOW_PASSING): FSMB verified the graduation for the failed attempt already.
 */
const PROMISE =
  /(?<!re)apply to FSMB (by|now|that day)|there is still time|can you still apply|can still count/;

const riskOf = (result: Plan) => result.risks.find((risk) => risk.code === "STEP3_NEEDED_FOR_H1B");

describe("Step 3's days to apply to FSMB by say FSMB's up to 12 weeks", () => {
  it("Karachi, 5 Dec 2026, certificate pending: 'there is still time' says both figures and waits for the certificate", () => {
    const result = plan(read(KARACHI), seasonCalendar(2027), new Date("2026-12-05T05:00:00Z"));
    const risk = riskOf(result);
    expect(risk?.message).toContain("there is still time: get your ECFMG certificate and apply to FSMB by");
    expect(risk?.message).toContain(
      `(our advice). ${BOTH_FIGURES} the day your ECFMG certificate is issued.`,
    );
    // Never "apply now" while FSMB cannot take the application yet.
    expect(risk?.message).not.toContain(`${BOTH_FIGURES} now`);
    expect(risk?.sources?.some((source) => source.includes(PROCESSING_SOURCE))).toBe(true);
    expect(risk?.sources?.some((source) => source.includes(VERIFICATION_SOURCE))).toBe(true);
  });

  it("with the certificate issued, the same sentence says apply now", () => {
    const input = read(KARACHI);
    const milestones = input.milestones.map((entry) =>
      entry.key === "ecfmg_pathway" ? { ...entry, status: "done" as const, date: "2026-11-02" } : entry,
    );
    milestones.push({ key: "ecfmg_certification", status: "done", date: "2026-11-20" });
    const result = plan({ ...input, milestones }, seasonCalendar(2027), new Date("2026-12-05T05:00:00Z"));
    const risk = riskOf(result);
    expect(risk?.message).toMatch(PROMISE);
    expect(risk?.message).toContain(`${BOTH_FIGURES} now.`);
  });

  it("every H-1B fixture, planned through its season: each text with a day to apply to FSMB by says both figures", () => {
    const inputs = h1bFixtures();
    expect(inputs.length).toBeGreaterThan(10);
    let promises = 0;
    for (const input of inputs) {
      const year = input.applicant.matchYear;
      const calendar = seasonCalendar(year);
      for (let at = Date.UTC(year - 1, 10, 1); at < Date.UTC(year, 6, 1); at += 9 * 86_400_000) {
        const result = plan(input, calendar, new Date(at));
        for (const texts of textsOf(result)) {
          if (!PROMISE.test(texts.said)) continue;
          promises += 1;
          // Once per text: a card giving the day twice says the figures once.
          expect(texts.said.split(BOTH_FIGURES).length, texts.said).toBeLessThanOrEqual(2);
          expect(texts.said, `${input.applicant.externalId} at ${new Date(at).toISOString()}`).toContain(
            BOTH_FIGURES,
          );
          if (texts.sources !== undefined) {
            expect(texts.sources.some((source) => source.includes(VERIFICATION_SOURCE))).toBe(true);
            expect(texts.sources.some((source) => source.includes(PROCESSING_SOURCE))).toBe(true);
          }
        }
      }
    }
    // The check is not vacuous: the fixtures reach such texts.
    expect(promises).toBeGreaterThan(20);
  });
});

/** Every H-1B applicant snapshot among the fixtures (files that are not snapshots are skipped). */
function h1bFixtures(): ApplicantSnapshot[] {
  const found: ApplicantSnapshot[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".json") && statSync(path).size < 200_000) {
        const text = readFileSync(path, "utf8");
        if (!text.includes('"H-1B"')) continue;
        const parsed = ApplicantSnapshotSchema.safeParse(JSON.parse(text));
        if (parsed.success && parsed.data.applicant.visa === "H-1B") found.push(parsed.data);
      }
    }
  };
  walk(FIXTURES);
  return found;
}

/** Each risk, step and reminder's own words together (title, why, action, message) and its sources. */
function textsOf(result: Plan): { said: string; sources?: readonly string[] }[] {
  const out: { said: string; sources?: readonly string[] }[] = [];
  const own = (item: object): string =>
    Object.values(item)
      .filter((value): value is string => typeof value === "string")
      .join(" | ");
  for (const risk of result.risks) out.push({ said: risk.message, sources: risk.sources ?? [] });
  for (const step of [...result.nextSteps, ...result.blocked]) out.push({ said: own(step) });
  for (const reminder of result.reminders) out.push({ said: own(reminder) });
  return out;
}
