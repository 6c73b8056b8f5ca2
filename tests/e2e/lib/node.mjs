// End-to-end test harness for the BTT chain node.
//
// It starts `btt-node` processes on free 127.0.0.1 ports, waits (bounded) until their RPC
// answers, connects @polkadot/api to them and submits extrinsics. Every wait here has a
// timeout, and every node it starts is stopped: by `stop()`, or at the latest when the test
// process exits or is interrupted.

import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants as fsConstants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { after, afterEach, before } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const HOST = '127.0.0.1';
/** How many lines of node output `logTail()` keeps. */
const LOG_TAIL_LINES = 200;
/** How long `startNode` waits for the RPC to answer, unless BTT_E2E_START_TIMEOUT_MS says otherwise. */
const DEFAULT_START_TIMEOUT_MS = 120_000;
/** How often `startNode` polls the RPC while the node starts. */
const START_POLL_MS = 500;
/** How long `stop()` waits after SIGTERM before it sends SIGKILL. */
const STOP_GRACE_MS = 15_000;

// ---------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Settles like `promise`, or rejects with "<what> timed out after <ms> ms" if it has not
 * settled by then. The timer is cleared either way, so it never keeps the process alive.
 */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves true if `promise` settles within `ms`, false otherwise. */
function settlesWithin(promise, ms) {
  return withTimeout(promise, ms, 'wait').then(
    () => true,
    () => false,
  );
}

/** The start-up timeout: env BTT_E2E_START_TIMEOUT_MS (milliseconds) or 120 s. */
function startTimeoutMs() {
  const raw = process.env.BTT_E2E_START_TIMEOUT_MS;
  if (raw === undefined || raw === '') return DEFAULT_START_TIMEOUT_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new Error(`BTT_E2E_START_TIMEOUT_MS must be a positive integer (milliseconds), got '${raw}'`);
  }
  return ms;
}

// ---------------------------------------------------------------------------------------
// Safety net: no node outlives the test process
// ---------------------------------------------------------------------------------------

/** Child processes started by `startNode` that have not exited yet. */
const liveChildren = new Set();

function killLiveChildren() {
  for (const child of liveChildren) child.kill('SIGKILL');
}

// 'exit' covers normal termination and uncaught errors; it does not run when the process is
// killed by a signal, so SIGINT/SIGTERM kill the children and then re-raise the signal (the
// handler is registered with `once`, so the re-raised signal takes its default action).
process.on('exit', killLiveChildren);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killLiveChildren();
    process.kill(process.pid, signal);
  });
}

// ---------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------

/**
 * A TCP port on 127.0.0.1 that was free a moment ago: the OS picks one for a listener on
 * port 0, and the listener is closed again. (Another process could take it before the node
 * binds it; on a test machine that race is rare enough to accept.)
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}

/**
 * The path of the btt-node binary under test, the first of:
 *   1. env BTT_NODE_BIN,
 *   2. ${CARGO_TARGET_DIR}/debug/btt-node when CARGO_TARGET_DIR is set,
 *   3. $HOME/.cache/btt-chain/target/debug/btt-node (the default of scripts/setup.sh).
 * Throws if that file is missing or not executable.
 */
export function nodeBinary() {
  let bin;
  let source;
  if (process.env.BTT_NODE_BIN) {
    bin = process.env.BTT_NODE_BIN;
    source = 'BTT_NODE_BIN';
  } else if (process.env.CARGO_TARGET_DIR) {
    bin = path.join(process.env.CARGO_TARGET_DIR, 'debug', 'btt-node');
    source = 'CARGO_TARGET_DIR';
  } else {
    bin = path.join(os.homedir(), '.cache', 'btt-chain', 'target', 'debug', 'btt-node');
    source = 'the default target directory';
  }
  bin = path.resolve(bin);
  try {
    accessSync(bin, fsConstants.X_OK);
  } catch {
    throw new Error(
      `btt-node binary not found or not executable at ${bin} (from ${source}). ` +
        'Build it first (cargo build -p btt-node) or set BTT_NODE_BIN to its path.',
    );
  }
  return bin;
}

/**
 * One JSON-RPC call over plain HTTP to a started node (or anything with an `rpcPort`).
 * Resolves with the `result`; rejects on an HTTP error, a JSON-RPC error or after
 * `timeoutMs`.
 */
export async function rpcCall(node, method, params = [], { timeoutMs = 5_000 } = {}) {
  const response = await fetch(`http://${HOST}:${node.rpcPort}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`${method}: HTTP ${response.status}`);
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${body.error.message} (code ${body.error.code})`);
  return body.result;
}

/** A node's best and finalized block numbers, over RPC. */
export async function heads(node) {
  const best = await rpcCall(node, 'chain_getHeader');
  const finalized = await rpcCall(node, 'chain_getHeader', [await rpcCall(node, 'chain_getFinalizedHead')]);
  return { best: parseInt(best.number, 16), finalized: parseInt(finalized.number, 16) };
}

/**
 * Starts a node and resolves once its RPC answers `system_health`.
 *
 * The node gets `args` (default `--dev`) and `extraArgs`, then: `--tmp` (unless a
 * `--base-path` is given), free 127.0.0.1 ports for RPC, p2p and Prometheus,
 * `--no-telemetry` and `--no-mdns`. `--port` is never passed: it conflicts with
 * `--listen-addr` in this sc-cli version.
 *
 * If the process exits before its RPC answers, or the start-up timeout passes (default
 * 120 s, env BTT_E2E_START_TIMEOUT_MS), the node is stopped and the error carries the last
 * lines of its output.
 *
 * Resolves with `{ rpcPort, p2pPort, prometheusPort, wsUrl, proc, logTail(), stop() }`.
 */
export async function startNode(options = {}) {
  // Suites run side by side, so another process may take a port between freePort() and
  // this node's bind. btt-node does not fail then: its RPC server moves to a random port
  // (and 127.0.0.1:rpcPort would answer for someone else's node) and libp2p listens on
  // nothing. startNodeOnce() notices both from the node's own log and fails with
  // PORT_TAKEN; then the node starts again on new ports, a bounded number of times.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startNodeOnce(options);
    } catch (err) {
      if (attempt >= PORT_RETRIES || !err.message.includes(PORT_TAKEN)) throw err;
    }
  }
}

/** How often startNode() tries new ports when one was taken meanwhile. */
const PORT_RETRIES = 3;
/** The reason startNodeOnce() gives when a port it chose was taken. */
const PORT_TAKEN = 'a port it was given was taken';
/** The node's log line naming the RPC server's addresses, the first one IPv4. */
const RPC_LINE = /Running JSON-RPC server: addr=([^,\s]+)/;
/** The node's log line when it could bind no p2p listen address. */
const NO_P2P_LINE = 'started with no listen addresses';

async function startNodeOnce({ args = ['--dev'], extraArgs = [] } = {}) {
  const bin = nodeBinary();
  const timeoutMs = startTimeoutMs();

  // Three distinct ports: freePort() may in theory hand out the same port twice.
  const ports = new Set();
  while (ports.size < 3) ports.add(await freePort());
  const [rpcPort, p2pPort, prometheusPort] = ports;

  const userArgs = [...args, ...extraArgs];
  const hasBasePath = userArgs.some((a) => a === '--base-path' || a.startsWith('--base-path=') || a === '-d');
  const argv = [
    ...userArgs,
    ...(hasBasePath ? [] : ['--tmp']),
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/${HOST}/tcp/${p2pPort}`,
    '--prometheus-port', String(prometheusPort),
    '--no-telemetry',
    '--no-mdns',
  ];

  const proc = spawn(bin, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  liveChildren.add(proc);

  // --- Output: the last LOG_TAIL_LINES lines of stdout and stderr, interleaved ----------
  const lines = [];
  // What the node reports it bound: the RPC server's first address, and whether p2p
  // listens nowhere. Recorded as lines arrive, so the tail's rotation cannot lose them.
  let rpcBound = null;
  let p2pUnbound = false;
  const pushLine = (line) => {
    rpcBound ??= line.match(RPC_LINE)?.[1] ?? null;
    p2pUnbound ||= line.includes(NO_P2P_LINE);
    lines.push(line);
    if (lines.length > LOG_TAIL_LINES) lines.shift();
  };
  const partial = { stdout: '', stderr: '' };
  for (const stream of ['stdout', 'stderr']) {
    proc[stream].setEncoding('utf8');
    proc[stream].on('data', (chunk) => {
      const parts = (partial[stream] + chunk).split('\n');
      partial[stream] = parts.pop(); // an unfinished last line waits for the next chunk
      parts.forEach(pushLine);
    });
  }
  const logTail = () =>
    [...lines, partial.stdout, partial.stderr].filter((l) => l !== '').join('\n');

  // --- Exit tracking -------------------------------------------------------------------
  // `exitInfo` is set once the process has exited or could not be spawned at all ('error'
  // without 'exit' is possible, e.g. EACCES).
  let exitInfo = null;
  const exited = new Promise((resolve) => {
    proc.once('exit', (code, signal) => {
      exitInfo ??= signal ? `killed by ${signal}` : `exit code ${code}`;
      resolve();
    });
    proc.once('error', (err) => {
      exitInfo ??= `spawn error: ${err.message}`;
      resolve();
    });
  });
  exited.then(() => liveChildren.delete(proc));

  // --- stop(): SIGTERM, up to STOP_GRACE_MS, then SIGKILL; idempotent ------------------
  let stopping = null;
  const stop = () => {
    stopping ??= (async () => {
      if (exitInfo) return;
      proc.kill('SIGTERM');
      if (await settlesWithin(exited, STOP_GRACE_MS)) return;
      proc.kill('SIGKILL');
      await settlesWithin(exited, 5_000);
    })();
    return stopping;
  };

  const node = {
    rpcPort,
    p2pPort,
    prometheusPort,
    wsUrl: `ws://${HOST}:${rpcPort}`,
    proc,
    logTail,
    stop,
  };

  // --- Wait until the RPC answers, the process dies, or the timeout passes --------------
  const fail = async (reason) => {
    await stop();
    throw new Error(
      `btt-node did not start: ${reason}\n` +
        `command: ${bin} ${argv.join(' ')}\n` +
        `--- last ${LOG_TAIL_LINES} lines of node output ---\n${logTail()}`,
    );
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitInfo) return fail(`the process ended early (${exitInfo})`);
    if (p2pUnbound) return fail(`${PORT_TAKEN}: p2p could not listen on port ${p2pPort}`);
    if (rpcBound !== null && rpcBound !== `${HOST}:${rpcPort}`) {
      return fail(`${PORT_TAKEN}: the RPC server bound ${rpcBound}, not ${HOST}:${rpcPort}`);
    }
    // Only this node's own log line proves that whoever answers on rpcPort is this node.
    if (rpcBound !== null) {
      try {
        await rpcCall(node, 'system_health', [], { timeoutMs: 2_000 });
        return node;
      } catch {
        // Not answering yet: poll again below.
      }
    }
    if (Date.now() >= deadline) return fail(`RPC on port ${rpcPort} did not answer within ${timeoutMs} ms`);
    // Wake up early if the process exits meanwhile.
    await Promise.race([sleep(START_POLL_MS), exited]);
  }
}

/**
 * Connects @polkadot/api to a started node over WebSocket and resolves once the API is
 * ready (metadata loaded). Rejects, and disconnects, if that takes longer than `timeoutMs`
 * or the connection fails.
 */
export async function connect(node, { timeoutMs = 60_000 } = {}) {
  // Retry a dropped connection after 1 s; throwOnConnect makes a failed first connection
  // reject instead of retrying forever.
  const provider = new WsProvider(node.wsUrl, 1_000);
  const api = new ApiPromise({ provider, throwOnConnect: true, noInitWarn: true });
  try {
    return await withTimeout(api.isReadyOrError, timeoutMs, `connecting to ${node.wsUrl}`);
  } catch (err) {
    await api.disconnect().catch(() => {});
    throw err;
  }
}

/**
 * Polls `predicate` (sync or async) every `intervalMs` until it returns a truthy value,
 * which is then returned. Throws "timed out after <ms> ms waiting for <what>" if that does
 * not happen within `timeoutMs`. An error thrown by the predicate is not retried: it
 * propagates at once.
 */
export async function waitFor(predicate, { timeoutMs = 60_000, intervalMs = 500, what = 'a condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/**
 * A DispatchError as a short name:
 *   - a module error as `section.Name`, e.g. `balances.InsufficientBalance`;
 *   - a variant carrying a reason as `variant.Reason`, e.g. `token.BelowMinimum`,
 *     `arithmetic.Overflow`;
 *   - any other variant by its name, e.g. `BadOrigin`.
 */
export function describeDispatchError(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  const inner = dispatchError.value;
  // Token, Arithmetic, Transactional and Trie carry an enum naming the reason; the
  // plain variants carry Null, which has no `type`.
  if (inner && typeof inner.type === 'string') {
    const variant = dispatchError.type;
    return `${variant.charAt(0).toLowerCase()}${variant.slice(1)}.${inner.type}`;
  }
  return dispatchError.type;
}

/**
 * Signs `tx` with `signer` (a keyring pair), submits it and resolves when it is in a block
 * with `{ blockHash, events, dispatchError }`: `events` are that extrinsic's events and
 * `dispatchError` is null on success, else its name (see `describeDispatchError`).
 *
 * Rejects if the pool rejects the submission, if the transaction becomes Invalid, Dropped
 * or Usurped, or if it is not in a block within `timeoutMs`.
 */
export function signAndWait(api, tx, signer, { timeoutMs = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    let settled = false;
    let unsubscribe = null;
    const finish = (settle, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (unsubscribe) unsubscribe();
      settle(value);
    };
    const label = `${tx.method.section}.${tx.method.method}`;
    const timer = setTimeout(
      () => finish(reject, new Error(`${label} was not in a block within ${timeoutMs} ms`)),
      timeoutMs,
    );

    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (status.isInBlock) {
        finish(resolve, {
          blockHash: status.asInBlock,
          events,
          dispatchError: dispatchError ? describeDispatchError(api, dispatchError) : null,
        });
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        finish(reject, new Error(`${label} transaction status: ${status.type}`));
      }
    })
      .then((unsub) => {
        unsubscribe = unsub;
        // The status callback may have settled before the subscription handle arrived.
        if (settled) unsub();
      })
      .catch((err) => finish(reject, err));
  });
}

/**
 * What `--dev` implies, on another spec file: Alice authoring alone, a fixed node key.
 * `startNode` adds the temporary database and the ports.
 */
const devArgsFor = (specFile) => [
  '--chain', specFile, '--alice', '--validator', '--force-authoring', '--node-key', '0'.repeat(63) + '1',
];

/**
 * Registers, in the enclosing `describe`, the hooks that give its tests one dev node:
 * started (on free ports) and connected before the first test, the node's log printed after
 * a failed test, and the API disconnected and the node stopped after the last — also when a
 * hook or a test failed. Returns a context whose `node`, `api` and `keyring` (sr25519, SS58
 * 42) are set once `before` has run.
 *
 * `genesis` (e.g. `{ dayLength: 1 }`) runs the dev chain with those genesis numbers changed
 * (`patchedDevSpec`), as `--dev` runs it otherwise; the patched spec is removed afterwards.
 */
export function useDevNode({ args = ['--dev'], genesis } = {}) {
  const ctx = { node: undefined, api: undefined, keyring: undefined };
  let spec;
  before(async () => {
    if (genesis) {
      spec = patchedDevSpec(genesis);
      args = devArgsFor(spec.file);
    }
    ctx.node = await startNode({ args });
    try {
      ctx.api = await connect(ctx.node);
    } catch (err) {
      console.error(`--- btt-node output (connect failed) ---\n${ctx.node.logTail()}`);
      throw err;
    }
    await cryptoWaitReady();
    ctx.keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  });
  after(async () => {
    if (ctx.api) await ctx.api.disconnect().catch(() => {});
    if (ctx.node) await ctx.node.stop();
    spec?.remove();
  });
  afterEach((t) => {
    if (t.passed === false && ctx.node) {
      console.error(`--- btt-node output after failed test '${t.name}' ---\n${ctx.node.logTail()}`);
    }
  });
  return ctx;
}

/**
 * The dev chain spec with genesis numbers changed, written to a temporary file: the
 * production code path with a shorter calendar. `patches` maps a genesis field name (e.g.
 * `eraLength`) to its new number; each field must occur in the spec. The spec is edited as
 * text, since JSON.parse would round its u128 amounts. Returns `{ file, remove() }`.
 */
export function patchedDevSpec(patches) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'btt-spec-'));
  const file = path.join(dir, 'dev-patched.json');
  execFileSync(nodeBinary(), ['export-chain-spec', '--chain', 'dev', '--output', file], { stdio: 'ignore' });
  let text = readFileSync(file, 'utf8');
  for (const [field, value] of Object.entries(patches)) {
    const pattern = new RegExp(`"${field}": \\d+`);
    if (!pattern.test(text)) throw new Error(`the dev spec has no genesis field ${field}`);
    text = text.replace(pattern, `"${field}": ${value}`);
  }
  writeFileSync(file, text);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
