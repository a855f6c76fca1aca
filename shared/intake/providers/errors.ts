import { PermanentError } from "#errors";

/** A submission from a form no mapping file connects (HTTP 404, naming the form). Not retried. */
export class UnknownFormError extends PermanentError {
  constructor(
    readonly provider: string,
    readonly formId: string,
  ) {
    super(`no form mapping connects ${provider} form ${JSON.stringify(formId)}`);
  }
}
