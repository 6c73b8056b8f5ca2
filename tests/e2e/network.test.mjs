// The four-validator network of scripts/local-testnet.json (chain-specs/local-testnet.json,
// validators Alice, Bob, Charlie and Dave) as real processes on free 127.0.0.1 ports, with
// the node keys and arguments of scripts/local-testnet.mjs (the launcher of
// scripts/local-testnet.sh and docker/docker-compose.yml), so the tests run that network: it
// produces and finalizes blocks, keeps finalizing with one validator stopped, a validator
// killed with SIGKILL restarts on its own database and catches up within 60 s, a validator
// paused (SIGSTOP) for 60 s does not stop finality and catches up after SIGCONT, two of
// four down stall finality until one returns, a validator with a damaged database exits
// naming the recovery and syncs back after purge-chain, a late joiner reaches the finalized head by
// warp sync and by full sync, and export-blocks/import-blocks restore the chain into a
// fresh database (export-state too). The measured times are printed for the closing report.
//
// BTT_E2E_PAUSE_MS (default 60000) and BTT_E2E_LATE_JOINER_BLOCKS (default 50) shorten the
// pause and the chain a joiner syncs, for a quick local run.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before, describe, it } from 'node:test';

import { CHAIN_SPEC, TOPOLOGY, bootnodeAddress, compose, nodeKey, validatorArgs } from '../../scripts/local-testnet.mjs';
import { heads, nodeBinary, rpcCall, startNode, waitFor } from './lib/node.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// startNode picks free ports itself (--rpc-port, --listen-addr, --prometheus-port) and adds
// these flags, so the validators' arguments leave them out: no flag is passed twice.
const STARTNODE_SETS = { ports: false, omitFlags: ['--no-mdns', '--no-telemetry'] };

describe('four validators (chain-specs/local-testnet.json)', () => {
  const root = mkdtempSync(join(tmpdir(), 'btt-network-'));
  const validators = TOPOLOGY.nodes.map((spec) => ({ spec, dir: join(root, spec.name), node: null, peerId: null }));
  const byName = (name) => validators.find((v) => v.spec.name === name);
  let started;

  /** Alice's address on her current (free) p2p port. */
  const aliceAddress = () => bootnodeAddress(validators[0].peerId, { port: validators[0].node.p2pPort });

  /** Starts `validator` on its own base path, bootstrapping from Alice unless it is Alice. */
  async function start(validator) {
    const args = validatorArgs(validator.spec, {
      chain: CHAIN_SPEC,
      basePath: validator.dir,
      bootnode: validator === validators[0] ? null : aliceAddress(),
      ...STARTNODE_SETS,
    });
    validator.node = await startNode({ args });
  }

  before(async () => {
    // Each validator's key in its base path (node-key), made once: restarts keep the peer id.
    for (const validator of validators) validator.peerId = nodeKey(validator.dir, nodeBinary());
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

  it('a paused validator (SIGSTOP, 60 s by default): the others keep finalizing, it catches up after SIGCONT', async () => {
    const bob = byName('bob');
    const alice = byName('alice').node;
    const pauseMs = Number(process.env.BTT_E2E_PAUSE_MS ?? 60_000);
    const atPause = await heads(alice);
    const pausedAt = Date.now();
    bob.node.proc.kill('SIGSTOP');
    try {
      await waitFor(async () => (await heads(alice)).finalized >= atPause.finalized + 3, {
        timeoutMs: pauseMs + 60_000,
        what: 'finality while Bob is paused',
      });
      // Stay paused for the whole period.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, pauseMs - (Date.now() - pausedAt))));
    } finally {
      bob.node.proc.kill('SIGCONT');
    }
    const resumed = Date.now();
    const target = (await heads(alice)).finalized;
    await waitFor(async () => (await heads(bob.node)).finalized >= target, {
      timeoutMs: 60_000,
      what: `Bob to reach the finalized block #${target} after SIGCONT`,
    });
    console.log(`pause of ${pauseMs / 1000} s: finality went on; Bob reached finalized #${target} ${((Date.now() - resumed) / 1000).toFixed(1)} s after SIGCONT`);
  });

  it('two of four validators down: finality stalls; one back and it resumes and catches up', async () => {
    const [charlie, dave] = [byName('charlie'), byName('dave')];
    const alice = byName('alice').node;
    await Promise.all([charlie.node.stop(), dave.node.stop()]);
    const down = Date.now();
    const atStop = await heads(alice);
    // GRANDPA needs more than two thirds of the votes: 3 of 4. Blocks go on, finality stops.
    await waitFor(async () => (await heads(alice)).best >= atStop.best + 4, {
      timeoutMs: 90_000,
      what: 'blocks to go on with two validators',
    });
    const stalled = await heads(alice);
    assert.ok(stalled.finalized <= atStop.finalized + 1, `finality stalled: #${atStop.finalized} -> #${stalled.finalized}`);
    const stallMs = Date.now() - down;

    const back = Date.now();
    await start(charlie);
    await waitFor(async () => {
      const now = await heads(alice);
      return now.finalized >= stalled.best;
    }, { timeoutMs: 120_000, what: `finality to resume past #${stalled.best}` });
    console.log(
      `two of four down: finality stalled at #${stalled.finalized} while blocks reached #${stalled.best} ` +
        `(${(stallMs / 1000).toFixed(1)} s observed); with Charlie back it passed #${stalled.best} in ${((Date.now() - back) / 1000).toFixed(1)} s`,
    );
    await start(dave);
  });

  it('a damaged database: the validator exits naming it and the recovery; purge-chain and a restart sync it back', async () => {
    const dave = byName('dave');
    const alice = byName('alice').node;
    await dave.node.stop();
    // Overwrite the start of ParityDB's metadata and index files, as a crash mid-write would.
    const chains = join(dave.dir, 'chains');
    const [chainId] = readdirSync(chains);
    const db = join(chains, chainId, 'paritydb', 'full');
    for (const file of readdirSync(db).filter((f) => f === 'metadata' || f.startsWith('index_'))) {
      const fd = openSync(join(db, file), 'r+');
      writeSync(fd, randomBytes(4096), 0, 4096, 0);
      closeSync(fd);
    }
    await assert.rejects(start(dave), (error) => {
      assert.match(error.message, /The database at .* cannot be opened/);
      assert.match(error.message, /btt-node purge-chain --chain/);
      assert.doesNotMatch(error.message, /panicked/);
      return true;
    });

    execFileSync(nodeBinary(), ['purge-chain', '--chain', CHAIN_SPEC, '--base-path', dave.dir, '-y'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const restarted = Date.now();
    await start(dave);
    const target = (await heads(alice)).finalized;
    await waitFor(async () => (await heads(dave.node)).finalized >= target, {
      timeoutMs: 120_000,
      what: `Dave to sync back to finalized #${target} after purge-chain`,
    });
    console.log(`damaged database: refused with the recovery steps; after purge-chain Dave synced to finalized #${target} in ${((Date.now() - restarted) / 1000).toFixed(1)} s`);
  });

  it('a late joiner syncs to the finalized head by warp sync and by full sync', async () => {
    const alice = byName('alice').node;
    const minFinalized = Number(process.env.BTT_E2E_LATE_JOINER_BLOCKS ?? 50);
    await waitFor(async () => (await heads(alice)).finalized >= minFinalized, {
      timeoutMs: minFinalized * 12_000,
      what: `${minFinalized} finalized blocks`,
    });
    const bootnode = aliceAddress();
    for (const mode of ['warp', 'full']) {
      const dir = join(root, `joiner-${mode}`);
      const joinedAt = Date.now();
      const joiner = await startNode({
        args: ['--chain', CHAIN_SPEC, '--base-path', dir, '--name', `joiner-${mode}`,
          '--sync', mode, '--bootnodes', bootnode, '--unsafe-force-node-key-generation'],
      });
      try {
        const target = (await heads(alice)).finalized;
        await waitFor(async () => (await heads(joiner)).finalized >= target, {
          timeoutMs: 180_000,
          what: `the ${mode}-sync joiner to reach finalized #${target}`,
        });
        console.log(`late joiner, ${mode} sync: finalized #${target} in ${((Date.now() - joinedAt) / 1000).toFixed(1)} s from its start`);
        // Its finalized head is the network's block of that number (a warp-synced node has
        // no bodies below it yet, so compare heads, not a lookup by number).
        const head = await rpcCall(joiner, 'chain_getFinalizedHead');
        const { number } = await rpcCall(joiner, 'chain_getHeader', [head]);
        assert.equal(head, await rpcCall(alice, 'chain_getBlockHash', [parseInt(number, 16)]));
      } finally {
        await joiner.stop();
      }
    }
  });

  it('export-blocks and import-blocks into a fresh base path reproduce the finalized head; export-state works', async () => {
    // The full-sync joiner's database, now stopped, is the backup's source.
    const source = join(root, 'joiner-full');
    const chain = CHAIN_SPEC;
    const backup = join(root, 'blocks.bin');
    const exportedAt = Date.now();
    const quiet = { stdio: ['ignore', 'ignore', 'pipe'] };
    execFileSync(nodeBinary(), ['export-blocks', '--chain', chain, '--base-path', source, '--binary', backup], quiet);
    const restored = join(root, 'restored');
    execFileSync(nodeBinary(), ['import-blocks', '--chain', chain, '--base-path', restored, '--binary', backup], quiet);
    const seconds = ((Date.now() - exportedAt) / 1000).toFixed(1);
    const state = join(root, 'state.json');
    execFileSync(nodeBinary(), ['export-state', '--chain', chain, '--base-path', restored], {
      stdio: ['ignore', openSync(state, 'w'), 'pipe'],
    });
    assert.match(readFileSync(state, 'utf8').slice(0, 2_000), /"genesis"/);
    // The restored database, started alone (no peers), has the same finalized head.
    const node = await startNode({
      args: ['--chain', chain, '--base-path', restored, '--name', 'restored', '--unsafe-force-node-key-generation'],
    });
    try {
      const mine = await heads(node);
      const hash = await rpcCall(node, 'chain_getBlockHash', [mine.best]);
      assert.equal(hash, await rpcCall(byName('alice').node, 'chain_getBlockHash', [mine.best]));
      assert.ok(mine.best > 0, 'blocks were imported');
      console.log(`backup and restore of ${mine.best} blocks: export + import in ${seconds} s, same block hash at #${mine.best}`);
    } finally {
      await node.stop();
    }
  });

  it('docker/docker-compose.yml is the same topology, generated by scripts/local-testnet.sh', () => {
    const generated = compose(nodeBinary());
    const committed = readFileSync(join(ROOT, 'docker', 'docker-compose.yml'), 'utf8');
    assert.equal(committed, generated, 'regenerate it: scripts/local-testnet.sh compose > docker/docker-compose.yml');
  });
});
