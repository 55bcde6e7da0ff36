// Which Chromium the end-to-end tests drive, and how it is launched. The first that exists wins:
//   1. the executable named by CHROMIUM (an explicit choice: a wrong path is an error, not a fallback);
//   2. a system Chromium or Chrome;
//   3. the Chromium inside the npm dev dependency @sparticuz/chromium, unpacked once into the temp folder.
// So `mvn verify` needs no browser on the machine, and one that has a browser (or names one) uses it.
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable'];

// The network here is closed, so every request Chromium makes on its own is refused: hence the flags that keep it
// quiet. Playwright passes most of these by default too; they are repeated so the list does not rest on its defaults.
// --no-sandbox: CI runs as root, where Chromium refuses to start sandboxed.
// From @sparticuz/chromium's recommended args only --disable-domain-reliability is taken; the others suit AWS Lambda,
// not a test of what a user's browser does: --disable-web-security and --allow-running-insecure-content turn off the
// same-origin policy and mixed-content blocking, --single-process runs every page in the browser process, a second
// --disable-features would replace Playwright's list (Chromium keeps the last value of a switch), and
// --headless='shell' is moot: that build is headless-only and Playwright passes --headless.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-domain-reliability', '--no-first-run'];

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * Unpacks @sparticuz/chromium's browser into `<tmp>/diffyne-chromium-<version>/` and returns its path. The package
 * would unpack into the temp folder itself and reuse any `chromium` file there, whatever its version or state; a
 * folder per version, filled elsewhere and renamed into place when complete, means an upgrade or an interrupted unpack
 * never leaves a wrong browser behind.
 */
async function unpackSparticuz() {
  const entry = fileURLToPath(import.meta.resolve('@sparticuz/chromium'));
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8'));
  const dir = join(tmpdir(), `diffyne-chromium-${version}`);
  const path = join(dir, 'chromium');
  if (!existsSync(path)) {
    const { default: sparticuz } = await import('@sparticuz/chromium');
    const partial = mkdtempSync(`${dir}.partial-`);
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = partial; // the package unpacks into os.tmpdir()
    try {
      await sparticuz.executablePath();
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
    try {
      renameSync(partial, dir);
    } catch (e) {
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(path)) throw e; // else another process finished first: use its copy
    }
  }
  return { path, source: 'npm', why: `@sparticuz/chromium ${version}; CHROMIUM not set, no system browser` };
}

/** The browser to use: `{ path, source, why }`, `source` one of CHROMIUM, system, npm, `why` the reason in words. */
export async function chooseBrowser() {
  const named = process.env.CHROMIUM;
  if (named) {
    if (!executable(named)) throw new Error(`CHROMIUM=${named} is not an executable file`);
    return { path: named, source: 'CHROMIUM', why: 'named by CHROMIUM' };
  }
  const system = SYSTEM_BROWSERS.find(executable);
  if (system) return { path: system, source: 'system', why: 'CHROMIUM not set; first system browser found' };
  return unpackSparticuz();
}

/** Launches the chosen browser headless; `choice` is a result of chooseBrowser(). */
export function launch(choice, { timeout = 30_000 } = {}) {
  // launch() gives every run a fresh temporary user-data-dir, deleted on close (persistent profiles would need
  // launchPersistentContext, which allows one context only; the chat tests need three)
  return chromium.launch({ executablePath: choice.path, headless: true, args: ARGS, timeout });
}
