// Bundles the client's ES modules into the one file pages load: IIFE, minified, written to
// src/main/resources/META-INF/resources/diffyne/diffyne.js, so the framework jar serves it at {ctx}/diffyne/diffyne.js
// (a Servlet container serves a WEB-INF/lib jar's META-INF/resources as the application's static files).
// The bundle is committed so `mvn package` needs no node; src/test/js/bundle.test.js fails when it is stale.
// Prints the size minified + gzipped and fails over the budget.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = resolve(ROOT, 'src/main/resources/META-INF/resources/diffyne/diffyne.js');
export const BUDGET = 12 * 1024;

/** The bundle's text, built in memory. */
export async function bundle() {
  const res = await build({
    entryPoints: [resolve(ROOT, 'src/main/webapp/diffyne/src/index.js')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return '/* Diffyne client — built from src/main/webapp/diffyne/src by scripts/build-client.mjs */\n' + res.outputFiles[0].text;
}

export const gzipSize = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await bundle();
  writeFileSync(OUT, text);
  const gz = gzipSize(readFileSync(OUT, 'utf8'));
  console.log(`diffyne.js: ${text.length} B minified, ${gz} B minified+gzip (budget ${BUDGET} B)`);
  if (gz > BUDGET) {
    console.error('over budget');
    process.exit(1);
  }
}
