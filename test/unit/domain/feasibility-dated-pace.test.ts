import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * MATCH_YEAR_NOT_FEASIBLE's "what it would take" can be followed by hand
 * (test/fixtures/feasibility-dated-pace, Quito, on Fri 15 Jan 2027): each USMLE Step is sat its
 * preparation days after today (Step 2 CK: after Step 1's sitting), reported its result days after
 * the sitting, and the last report is the day the risk says everything is reported.
 */
const FIXTURES = new URL("../../fixtures/feasibility-dated-pace/", import.meta.url).pathname;
const NOW = "2027-01-15T12:00:00Z";
const TODAY = Date.UTC(2027, 0, 15);
const DAY = 86_400_000;

const message = (result: Plan) =>
  result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.message ?? "";
/** "Sat 15 May 2027" as a UTC midnight. */
const dayAt = (text: string) => Date.parse(`${text.slice(4)} UTC`);

interface Take {
  title: string;
  prep: number;
  result: number;
  from: string;
  sat: number;
  reported: number;
}

function usmleTakes(words: string): Take[] {
  const pattern =
    /(USMLE Step [^:]+): about (\d+) days of preparation, with FSMB's scheduling permit and a test date within about \d+ days sought meanwhile, then about (\d+) days for the result \((counting study [^,]+), sat around (\w{3} \d{1,2} \w{3} \d{4}), reported around (\w{3} \d{1,2} \w{3} \d{4})\)/g;
  return [...words.matchAll(pattern)].map((match) => ({
    title: match[1] as string,
    prep: Number(match[2]),
    result: Number(match[3]),
    from: match[4] as string,
    sat: dayAt(match[5] as string),
    reported: dayAt(match[6] as string),
  }));
}

describe("MATCH_YEAR_NOT_FEASIBLE's fastest pace adds up from the lead times it cites", () => {
  it("nothing done: Step 1 from today, Step 2 CK after Step 1's sitting, to the day the risk names", () => {
    const words = message(planInOwnMatch(readSnapshot(FIXTURES, "nothing-done-quito.json"), NOW));
    const [step1, step2] = usmleTakes(words);
    expect(step1?.title).toBe("USMLE Step 1");
    expect(step1?.from).toBe("counting study from today");
    expect(step1?.sat).toBe(TODAY + (step1?.prep ?? 0) * DAY);
    expect(step1?.reported).toBe((step1?.sat ?? 0) + (step1?.result ?? 0) * DAY);
    expect(step2?.title).toBe("USMLE Step 2 CK");
    expect(step2?.from).toBe("counting study after Step 1's sitting");
    expect(step2?.sat).toBe((step1?.sat ?? 0) + (step2?.prep ?? 0) * DAY);
    expect(step2?.reported).toBe((step2?.sat ?? 0) + (step2?.result ?? 0) * DAY);
    expect(words).toContain("would be reported around Sun 10 Oct 2027");
    expect(words).toContain("(approved around Thu 15 Apr 2027)");
    expect(words).not.toContain("no weeks of study counted");
  });

  it("Step 1 done: Step 2 CK is studied for from today and its report is the risk's day", () => {
    const words = message(planInOwnMatch(readSnapshot(FIXTURES, "step1-done-quito.json"), NOW));
    const [step2] = usmleTakes(words);
    expect(step2?.title).toBe("USMLE Step 2 CK");
    expect(step2?.sat).toBe(TODAY + (step2?.prep ?? 0) * DAY);
    expect(step2?.reported).toBe((step2?.sat ?? 0) + (step2?.result ?? 0) * DAY);
    expect(words).toContain("would be reported around Sat 12 Jun 2027");
  });
});
