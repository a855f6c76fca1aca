import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// STYLE.md, practice 10: comments say why, and history belongs to git. A comment or a test title
// that names who found a rule (a tester, a review session, an engineer's task, a ruling's number,
// the issue or the finding that asked for it) tells a newcomer nothing about the rule, so those ids
// are checked here, in every source of ours. A comment says what the rule protects, for whom.
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CHECKED = ["functions", "infra", "shared", "test", "vitest.config.ts"];

/** Review-history ids, each exact enough to hit nothing else in a comment or a title. */
const HISTORY: readonly (readonly [string, RegExp])[] = [
  ["a tester id", /\bt(?:9|[12]\d)[a-z]\b/],
  ["a tester id", /\btesters? [a-z]{1,2}\d+[a-z]?\b/i],
  ["a session number", /\bsessions? \d+\b/i],
  ["a session number", /\bs\d{1,2}\b/],
  ["an engineer's task id", /\b(?:fix|adv|perf|speed|cost)[A-Z0-9]{1,3}\b/],
  ["an engineer's task id", /\btask [A-Z]\d?\b/],
  ["a finding number", /\bF\d{1,2}\b/],
  ["a finding number", /\b(?:findings?|papercuts?|closing notes?) [A-Z]?\d+\b/i],
  ["a ruling's id", /\bruling [A-Z]?\d+\b/i],
  ["a ruling", /\bruling:/i],
  ["an issue number", /\bissues? \d+[a-z]?\b/i],
  ["a review finding's id", /\([BC]\d{1,2}\)|\b[BC]\d{1,2}:|\b\d+[a-z]? [BC]\d\b/],
  ["an issue's section", /\bbuild \d\b|\bleftover \(?[a-d]\)?(?=[).,;:]|$)|\bDone-when\b/i],
  ["the lead's ruling", /\blead's (?:\w+ )?(?:ruling|note|look|words|example|L\d)\b|\((?:the )?lead\)/i],
];

/**
 * The exceptions, by file and the exact text allowed there, each with its reason: a real external
 * source a comment must cite as it is named. Code and data are not read, so planner-golden.test.ts's
 * TESTER_ID pattern and fixture names such as exam-retake-words.test.ts's need no entry. An entry no
 * longer needed fails the last test below.
 */
const ECFMG_FOCUS = "ECFMG Focus issue 88";
const ECFMG_FOCUS_WHY = "ECFMG's newsletter issue that gives the 2025 Pathways closing date";
const ALLOWED: readonly { file: string; text: string; why: string }[] = [
  { file: "shared/domain/planner/current-pathways-season.ts", text: ECFMG_FOCUS, why: ECFMG_FOCUS_WHY },
  { file: "test/unit/domain/current-pathways-season.test.ts", text: ECFMG_FOCUS, why: ECFMG_FOCUS_WHY },
  {
    file: "shared/intake/providers/tally/tally.ts",
    text: "PipedreamHQ/pipedream issue 9129",
    why: "the upstream GitHub issue that documents a one-answer choice arriving as a bare option id",
  },
];

const KEYWORDS_BEFORE_AN_EXPRESSION = new Set([
  "return",
  "typeof",
  "case",
  "do",
  "else",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "instanceof",
  "yield",
  "await",
]);
const TEST_CALLS = new Set(["describe", "it", "test", "suite", "bench"]);

type Token = { kind: "word" | "punct" | "string" | "regex" | "number"; text: string; start: number };
type Piece = { kind: "comment" | "title"; text: string; line: number };

/**
 * The comments of a TypeScript source and the titles of its describe/it/test calls (`it.each(…)(…)`
 * and `describe.skip(…)` included), from a small tokenizer: strings, template literals with their
 * `${…}` and regular expressions are read as such, so a `//` inside one is no comment.
 */
function commentsAndTitles(source: string): Piece[] {
  const tokens: Token[] = [];
  const comments: { text: string; start: number }[] = [];
  const templateBraces: number[] = [];
  let braces = 0;
  let i = 0;
  const regexMayStart = (): boolean => {
    const last = tokens.at(-1);
    if (last === undefined) return true;
    if (last.kind === "word") return KEYWORDS_BEFORE_AN_EXPRESSION.has(last.text);
    return last.kind === "punct" && !")]}".includes(last.text);
  };
  const readTemplate = (start: number): void => {
    while (i < source.length) {
      if (source[i] === "\\") i += 2;
      else if (source[i] === "`") {
        i++;
        break;
      } else if (source.startsWith("${", i)) {
        i += 2;
        templateBraces.push(braces++);
        break;
      } else i++;
    }
    tokens.push({ kind: "string", text: source.slice(start, i), start });
  };
  while (i < source.length) {
    const c = source[i] ?? "";
    const start = i;
    if (/\s/.test(c)) i++;
    else if (source.startsWith("//", i)) {
      const end = source.indexOf("\n", i);
      i = end === -1 ? source.length : end;
      comments.push({ text: source.slice(start, i), start });
    } else if (source.startsWith("/*", i)) {
      const end = source.indexOf("*/", i + 2);
      i = end === -1 ? source.length : end + 2;
      comments.push({ text: source.slice(start, i), start });
    } else if (c === '"' || c === "'") {
      i++;
      while (i < source.length && source[i] !== c) i += source[i] === "\\" ? 2 : 1;
      tokens.push({ kind: "string", text: source.slice(start, ++i), start });
    } else if (c === "`") {
      i++;
      readTemplate(start);
    } else if (c === "/" && regexMayStart()) {
      let inClass = false;
      for (i++; i < source.length && (inClass || source[i] !== "/"); i++) {
        if (source[i] === "\\") i++;
        else if (source[i] === "[") inClass = true;
        else if (source[i] === "]") inClass = false;
      }
      for (i++; /\w/.test(source[i] ?? ""); ) i++;
      tokens.push({ kind: "regex", text: source.slice(start, i), start });
    } else if (/\d/.test(c)) {
      while (/[\w.]/.test(source[i] ?? "")) i++;
      tokens.push({ kind: "number", text: source.slice(start, i), start });
    } else if (/[\w$]/.test(c)) {
      while (/[\w$]/.test(source[i] ?? "")) i++;
      tokens.push({ kind: "word", text: source.slice(start, i), start });
    } else if (c === "}" && templateBraces.at(-1) === braces - 1) {
      templateBraces.pop();
      braces--;
      i++;
      readTemplate(start);
    } else {
      if (c === "{") braces++;
      if (c === "}") braces--;
      tokens.push({ kind: "punct", text: c, start: i++ });
    }
  }
  const lineOf = (offset: number) => source.slice(0, offset).split("\n").length;
  const titles = tokens.filter(
    (token, index) =>
      token.kind === "string" && tokens[index - 1]?.text === "(" && isTestCall(tokens, index - 2),
  );
  return [
    ...comments.map((comment) => ({
      kind: "comment" as const,
      text: comment.text,
      line: lineOf(comment.start),
    })),
    ...titles.map((title) => ({ kind: "title" as const, text: title.text, line: lineOf(title.start) })),
  ];
}

/** Whether the tokens ending at `end` call a test function: `it`, `describe.skip`, `it.each(table)`. */
function isTestCall(tokens: readonly Token[], end: number): boolean {
  let k = end;
  if (tokens[k]?.kind === "punct" && tokens[k]?.text === ")") {
    for (let depth = 0; k >= 0; k--) {
      if (tokens[k]?.kind === "punct" && tokens[k]?.text === ")") depth++;
      if (tokens[k]?.kind === "punct" && tokens[k]?.text === "(") depth--;
      if (depth === 0) break;
    }
    k--;
  }
  while (tokens[k]?.kind === "word" && tokens[k - 1]?.text === ".") k -= 2;
  return tokens[k]?.kind === "word" && TEST_CALLS.has(tokens[k]?.text ?? "") && tokens[k - 1]?.text !== ".";
}

/** The TypeScript files at `path`, itself a file or a folder searched to its depth, less packages. */
function sourceFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return path.endsWith(".ts") ? [path] : [];
  return readdirSync(path)
    .filter((name) => name !== "node_modules")
    .flatMap((name) => sourceFiles(join(path, name)));
}

/** Every comment line or title in `files` that names review history, as "file:line (what): text". */
function historyIn(files: readonly { file: string; source: string }[]): string[] {
  return files.flatMap(({ file, source }) =>
    commentsAndTitles(source).flatMap((piece) =>
      piece.text.split("\n").flatMap((line, offset) => {
        const allowed = ALLOWED.filter((entry) => entry.file === file).reduce(
          (text, entry) => text.replaceAll(entry.text, ""),
          line,
        );
        return HISTORY.filter(([, pattern]) => pattern.test(allowed)).map(
          ([what]) => `${file}:${piece.line + offset} (${what} in a ${piece.kind}): ${line.trim()}`,
        );
      }),
    ),
  );
}

describe("comments and test titles name no review history", () => {
  const files = CHECKED.flatMap((dir) => sourceFiles(join(ROOT, dir))).map((path) => ({
    file: relative(ROOT, path),
    source: readFileSync(path, "utf8"),
  }));

  it("no comment or test title in our sources names a tester, session, task, issue, finding or ruling id", () => {
    expect(historyIn(files)).toEqual([]);
  });

  it("reads comments and titles, never code or test data", () => {
    const source = [
      "// Kept since t9m F12 (session 24).",
      "/**",
      " * From tester s7, the lead's ruling W1.",
      " */",
      'const fixture = "t9x-step2ck-failed-score209"; // s21',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source as text, not a template.
      "const half = total / 2; const url = `https://example.org/${id}/s22`;",
      "const pattern = /session 9|[/]t9a/g; // no finding here, papercut 8 there",
      'describe.each(zones)("in %s after fixQ\'s leftover", () => {',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source as text, not a template.
      '  it("F3: a title", () => expect(`${"t9b"}`).toBe("t9b"));',
      "});",
      "// As task B2 had it (closing note 6), the lead's L3.",
      "// Its lead's first word; a task done, as the lead said (lead).",
      "// Kept since issue 7 (14b C2), its Build 5 and leftover (c). Ruling: kept.",
      "/** Said once (C5); an issue-free 9 issues later; see https://github.com/o/r/issues/12 */",
      "const slot = { issue: 12, B1: 2 }; // B4: the C2 compiler",
    ].join("\n");
    expect(historyIn([{ file: "example.ts", source }])).toEqual([
      "example.ts:1 (a tester id in a comment): // Kept since t9m F12 (session 24).",
      "example.ts:1 (a session number in a comment): // Kept since t9m F12 (session 24).",
      "example.ts:1 (a finding number in a comment): // Kept since t9m F12 (session 24).",
      "example.ts:3 (a tester id in a comment): * From tester s7, the lead's ruling W1.",
      "example.ts:3 (a session number in a comment): * From tester s7, the lead's ruling W1.",
      "example.ts:3 (a ruling's id in a comment): * From tester s7, the lead's ruling W1.",
      "example.ts:3 (the lead's ruling in a comment): * From tester s7, the lead's ruling W1.",
      "example.ts:5 (a session number in a comment): // s21",
      "example.ts:7 (a finding number in a comment): // no finding here, papercut 8 there",
      "example.ts:11 (an engineer's task id in a comment): // As task B2 had it (closing note 6), the lead's L3.",
      "example.ts:11 (a finding number in a comment): // As task B2 had it (closing note 6), the lead's L3.",
      "example.ts:11 (the lead's ruling in a comment): // As task B2 had it (closing note 6), the lead's L3.",
      "example.ts:12 (the lead's ruling in a comment): // Its lead's first word; a task done, as the lead said (lead).",
      "example.ts:13 (a ruling in a comment): // Kept since issue 7 (14b C2), its Build 5 and leftover (c). Ruling: kept.",
      "example.ts:13 (an issue number in a comment): // Kept since issue 7 (14b C2), its Build 5 and leftover (c). Ruling: kept.",
      "example.ts:13 (a review finding's id in a comment): // Kept since issue 7 (14b C2), its Build 5 and leftover (c). Ruling: kept.",
      "example.ts:13 (an issue's section in a comment): // Kept since issue 7 (14b C2), its Build 5 and leftover (c). Ruling: kept.",
      "example.ts:14 (a review finding's id in a comment): /** Said once (C5); an issue-free 9 issues later; see https://github.com/o/r/issues/12 */",
      "example.ts:15 (a review finding's id in a comment): // B4: the C2 compiler",
      "example.ts:8 (an engineer's task id in a title): \"in %s after fixQ's leftover\"",
      'example.ts:9 (a finding number in a title): "F3: a title"',
    ]);
  });

  it("lists only exceptions still needed", () => {
    const unused = ALLOWED.filter(
      (entry) => !files.some(({ file, source }) => file === entry.file && source.includes(entry.text)),
    );
    expect(unused).toEqual([]);
  });
});
