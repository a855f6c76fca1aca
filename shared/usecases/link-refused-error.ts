import type { LinkRefusal } from "#links/link-token.ts";

/** A link refused: 401 for anything not genuine or not this applicant's, 410 once expired. */
export class LinkRefusedError extends Error {
  override readonly name = "LinkRefusedError";
  constructor(readonly reason: LinkRefusal | "other-applicant" | "unknown-applicant") {
    super(`link refused: ${reason}`);
  }
  get status(): 401 | 410 {
    return this.reason === "expired" ? 410 : 401;
  }
}
