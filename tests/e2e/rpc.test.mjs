// RPC on a validator (issue 18, scenario 6): run the way the operator guide says
// (`--rpc-methods safe` whenever the RPC port is reachable by others), the validator refuses
// unsafe methods such as `author_insertKey`; and a bounded burst of websocket clients — 80
// connections, 240 subscriptions and 400 queries at once — does not stop block production
// or finality. Every client is disconnected afterwards.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { WsProvider } from '@polkadot/api';

import { heads, rpcCall, useDevNode, waitFor } from './lib/node.mjs';

const CLIENTS = 80;
/** `balances.totalIssuance`'s storage key. */
const TOTAL_ISSUANCE = '0xc2261276cc9d1f8598ea4b6a74b15c2f57c875e4cff74148e4628f264b974c80';

describe('RPC on a validator (dev chain, --rpc-methods safe)', () => {
  const dev = useDevNode({ args: ['--dev', '--rpc-methods', 'safe'] });

  it('refuses unsafe methods and answers safe ones', async () => {
    const aura = '0x' + 'd4'.repeat(32);
    await assert.rejects(rpcCall(dev.node, 'author_insertKey', ['aura', '//Eve', aura]), /unsafe/i);
    await assert.rejects(rpcCall(dev.node, 'author_rotateKeys'), /unsafe/i);
    await assert.rejects(rpcCall(dev.node, 'system_addReservedPeer', ['/ip4/127.0.0.1/tcp/1/p2p/12D3KooWQYV9dGMFoRzNStwpXztXaBUjtPqi6aU76ZgUriHhKust']), /unsafe/i);
    const health = await rpcCall(dev.node, 'system_health');
    assert.equal(typeof health.peers, 'number');
  });

  it('a burst of 80 websocket clients does not stop blocks or finality', async () => {
    const start = await heads(dev.node);
    const providers = [];
    const notified = new Array(CLIENTS).fill(0);
    const began = Date.now();
    try {
      for (let i = 0; i < CLIENTS; i += 1) {
        const provider = new WsProvider(dev.node.wsUrl, false);
        providers.push(provider);
      }
      await Promise.all(providers.map((p) => p.connect()));
      await Promise.all(providers.map((p) => p.isReady));
      const count = (i) => () => {
        notified[i] += 1;
      };
      await Promise.all(
        providers.flatMap((p, i) => [
          p.subscribe('chain_newHead', 'chain_subscribeNewHeads', [], count(i)),
          p.subscribe('chain_finalizedHead', 'chain_subscribeFinalizedHeads', [], count(i)),
          p.subscribe('state_storage', 'state_subscribeStorage', [[TOTAL_ISSUANCE]], count(i)),
        ]),
      );
      const answers = await Promise.all(
        providers.flatMap((p) => [
          p.send('chain_getHeader', []),
          p.send('chain_getFinalizedHead', []),
          p.send('system_health', []),
          p.send('state_getRuntimeVersion', []),
          p.send('state_getStorage', [TOTAL_ISSUANCE]),
        ]),
      );
      assert.equal(answers.length, CLIENTS * 5);
      // With every client connected and subscribed, blocks and finality go on.
      await waitFor(async () => {
        const now = await heads(dev.node);
        return now.best >= start.best + 3 && now.finalized >= start.finalized + 3;
      }, { timeoutMs: 90_000, what: 'blocks and finality during the burst' });
      await waitFor(async () => notified.every((n) => n >= 3), {
        timeoutMs: 30_000,
        what: 'every client to hear new heads',
      });
      console.log(
        `RPC burst: ${CLIENTS} clients, ${CLIENTS * 3} subscriptions, ${CLIENTS * 5} queries; ` +
          `blocks #${start.best}→#${(await heads(dev.node)).best} in ${((Date.now() - began) / 1000).toFixed(1)} s`,
      );
    } finally {
      await Promise.all(providers.map((p) => p.disconnect().catch(() => {})));
    }
    assert.ok((await rpcCall(dev.node, 'system_health')).isSyncing === false);
  });
});
