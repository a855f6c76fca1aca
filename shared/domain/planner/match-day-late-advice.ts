import type { Visa } from "../snapshot.ts";

/** What waits on Match Day once the contract is reported signed: the visa steps ("" with no visa). */
export function signedSteps(visa: Visa): string {
  return visa === "none" ? "" : "visa steps";
}

/**
 * What the late Match Day question adds once the contract is reported signed (a clause after
 * "mark Match Day done", `lost` what a week lost does): the steps after the contract, never
 * "sign your contract"; with no visa, nothing (the contract was the last step).
 */
export function signedAdviceFor(visa: Visa, lost: string): string {
  if (visa === "none") return ".";
  return visa === "H-1B"
    ? `; you reported your contract signed: your program files your H-1B petition from it, and this plan needs it filed 60 days before your visa stamping (our advice), so ${lost}.`
    : `; you reported your contract signed: for a J-1, ask your Ministry of Health for the Statement of Need, and ECFMG needs 4 to 6 weeks once every document is in, so ${lost}.`;
}

/**
 * What waits on the contract, by track, for the Match Day question past its date. The J-1's
 * (facts.md §5: ECFMG allows 4–6 weeks once every document is in, and the Statement of Need comes
 * from the home country's Ministry of Health, https://ecfmg.org/evsp/application-process.html)
 * never reaches an H-1B applicant: their program files the petition from the signed contract, 60
 * days before the stamping (our advice, the README's visa section).
 */
export function lateAdviceFor(visa: Visa): string {
  return visa === "H-1B"
    ? "your program files your H-1B petition once it is signed, and this plan needs it filed 60 days before your visa stamping (our advice)"
    : "for a J-1, then ask your Ministry of Health for the Statement of Need, and ECFMG needs 4 to 6 weeks once every document is in";
}
