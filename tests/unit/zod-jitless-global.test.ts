/**
 * instrumentation-client.ts turns zod's JIT off through zod's global settings object instead of
 * importing zod on every page (issue 13's JavaScript budget). This proves that the installed zod
 * reads that object: with it set before zod loads, building and parsing an object schema never
 * calls `new Function` (the probe a strict CSP reports); without it, it does (the control).
 */
import { turnOffZodJit } from "@/lib/security/zod-jitless";

type ZodModule = typeof import("zod");
interface ZodGlobal {
  __zod_globalConfig?: Record<string, unknown>;
}

function countFunctionConstructions(run: () => void): number {
  const original = globalThis.Function;
  let count = 0;
  globalThis.Function = new Proxy(original, {
    construct(target, args) {
      count += 1;
      return Reflect.construct(target, args);
    },
    apply(target, thisArg, args) {
      count += 1;
      return Reflect.apply(target, thisArg, args);
    },
  });
  try {
    run();
  } finally {
    globalThis.Function = original;
  }
  return count;
}

function buildAndParseWithFreshZod(): void {
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of zod per case
    const { z } = require("zod") as ZodModule;
    z.object({ slug: z.string(), save: z.enum(["0", "1"]) }).parse({ slug: "a", save: "1" });
  });
}

describe("zod's JIT switched off without importing zod", () => {
  const zodGlobal = globalThis as ZodGlobal;
  afterEach(() => {
    delete zodGlobal.__zod_globalConfig;
  });

  it("without the switch, zod probes new Function (the control)", () => {
    delete zodGlobal.__zod_globalConfig;
    expect(countFunctionConstructions(buildAndParseWithFreshZod)).toBeGreaterThan(0);
  });

  it("with the switch set before zod loads, zod never calls new Function", () => {
    delete zodGlobal.__zod_globalConfig;
    turnOffZodJit();
    expect(countFunctionConstructions(buildAndParseWithFreshZod)).toBe(0);
  });

  it("keeps settings zod or another module already put there, in the same object", () => {
    const existing: Record<string, unknown> = { customError: "kept" };
    zodGlobal.__zod_globalConfig = existing;
    turnOffZodJit();
    expect(zodGlobal.__zod_globalConfig).toBe(existing);
    expect(existing).toEqual({ customError: "kept", jitless: true });
  });
});
