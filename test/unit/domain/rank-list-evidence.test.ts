import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import projectionRules from "#domain/seasons/projection-rules.json" with { type: "json" };

/**
 * The rank-list deadline's projection said "16 days before Match Day in
 * 2024–2025" on a university page for 2024 and an unnamed secondary for 2025, while the issue said
 * 2021–2025. The rule and README name the seasons the evidence covers and cite NRMP's own pages
 * where they were found (2023, 2024), and name the secondary pages where only those were.
 */
const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8").replace(/\s+/g, " ");
const ruleOf = (key: string) => projectionRules.rules.find((rule) => rule.key === key)?.rule ?? "";

describe("the rank-list deadline's candidates and their evidence", () => {
  const rol = ruleOf("nrmp_rol_certification_and_late_registration_deadline");

  it("cites NRMP's own pages for the seasons they cover, and names every secondary page", () => {
    expect(rol).toContain("16 days before Match Day in 2022–2025");
    for (const page of [
      "https://www.nrmp.org/about/news/2023/02/february-2023-illuminator/",
      "https://www.nrmp.org/about/news/2024/02/february-2024-illuminator/",
      "https://www.nrmp.org/about/news/2024/09/medical-school-welcome-newsletter/",
      "https://thedo.osteopathic.org/",
      "https://pixelation.org/",
    ])
      expect(rol).toContain(page);
    expect(rol).toContain("2021 not found");
    expect(rol).not.toMatch(/\(Mar 5 \/ Mar 21, secondary\)/);
  });

  // An advisor cites NRMP's own page, not a TV station's copy of its release, and says where NRMP's
  // own pages with a season's deadline were not found.
  it("cites NRMP's own page for the 2022 Match Day and says NRMP's 2022 and 2025 deadlines were not found", () => {
    expect(rol).toContain("https://www.nrmp.org/about/news/2022/04/april-2022-illuminator/");
    expect(rol).not.toContain("nbc11news");
    expect(rol).toContain("NRMP's own pages giving the 2022 and 2025 deadlines were not found");
  });

  it("README says what the rule says", () => {
    expect(readme).toContain(
      "16 days before Match Day in 2022–2025, on NRMP's own newsletters for 2023 and 2024",
    );
    expect(readme).toContain("2021 was not found");
    expect(readme).not.toContain("2024–2025 and 23");
  });

  it("ranking's opening cites NRMP's newsletters for Feb 1 and names the secondary page for Feb 3", () => {
    const opens = ruleOf("nrmp_rank_order_list_entry_opens");
    expect(opens).toContain("Feb 1 (2023 and 2024, NRMP: https://www.nrmp.org/about/news/2023/02/");
    expect(opens).toContain("Feb 3 (2025, only on a secondary page: https://pixelation.org/");
  });
});
