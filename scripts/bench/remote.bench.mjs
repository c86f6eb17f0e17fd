// Remote benchmark (issue 16): `promptpm push --all` and `pull --all` of 1,000 versions (250 modules × 4)
// through a real OCI registry on loopback (Debian's docker-registry, its own process and storage), reported
// as versions/s and as a ratio to `cp -r` of the same files. Skipped, saying why, without docker-registry.
/* global fetch */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchRegistry, buildCli, cliBin, loadLine, medianMs } from './fixtures.mjs';

if (spawnSync('sh', ['-c', 'command -v docker-registry'], { stdio: 'ignore' }).status !== 0) {
  console.log('skipped: docker-registry is not installed (Debian: apt-get install -y docker-registry)');
  process.exit(0);
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

buildCli();
const source = benchRegistry({ modules: 250, versions: 4 });
const work = mkdtempSync(join(tmpdir(), 'promptpm-remote-bench-'));
const port = await freePort();
const config = join(work, 'config.yml');
writeFileSync(config, `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${join(work, 'storage')}\nhttp:\n  addr: 127.0.0.1:${port}\n`);
const server = spawn('docker-registry', ['serve', config], { stdio: 'ignore' });
try {
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/v2/`);
      break;
    } catch {
      await sleep(25);
    }
  }
  const env = { ...process.env, XDG_CONFIG_HOME: join(work, 'config'), DOCKER_CONFIG: join(work, 'docker') };
  const cli = (...args) => JSON.parse(execFileSync(process.execPath, [cliBin, ...args, '--json'], { env, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] }).toString('utf8'));
  cli('remote', 'add', 'bench', `127.0.0.1:${port}/bench`);

  console.log(`before: ${loadLine()}`);
  let pushed;
  const push = medianMs(() => (pushed = cli('--registry', source, 'push', '--all')), { runs: 1, warm: false });
  const target = join(work, 'target');
  let pulled;
  const pull = medianMs(() => (pulled = cli('--registry', target, 'pull', '--all')), { runs: 1, warm: false });
  const verified = cli('--registry', target, 'verify');
  const cp = medianMs(() => {
    rmSync(join(work, 'copy'), { recursive: true, force: true });
    execFileSync('cp', ['-r', join(source, 'modules'), join(work, 'copy')]);
  }, { runs: 3 });
  const again = medianMs(() => cli('--registry', source, 'push', '--all'), { runs: 1, warm: false });

  const versions = pushed.data.count;
  const rate = (ms) => `${((versions * 1000) / ms).toFixed(0)} versions/s`;
  const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`registry: ${source} (${versions} versions), after: ${loadLine()}`);
  console.log(`push --all:         ${fmt(push)}   ${rate(push)}   push/cp = ${(push / cp).toFixed(1)}   (${pushed.data.pushed} pushed)`);
  console.log(`pull --all:         ${fmt(pull)}   ${rate(pull)}   pull/cp = ${(pull / cp).toFixed(1)}   (${pulled.data.pulled} pulled; verify: ${verified.data.ok}/${verified.data.total} ok)`);
  console.log(`push, all present:  ${fmt(again)}   ${rate(again)}   (one manifest check per version)`);
  console.log(`cp -r modules/:     ${fmt(cp)}`);
} finally {
  server.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
