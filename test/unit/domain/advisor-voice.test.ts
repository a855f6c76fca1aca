import { describe, expect, it } from "vitest";
import { stepForAdvisor, stepName } from "#domain/console/advisor-voice.ts";
import { MILESTONE_KEYS } from "#domain/snapshot.ts";

/** Step names for the advisor (tester s4 papercut 9): never the applicant's second person. */
describe("steps in the advisor's words", () => {
  it.each(MILESTONE_KEYS.map((key) => [key]))("%s has a name without 'you' or 'your'", (key) => {
    expect(stepName(key)).not.toMatch(/\byou(r)?\b/i);
    expect(stepName(key).length).toBeGreaterThan(2);
  });

  it("a milestone step is named by its key; an interview keeps the plan's title, which names the program", () => {
    expect(
      stepForAdvisor({ milestone: "match_week", title: "Match Week: find out whether you matched" }),
    ).toBe("Match Week: whether they matched");
    expect(stepForAdvisor({ milestone: "interview", title: "Interview at Mercy Hospital" })).toBe(
      "Interview at Mercy Hospital",
    );
  });
});
