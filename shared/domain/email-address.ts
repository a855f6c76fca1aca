import * as z from "./zod-mini.ts";

/**
 * An applicant's or advisor's email address. The validator (zod's) takes ASCII letters, digits and
 * `_ ' + - .` before the @ and ASCII domain labels after it, and that is also what Matchpath can
 * send to: Amazon SES does not support SMTPUTF8 (RFC 6531), so an address must be 7-bit ASCII; a
 * domain with other letters is sent to in its Punycode form (RFC 3492, `xn--…`), while a local part
 * (before the @) with other letters cannot be sent to at all (SES's Destination reference). A refused
 * address with a character beyond ASCII says so and what to do, since "must be an email address"
 * reads as a typo to a form integrator looking at a valid-looking "josé@exämple.org".
 */
export const emailAddress = () =>
  z
    .email({ error: (issue) => emailAddressRefusal(typeof issue.input === "string" ? issue.input : "") })
    .check(z.maxLength(254));

/** Why `address` is not one Matchpath takes, naming its first character beyond ASCII if it has one. Pure. */
export function emailAddressRefusal(address: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is ASCII's, control characters included.
  const match = /[^\x00-\x7F]/u.exec(address);
  if (match === null) return "must be an email address";
  const code = match[0].codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const at = address.indexOf("@");
  const where = at >= 0 && match.index > at ? "domain" : "local";
  const what =
    where === "domain"
      ? "give the domain in its ASCII (Punycode) form, as the mail provider shows it (xn--…)"
      : "ask the applicant for another address: one with accents or other letters before the @ cannot be sent to";
  return `must be an email address in ASCII characters: it contains ${hex}, found at character ${match.index + 1}, and Matchpath's sender (Amazon SES) sends only to ASCII addresses; ${what}`;
}
