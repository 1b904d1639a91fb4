/**
 * `npx tsx scripts/check-build.ts [build folder]`: fails when a large module is built twice (the page and a
 * web worker each bundling the same library), which every visitor would download twice.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedCode } from './build-check';

const dir = process.argv[2] ?? process.env.SOUS_BUILD_DIR ?? 'build';
if (!existsSync(join(dir, '_app'))) {
  console.log(`check-build: no build in ${dir}, nothing to check`);
  process.exit(0);
}
const shared = await sharedCode(join(dir, '_app'));
for (const { files, bytes } of shared) {
  console.error(`built twice: ${files[0]} and ${files[1]} share ${Math.round(bytes / 1024)} KiB of the same code`);
}
if (shared.length > 0) process.exit(1);
console.log('check-build: no large module is built twice');
