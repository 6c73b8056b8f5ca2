//! `btt-node`: the full node of the BTT chain (Aura block production, GRANDPA finality).

mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;
mod tokenomics;

fn main() -> polkadot_sdk::sc_cli::Result<()> {
	command::run()
}
