import { googleForms } from "./google-forms.ts";
import { jotform } from "./jotform.ts";
import { tally } from "./tally.ts";
import { typeform } from "./typeform.ts";

/**
 * Every form provider Matchpath accepts, each on its own route `POST /intake/<name>`. This list is
 * the one place a provider is registered: the http-api's routes and configuration, the CDK stack's
 * secret parameters, the local stack's generated secrets and `npm start -- --help` derive from it.
 * A new provider is one file beside this one (a FormProvider) and one entry here.
 */
export const FORM_PROVIDERS = [typeform, tally, jotform, googleForms] as const;

export type ProviderName = (typeof FORM_PROVIDERS)[number]["name"];

/** The providers' names, in the list's order. */
export const PROVIDERS: readonly ProviderName[] = FORM_PROVIDERS.map((provider) => provider.name);

export function isProviderName(value: string): value is ProviderName {
  return (PROVIDERS as readonly string[]).includes(value);
}

export function providerNamed(name: ProviderName): (typeof FORM_PROVIDERS)[number] {
  const provider = FORM_PROVIDERS.find((candidate) => candidate.name === name);
  if (provider === undefined) throw new RangeError(`no form provider ${name}`);
  return provider;
}
