import { config } from 'zod';

/**
 * The app runs under a Content-Security-Policy without 'unsafe-eval' (src/server/edge/contentSecurityPolicy.ts).
 * zod would probe `new Function` to compile fast parsers, which the policy reports as a violation; in the browser it
 * parses without compiling. Imported first by every device module that parses with zod.
 */
config({ jitless: true });
