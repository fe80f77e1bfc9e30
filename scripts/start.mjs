// `npm start`: runs the Functions app locally on a fresh clone. Creates local settings from the sample,
// starts Azurite (or reuses one already on the default ports), runs `func start`, and stops Azurite after.
import { spawn } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { hasExited, repoRoot, startAzurite, stopAzurite } from './azurite.mjs';

const isWindows = process.platform === 'win32';
const functionsDir = path.join(repoRoot, 'PetStore.Functions');

function ensureLocalSettings() {
  const settings = path.join(functionsDir, 'local.settings.json');
  if (existsSync(settings)) {
    return;
  }
  // COPYFILE_EXCL: never overwrite settings a developer has edited, even if one appears meanwhile.
  copyFileSync(path.join(repoRoot, 'local.settings.sample.json'), settings, constants.COPYFILE_EXCL);
  console.log('Created PetStore.Functions/local.settings.json from local.settings.sample.json (it is git-ignored).');
}

function findOnPath(command) {
  const extensions = isWindows ? (process.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';') : [''];
  for (const directory of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      const candidate = path.join(directory, command + extension.toLowerCase());
      try {
        if (statSync(candidate).isFile()) {
          accessSync(candidate, isWindows ? constants.F_OK : constants.X_OK);
          return candidate;
        }
      } catch {
        // Not here; keep looking.
      }
    }
  }
  return null;
}

const funcMissing = `Azure Functions Core Tools v4 ('func') is not on PATH, and npm start needs it to run the app.
Install it with one of these, open a new terminal, and run npm start again:
  any OS:   npm i -g azure-functions-core-tools@4
  Windows:  winget install Microsoft.Azure.FunctionsCoreTools
  macOS:    brew tap azure/functions && brew install azure-functions-core-tools@4
  Linux:    apt-get install azure-functions-core-tools-4, after adding Microsoft's package repository
            (see "Work with Azure Functions Core Tools" in the Azure Functions docs)`;

async function main() {
  ensureLocalSettings();

  const func = findOnPath('func');
  if (!func) {
    console.error(funcMissing);
    return 1;
  }

  const azurite = await startAzurite();
  // func from npm is func.cmd on Windows, which Node only runs through a shell.
  const useShell = isWindows && /\.(cmd|bat)$/i.test(func);
  const app = spawn(useShell ? `"${func}"` : func, ['start'], { cwd: functionsDir, stdio: 'inherit', shell: useShell });

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
