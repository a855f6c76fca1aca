import { describe, expect, it } from "vitest";
import { SignatureError } from "#errors";
import { verifyTally } from "#intake/providers/tally/tally.ts";
import { verifyTypeform } from "#intake/providers/typeform/typeform.ts";

// One rule for the providers that sign with a header: absent, empty or only whitespace, the header
// carries no signature and is answered as missing (both 401). Tally answered "missing" for a blank
// header where Typeform answered "does not match".
describe.each([
  ["Tally", "tally-signature", verifyTally],
  ["Typeform", "typeform-signature", verifyTypeform],
] as const)("%s's signature header", (title, header, verify) => {
  it.each([
    ["absent", {}],
    ["empty", { [header]: "" }],
    ["only whitespace", { [header]: "  \t" }],
  ])("is missing when %s", (_, headers) => {
    const call = () => verify('{"a":1}', headers, "secret");
    expect(call).toThrow(SignatureError);
    expect(call).toThrow(`${title}-Signature header is missing`);
  });
});
