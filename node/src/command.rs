//! What `btt-node` does with its command line.

use crate::{
	benchmarking, chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use btt_runtime::opaque::Block;
use polkadot_sdk::{
	frame_benchmarking_cli::{BenchmarkCmd, ExtrinsicFactory, SUBSTRATE_REFERENCE_HARDWARE},
	sc_cli::{self, Database, SubstrateCli},
	sc_service::{self, PartialComponents},
	*,
};

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"BTT Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://github.com/btt-chain/btt-chain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2025
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development()?),
			"" | "local" => Box::new(chain_spec::local_testnet()?),
			"mainnet-template" => Box::new(chain_spec::mainnet_template()?),
			path => {
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
			}
		})
	}
}

/// Parses and runs the command line.
pub fn run() -> sc_cli::Result<()> {
	let mut cli = Cli::from_args();
	// ParityDB is BTT's database, also in builds that can open RocksDB.
	cli.run.import_params.database_params.database.get_or_insert(Database::ParityDb);

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			#[allow(deprecated)]
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		}
		Some(Subcommand::Tokenomics(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec).map_err(sc_cli::Error::from)
		}
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		}
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		}
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		}
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		}
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		}
		Some(Subcommand::Benchmark(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				BenchmarkCmd::Pallet(cmd) => {
					if !cfg!(feature = "runtime-benchmarks") {
						return Err("runtime benchmarks are not compiled into this node: \
							build it with `--features runtime-benchmarks`"
							.into());
					}
					cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(
						config.chain_spec,
					))
				}
				BenchmarkCmd::Block(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					cmd.run(client)
				}
				#[cfg(not(feature = "runtime-benchmarks"))]
				BenchmarkCmd::Storage(_) => Err("storage benchmarks need a build with \
					`--features runtime-benchmarks`"
					.into()),
				#[cfg(feature = "runtime-benchmarks")]
				BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let shared_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, shared_cache)
				}
				BenchmarkCmd::Overhead(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					let remark = benchmarking::remark_builder(&client);
					cmd.run(
						config.chain_spec.name().into(),
						client,
						benchmarking::inherent_benchmark_data()?,
						Vec::new(),
						&remark,
						false,
					)
				}
				BenchmarkCmd::Extrinsic(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					let builders = ExtrinsicFactory(benchmarking::all_builders(&client));
					cmd.run(client, benchmarking::inherent_benchmark_data()?, Vec::new(), &builders)
				}
				BenchmarkCmd::Machine(cmd) => {
					cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone())
				}
			})
		}
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		}
		None => {
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|config| async move {
				let recovery = DatabaseRecovery::of(&config);
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<
							Block,
							<Block as sp_runtime::traits::Block>::Hash,
						>,
					>(config),
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config)
					}
				}
				.map_err(|error| recovery.explain(error))
			})
		}
	}
}

/// What an operator needs to know when the node cannot open its database: where it is and
/// how to recover, instead of only the storage engine's error.
struct DatabaseRecovery {
	/// The database's folder.
	path: String,
	/// The chain's id, for the purge command.
	chain: String,
	/// The node's base path, for the purge command.
	base_path: String,
}

impl DatabaseRecovery {
	fn of(config: &sc_service::Configuration) -> Self {
		Self {
			path: config
				.database
				.path()
				.map_or_else(|| "(in memory)".into(), |path| path.display().to_string()),
			chain: config.chain_spec.id().to_string(),
			base_path: config.base_path.path().display().to_string(),
		}
	}

	/// Prints the recovery steps when `error` is the database failing to open (the storage
	/// engine's own error, e.g. damaged files after a crash or a full disk), and passes
	/// `error` on either way.
	fn explain(&self, error: sc_service::Error) -> sc_cli::Error {
		if let sc_service::Error::Client(sp_blockchain::Error::Backend(reason)) = &error {
			eprintln!(
				"\nThe database at {path} cannot be opened: {reason}\n\
				 It is probably damaged (a crash or power loss while writing, a full disk, files \
				 copied while the node ran).\n\
				 To recover, remove it and let the node sync the chain again from its peers:\n\
				 \n    btt-node purge-chain --chain <the same --chain> --base-path {base} -y\n\
				 \nthen start the node as before (with --sync warp it is back within minutes), \
				 or restore a backup with `btt-node import-blocks`. Chain: {chain}.\n",
				path = self.path,
				base = self.base_path,
				chain = self.chain,
			);
		}
		sc_cli::Error::Service(error)
	}
}
