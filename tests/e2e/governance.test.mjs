// Governance end to end on a dev chain with 2-block governance days (the dev spec with its
// calendar patched, so the chain runs the production code path): two referenda driven from
// polkadot.js through their whole lifecycle — preimage, submission, decision deposit, votes,
// confirmation, enactment. One, on the milestones track, executes the mainnet-launch burn;
// the other, on the reserve-release track, pays the strategic reserve to the foundation's
// 2-of-3 multisig. Both run side by side, so the suite takes about two minutes.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import { createKeyMulti, encodeAddress, sortAddresses } from '@polkadot/util-crypto';

import { eventsOf, proposeAndBack, UNIT, waitUntilApproved } from './lib/governance.mjs';
import { signAndWait, useDevNode, waitFor } from './lib/node.mjs';

describe('governance (dev chain, 2-block days)', () => {
  const dev = useDevNode({ genesis: { dayLength: 2 } });
  let api;
  let alice;
  let bob;
  let charlie;

  before(() => {
    api = dev.api;
    alice = dev.keyring.addFromUri('//Alice');
    bob = dev.keyring.addFromUri('//Bob');
    charlie = dev.keyring.addFromUri('//Charlie');
  });

  it('exposes the BTT tracks, with their origins, to polkadot.js', () => {
    const names = api.consts.referenda.tracks.map(([, info]) =>
      Buffer.from(info.name.toU8a(true)).toString('utf8').replace(/\0+$/, ''),
    );
    assert.deepEqual(names, ['root', 'reserve_release', 'milestones', 'treasurer', 'economic_params', 'validator_admin']);
    // Two-block days: the milestones track prepares for 1 day and confirms for 2.
    const milestones = api.consts.referenda.tracks[2][1];
    assert.equal(milestones.preparePeriod.toNumber(), 2);
    assert.equal(milestones.confirmPeriod.toNumber(), 4);
  });

  it('refuses a reserve release by root, and a milestone burn by a signed account', async () => {
    let result = await signAndWait(api, api.tx.sudo.sudo(api.tx.bttVesting.releaseReserve(UNIT)), alice);
    const sudid = eventsOf(result, 'sudo', 'Sudid')[0];
    assert.ok(sudid.data.sudoResult.isErr);
    assert.ok(sudid.data.sudoResult.asErr.isBadOrigin, 'the reserve answers only to its track');
    result = await signAndWait(api, api.tx.bttBurn.executeMilestoneBurn('MainnetLaunch'), alice);
    assert.equal(result.dispatchError, 'BadOrigin');
  });

  it('passes a milestone burn and a reserve release by referendum', async () => {
    const multisig = encodeAddress(
      createKeyMulti(sortAddresses([alice.address, bob.address, charlie.address], 42), 2),
      42,
    );
    assert.equal((await api.query.bttVesting.foundationAccount()).unwrap().toString(), multisig);

    const issuanceBefore = (await api.query.balances.totalIssuance()).toBigInt();
    const feesBurnedBefore = (await api.query.bttBurn.burnedBySource('TransactionFee')).toBigInt();
    const multisigBefore = (await api.query.system.account(multisig)).data.free.toBigInt();
    const release = 250_000n * UNIT;
    const votes = [
      [alice, 20_000_000n * UNIT],
      [bob, 10_000_000n * UNIT],
    ];

    const burn = await proposeAndBack(api, {
      proposer: alice,
      origin: { BttGovernance: 'Milestones' },
      call: api.tx.bttBurn.executeMilestoneBurn('MainnetLaunch'),
      votes,
    });
    const reserve = await proposeAndBack(api, {
      proposer: alice,
      origin: { BttGovernance: 'ReserveRelease' },
      call: api.tx.bttVesting.releaseReserve(release),
      votes,
    });

    await waitUntilApproved(api, burn);
    await waitFor(
      async () => (await api.query.bttBurn.milestoneBurns('MainnetLaunch')).unwrap().executedAt.isSome,
      { timeoutMs: 60_000, intervalMs: 1_000, what: 'the milestone burn to be enacted' },
    );
    // totalIssuance fell by the milestone (and by the burned 20% of the fees paid meanwhile).
    const burnedByMilestone = (await api.query.bttBurn.burnedBySource({ Milestone: 'MainnetLaunch' })).toBigInt();
    assert.equal(burnedByMilestone, 1_000_000n * UNIT);
    const feesBurned = (await api.query.bttBurn.burnedBySource('TransactionFee')).toBigInt();
    assert.equal(
      (await api.query.balances.totalIssuance()).toBigInt(),
      issuanceBefore - 1_000_000n * UNIT - (feesBurned - feesBurnedBefore),
    );

    await waitUntilApproved(api, reserve);
    await waitFor(
      async () => (await api.query.system.account(multisig)).data.free.toBigInt() === multisigBefore + release,
      { timeoutMs: 60_000, intervalMs: 1_000, what: 'the reserve release to be enacted' },
    );
  });
});
