// The accounts the page can sign with: the well-known development accounts on a
// development chain, and the accounts of a browser wallet (polkadot{.js} extension,
// Talisman, SubWallet, ...) on any chain.
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { web3Accounts, web3Enable, web3FromAddress } from '@polkadot/extension-dapp';

import { describeError } from './chain.js';

const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

/** The development accounts (`//Alice` ...) with their key pairs as signers. */
export async function devAccounts(ss58Format) {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format });
  return DEV_NAMES.map((name) => {
    const pair = keyring.addFromUri(`//${name}`);
    return { name, address: pair.address, source: 'dev', sign: { signer: pair, options: {} } };
  });
}

/** The accounts of the browser's wallets; asks the wallet for access first. */
export async function walletAccounts(ss58Format) {
  const extensions = await web3Enable('BTT');
  if (extensions.length === 0) throw new Error('no browser wallet found, or access was refused');
  const accounts = await web3Accounts({ ss58Format });
  return Promise.all(
    accounts.map(async (account) => {
      const injector = await web3FromAddress(account.address);
      return {
        name: `${account.meta.name ?? 'account'} (${account.meta.source})`,
        address: account.address,
        source: account.meta.source,
        sign: { signer: account.address, options: { signer: injector.signer } },
      };
    }),
  );
}

/**
 * Signs `tx` with `account` and resolves once it is in a block, with `{ ok, error, events,
 * blockHash }`: `error` is the failed call's documented module error. `onStatus` hears
 * each step in words. Rejects if the transaction is refused before a block or takes longer
 * than `timeoutMs`.
 */
export function signAndSend(api, tx, account, { onStatus = () => {}, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`not in a block within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const finish = (fn, value) => {
      clearTimeout(timer);
      unsubscribe();
      fn(value);
    };
    onStatus('signing…');
    tx.signAndSend(account.sign.signer, account.sign.options, ({ status, events, dispatchError }) => {
      if (status.isReady || status.isBroadcast) onStatus('submitted, waiting for a block…');
      if (status.isInBlock) {
        const error = dispatchError ? describeError(api, dispatchError) : null;
        finish(resolve, { ok: !error, error, events, blockHash: status.asInBlock.toHex() });
      } else if (status.isDropped || status.isInvalid || status.isUsurped) {
        finish(reject, new Error(`the transaction was ${status.type.toLowerCase()}`));
      }
    })
      .then((unsub) => {
        unsubscribe = unsub;
      })
      .catch((error) => finish(reject, error));
  });
}
