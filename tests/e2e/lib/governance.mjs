// Helpers for the governance end-to-end tests: a dev chain spec with a shorter calendar,
// and a referendum driven through its whole lifecycle from polkadot.js.

import assert from 'node:assert/strict';
import { patchedDevSpec, signAndWait, waitFor } from './node.mjs';

export const UNIT = 10n ** 18n;

/**
 * The dev chain spec with governance days of `dayLength` blocks and sessions of
 * `sessionLength` blocks (see `patchedDevSpec`). Returns `{ file, remove() }`.
 */
export function shortCalendarSpec({ dayLength = 2, sessionLength = 50 } = {}) {
  return patchedDevSpec({ dayLength, sessionLength });
}

/** The events of `result` from `section.method`. */
export const eventsOf = (result, section, method) =>
  result.events.map(({ event }) => event).filter((e) => e.section === section && e.method === method);

/**
 * A referendum's whole lifecycle up to the votes: the call's preimage is noted, the
 * referendum submitted with `origin` (e.g. `{ BttGovernance: 'Milestones' }`), its decision
 * deposit placed (all by `proposer`), and every `[voter, amount]` of `votes` votes aye at
 * conviction 1×. Resolves with the referendum's index; the chain then decides, confirms
 * and enacts it on its own (see `waitUntilApproved`).
 */
export async function proposeAndBack(api, { proposer, origin, call, votes }) {
  const encoded = call.method.toHex();
  let result = await signAndWait(api, api.tx.preimage.notePreimage(encoded), proposer);
  assert.equal(result.dispatchError, null, 'preimage noted');
  const hash = eventsOf(result, 'preimage', 'Noted')[0].data.hash_.toHex();
  const len = (encoded.length - 2) / 2;

  result = await signAndWait(
    api,
    api.tx.referenda.submit(origin, { Lookup: { hash, len } }, { After: 0 }),
    proposer,
  );
  assert.equal(result.dispatchError, null, 'referendum submitted');
  const index = eventsOf(result, 'referenda', 'Submitted')[0].data.index.toNumber();

  result = await signAndWait(api, api.tx.referenda.placeDecisionDeposit(index), proposer);
  assert.equal(result.dispatchError, null, 'decision deposit placed');

  for (const [voter, amount] of votes) {
    result = await signAndWait(
      api,
      api.tx.convictionVoting.vote(index, {
        Standard: { vote: { aye: true, conviction: 'Locked1x' }, balance: amount },
      }),
      voter,
    );
    assert.equal(result.dispatchError, null, 'vote cast');
  }
  return index;
}

/** Resolves once referendum `index` is approved (bounded by `timeoutMs`). */
export async function waitUntilApproved(api, index, { timeoutMs = 180_000 } = {}) {
  await waitFor(
    async () => {
      const info = await api.query.referenda.referendumInfoFor(index);
      if (info.isSome && info.unwrap().isRejected) throw new Error(`referendum ${index} was rejected`);
      if (info.isSome && info.unwrap().isTimedOut) throw new Error(`referendum ${index} timed out`);
      return info.isSome && info.unwrap().isApproved;
    },
    { timeoutMs, intervalMs: 1_000, what: `referendum ${index} to be approved` },
  );
}
