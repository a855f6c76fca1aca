import * as z from "./zod-mini.ts";

/**
 * An applicant id as events and links carry it: the store derives `a_` and 26 base32 characters
 * (shared/adapters/dynamodb/keys.ts); any id of these characters is read, so an older format stays valid.
 * Its own module so code that reads ids only (ses-events) does not load the snapshot schema.
 * The pattern (without anchors) is what the console's and the local stack's paths match an id with.
 */
export const APPLICANT_ID_PATTERN = "[A-Za-z0-9_.:-]{1,200}";
export const ApplicantIdSchema = z
  .string()
  .check(z.regex(new RegExp(`^${APPLICANT_ID_PATTERN}$`), { message: "must be an applicant id" }));
