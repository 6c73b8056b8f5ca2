// A runtime upgrade by referendum on a dev chain with 2-block governance days: a root-track
// referendum authorises the code hash of the next runtime (`system.authorizeUpgrade`: a
// small call, where the 5 MB code itself would exceed the preimage pallet's 4 MiB limit),
// anyone then submits the code (`system.applyAuthorizedUpgrade`, free once authorised), and
// the chain runs the new `spec_version` from the next block.
//
// The next runtime is btt-runtime-upgrade-rehearsal: the same sources built with
// spec_version + 1, by the same `cargo build` as the node.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { before, describe, it } from 'node:test';

import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { proposeAndBack, UNIT, waitUntilApproved } from './lib/governance.mjs';
import { useDevNode, waitFor } from './lib/node.mjs';

/** The wasm of the next runtime: env BTT_UPGRADE_WASM, or where cargo builds it. */
function nextRuntimeWasm() {
  if (process.env.BTT_UPGRADE_WASM) return resolve(process.env.BTT_UPGRADE_WASM);
  const target = process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache', 'btt-chain', 'target');
  return join(
    target,
    'debug',
    'wbuild',
    'btt-runtime-upgrade-rehearsal',
    'btt_runtime_upgrade_rehearsal.compact.compressed.wasm',
  );
}

describe('runtime upgrade by referendum (dev chain, 2-block days)', () => {
  const dev = useDevNode({ genesis: { dayLength: 2 } });
  let api;

  before(() => {
    api = dev.api;
  });

  it('a root-track referendum upgrades the runtime to the next spec_version', async () => {
    const alice = dev.keyring.addFromUri('//Alice');
    const bob = dev.keyring.addFromUri('//Bob');
    const code = readFileSync(nextRuntimeWasm());
    const before = api.runtimeVersion.specVersion.toNumber();

    const index = await proposeAndBack(api, {
      proposer: alice,
      origin: { system: 'Root' },
      call: api.tx.system.authorizeUpgrade(blake2AsHex(code, 256)),
      votes: [[alice, 20_000_000n * UNIT], [bob, 10_000_000n * UNIT]],
    });
    await waitUntilApproved(api, index);
    await waitFor(async () => (await api.query.system.authorizedUpgrade()).isSome, {
      timeoutMs: 60_000,
      intervalMs: 1_000,
      what: 'the upgrade to be authorised',
    });

    // Anyone may now submit the authorised code, unsigned.
    await api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)).send();
    await waitFor(
      async () => (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber() === before + 1,
      { timeoutMs: 120_000, intervalMs: 1_000, what: `spec_version ${before + 1} to be live` },
    );
    // The chain goes on producing blocks with the new runtime.
    const head = (await api.rpc.chain.getHeader()).number.toNumber();
    await waitFor(async () => (await api.rpc.chain.getHeader()).number.toNumber() > head + 1, {
      timeoutMs: 60_000,
      intervalMs: 1_000,
      what: 'blocks after the upgrade',
    });
  });
});
