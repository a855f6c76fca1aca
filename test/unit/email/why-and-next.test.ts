import { describe, expect, it } from "vitest";
import { whyAndNext } from "#email/why-and-next.ts";

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

/**
 * A why sentence that only opens like the action's, then goes on to a new instruction, is a thought
 * of its own: it stays whole, and the sentence going on from it stays with it. One that is left
 * out takes the sentence going on from it along.
 */
describe("whyAndNext, for a matched applicant asked to weigh a J-1", () => {
  const ask =
    "Once your program tells you its start date, ask its GME office at once whether it can also take you on a J-1";
  const opening = "Your visa may not be ready by your start.";
  const whole = `${ask} (our advice); if it can, request your Statement of Need from your Ministry of Health now, since ministries take weeks to issue it and ECFMG's sponsorship application needs it.`;
  const tail = "Then come ECFMG's review and the J-1 visa interview.";
  const action = `${ask} (see the visa risk). Until then, pay for nothing.`;

  it("keeps a sentence that opens like the action's but adds more than it shares, with its tail", () => {
    expect(whyAndNext({ why: `${opening} ${whole} ${tail}`, action })).toEqual({
      why: `${opening} ${whole} ${tail}`,
      action,
    });
  });

  it("leaves out a sentence the action says, and the sentence going on from it", () => {
    const said = `${ask} (our advice).`;
    expect(whyAndNext({ why: `${opening} ${said} ${tail}`, action })).toEqual({ why: opening, action });
  });
});
