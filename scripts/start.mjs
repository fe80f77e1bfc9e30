// `npm start`: runs the Functions app locally on a fresh clone. Creates local settings from the sample, installs
// the npm dependencies if they are missing, picks the func to run (a global one on PATH, else this project's), starts
// Azurite (or reuses one already on the default ports), runs `func start` in UTC, and stops Azurite after.
// `npm start -- --no-azurite` leaves storage to you: the emulator or account that local.settings.json names.
import { spawn } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureAzuriteInstalled, hasExited, repoRoot, startAzurite, stopAzurite } from './azurite.mjs';

const isWindows = process.platform === 'win32';
const functionsDir = path.join(repoRoot, 'PetStore.Functions');

// Where the optional dependency azure-functions-core-tools puts Core Tools when its postinstall download works. Its
// `func` in node_modules/.bin is a launcher that downloads Core Tools when this binary is missing, without a timeout,
// so the binary itself is what counts as installed.
const projectFunc = path.join(repoRoot, 'node_modules', 'azure-functions-core-tools', 'bin', isWindows ? 'func.exe' : 'func');

function ensureLocalSettings() {
  const settings = path.join(functionsDir, 'local.settings.json');
  const samplePath = path.join(repoRoot, 'local.settings.sample.json');
  if (!existsSync(settings)) {
    // COPYFILE_EXCL: never overwrite settings a developer has edited, even if one appears meanwhile.
    copyFileSync(samplePath, settings, constants.COPYFILE_EXCL);
    console.log('Created PetStore.Functions/local.settings.json from local.settings.sample.json (it is git-ignored).');
    return;
  }

  // A copy made from an older sample lacks the settings added since, and the host refuses to index a function whose
  // binding names a missing setting (%Reminders:QueueName%). Add what is missing; never change what is there.
  const sample = JSON.parse(readFileSync(samplePath, 'utf8'));
  let local;
  try {
    local = JSON.parse(readFileSync(settings, 'utf8'));
  } catch (error) {
    console.warn(`PetStore.Functions/local.settings.json is not valid JSON (${error.message}); leaving it as it is.`);
    return;
  }
  local.Values ??= {};
  const missing = Object.keys(sample.Values ?? {}).filter((name) => !(name in local.Values));
  if (missing.length === 0) {
    return;
  }
  for (const name of missing) {
    local.Values[name] = sample.Values[name];
  }
  writeFileSync(settings, `${JSON.stringify(local, null, 2)}\n`);
  console.log(`Added to PetStore.Functions/local.settings.json from the sample: ${missing.join(', ')}.`);
}

function isExecutableFile(file) {
  try {
    if (!statSync(file).isFile()) {
      return false;
    }
    accessSync(file, isWindows ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// npm puts node_modules/.bin folders first on PATH for the scripts it runs, so a func found there is this project's
// launcher (see projectFunc), not one installed on the machine.
function isNpmBinFolder(directory) {
  return path.basename(directory) === '.bin' && path.basename(path.dirname(directory)) === 'node_modules';
}

function findOnPath(command) {
  const extensions = isWindows ? (process.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';') : [''];
  for (const directory of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    if (isNpmBinFolder(directory)) {
      continue;
    }
    for (const extension of extensions) {
      const candidate = path.join(directory, command + extension.toLowerCase());
      if (isExecutableFile(candidate)) {
        return candidate;
      }
    }
  }
  return null;
}

// A global func wins: it is the one the developer chose and keeps up to date.
function findFunc() {
  const global = findOnPath('func');
  if (global) {
    return { file: global, origin: 'on PATH' };
  }
  if (isExecutableFile(projectFunc)) {
    return { file: projectFunc, origin: "this project's, from the npm package azure-functions-core-tools" };
  }
  return null;
}

const funcMissing = `Azure Functions Core Tools v4 ('func') is neither on PATH nor installed in this project
(${path.relative(repoRoot, projectFunc)}), and npm start needs it to run the app.
npm ci installs the project's copy where it can download Core Tools from Microsoft's CDN; here it could not,
or npm ci has not run since Core Tools joined package.json. Either run npm ci again where that download works,
or install Core Tools with one of these, open a new terminal, and run npm start again:
  any OS:   npm i -g azure-functions-core-tools@4
  Windows:  winget install Microsoft.Azure.FunctionsCoreTools
  macOS:    brew tap azure/functions && brew install azure-functions-core-tools@4
  Linux:    apt-get install azure-functions-core-tools-4, after adding Microsoft's package repository
            (see "Work with Azure Functions Core Tools" in the Azure Functions docs)`;

// The host schedules timers in its own local time zone, and PurgeDeletedPets' 02:00 means 02:00 UTC, which is what
// Azure gives it (Flex Consumption runs in UTC and supports neither TZ nor WEBSITE_TIME_ZONE). .NET takes the local
// zone from TZ on Linux and macOS; on Windows it reads only the system setting, which no variable changes.
function hostEnvironment() {
  const previous = process.env.TZ;
  if (isWindows) {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!/^(Etc\/)?(UTC|UCT|GMT|Universal|Zulu)$/.test(zone)) {
      console.warn(
        `Note: on Windows the Functions host follows the system time zone (${zone}), so the purge timer fires at 02:00 ` +
          'in that zone here, not at 02:00 UTC as in Azure. To run it now: POST http://localhost:7071/admin/functions/PurgeDeletedPets ' +
          'with Content-Type: application/json and the body {}.',
      );
    }
  } else {
    const overridden = previous && previous !== 'UTC' ? ` (your TZ=${previous} applies to everything but func)` : '';
    console.log(`Running the Functions host with TZ=UTC, so the purge timer fires at 02:00 UTC as in Azure${overridden}.`);
  }
  return { ...process.env, TZ: 'UTC' };
}

async function main() {
  let options;
  try {
    ({ values: options } = parseArgs({ options: { 'no-azurite': { type: 'boolean', default: false } } }));
  } catch (error) {
    throw new Error(`${error.message}\nUsage: npm start [-- --no-azurite]`);
  }

  ensureLocalSettings();
  // Before looking for func: on a fresh clone npm ci is what installs the project's copy.
  ensureAzuriteInstalled();

  const func = findFunc();
  if (!func) {
    console.error(funcMissing);
    return 1;
  }
  console.log(`Using func ${func.origin}: ${func.file}`);
  const env = hostEnvironment();

  const azurite = options['no-azurite'] ? null : await startAzurite();
  // func from npm is func.cmd on Windows, which Node only runs through a shell.
  const useShell = isWindows && /\.(cmd|bat)$/i.test(func.file);
  const app = spawn(useShell ? `"${func.file}"` : func.file, ['start'], {
    cwd: functionsDir,
    stdio: 'inherit',
    shell: useShell,
    env,
  });

  // A terminal's Ctrl+C reaches func and Azurite as well; forwarding covers a signal sent to this script alone
  // (an IDE's stop button), and a second SIGINT only repeats the host's graceful shutdown.
  let signalled = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      signalled = true;
      if (!isWindows && !hasExited(app)) {
        app.kill(signal);
      }
    });
  }

  const exitCode = await new Promise((resolve) => {
    app.once('error', (error) => {
      console.error(`Could not run func: ${error.message}`);
      resolve(1);
    });
    app.once('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1)));
  });

  if (azurite) {
    console.log('Stopping Azurite...');
    await stopAzurite(azurite, signalled ? 3_000 : 0);
  }
  return exitCode;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
}
