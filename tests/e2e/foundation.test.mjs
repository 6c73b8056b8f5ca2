// Foundation suite: one `btt-node --dev` is started for the whole file and these checks run
// against it in order: token properties, genesis issuance, runtime identity, block
// production and finality, a successful signed transfer, and a transfer that must fail.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { mnemonicGenerate } from '@polkadot/util-crypto';

import { rpcCall, signAndWait, useDevNode, waitFor } from './lib/node.mjs';

const DECIMALS = 18;
const UNIT = 10n ** BigInt(DECIMALS);
/** The whole BTT supply, minted at genesis. */
const TOTAL_SUPPLY = 210_000_000n * UNIT;

/** Chain properties may be a scalar or a one-element array (`"BTT"` or `["BTT"]`). */
const first = (value) => (Array.isArray(value) ? value[0] : value);

describe('foundation (btt-node --dev)', () => {
  const dev = useDevNode();
  let api;
  let keyring;
  let alice;
  let bob;
  let node;

  before(() => {
    ({ api, keyring, node } = dev);
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
  });

  /** Free balance of `address` in the state at `blockHash`. */
  async function freeAt(blockHash, address) {
    const apiAt = await api.at(blockHash);
    const account = await apiAt.query.system.account(address);
    return account.data.free.toBigInt();
  }

  /** A fresh account that has never held anything. */
  const freshAccount = () => keyring.addFromUri(mnemonicGenerate());

  it('system.properties: BTT, 18 decimals, SS58 format 42', async () => {
    // The raw JSON the node serves (values may be scalars or arrays) ...
    const raw = await rpcCall(node, 'system_properties');
    assert.equal(first(raw.tokenSymbol), 'BTT');
    assert.equal(first(raw.tokenDecimals), DECIMALS);
    assert.equal(raw.ss58Format, 42);

    // ... and what @polkadot/api made of it.
    const props = await api.rpc.system.properties();
    assert.deepEqual(props.tokenSymbol.unwrap().map(String), ['BTT']);
    assert.deepEqual(props.tokenDecimals.unwrap().map((d) => d.toNumber()), [DECIMALS]);
    assert.equal(props.ss58Format.unwrap().toNumber(), 42);
    assert.equal(api.registry.chainDecimals[0], DECIMALS);
    assert.equal(api.registry.chainTokens[0], 'BTT');
    assert.equal(api.registry.chainSS58, 42);
  });

  it('balances.totalIssuance is 210,000,000 BTT', async () => {
    // At genesis, and still now: no transaction has run yet, so no fee has moved or burnt
    // anything.
    const genesisHash = await api.rpc.chain.getBlockHash(0);
    const atGenesis = await (await api.at(genesisHash)).query.balances.totalIssuance();
    assert.equal(atGenesis.toBigInt(), TOTAL_SUPPLY);
    const now = await api.query.balances.totalIssuance();
    assert.equal(now.toBigInt(), TOTAL_SUPPLY);
  });

  it("runtime spec name is 'btt'", async () => {
    const chain = (await api.rpc.system.chain()).toString();
    assert.ok(chain.length > 0, 'system.chain is empty');
    const version = await api.rpc.state.getRuntimeVersion();
    assert.equal(version.specName.toString(), 'btt');
    assert.equal(api.runtimeVersion.specName.toString(), 'btt');
  });

  it('best and finalized heads advance', async () => {
    const best = async () => (await api.rpc.chain.getHeader()).number.toNumber();
    const finalized = async () => {
      const hash = await api.rpc.chain.getFinalizedHead();
      return (await api.rpc.chain.getHeader(hash)).number.toNumber();
    };
    const best0 = await best();
    const finalized0 = await finalized();
    let seen = `best ${best0}, finalized ${finalized0}`;
    await waitFor(
      async () => {
        const [b, f] = [await best(), await finalized()];
        seen = `best ${b}, finalized ${f}`;
        return b >= best0 + 2 && f >= finalized0 + 1 && f >= 1;
      },
      {
        timeoutMs: 90_000,
        intervalMs: 1_000,
        what: `best +2 and finalized +1 from best ${best0}, finalized ${finalized0}`,
      },
    ).catch((err) => {
      err.message += ` (last seen: ${seen})`;
      throw err;
    });
  });

  // Sent by Bob: on a dev chain Alice authors every block and gets the author's share of
  // each fee back, so only a non-author's balance falls by exactly amount + fee.
  it('a signed balances.transferKeepAlive of 10 BTT is included, with events and exact balances', async () => {
    const recipient = freshAccount();
    const amount = 10n * UNIT;
    const tx = api.tx.balances.transferKeepAlive(recipient.address, amount);

    const { blockHash, events, dispatchError } = await signAndWait(api, tx, bob);
    assert.equal(dispatchError, null, `transfer failed: ${dispatchError}`);

    const find = (eventType) => events.map(({ event }) => event).filter((e) => eventType.is(e));

    const transfers = find(api.events.balances.Transfer);
    assert.equal(transfers.length, 1, 'expected exactly one balances.Transfer event');
    const [from, to, transferred] = transfers[0].data;
    assert.equal(from.toString(), bob.address);
    assert.equal(to.toString(), recipient.address);
    assert.equal(transferred.toBigInt(), amount);

    const feesPaid = find(api.events.transactionPayment.TransactionFeePaid);
    assert.equal(feesPaid.length, 1, 'expected exactly one transactionPayment.TransactionFeePaid event');
    const [who, actualFeeCodec, tipCodec] = feesPaid[0].data;
    const actualFee = actualFeeCodec.toBigInt();
    assert.equal(who.toString(), bob.address);
    assert.ok(actualFee > 0n, `actualFee should be > 0, got ${actualFee}`);
    assert.equal(tipCodec.toBigInt(), 0n);

    assert.equal(find(api.events.system.ExtrinsicSuccess).length, 1, 'expected system.ExtrinsicSuccess');

    // Balances in the block's state against its parent's.
    const { parentHash } = await api.rpc.chain.getHeader(blockHash);
    const bobBefore = await freeAt(parentHash, bob.address);
    const bobAfter = await freeAt(blockHash, bob.address);
    assert.equal(bobBefore - bobAfter, amount + actualFee, "Bob's free balance should fall by amount + fee");
    assert.equal(await freeAt(parentHash, recipient.address), 0n);
    assert.equal(await freeAt(blockHash, recipient.address), amount);
  });

  it('a transfer below the existential deposit to a new account fails with a named error', async () => {
    const ed = api.consts.balances.existentialDeposit.toBigInt();
    assert.ok(ed >= 2n, `existential deposit must be at least 2 for this test, got ${ed}`);
    const recipient = freshAccount();
    const tx = api.tx.balances.transferKeepAlive(recipient.address, ed - 1n);
    const expected = ['token.BelowMinimum', 'balances.ExistentialDeposit'];

    let outcome;
    try {
      outcome = await signAndWait(api, tx, alice);
    } catch (err) {
      // Rejected at submission: acceptable only when the message names the reason.
      assert.match(
        err.message,
        /BelowMinimum|ExistentialDeposit/,
        `submission was rejected for an unexpected reason: ${err.message}`,
      );
      return;
    }

    // Included: the dispatch must have failed with one of the expected errors.
    const { blockHash, events, dispatchError } = outcome;
    assert.ok(
      expected.includes(dispatchError),
      `expected dispatch error ${expected.join(' or ')}, got ${dispatchError}`,
    );
    assert.ok(
      events.some(({ event }) => api.events.system.ExtrinsicFailed.is(event)),
      'expected a system.ExtrinsicFailed event',
    );
    assert.equal(await freeAt(blockHash, recipient.address), 0n, 'the recipient must not have been endowed');
  });
});
