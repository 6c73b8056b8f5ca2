// The four-validator network of scripts/local-testnet.json (chain-specs/local-testnet.json,
// validators Alice, Bob, Charlie and Dave) as real processes on free 127.0.0.1 ports: it
// produces and finalizes blocks, keeps finalizing with one validator stopped, and a
// validator killed with SIGKILL restarts on its own database and catches up within 60 s.
// The measured times are printed for the closing report.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before, describe, it } from 'node:test';

import { nodeBinary, rpcCall, startNode, waitFor } from './lib/node.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOPOLOGY = JSON.parse(readFileSync(join(ROOT, 'scripts', 'local-testnet.json'), 'utf8'));
// startNode sets these itself.
const OWN_FLAGS = new Set(['--no-mdns', '--no-telemetry']);
const FLAGS = TOPOLOGY.flags.filter((flag) => !OWN_FLAGS.has(flag));

/** Best and finalized block numbers of a node, over RPC. */
async function heads(node) {
  const best = await rpcCall(node, 'chain_getHeader');
  const finalizedHash = await rpcCall(node, 'chain_getFinalizedHead');
  const finalized = await rpcCall(node, 'chain_getHeader', [finalizedHash]);
  return { best: parseInt(best.number, 16), finalized: parseInt(finalized.number, 16) };
}

describe('four validators (chain-specs/local-testnet.json)', () => {
  const root = mkdtempSync(join(tmpdir(), 'btt-network-'));
  const validators = TOPOLOGY.nodes.map((spec) => ({ spec, dir: join(root, spec.name), node: null, peerId: null }));
  const byName = (name) => validators.find((v) => v.spec.name === name);
  let started;

  /** Starts `validator` on its own base path, bootstrapping from Alice unless it is Alice. */
  async function start(validator) {
    const alice = validators[0];
    const bootnode =
      validator === alice ? [] : ['--bootnodes', `/ip4/127.0.0.1/tcp/${alice.node.p2pPort}/p2p/${alice.peerId}`];
    validator.node = await startNode({
      args: [
        '--chain', join(ROOT, TOPOLOGY.chainSpec),
        '--base-path', validator.dir,
        '--name', validator.spec.name,
        `--${validator.spec.key}`,
        '--node-key-file', join(validator.dir, 'node-key'),
        ...FLAGS,
        ...bootnode,
      ],
    });
  }

  before(async () => {
    for (const validator of validators) {
      mkdirSync(validator.dir, { recursive: true });
      const keyFile = join(validator.dir, 'node-key');
      execFileSync(nodeBinary(), ['key', 'generate-node-key', '--file', keyFile], { stdio: 'ignore' });
      validator.peerId = execFileSync(nodeBinary(), ['key', 'inspect-node-key', '--file', keyFile], {
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .pop();
    }
    started = Date.now();
    await start(validators[0]);
    await Promise.all(validators.slice(1).map(start));
  });

  after(async () => {
    await Promise.all(validators.map((v) => v.node?.stop()));
    rmSync(root, { recursive: true, force: true });
  });

  afterEach((t) => {
    if (t.passed === false) {
      for (const v of validators) if (v.node) console.error(`--- ${v.spec.name} ---\n${v.node.logTail()}`);
    }
  });

  it('produces and finalizes blocks with all four validators', async () => {
    const alice = byName('alice').node;
    await waitFor(async () => (await heads(alice)).finalized >= 1, {
      timeoutMs: 120_000,
      what: 'the first finalized block',
    });
    console.log(`time to first finalized block: ${((Date.now() - started) / 1000).toFixed(1)} s from the first start`);
    const before = await heads(alice);
    await waitFor(async () => (await heads(alice)).finalized >= before.finalized + 2, {
      timeoutMs: 60_000,
      what: 'finality to advance',
    });
    for (const v of validators) {
      const health = await rpcCall(v.node, 'system_health');
      assert.ok(health.peers >= 2, `${v.spec.name} has ${health.peers} peers`);
    }
  });

  it('keeps finalizing with one of four validators stopped', async () => {
    const dave = byName('dave');
    await dave.node.stop();
    const alice = byName('alice').node;
    const before = await heads(alice);
    await waitFor(async () => (await heads(alice)).finalized >= before.finalized + 3, {
      timeoutMs: 90_000,
      what: 'finality with three of four validators',
    });
    // Dave comes back on his database for the next test.
    await start(dave);
    await waitFor(async () => (await heads(dave.node)).finalized >= before.finalized + 3, {
      timeoutMs: 60_000,
      what: 'Dave to catch up',
    });
  });

  it('a validator killed with SIGKILL restarts on its own database and catches up within 60 s', async () => {
    const charlie = byName('charlie');
    const exited = new Promise((resolve) => charlie.node.proc.once('exit', resolve));
    charlie.node.proc.kill('SIGKILL');
    await exited;
    const alice = byName('alice').node;
    // Let the network move on while Charlie is down.
    const atKill = await heads(alice);
    await waitFor(async () => (await heads(alice)).finalized >= atKill.finalized + 2, {
      timeoutMs: 60_000,
      what: 'finality without Charlie',
    });

    const restarted = Date.now();
    await start(charlie);
    const target = (await heads(alice)).finalized;
    await waitFor(async () => (await heads(charlie.node)).finalized >= target, {
      timeoutMs: 60_000,
      what: `Charlie to reach the finalized block #${target}`,
    });
    console.log(`catch-up after SIGKILL restart: ${((Date.now() - restarted) / 1000).toFixed(1)} s to finalized #${target}`);
    // His database survived: he did not start over from genesis.
    const log = charlie.node.logTail();
    assert.doesNotMatch(log, /Initializing Genesis block/);
  });

  it('docker/docker-compose.yml is the same topology, generated by scripts/local-testnet.sh', () => {
    const generated = execFileSync('python3', [join(ROOT, 'scripts', 'local_testnet.py'), 'compose'], {
      encoding: 'utf8',
      env: { ...process.env, BTT_NODE_BIN: nodeBinary() },
    });
    const committed = readFileSync(join(ROOT, 'docker', 'docker-compose.yml'), 'utf8');
    assert.equal(committed, generated, 'regenerate it: scripts/local-testnet.sh compose > docker/docker-compose.yml');
  });
});
