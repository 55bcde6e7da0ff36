#!/usr/bin/env node
// End-to-end tests in a real browser: starts Payara Micro with the already built target/diffyne.war at context root
// `/` on a free loopback port, waits for /_diffyne/health (at `/`, /health is Payara's own), runs src/test/e2e/*.test.mjs with node's test runner, and always
// stops Payara (by its PID). Builds nothing: `mvn verify` runs it after the WAR is packaged (`-DskipE2E` skips it).
// The browser is chosen once here (src/test/e2e/browser.mjs: CHROMIUM, else a system Chromium or Chrome, else the npm
// package @sparticuz/chromium's), printed, and handed to the test files as CHROMIUM.
//
//   node scripts/e2e.mjs [--war target/diffyne.war] [--micro-jar payara-micro.jar] [--out target/e2e] [test files…]
//   E2E_BASE_URL=http://127.0.0.1:8080 node scripts/e2e.mjs   (against a server you started yourself)
//   (against your own server the dashboard test runs when E2E_DASHBOARD_KEY holds its DIFFYNE_DASHBOARD_KEY, else it is skipped)
//
// Exit code: 0 when every test passed, 1 on a failing test, 2 when the browser or the server could not be had.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HEALTH_TIMEOUT_MS = 180_000;
const RUN_TIMEOUT_MS = 15 * 60_000;
const PAYARA_VERSION = '6.2025.10';
const DASHBOARD_KEY = randomBytes(24).toString('base64url');

function option(args, name, fallback) {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
}

const args = process.argv.slice(2);
const war = resolve(option(args, '--war', join(ROOT, 'target/diffyne.war')));
const OUT = resolve(option(args, '--out', join(ROOT, 'target/e2e')));
const microJar = resolve(option(args, '--micro-jar', process.env.MICRO_JAR
  || join(homedir(), '.m2/repository/fish/payara/extras/payara-micro', PAYARA_VERSION, `payara-micro-${PAYARA_VERSION}.jar`)));
const tests = args.length ? args : readdirSync(join(ROOT, 'src/test/e2e'))
  .filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join('src/test/e2e', f));

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitHealthy(base, server) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Payara Micro exited with code ${server.exitCode} before /_diffyne/health answered`);
    try {
      const res = await fetch(base + '/_diffyne/health', { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch { /* not listening yet */ }
    await sleep(500);
  }
  throw new Error(`/_diffyne/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

/** SIGTERM to exactly this PID, SIGKILL after 20 s. */
async function stop(server) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const t0 = Date.now();
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  if (await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)])) {
    console.log(`e2e: Payara Micro PID ${server.pid} stopped in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return;
  }
  server.kill('SIGKILL');
  await Promise.race([exited, sleep(10_000)]);
  console.log(`e2e: Payara Micro PID ${server.pid} killed after not stopping within 20 s`);
}

function runTests(base, browser) {
  return new Promise((res) => {
    const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...tests], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: base, E2E_OUT: OUT, CHROMIUM: browser,
        ...(process.env.E2E_BASE_URL ? {} : { E2E_DASHBOARD_KEY: DASHBOARD_KEY }) },
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), RUN_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      res(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  // artifacts of an earlier run would be taken for this one's
  for (const f of readdirSync(OUT)) if (/\.(png|console\.log)$/.test(f)) rmSync(join(OUT, f));
  if (!existsSync(join(ROOT, 'node_modules/playwright-core'))) {
    console.error('e2e: node_modules/playwright-core is missing: run `npm ci` (mvn verify does, unless -DskipJsTests)');
    return 2;
  }
  // before the server: a missing browser fails in seconds, not after Payara's start; imported here, after the check
  let browser;
  try {
    const { chooseBrowser } = await import('../src/test/e2e/browser.mjs');
    const t0 = Date.now();
    const choice = await chooseBrowser();
    browser = choice.path;
    console.log(`e2e: browser ${browser} (${choice.why}), found in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error(`e2e: no browser: ${e.message}${e.code === 'ERR_MODULE_NOT_FOUND' ? ' (run `npm ci`)' : ''}`);
    return 2;
  }
  if (process.env.E2E_BASE_URL) return runTests(process.env.E2E_BASE_URL.replace(/\/$/, ''), browser);

  for (const [what, file] of [['WAR (run mvn package first)', war], ['Payara Micro jar (set MICRO_JAR)', microJar]]) {
    if (!existsSync(file)) {
      console.error(`e2e: no ${what} at ${file}`);
      return 2;
    }
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = join(OUT, 'payara.log');
  const fd = openSync(log, 'w');
  const started = Date.now();
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java';
  // the operations dashboard on, behind a key of this run (dashboard.test.mjs): it only adds its two endpoints
  const server = spawn(java, ['-Xmx768m', '-DDIFFYNE_DASHBOARD=true', `-DDIFFYNE_DASHBOARD_KEY=${DASHBOARD_KEY}`,
    '-jar', microJar, '--nocluster', '--disablephonehome', '--nohostaware',
    '--prebootcommandfile', join(ROOT, 'src/test/resources/payara-loopback.preboot'),
    '--port', String(port), '--contextroot', '/', '--deploy', war], { stdio: ['ignore', fd, fd] });
  console.log(`e2e: Payara Micro PID ${server.pid} on ${base}, log ${log}`);
  const cleanup = () => { try { process.kill(server.pid, 'SIGTERM'); } catch { /* gone */ } };
  process.once('SIGINT', () => { cleanup(); process.exit(130); });
  process.once('SIGTERM', () => { cleanup(); process.exit(143); });
  try {
    try {
      await waitHealthy(base, server);
    } catch (e) {
      console.error(`e2e: ${e.message}; the server's last lines (${log}):`);
      console.error(readFileSync(log, 'utf8').split('\n').slice(-40).join('\n'));
      return 2;
    }
    console.log(`e2e: healthy after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const t0 = Date.now();
    const code = await runTests(base, browser);
    console.log(`e2e: tests ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`
      + (code === 0 ? '' : `; screenshots and console logs under ${OUT}, server log ${log}`));
    return code === 0 ? 0 : 1;
  } finally {
    await stop(server);
  }
}

// exit at once: the bounded waits above leave timers behind
process.exit(await main());
