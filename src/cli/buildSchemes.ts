import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSchemeError } from '../core/scheme/schemeError';
import { compileSchemes } from './compileSchemes';

/**
 * Build step (run by vite.config.ts's scheme plugin whenever its inputs changed): validate schemes/*.yaml and write
 * them as pre-validated JSON into the git-ignored src/generated/schemes/, which the tablet loads lazily. Fails the
 * build with every precise error.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { written, errors } = compileSchemes(join(root, 'schemes'), join(root, 'src', 'generated', 'schemes'));
if (errors.length > 0) {
  process.stderr.write(errors.map(formatSchemeError).join('\n') + '\n');
  process.exit(1);
}
process.stdout.write(`compiled ${written.length} schemes into src/generated/schemes\n`);
