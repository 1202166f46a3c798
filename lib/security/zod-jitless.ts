// zod 4 reads its global settings from `globalThis.__zod_globalConfig` (created on first import when
// absent; `z.config()` merges into it). Setting `jitless` there before zod loads keeps it from
// probing `new Function("")`, which a CSP without 'unsafe-eval' reports as a violation, and needs
// no import of zod itself (instrumentation-client.ts runs on every page).
interface ZodGlobal {
  __zod_globalConfig?: Record<string, unknown>;
}

export function turnOffZodJit(target: ZodGlobal = globalThis as ZodGlobal): void {
  // Mutated in place, never replaced: a zod already loaded holds a reference to this object.
  target.__zod_globalConfig ??= {};
  target.__zod_globalConfig.jitless = true;
}
