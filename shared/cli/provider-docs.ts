import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { answerTypesMarkdown } from "#intake/mapping/answer-types.ts";
import { FORM_PROVIDERS } from "#intake/providers/list.ts";

const HELP = `Regenerates what the docs say about each form provider from the provider list
(shared/intake/providers/list.ts): the README's provider rows and routes, and the providers guide's
route and secret tables, provider sections (each provider's GUIDE.md) and answer-types table.

Usage:
  npm run docs:providers             rewrite the generated blocks in place
  npm run docs:providers -- --check  exit 1, naming each stale block, if a rewrite would change anything
`;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const README = "README.md";
const GUIDE = "shared/intake/PROVIDERS.md";

/** One generated block: the text between `<!-- <name>:start … -->` and `<!-- <name>:end -->` in `file`. */
export interface DocBlock {
  file: string;
  name: string;
  text: string;
}

function rows(header: readonly string[], body: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |\n`;
  return line(header) + line(header.map(() => "---")) + body.map(line).join("");
}

/** A provider's secret as the local environment takes it, with its format when that matters. */
function secretText(provider: (typeof FORM_PROVIDERS)[number]): string {
  const variable = `\`${provider.secretVariable}\``;
  return provider.secretFormat === "standard-webhooks" ? `${variable} (a \`whsec_…\` value)` : variable;
}

/** Every block the provider list decides, with the text it should hold now. */
export async function providerDocBlocks(): Promise<DocBlock[]> {
  const guides = await Promise.all(
    FORM_PROVIDERS.map(async ({ name, title }) => {
      const text = await readFile(join(ROOT, "shared/intake/providers", name, "GUIDE.md"), "utf8");
      return `## ${title}\n\n${text.replace(/^<!--[\s\S]*?-->\n+/, "").trim()}\n`;
    }),
  );
  return [
    {
      file: README,
      name: "providers:routes",
      text: rows(
        ["provider", "route", "secret (or `…_PARAMETER`, its SSM parameter)"],
        FORM_PROVIDERS.map((p) => [p.title, `\`POST /intake/${p.name}\``, secretText(p)]),
      ),
    },
    {
      file: README,
      name: "providers:config",
      text: rows(
        ["variable", "used by", "meaning"],
        FORM_PROVIDERS.map((p) => [
          `\`${p.secretVariable}\` / \`${p.secretVariable}_PARAMETER\``,
          "http-api",
          `The ${p.title} secret, or the SSM SecureString parameter holding it; absent: ${p.title} is not connected`,
        ]),
      ),
    },
    {
      file: GUIDE,
      name: "providers:routes",
      text: rows(
        ["Provider", "Route", "Authenticity", "Idempotency key"],
        FORM_PROVIDERS.map((p) => [
          p.title,
          `\`POST /intake/${p.name}${"routeQuery" in p.guide ? p.guide.routeQuery : ""}\``,
          p.guide.authenticity,
          p.guide.idempotencyKey,
        ]),
      ),
    },
    {
      file: GUIDE,
      name: "providers:secrets",
      text: rows(
        ["Provider", "Local (environment)", "Cloud (SSM Parameter Store, SecureString name)"],
        FORM_PROVIDERS.map((p) => [p.title, secretText(p), `\`${p.secretVariable}_PARAMETER\``]),
      ),
    },
    { file: GUIDE, name: "providers:guides", text: guides.join("\n") },
    { file: GUIDE, name: "answer-types", text: answerTypesMarkdown() },
  ];
}

function markers(name: string): RegExp {
  return new RegExp(`(<!-- ${name}:start[^>]*-->\\n)([\\s\\S]*?)(<!-- ${name}:end -->)`);
}

/** The block's current text in a document; throws when its markers are missing. */
export function blockIn(document: string, block: DocBlock): string {
  const found = markers(block.name).exec(document);
  if (found === null) throw new Error(`${block.file} has no <!-- ${block.name}:start/end --> markers`);
  return found[2] ?? "";
}

function withBlock(document: string, block: DocBlock): string {
  blockIn(document, block);
  return document.replace(
    markers(block.name),
    (_, start: string, _old: string, end: string) => start + block.text + end,
  );
}

/** The blocks whose text differs from what the list decides. */
export async function staleProviderDocs(): Promise<DocBlock[]> {
  const stale: DocBlock[] = [];
  for (const block of await providerDocBlocks()) {
    if (blockIn(await readFile(join(ROOT, block.file), "utf8"), block) !== block.text) stale.push(block);
  }
  return stale;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(HELP);
    return 0;
  }
  if (argv.includes("--check")) {
    const stale = await staleProviderDocs();
    for (const block of stale) process.stderr.write(`stale: ${block.file} ${block.name}\n`);
    if (stale.length > 0) process.stderr.write("run `npm run docs:providers` to regenerate them\n");
    return stale.length > 0 ? 1 : 0;
  }
  const blocks = await providerDocBlocks();
  for (const file of new Set(blocks.map((block) => block.file))) {
    const path = join(ROOT, file);
    const before = await readFile(path, "utf8");
    const after = blocks.filter((block) => block.file === file).reduce(withBlock, before);
    if (after !== before) await writeFile(path, after);
    process.stdout.write(`${after === before ? "unchanged" : "rewrote"}: ${file}\n`);
  }
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
