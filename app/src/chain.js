// The connection to a BTT node and the few conversions every page needs: balances in BTT,
// blocks as time, module errors as their documentation. Every number shown comes from the
// chain's storage or runtime APIs; nothing here re-implements a rule of the economy.
import { ApiPromise, WsProvider } from '@polkadot/api';

/** Where the page connects unless told otherwise (`?rpc=` or the Node field). */
export const DEFAULT_ENDPOINT = 'ws://127.0.0.1:9944';

/**
 * Connects to `endpoint`; rejects if the node does not answer within `timeoutMs`. Returns
 * `{ api, chain }`: `chain` holds the token's decimals and symbol, the block time, the chain's
 * day length in blocks (the one calendar) and whether it is a development chain.
 */
export async function connect(endpoint, { timeoutMs = 15_000 } = {}) {
  const provider = new WsProvider(endpoint);
  const api = new ApiPromise({ provider, noInitWarn: true });
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from ${endpoint} within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    // `isReady` waits through the provider's reconnection attempts; the timeout bounds it.
    await Promise.race([api.isReady, timeout]);
  } catch (error) {
    api.disconnect().catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const [chainType, name, day] = await Promise.all([
    api.rpc.system.chainType(),
    api.rpc.system.chain(),
    api.query.bttGovernance.dayLength(),
  ]);
  const chain = {
    name: name.toString(),
    decimals: api.registry.chainDecimals[0] ?? 18,
    symbol: api.registry.chainTokens[0] ?? 'BTT',
    blockMs: Number(api.consts.timestamp.minimumPeriod.toBigInt() * 2n),
    dayBlocks: day.toNumber(),
    isDev: chainType.isDevelopment || chainType.isLocal,
  };
  return { api, chain };
}

/** `value` (plancks, anything with toBigInt or a bigint) as "1,234.5678 BTT". */
export function formatBalance(chain, value, { decimals = 4, symbol = true } = {}) {
  const plancks = toBig(value);
  const negative = plancks < 0n;
  const abs = negative ? -plancks : plancks;
  const unit = 10n ** BigInt(chain.decimals);
  const whole = (abs / unit).toLocaleString('en-US');
  let fraction = (abs % unit).toString().padStart(chain.decimals, '0').slice(0, decimals).replace(/0+$/, '');
  const text = `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  return symbol ? `${text} ${chain.symbol}` : text;
}

/** A decimal amount typed by a user ("1000", "0.5") in plancks; throws on anything else. */
export function parseAmount(chain, text) {
  const trimmed = String(text).trim().replace(/,/g, '');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (!match) throw new Error(`"${text}" is not an amount`);
  const [, whole, fraction = ''] = match;
  if (fraction.length > chain.decimals) throw new Error(`at most ${chain.decimals} decimals`);
  return BigInt(whole) * 10n ** BigInt(chain.decimals) + BigInt(fraction.padEnd(chain.decimals, '0') || '0');
}

/** `part / whole` as a percentage with two decimals. */
export function percent(part, whole) {
  const w = toBig(whole);
  if (w === 0n) return '0.00%';
  return `${(Number((toBig(part) * 1_000_000n) / w) / 10_000).toFixed(2)}%`;
}

/** A span of blocks as rough wall-clock time ("3 min", "2.5 h", "12 d"). */
export function blocksAsTime(chain, blocks) {
  const seconds = (Number(blocks) * chain.blockMs) / 1000;
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7_200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3_600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

/** A span of blocks in chain days (the chain's own calendar). */
export function blocksAsDays(chain, blocks) {
  if (!chain.dayBlocks) return `${blocks} blocks`;
  return `${(Number(blocks) / chain.dayBlocks).toFixed(1)} chain days`;
}

/**
 * A DispatchError as a reader sees it: a module error by its name and its documentation
 * (what polkadot.js Apps shows), never a raw index.
 */
export function describeError(api, dispatchError) {
  if (dispatchError?.isModule) {
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}: ${docs.join(' ').trim() || 'no documentation'}`;
  }
  if (dispatchError?.isToken) return `token error: ${dispatchError.asToken.type}`;
  if (dispatchError?.isArithmetic) return `arithmetic error: ${dispatchError.asArithmetic.type}`;
  if (dispatchError?.isBadOrigin) return 'this account may not make that call (bad origin)';
  return dispatchError?.type ?? String(dispatchError);
}

export function toBig(value) {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  if (value && typeof value.toBigInt === 'function') return value.toBigInt();
  return BigInt(value?.toString() ?? 0);
}

/** Text for an element, with HTML escaped. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A vector of bytes (a name stored on chain) as text. */
export function bytesText(bytes) {
  return new TextDecoder().decode(bytes.toU8a(true));
}
