import { describe, expect, it } from "vitest";
import { whyAndNext } from "#email/reminder-items.ts";

/**
 * whyAndNext keeps a why under "Why it matters" while its opening sentence stands, wherever the
 * sentence the step's action already says sits in it, and however its sentences are spaced.
 */
describe("whyAndNext, for an applicant's MSPE reminder", () => {
  const opening = "Your MSPE is the dean's letter every program reads with your ERAS application.";
  const middle = "Ask your school's dean's office to upload it to ERAS.";
  const closing = "Without it a program may hold your application back.";
  const action = `${middle} Tell us once it is uploaded.`;

  it("keeps the why under Why it matters, less the sentence the action says, when that sentence is in its middle", () => {
    expect(whyAndNext({ why: `${opening} ${middle} ${closing}`, action })).toEqual({
      why: `${opening} ${closing}`,
      action,
    });
  });

  it("keeps the why under Why it matters when the action says none of its sentences, spaced by a line break", () => {
    expect(whyAndNext({ why: `${opening}\n${closing}`, action })).toEqual({
      why: `${opening} ${closing}`,
      action,
    });
  });

  it("puts what the why adds after the action when the action says its opening sentence", () => {
    expect(whyAndNext({ why: `${middle} ${closing}`, action })).toEqual({
      action: `${action} ${closing}`,
    });
  });
});
