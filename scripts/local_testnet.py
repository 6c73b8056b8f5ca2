#!/usr/bin/env python3
"""The four-validator local testnet, from scripts/local-testnet.json.

    local_testnet.py start     start the four validators (native processes on 127.0.0.1)
    local_testnet.py stop      stop them (SIGTERM, then SIGKILL after 20 s)
    local_testnet.py status    show each node's process, best and finalized block
    local_testnet.py compose   print docker/docker-compose.yml for the same topology

Node keys are generated once per node (`btt-node key generate-node-key`) in the testnet
directory ($BTT_TESTNET_DIR, default $HOME/.cache/btt-chain/testnet), which also holds
each node's database, log and pid file. The first node is every other node's bootnode.
"""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOPOLOGY = json.loads((ROOT / "scripts" / "local-testnet.json").read_text())
TESTNET_DIR = Path(
    os.environ.get("BTT_TESTNET_DIR", Path.home() / ".cache" / "btt-chain" / "testnet")
)
STOP_GRACE_SECONDS = 20


def node_binary() -> Path:
    if "BTT_NODE_BIN" in os.environ:
        return Path(os.environ["BTT_NODE_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "debug" / "btt-node"


def node_dir(node: dict) -> Path:
    return TESTNET_DIR / node["name"]


def peer_id(node: dict) -> str:
    """The node's peer id, generating its node key on first use."""
    key = node_dir(node) / "node-key"
    key.parent.mkdir(parents=True, exist_ok=True)
    command = "inspect-node-key" if key.exists() else "generate-node-key"
    result = subprocess.run(
        [str(node_binary()), "key", command, "--file", str(key)],
        check=True,
        capture_output=True,
        text=True,
    )
    # generate-node-key prints the peer id on stderr, inspect-node-key on stdout.
    return (result.stdout.strip() or result.stderr.strip()).splitlines()[-1]


def node_args(node: dict, bootnode: str | None, chain: str, base_path: str) -> list:
    """The command-line arguments of a validator: the same for native and docker runs."""
    args = [
        "--chain", chain,
        "--base-path", base_path,
        "--name", node["name"],
        f"--{node['key']}",
        "--node-key-file", f"{base_path}/node-key",
        "--port", str(node["p2pPort"]),
        "--rpc-port", str(node["rpcPort"]),
        "--prometheus-port", str(node["prometheusPort"]),
        *TOPOLOGY["flags"],
    ]
    if bootnode:
        args += ["--bootnodes", bootnode]
    return args


def bootnode_address() -> str:
    """The first node's address on 127.0.0.1, generating its node key on first use."""
    first = TOPOLOGY["nodes"][0]
    return f"/ip4/127.0.0.1/tcp/{first['p2pPort']}/p2p/{peer_id(first)}"


def pid_of(node: dict) -> int | None:
    pid_file = node_dir(node) / "pid"
    if not pid_file.exists():
        return None
    pid = int(pid_file.read_text())
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    return pid


def start() -> None:
    binary = node_binary()
    if not binary.exists():
        sys.exit(f"no btt-node at {binary}: build it (scripts/test.sh does) or set BTT_NODE_BIN")
    bootnode = bootnode_address()
    for index, node in enumerate(TOPOLOGY["nodes"]):
        if pid_of(node):
            print(f"{node['name']}: already running")
            continue
        directory = node_dir(node)
        peer_id(node)  # creates the node's directory and node key on first start
        args = node_args(
            node,
            None if index == 0 else bootnode,
            str(ROOT / TOPOLOGY["chainSpec"]),
            str(directory),
        )
        log = open(directory / "node.log", "ab")
        process = subprocess.Popen(
            [str(binary), *args], stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        (directory / "pid").write_text(str(process.pid))
        print(f"{node['name']}: pid {process.pid}, rpc ws://127.0.0.1:{node['rpcPort']}, "
              f"log {directory / 'node.log'}")


def stop() -> None:
    for node in TOPOLOGY["nodes"]:
        pid = pid_of(node)
        if not pid:
            continue
        os.kill(pid, signal.SIGTERM)
        deadline = time.time() + STOP_GRACE_SECONDS
        while time.time() < deadline and pid_of(node):
            time.sleep(0.2)
        if pid_of(node):
            os.kill(pid, signal.SIGKILL)
        (node_dir(node) / "pid").unlink(missing_ok=True)
        print(f"{node['name']}: stopped")


def rpc(port: int, method: str):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}",
        data=json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": []}).encode(),
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.load(response)["result"]


def status() -> None:
    for node in TOPOLOGY["nodes"]:
        pid = pid_of(node)
        if not pid:
            print(f"{node['name']}: not running")
            continue
        try:
            best = int(rpc(node["rpcPort"], "chain_getHeader")["number"], 16)
            finalized_hash = rpc(node["rpcPort"], "chain_getFinalizedHead")
            request = urllib.request.Request(
                f"http://127.0.0.1:{node['rpcPort']}",
                data=json.dumps({"jsonrpc": "2.0", "id": 1, "method": "chain_getHeader",
                                 "params": [finalized_hash]}).encode(),
                headers={"content-type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=5) as response:
                finalized = int(json.load(response)["result"]["number"], 16)
            print(f"{node['name']}: pid {pid}, best #{best}, finalized #{finalized}")
        except OSError as error:
            print(f"{node['name']}: pid {pid}, RPC not answering ({error})")


def compose() -> str:
    """docker/docker-compose.yml for the same four validators, one container each.

    Containers find the first node by its service name. Its node key is a fixed, public
    development key (`dockerBootnodeKey`), so that its peer id is known here; the other
    nodes generate theirs into their volume on first start.
    """
    import tempfile

    first = TOPOLOGY["nodes"][0]
    with tempfile.TemporaryDirectory() as scratch:
        key_file = Path(scratch) / "key"
        key_file.write_text(TOPOLOGY["dockerBootnodeKey"])
        result = subprocess.run(
            [str(node_binary()), "key", "inspect-node-key", "--file", str(key_file)],
            check=True, capture_output=True, text=True,
        )
        bootnode_peer = (result.stdout.strip() or result.stderr.strip()).splitlines()[-1]
    lines = [
        "# Generated by `scripts/local-testnet.sh compose` from scripts/local-testnet.json:",
        "# the same validators, keys, ports and flags as the native testnet. Do not edit;",
        "# the tests fail when this file differs from what the script generates.",
        "name: btt-local-testnet",
        "services:",
    ]
    for index, node in enumerate(TOPOLOGY["nodes"]):
        args = node_args(node, None, "/chain-specs/local-testnet.json", "/data")
        key_at = args.index("--node-key-file")
        del args[key_at:key_at + 2]
        if index == 0:
            args += ["--node-key", TOPOLOGY["dockerBootnodeKey"]]
        else:
            args += [
                "--unsafe-force-node-key-generation",
                "--bootnodes", f"/dns4/{first['name']}/tcp/{first['p2pPort']}/p2p/{bootnode_peer}",
            ]
        args += ["--rpc-external", "--prometheus-external"]
        lines += [
            f"  {node['name']}:",
            "    build:",
            "      context: ..",
            "      dockerfile: docker/Dockerfile",
            "    image: btt-node:local",
            '    entrypoint: ["/usr/local/bin/btt-node"]',
            "    command:",
            *[f'      - "{a}"' for a in args],
            "    ports:",
            f'      - "127.0.0.1:{node["p2pPort"]}:{node["p2pPort"]}"',
            f'      - "127.0.0.1:{node["rpcPort"]}:{node["rpcPort"]}"',
            f'      - "127.0.0.1:{node["prometheusPort"]}:{node["prometheusPort"]}"',
            "    volumes:",
            f"      - {node['name']}-data:/data",
        ]
    lines.append("volumes:")
    lines += [f"  {node['name']}-data: {{}}" for node in TOPOLOGY["nodes"]]
    return "\n".join(lines) + "\n"


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "status"
    if command == "start":
        start()
    elif command == "stop":
        stop()
    elif command == "status":
        status()
    elif command == "compose":
        sys.stdout.write(compose())
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
