// The governed validator set end to end: a dev chain (Alice the only validator) with
// 5-block sessions and 2-block governance days, and a second node that an operator starts
// with `--validator` and an empty keystore. The operator creates keys on it with
// `author_rotateKeysWithOwner`, registers them with `session.setKeys` through a
// `SessionKeys` proxy (the validator's machine holds only the proxy's key, which cannot move
// Bob's funds), a referendum on the validator-admin track adds Bob, and after the session
// change Bob's node authors blocks.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import { cryptoWaitReady } from '@polkadot/util-crypto';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';

import { eventsOf, proposeAndBack, shortCalendarSpec, UNIT, waitUntilApproved } from './lib/governance.mjs';
import { connect, rpcCall, signAndWait, startNode, waitFor } from './lib/node.mjs';

const SESSION_BLOCKS = 5;

describe('validator set (dev chain, 5-block sessions)', () => {
  const spec = shortCalendarSpec({ dayLength: 2, sessionLength: SESSION_BLOCKS });
  let first;
  let second;
  let api;
  let keyring;

  before(async () => {
    first = await startNode({
      args: ['--chain', spec.file, '--alice', '--validator', '--node-key', '0'.repeat(63) + '1'],
    });
    const peerId = await rpcCall(first, 'system_localPeerId');
    // The joining operator's node: a validator with an empty keystore.
    second = await startNode({
      args: [
        '--chain', spec.file, '--validator', '--node-key', '0'.repeat(63) + '2',
        '--bootnodes', `/ip4/127.0.0.1/tcp/${first.p2pPort}/p2p/${peerId}`,
      ],
    });
    api = await connect(first);
    await cryptoWaitReady();
    keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  });

  after(async () => {
    if (api) await api.disconnect().catch(() => {});
    await Promise.all([first?.stop(), second?.stop()]);
    spec.remove();
  });

  afterEach((t) => {
    if (t.passed === false) {
      console.error(`--- first node ---\n${first?.logTail()}\n--- second node ---\n${second?.logTail()}`);
    }
  });

  it('an operator joins: keys, setKeys, a validator-admin referendum, then authoring', async () => {
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    assert.deepEqual((await api.query.session.validators()).map(String), [alice.address]);

    // Without keys, the admin origin cannot add Bob: the named error.
    let result = await signAndWait(api, api.tx.sudo.sudo(api.tx.bttValidators.addValidator(bob.address)), alice);
    const sudid = eventsOf(result, 'sudo', 'Sudid')[0].data.sudoResult;
    assert.ok(sudid.isErr);
    assert.equal(api.registry.findMetaError(sudid.asErr.asModule).name, 'NoSessionKeys');

    // 1. Bob's account (kept cold) names the operator's machine account, Ferdie, its
    //    SessionKeys proxy.
    const ferdie = keyring.addFromUri('//Ferdie');
    result = await signAndWait(api, api.tx.proxy.addProxy(ferdie.address, 'SessionKeys', 0), bob);
    assert.equal(result.dispatchError, null, 'proxy.addProxy');
    // 2. Keys made on the operator's node, with a proof that they belong to Bob's account.
    const generated = await rpcCall(second, 'author_rotateKeysWithOwner', [u8aToHex(bob.publicKey)]);
    assert.ok(generated.keys && generated.proof, 'keys and their ownership proof');
    // 3. Registered for Bob from polkadot.js, signed by the proxy.
    const proxied = async (call) => {
      const outcome = await signAndWait(api, api.tx.proxy.proxy(bob.address, null, call), ferdie);
      assert.equal(outcome.dispatchError, null, 'proxy.proxy');
      return eventsOf(outcome, 'proxy', 'ProxyExecuted')[0].data.result;
    };
    const setKeys = await proxied(api.tx.session.setKeys(generated.keys, generated.proof));
    assert.ok(setKeys.isOk, 'session.setKeys through the SessionKeys proxy');
    assert.ok((await api.query.session.nextKeys(bob.address)).isSome, 'the keys are Bob\'s');
    // The proxy's key cannot move Bob's funds.
    const bobFree = (await api.query.system.account(bob.address)).data.free.toBigInt();
    const transfer = await proxied(api.tx.balances.transferKeepAlive(ferdie.address, UNIT));
    assert.ok(transfer.isErr);
    const refusal = api.registry.findMetaError(transfer.asErr.asModule);
    assert.equal(`${refusal.section}.${refusal.name}`, 'system.CallFiltered');
    assert.equal((await api.query.system.account(bob.address)).data.free.toBigInt(), bobFree);
    // 4. The validator-admin track adds Bob.
    const index = await proposeAndBack(api, {
      proposer: alice,
      origin: { BttGovernance: 'ValidatorAdmin' },
      call: api.tx.bttValidators.addValidator(bob.address),
      votes: [[alice, 20_000_000n * UNIT], [bob, 10_000_000n * UNIT]],
    });
    await waitUntilApproved(api, index);
    await waitFor(async () => (await api.query.bttValidators.validators()).map(String).includes(bob.address), {
      timeoutMs: 60_000,
      intervalMs: 1_000,
      what: 'the referendum to add Bob',
    });

    // 5. From the session after the next change, Bob validates ...
    await waitFor(async () => (await api.query.session.validators()).map(String).includes(bob.address), {
      timeoutMs: 120_000,
      intervalMs: 1_000,
      what: 'Bob in the session validators',
    });
    // ... and his node authors blocks.
    const authored = await waitFor(
      async () => {
        const header = await api.derive.chain.getHeader(await api.rpc.chain.getBlockHash());
        return header.author?.toString() === bob.address ? header.number.toNumber() : null;
      },
      { timeoutMs: 120_000, intervalMs: 1_000, what: 'a block authored by Bob' },
    );
    assert.ok(authored > 0);
    // Both validators finalize: the finalized head moves past Bob's block.
    await waitFor(
      async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() >= authored,
      { timeoutMs: 120_000, intervalMs: 1_000, what: 'finality past Bob\'s block' },
    );
  });
});
