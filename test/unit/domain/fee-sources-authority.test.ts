import { describe, expect, it } from "vitest";
import { FEES, FEES_TO_VERIFY } from "#domain/catalog/index.ts";

/**
 * An advisor cites the authority's own public page for a fee (fsmb.org, usmle.org, nrmp.org,
 * ecfmg.org …) or says it was not found. A figure read only on FSMB's content server, a mirror or a
 * blog is secondary, flagged with the authority's page not found, never labelled official.
 */
const AUTHORITY_HOSTS = [
  "aamc.org",
  "ecfmg.org",
  "fsmb.org",
  "ice.gov",
  "nrmp.org",
  "occupationalenglishtest.org",
  "usembassy.gov",
  "uscis.gov",
  "usmle.org",
];
const onAuthorityHost = (url: string): boolean => {
  const host = new URL(url).hostname;
  return AUTHORITY_HOSTS.some((authority) => host === authority || host.endsWith(`.${authority}`));
};
const feeOf = (key: string) => [...FEES, ...FEES_TO_VERIFY].find((fee) => fee.key === key);

describe("fee sources an advisor would cite", () => {
  it("labels a fee official only when its source is the authority's own public page", () => {
    for (const fee of [...FEES, ...FEES_TO_VERIFY])
      if (fee.basis === "official") expect(onAuthorityHost(fee.source), fee.key).toBe(true);
  });

  it("flags USMLE and NRMP figures not on the authority's page as not found there", () => {
    for (const key of ["usmle_step1_exam", "usmle_step3_exam", "nrmp_couples_fee"]) {
      const fee = feeOf(key);
      expect(fee?.basis, key).toBe("secondary");
      expect(fee?.verify, key).toMatch(
        /^flagged, verify.*page.* was not found|^flagged, verify.*pages were not found/,
      );
    }
  });

  it("cites NRMP's own pages for the registration and extra-rank fees, with the current schedule not found", () => {
    const registration = feeOf("nrmp_registration");
    expect(registration).toMatchObject({ amountUsd: 70, basis: "official" });
    expect(registration?.source).toContain("nrmp.org");
    expect(registration?.asOf).toContain("'the cost is $120'");
    expect(registration?.verify).toContain("NRMP's page with the current fee was not found");
    const pastTwenty = feeOf("nrmp_ranked_past_20");
    expect(pastTwenty).toMatchObject({ amountUsd: 30, basis: "official" });
    expect(pastTwenty?.source).toBe("http://www.nrmp.org/match-process/match-fees/");
    expect(pastTwenty?.verify).toContain("NRMP's page with the current fee was not found");
  });

  it("names FSMB's own Step 3 page to verify the mirror's figure on", () => {
    const step3 = FEES.find((fee) => fee.key === "usmle_step3_exam");
    expect(step3?.verifyAt).toEqual({
      page: "FSMB's Step 3 application page",
      url: "https://www.fsmb.org/step-3/step-3-information/",
    });
  });
});
