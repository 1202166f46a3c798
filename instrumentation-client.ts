import { z } from "zod";

// Runs in the browser before any page module. Pages carry a CSP without 'unsafe-eval'
// (docs/decisions/008-content-security-policy.md); zod's JIT probe, `Function("")` run when the
// first object schema is built, would be refused and reported as a CSP violation on every page.
// Without the JIT zod parses the same way, only without generated code (forms parse tiny objects).
z.config({ jitless: true });
