// Runs the Azurite storage emulator for the app on its default ports (the app's local settings say
// UseDevelopmentStorage=true), keeping its data in .azurite/ so pets survive a restart.
// `npm run azurite` runs it alone, for running the app from an IDE; start.mjs uses it for `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const host = '127.0.0.1';
const ports = { Blob: 10000, Queue: 10001, Table: 10002 };
const azuriteJs = path.join(repoRoot, 'node_modules', 'azurite', 'dist', 'src', 'azurite.js');
const location = path.join(repoRoot, '.azurite');
const readyTimeoutMs = 30_000;

export function ensureAzuriteInstalled() {
  if (existsSync(path.join(repoRoot, 'node_modules', 'azurite', 'package.json'))) {
    return;
  }

  console.log('The npm dependencies are not installed yet: running npm ci in the repository root...');
  // npm is npm.cmd on Windows, which Node only runs through a shell.
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: repoRoot,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.error || result.status !== 0) {
    throw new Error(`npm ci failed (${result.error?.message ?? `exit code ${result.status}`}); run it in ${repoRoot} and retry.`);
  }
}

export function isListening(port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answered) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function hasExited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

export function waitForExit(child, timeoutMs) {
  if (hasExited(child)) {
    return Promise.resolve(true);
  }

  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

// Returns the Azurite child process, or null when an emulator already answers on all three ports.
// extraArgs go to Azurite as they are (`npm run azurite -- --loose`, for example).
export async function startAzurite(extraArgs = []) {
  const answering = await Promise.all(Object.values(ports).map((port) => isListening(port)));
  if (answering.every(Boolean)) {
    console.log(`Reusing the storage emulator that already answers on ${host}:10000-10002.`);
    return null;
  }
  if (answering.some(Boolean)) {
    const busy = Object.entries(ports).filter((_, i) => answering[i]).map(([name, port]) => `${port} (${name})`);
    throw new Error(
      `Port ${busy.join(', ')} on ${host} is taken but not all of 10000-10002 answer, so it is not a whole emulator. ` +
        'Stop whatever holds it, then retry.',
    );
  }

  ensureAzuriteInstalled();
  mkdirSync(location, { recursive: true });
  // --skipApiVersionCheck: the Azure SDK sends a newer storage API version than Azurite 3.35 knows.
  // --disableTelemetry: keep a local emulator from phoning home. --silent: no access log in the func console.
  const child = spawn(
    process.execPath,
    [azuriteJs, '--location', location, '--skipApiVersionCheck', '--disableTelemetry', '--silent', ...extraArgs],
    { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] },
  );

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (hasExited(child)) {
      throw new Error(`Azurite exited with code ${child.exitCode ?? child.signalCode} before it was ready.`);
    }
    const ready = await Promise.all(Object.values(ports).map((port) => isListening(port)));
    if (ready.every(Boolean)) {
      break;
    }
    if (Date.now() > deadline) {
      await stopAzurite(child);
      throw new Error(`Azurite did not answer on ${host}:10000-10002 within ${readyTimeoutMs / 1000} s.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  console.log(`Azurite (pid ${child.pid}) is serving blobs, queues and tables on ${host}:10000-10002, data in .azurite/.`);
  return child;
}

// Gives Azurite a moment to finish closing by itself (Ctrl+C reaches it too), then asks, then insists.
export async function stopAzurite(child, graceMs = 0) {
  if (!child || (await waitForExit(child, graceMs))) {
    return;
  }
  child.kill('SIGTERM');
  if (!(await waitForExit(child, 10_000))) {
    child.kill('SIGKILL');
  }
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  try {
    const child = await startAzurite(process.argv.slice(2));
    if (child) {
      console.log('Press Ctrl+C to stop it.');
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        process.on(signal, () => void stopAzurite(child, 3_000));
      }
      child.once('exit', (code) => process.exit(code ?? 0));
    }
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
