import { describe, expect, it } from "vitest";
import { MILESTONE_KEYS } from "#domain/snapshot-keys.ts";
import { DONE_RECORDS } from "#domain/step-actions.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { whatIfFragment } from "../../../functions/console/pages/what-if.ts";

/**
 * The console what-if's Status list read "done (SOAP: offer accepted)" whatever milestone was
 * chosen (the default, the ECFMG sponsor note, included). Done's step-specific words show only for
 * the step they belong to, from the same source as the console's Mark button (DONE_RECORDS); every
 * other step reads "done". The form is rendered with its first milestone chosen, so the option reads
 * that step's words; a step whose Done records more carries its own on its Milestone option
 * (data-done), which the console's script puts on the option when that step is chosen.
 */
describe("the what-if's Done option follows the chosen milestone", () => {
  const state = { profile: profileFactory(), milestones: [], interviews: [], ledger: [] };
  const plan = domainPlanning.plan(state, new Date("2026-10-01T12:00:00Z"));
  const form = whatIfFragment({ state, plan, audit: [], submissions: [], events: [] });
  const optionOf = (key: string) => form.match(new RegExp(`<option value="${key}"[^>]*>`))?.[0] ?? "";

  it("reads plain 'done' for the milestone the form starts at", () => {
    expect(MILESTONE_KEYS[0]).not.toBe("soap");
    expect(optionOf(MILESTONE_KEYS[0] ?? "")).not.toContain(" selected");
    expect(form).toContain('<option value="done">done</option>');
    expect(form).not.toContain(">done (SOAP: offer accepted)<");
  });

  it("SOAP carries 'done (SOAP: offer accepted)', the Mark button's words; no other step carries any", () => {
    expect(optionOf("soap")).toContain('data-done="done (SOAP: offer accepted)"');
    expect(DONE_RECORDS.soap?.advisor).toBe("SOAP: offer accepted");
    for (const key of MILESTONE_KEYS) {
      const record = DONE_RECORDS[key];
      if (record === undefined) expect(optionOf(key), key).not.toContain("data-done");
      else expect(optionOf(key), key).toContain(`data-done="done (${record.advisor})"`);
    }
    expect(form.match(/data-done=/g)).toHaveLength(Object.keys(DONE_RECORDS).length);
  });
});
