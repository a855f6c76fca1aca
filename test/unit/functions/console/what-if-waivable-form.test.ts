import { describe, expect, it } from "vitest";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { whatIfFragment } from "../../../../functions/console/pages/what-if.ts";

/**
 * The what-if's Status list offered "waived" for every step. The form now
 * marks the steps an applicant may skip (the catalog's `waivable`) so the page's script offers
 * "waived" only for those, and the option says which they are (the check refuses the rest, without
 * the script too).
 */
describe("the what-if form's waived status", () => {
  const state = { profile: profileFactory(), milestones: [], interviews: [], ledger: [] };
  const plan = domainPlanning.plan(state, new Date("2026-10-01T12:00:00Z"));
  const view: ApplicantView = { state, plan, audit: [], submissions: [], events: [] };
  const form = whatIfFragment(view);

  it("marks exactly the waivable milestones", () => {
    expect(form).toMatch(/<option value="research" data-waivable>/);
    // SOAP's option also carries its Done's words (data-done): what-if-done-label.test.ts.
    expect(form).toMatch(/<option value="soap"[^>]* data-waivable>/);
    // The H-1B stamping, skipped on an in-US change of status (its Done, the visa issued, in data-done).
    expect(form).toMatch(/<option value="visa_h1b_stamping"[^>]* data-waivable>/);
    expect(form).toMatch(/<option value="usmle_step2ck">/);
    expect(form.match(/data-waivable>/g)).toHaveLength(3);
  });

  it("says on the option which steps may be waived", () => {
    expect(form).toContain(
      '<option value="waived" data-only-waivable>waived: only for Research experience (optional), SOAP, H-1B visa stamping at the US consulate</option>',
    );
  });
});

/**
 * SOAP done is an accepted SOAP offer: the what-if's Status option says so in the words of the
 * console's Mark button (DONE_RECORDS), one source of words, so a SOAP done tried in a what-if
 * is not read as preparation; on SOAP only (test/unit/pages/what-if-done-label.test.ts): the form
 * starts at another step, whose Done reads "done", and SOAP's option carries its words.
 */
describe("the what-if form's done status", () => {
  const state = { profile: profileFactory(), milestones: [], interviews: [], ledger: [] };
  const plan = domainPlanning.plan(state, new Date("2026-10-01T12:00:00Z"));
  const form = whatIfFragment({ state, plan, audit: [], submissions: [], events: [] });

  it("reads 'done (SOAP: offer accepted)' for SOAP, 'done' for the step the form starts at", () => {
    expect(form).toContain('<option value="done">done</option>');
    expect(form).toMatch(/<option value="soap" data-done="done \(SOAP: offer accepted\)" data-waivable>/);
  });
});
