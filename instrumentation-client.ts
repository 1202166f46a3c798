// Runs in the browser before any page module. Pages carry a CSP without 'unsafe-eval'
// (docs/decisions/008-content-security-policy.md); zod's JIT probe, `Function("")` run when the
// first object schema is built, would be refused and reported as a CSP violation on the pages whose
// forms use zod. Without the JIT zod parses the same way, only without generated code (forms parse
// tiny objects).
//
// zod keeps its settings in `globalThis.__zod_globalConfig` (what `z.config()` writes), so the
// switch is set here without importing zod: an import would put zod's tens of KiB into every page,
// including those that never validate anything in the browser (issue 13's 150 KiB budget).
// tests/unit/zod-jitless-global.test.ts proves the installed zod still reads it.
import { turnOffZodJit } from "@/lib/security/zod-jitless";

turnOffZodJit();
