#!/usr/bin/env node
// The four-validator local testnet of scripts/local-testnet.json: the one launcher behind
// scripts/local-testnet.sh, docker/docker-compose.yml and tests/e2e/network.test.mjs.
//
//   node scripts/local-testnet.mjs start     start the four validators (native processes on 127.0.0.1)
//   node scripts/local-testnet.mjs stop      stop them (SIGTERM, then SIGKILL after 20 s)
//   node scripts/local-testnet.mjs status    show each node's process, best and finalized block
//   node scripts/local-testnet.mjs compose   print docker/docker-compose.yml for the same topology
//
// Node keys are generated once per node (`btt-node key generate-node-key`) in the testnet
// directory ($BTT_TESTNET_DIR, default $HOME/.cache/btt-chain/testnet), which also holds
// each node's database, log and pid file. The first node is every other node's bootnode.
// The node binary is $BTT_NODE_BIN, else $CARGO_TARGET_DIR/debug/btt-node, with
// CARGO_TARGET_DIR defaulting to $HOME/.cache/btt-chain/target (where scripts/setup.sh
// builds).
//
// Only Node's built-in modules are used, so that the launcher runs on a fresh clone
// without `npm ci` (Node 20: fetch and AbortSignal.timeout are built in). Imported as a
// module it only reads the topology; the commands run only when it is run as a program.

import { execFileSync, spawn } from 'node:child_process';
import {
  accessSync,
  closeSync,
  constants as fsConstants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { isIPv4 } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(import.meta.url);
/** The repository's root: paths in the topology are relative to it. */
export const ROOT = resolve(dirname(HERE), '..');
/** scripts/local-testnet.json: chain spec, flags, nodes (name, key, ports), dockerBootnodeKey. */
export const TOPOLOGY = JSON.parse(readFileSync(join(ROOT, 'scripts', 'local-testnet.json'), 'utf8'));
/** The chain spec of the native runs and the tests, as an absolute path. */
export const CHAIN_SPEC = join(ROOT, TOPOLOGY.chainSpec);

/** Where the Dockerfile copies chain-specs/: the containers' view of the same spec. */
const CONTAINER_CHAIN_SPEC = `/${TOPOLOGY.chainSpec}`;
/** The containers' base path, a named volume per node. */
const CONTAINER_BASE_PATH = '/data';
/** Inside a container the RPC and Prometheus must listen beyond its own loopback to be published. */
const CONTAINER_ARGS = ['--rpc-external', '--prometheus-external'];

/** How long `stop` waits after SIGTERM before it sends SIGKILL: a validator flushes its database on SIGTERM. */
const STOP_GRACE_MS = 20_000;
/** How long `stop` waits for a SIGKILLed process to disappear; the kernel needs only a moment. */
const KILL_WAIT_MS = 5_000;
/** How often `stop` checks whether a process has exited. */
const STOP_POLL_MS = 200;
/** How long `status` waits for one JSON-RPC answer, so a hung node cannot hang the command. */
const RPC_TIMEOUT_MS = 5_000;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// ---------------------------------------------------------------------------------------
// The launcher's pieces, shared with tests/e2e/network.test.mjs
// ---------------------------------------------------------------------------------------

/**
 * The btt-node binary: $BTT_NODE_BIN, else $CARGO_TARGET_DIR/debug/btt-node, with
 * CARGO_TARGET_DIR defaulting to $HOME/.cache/btt-chain/target (scripts/setup.sh's
 * default), the same order as tests/e2e/lib/node.mjs.
 */
export function nodeBinary() {
  if (process.env.BTT_NODE_BIN) return resolve(process.env.BTT_NODE_BIN);
  const target = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache', 'btt-chain', 'target');
  return resolve(target, 'debug', 'btt-node');
}

/**
 * The peer id of the node whose directory is `dir`, generating its key into `dir/node-key`
 * on first use (and creating `dir`). The key is generated once and then only read, so a
 * node keeps its peer id, and so its address as a bootnode, across restarts.
 *
 * `generate-node-key` prints the peer id on stderr, `inspect-node-key` on stdout; the id is
 * always read back with `inspect-node-key`, so it comes from one place.
 */
export function nodeKey(dir, binary = nodeBinary()) {
  const file = join(dir, 'node-key');
  mkdirSync(dir, { recursive: true });
  // stderr stays piped, so that a failure's message is in the thrown error.
  const quiet = { stdio: ['ignore', 'ignore', 'pipe'] };
  if (!existsSync(file)) execFileSync(binary, ['key', 'generate-node-key', '--file', file], quiet);
  const out = execFileSync(binary, ['key', 'inspect-node-key', '--file', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out.trim().split('\n').pop();
}

/**
 * The multiaddress of a bootnode with `peerId`, listening on `host` (an IPv4 address, or a
 * DNS name such as a compose service) and TCP `port`.
 */
export function bootnodeAddress(peerId, { host = '127.0.0.1', port }) {
  const protocol = isIPv4(host) ? 'ip4' : 'dns4';
  return `/${protocol}/${host}/tcp/${port}/p2p/${peerId}`;
}

/** The arguments that give a node its key: from a file, a literal secret, or generated into the base path. */
function nodeKeyArgs(source) {
  if (source === 'generate') return ['--unsafe-force-node-key-generation'];
  if (source.file) return ['--node-key-file', source.file];
  if (source.secret) return ['--node-key', source.secret];
  throw new Error(`unknown node key source ${JSON.stringify(source)}`);
}

/**
 * The command-line arguments of validator `node` (an entry of TOPOLOGY.nodes): one function
 * for the native testnet, docker/docker-compose.yml and the network tests, so that the
 * three run the same validator.
 *
 *   chain      the chain spec's path
 *   basePath   the node's database directory
 *   nodeKey    where its node key comes from: { file } (default `<basePath>/node-key`),
 *              { secret } (a hex key on the command line) or 'generate' (a new key in the
 *              base path on first start)
 *   bootnode   a multiaddress (see bootnodeAddress), or null for the first node
 *   ports      false leaves out --port, --rpc-port and --prometheus-port, for a caller that
 *              picks free ports itself (the tests' startNode)
 *   omitFlags  flags of TOPOLOGY.flags to leave out because the caller adds them itself;
 *              only flags without a value
 */
export function validatorArgs(
  node,
  { chain, basePath, nodeKey = { file: `${basePath}/node-key` }, bootnode = null, ports = true, omitFlags = [] },
) {
  const fixedPorts = [
    '--port', String(node.p2pPort),
    '--rpc-port', String(node.rpcPort),
    '--prometheus-port', String(node.prometheusPort),
  ];
  return [
    '--chain', chain,
    '--base-path', basePath,
    '--name', node.name,
    `--${node.key}`,
    ...(ports ? fixedPorts : []),
    ...TOPOLOGY.flags.filter((flag) => !omitFlags.includes(flag)),
    ...nodeKeyArgs(nodeKey),
    ...(bootnode ? ['--bootnodes', bootnode] : []),
  ];
}

/**
 * docker/docker-compose.yml for the same four validators, one container each.
 *
 * Containers find the first node by its service name. Its node key is a fixed, public
 * development key (`dockerBootnodeKey`), so that its peer id is known here; the other
 * nodes generate theirs into their volume on first start. `binary` only computes that
 * peer id (btt-node key inspect-node-key), in a scratch directory removed afterwards.
 */
export function compose(binary = nodeBinary()) {
  const [first] = TOPOLOGY.nodes;
  const bootnode = bootnodeAddress(dockerBootnodePeerId(binary), { host: first.name, port: first.p2pPort });
  const lines = [
    '# Generated by `scripts/local-testnet.sh compose` from scripts/local-testnet.json:',
    '# the same validators, keys, ports and flags as the native testnet. Do not edit;',
    '# the tests fail when this file differs from what the script generates.',
    'name: btt-local-testnet',
    'services:',
  ];
  for (const node of TOPOLOGY.nodes) {
    const isFirst = node === first;
    const args = validatorArgs(node, {
      chain: CONTAINER_CHAIN_SPEC,
      basePath: CONTAINER_BASE_PATH,
      nodeKey: isFirst ? { secret: TOPOLOGY.dockerBootnodeKey } : 'generate',
      bootnode: isFirst ? null : bootnode,
    });
    lines.push(...composeService(node, [...args, ...CONTAINER_ARGS]));
  }
  lines.push('volumes:', ...TOPOLOGY.nodes.map((node) => `  ${node.name}-data: {}`));
  return `${lines.join('\n')}\n`;
}

/** The compose service of one validator, publishing its ports on the host's 127.0.0.1 only. */
function composeService(node, args) {
  const published = [node.p2pPort, node.rpcPort, node.prometheusPort];
  return [
    `  ${node.name}:`,
    '    build:',
    '      context: ..',
    '      dockerfile: docker/Dockerfile',
    '    image: btt-node:local',
    '    entrypoint: ["/usr/local/bin/btt-node"]',
    '    command:',
    ...args.map((arg) => `      - "${arg}"`),
    '    ports:',
    ...published.map((port) => `      - "127.0.0.1:${port}:${port}"`),
    '    volumes:',
    `      - ${node.name}-data:${CONTAINER_BASE_PATH}`,
  ];
}

/** The peer id of TOPOLOGY.dockerBootnodeKey, read by nodeKey from a scratch directory. */
function dockerBootnodePeerId(binary) {
  const scratch = mkdtempSync(join(tmpdir(), 'btt-compose-'));
  try {
    writeFileSync(join(scratch, 'node-key'), TOPOLOGY.dockerBootnodeKey);
    return nodeKey(scratch, binary);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------
// The native testnet: detached processes on the topology's fixed ports
// ---------------------------------------------------------------------------------------

/** The testnet directory: $BTT_TESTNET_DIR, default $HOME/.cache/btt-chain/testnet. */
function testnetDir() {
  return resolve(process.env.BTT_TESTNET_DIR || join(homedir(), '.cache', 'btt-chain', 'testnet'));
}

const nodeDir = (node) => join(testnetDir(), node.name);
const pidFile = (node) => join(nodeDir(node), 'pid');

/** Whether process `pid` exists (EPERM: it exists, but belongs to someone else). */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Whether process `pid` is this node: its command line names the node's directory. A pid
 * file outlives a reboot or a crash, and the pid may since belong to another process,
 * which `stop` must not signal. Where /proc is missing (not Linux) the pid is trusted.
 */
function runsNode(pid, node) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(nodeDir(node));
  } catch {
    return !existsSync('/proc/self');
  }
}

/** The pid of the node's running process, or null if its pid file names none. */
function pidOf(node) {
  if (!existsSync(pidFile(node))) return null;
  const pid = Number.parseInt(readFileSync(pidFile(node), 'utf8'), 10);
  return Number.isInteger(pid) && pid > 0 && alive(pid) && runsNode(pid, node) ? pid : null;
}

/** Exits with a message if the node binary is missing, before anything is started. */
function requireBinary(binary) {
  try {
    accessSync(binary, fsConstants.X_OK);
  } catch {
    fail(`no btt-node at ${binary}: build it (scripts/test.sh does) or set BTT_NODE_BIN`);
  }
}

/**
 * Starts `node` as a detached process (its own session, so that it outlives this command
 * and a Ctrl-C in the terminal) with its output appended to node.log, and records its pid.
 */
function spawnNode(node, binary, bootnode) {
  const dir = nodeDir(node);
  const args = validatorArgs(node, { chain: CHAIN_SPEC, basePath: dir, bootnode });
  const log = openSync(join(dir, 'node.log'), 'a');
  try {
    const child = spawn(binary, args, { detached: true, stdio: ['ignore', log, log] });
    // A failed spawn leaves pid undefined and reports on 'error'; the check below throws instead.
    child.on('error', () => {});
    if (child.pid === undefined) throw new Error(`${node.name}: could not start ${binary}`);
    child.unref();
    writeFileSync(pidFile(node), String(child.pid));
    return child.pid;
  } finally {
    // The child has its own copy of the descriptor.
    closeSync(log);
  }
}

/** `start`: the validators not yet running, the first one being everyone's bootnode. */
function start() {
  const binary = nodeBinary();
  requireBinary(binary);
  const [first] = TOPOLOGY.nodes;
  // Generates the first node's key on the first start, so its peer id is known up front.
  const bootnode = bootnodeAddress(nodeKey(nodeDir(first), binary), { port: first.p2pPort });
  for (const node of TOPOLOGY.nodes) {
    if (pidOf(node)) {
      console.log(`${node.name}: already running`);
      continue;
    }
    nodeKey(nodeDir(node), binary); // creates the node's directory and key on its first start
    const pid = spawnNode(node, binary, node === first ? null : bootnode);
    console.log(`${node.name}: pid ${pid}, rpc ws://127.0.0.1:${node.rpcPort}, log ${join(nodeDir(node), 'node.log')}`);
  }
}

/** Polls until `node` no longer runs or `ms` have passed; true if it stopped. */
async function stoppedWithin(node, ms) {
  const deadline = Date.now() + ms;
  while (pidOf(node) && Date.now() < deadline) await sleep(STOP_POLL_MS);
  return !pidOf(node);
}

/** Sends `name` (e.g. SIGTERM) to `pid`, ignoring a process that has exited meanwhile. */
function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/** `stop`: SIGTERM to each running validator, SIGKILL if it has not exited after 20 s. */
async function stop() {
  for (const node of TOPOLOGY.nodes) {
    const pid = pidOf(node);
    if (!pid) continue;
    signal(pid, 'SIGTERM');
    if (!(await stoppedWithin(node, STOP_GRACE_MS))) {
      signal(pid, 'SIGKILL');
      if (!(await stoppedWithin(node, KILL_WAIT_MS))) {
        // Keep its pid file, so that status shows it and stop can be run again; go on with the others.
        console.error(`${node.name}: pid ${pid} still running after SIGKILL`);
        process.exitCode = 1;
        continue;
      }
    }
    rmSync(pidFile(node), { force: true });
    console.log(`${node.name}: stopped`);
  }
}

/** One JSON-RPC call over HTTP to the node's RPC port, given up after RPC_TIMEOUT_MS. */
async function rpc(node, method, params = []) {
  const response = await fetch(`http://127.0.0.1:${node.rpcPort}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(RPC_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`${method}: HTTP ${response.status}`);
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** The node's best and finalized block numbers. */
async function heads(node) {
  const best = await rpc(node, 'chain_getHeader');
  const finalized = await rpc(node, 'chain_getHeader', [await rpc(node, 'chain_getFinalizedHead')]);
  return { best: Number.parseInt(best.number, 16), finalized: Number.parseInt(finalized.number, 16) };
}

/** `status`: each validator's pid and its best and finalized block, or why they are missing. */
async function status() {
  for (const node of TOPOLOGY.nodes) {
    const pid = pidOf(node);
    if (!pid) {
      console.log(`${node.name}: not running`);
      continue;
    }
    try {
      const { best, finalized } = await heads(node);
      console.log(`${node.name}: pid ${pid}, best #${best}, finalized #${finalized}`);
    } catch (error) {
      // fetch reports a refused connection as "fetch failed", with the reason in `cause`.
      const reason = error.cause?.code ?? error.cause?.message ?? error.message;
      console.log(`${node.name}: pid ${pid}, RPC not answering (${reason})`);
    }
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

const USAGE = `usage: scripts/local-testnet.sh start | stop | status | compose
  start     start the four validators (native processes on 127.0.0.1)
  stop      stop them (SIGTERM, then SIGKILL after 20 s)
  status    show each node's process, best and finalized block (the default)
  compose   print docker/docker-compose.yml for the same topology`;

const COMMANDS = {
  start,
  stop,
  status,
  compose: () => process.stdout.write(compose()),
};

/** Whether this file is the program node runs (not a module imported by the tests). */
function isMain() {
  try {
    return realpathSync(resolve(process.argv[1])) === realpathSync(HERE);
  } catch {
    return false; // no script path (node -e, a REPL)
  }
}

if (isMain()) {
  const command = COMMANDS[process.argv[2] ?? 'status'];
  if (!command) fail(USAGE);
  try {
    await command();
  } catch (error) {
    fail(error.stderr?.toString().trim() || error.message);
  }
}
