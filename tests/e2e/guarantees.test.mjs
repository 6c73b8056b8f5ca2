// The chain's guarantees attacked from polkadot.js on a --dev node: an unbooked
// balances.burn, sudo rewriting balances or moving the strategic reserve, a milestone burn
// pointed at the reserve, a stake backed by vesting-frozen tokens, a batched burn, a proxied
// or dispatchAs reserve transfer, a forged track origin. Each is refused with its
// named error, and total_issuance + total_burned == 210M after every one. A beneficiary
// with no free balance claims vested tokens without paying a fee.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { signAndWait, useDevNode, waitFor } from './lib/node.mjs';

const UNIT = 10n ** 18n;
const TOTAL_SUPPLY = 210_000_000n * UNIT;
// Keyless pool accounts: PalletId(b"btt/rsrv") and b"btt/ecos" as AccountId ("modl" prefix).
const palletAccount = (id) => {
  const bytes = new Uint8Array(32);
  bytes.set(new TextEncoder().encode('modl' + id));
  return bytes;
};

describe('guarantees (btt-node --dev)', () => {
  const dev = useDevNode();
  let api;
  let alice;
  let bob;
  let reserve;

  before(() => {
    api = dev.api;
    alice = dev.keyring.addFromUri('//Alice');
    bob = dev.keyring.addFromUri('//Bob');
    reserve = api.createType('AccountId', palletAccount('btt/rsrv')).toString();
  });

  /** Asserts the supply rule at the best block. */
  async function supplyHolds() {
    const issuance = (await api.query.balances.totalIssuance()).toBigInt();
    const burned = (await api.query.bttBurn.totalBurned()).toBigInt();
    assert.equal(issuance + burned, TOTAL_SUPPLY, 'total_issuance + total_burned == 210M');
    assert.equal((await api.call.bttBurnApi.totalBurned()).toBigInt(), burned);
  }

  const reserveBalance = async () => (await api.query.system.account(reserve)).data.free.toBigInt();

  it('balances.burn is refused by the call filter; bttBurn.burn is booked', async () => {
    const refused = await signAndWait(api, api.tx.balances.burn(1_000n * UNIT, true), alice);
    assert.equal(refused.dispatchError, 'system.CallFiltered');
    await supplyHolds();

    const burnedBefore = (await api.query.bttBurn.totalBurned()).toBigInt();
    const booked = await signAndWait(api, api.tx.bttBurn.burn(1_000n * UNIT, true), alice);
    assert.equal(booked.dispatchError, null);
    const burnedAfter = (await api.query.bttBurn.totalBurned()).toBigInt();
    assert.ok(burnedAfter - burnedBefore >= 1_000n * UNIT, 'the burn is in the books');
    await supplyHolds();
  });

  it('sudo cannot force-transfer the reserve, rewrite its balance or act as it', async () => {
    assert.equal(await reserveBalance(), 2_100_000n * UNIT);
    const attacks = [
      api.tx.balances.forceTransfer(reserve, bob.address, 1_000_000n * UNIT),
      api.tx.balances.forceSetBalance(reserve, 0),
      api.tx.balances.forceSetBalance(bob.address, 1_000_000_000n * UNIT),
      api.tx.balances.forceAdjustTotalIssuance('Increase', UNIT),
    ];
    for (const attack of attacks) {
      const { dispatchError } = await signAndWait(api, api.tx.sudo.sudo(attack), alice);
      assert.equal(dispatchError, 'system.CallFiltered', `${attack.method.section}.${attack.method.method}`);
    }
    const asReserve = api.tx.sudo.sudoAs(reserve, api.tx.balances.transferKeepAlive(bob.address, UNIT));
    assert.equal((await signAndWait(api, asReserve, alice)).dispatchError, 'system.CallFiltered');
    assert.equal(await reserveBalance(), 2_100_000n * UNIT, 'the reserve is untouched');
    await supplyHolds();
  });

  it('batches and proxies carry no call the filter refuses', async () => {
    const bobFree = async () => (await api.query.system.account(bob.address)).data.free.toBigInt();
    // A batch holding balances.burn is refused whole: the transfer before it does not run.
    const before = await bobFree();
    for (const batch of ['batch', 'batchAll', 'forceBatch']) {
      const call = api.tx.utility[batch]([
        api.tx.balances.transferKeepAlive(bob.address, UNIT),
        api.tx.balances.burn(1_000n * UNIT, true),
      ]);
      assert.equal((await signAndWait(api, call, alice)).dispatchError, 'system.CallFiltered', batch);
    }
    assert.equal(await bobFree(), before, 'nothing of the batches ran');
    // Nobody acts for the reserve: not as its proxy, not by root's dispatchAs.
    const proxied = api.tx.proxy.proxy(reserve, null, api.tx.balances.transferKeepAlive(bob.address, UNIT));
    assert.equal((await signAndWait(api, proxied, alice)).dispatchError, 'system.CallFiltered');
    const asReserve = api.tx.sudo.sudo(
      api.tx.utility.dispatchAs({ system: { Signed: reserve } }, api.tx.proxy.addProxy(alice.address, 'Any', 0)),
    );
    assert.equal((await signAndWait(api, asReserve, alice)).dispatchError, 'system.CallFiltered');
    // Nor does root take the reserve-release track's origin without its referendum.
    const forged = api.tx.sudo.sudo(
      api.tx.utility.dispatchAs({ BttGovernance: 'ReserveRelease' }, api.tx.bttVesting.releaseReserve(UNIT)),
    );
    assert.equal((await signAndWait(api, forged, alice)).dispatchError, 'system.CallFiltered');
    assert.equal(await reserveBalance(), 2_100_000n * UNIT, 'the reserve is untouched');
    await supplyHolds();
  });

  it('a milestone burn can only come from the ecosystem fund or the development fund', async () => {
    // The call takes one of the two funds: the reserve cannot even be named.
    assert.throws(() => api.tx.bttBurn.setMilestoneSource(reserve));
    const toDevFund = api.tx.sudo.sudo(api.tx.bttBurn.setMilestoneSource('DevelopmentFund'));
    const { events, dispatchError } = await signAndWait(api, toDevFund, alice);
    assert.equal(dispatchError, null);
    const sudid = events.map(({ event }) => event).find((e) => api.events.sudo.Sudid.is(e));
    assert.ok(sudid && sudid.data.sudoResult.isOk, 'the council-or-root source change passed');
    assert.equal((await api.query.bttBurn.milestoneSourceChoice()).toString(), 'DevelopmentFund');
    assert.equal(await reserveBalance(), 2_100_000n * UNIT);
    await supplyHolds();
  });

  it('a stake backed by vesting-frozen tokens is refused', async () => {
    // Alice's 21M BitWave tokens are frozen by vesting; she has 700,000 BTT free.
    const { dispatchError } = await signAndWait(
      api,
      api.tx.bttStaking.stake('Days1095', 1_000_000n * UNIT),
      alice,
    );
    assert.equal(dispatchError, 'bttStaking.StakeNotFree');
    assert.ok((await api.query.bttStaking.positions(alice.address)).isNone);
    await supplyHolds();
  });

  it('an account with no free balance claims its vested tokens without a fee', async () => {
    // A fresh account receives a vesting grant (no lock, one month linear): every token it
    // holds is frozen, so it could not pay a fee.
    const grantee = dev.keyring.addFromUri('//GuaranteesGrantee');
    const grant = api.tx.sudo.sudo(
      api.tx.bttVesting.releaseEcosystem(grantee.address, 1_000n * UNIT, [0, 1]),
    );
    const granted = await signAndWait(api, grant, alice);
    assert.equal(granted.dispatchError, null);
    const sudid = granted.events.map(({ event }) => event).find((e) => api.events.sudo.Sudid.is(e));
    assert.ok(sudid && sudid.data.sudoResult.isOk, `the grant passed: ${sudid?.data.sudoResult}`);

    // Wait until something has vested, then claim from the grantee itself.
    await waitFor(async () => (await api.call.bttVestingApi.account(grantee.address)).claimable.toBigInt() > 0n, {
      timeoutMs: 60_000,
      what: 'a vested amount',
    });
    const before = await api.query.system.account(grantee.address);
    assert.equal(before.data.free.toBigInt(), 1_000n * UNIT);
    const { events, dispatchError } = await signAndWait(api, api.tx.bttVesting.claim(grantee.address), grantee);
    assert.equal(dispatchError, null);
    const fees = events.map(({ event }) => event).filter((e) => api.events.transactionPayment.TransactionFeePaid.is(e));
    assert.equal(fees.length, 0, 'no fee was charged');
    assert.ok(events.some(({ event }) => api.events.skipFeelessPayment.FeeSkipped.is(event)));
    const after = await api.query.system.account(grantee.address);
    assert.equal(after.data.free.toBigInt(), 1_000n * UNIT, 'the balance is whole: no fee left it');
    assert.ok(after.data.frozen.toBigInt() < before.data.frozen.toBigInt(), 'the freeze shrank');
    await supplyHolds();
  });
});
