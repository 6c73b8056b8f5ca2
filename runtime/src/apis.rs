//! The runtime APIs: what the node and clients (polkadot.js) call into the runtime for.

use crate::{
	genesis::presets, AccountId, Balance, Block, BlockNumber, Executive, Grandpa, InherentDataExt,
	Nonce, Runtime, RuntimeCall, RuntimeGenesisConfig, System, TransactionPayment, VERSION,
};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{
		genesis_builder_helper::{build_state, get_preset},
		weights::Weight,
	},
	pallet_grandpa::AuthorityId as GrandpaId,
	sp_api::impl_runtime_apis,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa as fg_primitives,
	sp_core::{crypto::KeyTypeId, OpaqueMetadata},
	sp_runtime::{
		traits::Block as BlockT,
		transaction_validity::{TransactionSource, TransactionValidity},
		ApplyExtrinsicResult,
	},
	sp_version::RuntimeVersion,
	*,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(crate::Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			crate::opaque::SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			crate::opaque::SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl fg_primitives::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> Vec<(GrandpaId, u64)> {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> fg_primitives::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: fg_primitives::EquivocationProof<
				<Block as BlockT>::Hash,
				sp_runtime::traits::NumberFor<Block>,
			>,
			_key_owner_proof: fg_primitives::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Equivocation reports need a session-keyed proof of ownership; they arrive with
			// the session-based validator set.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: fg_primitives::SetId,
			_authority_id: GrandpaId,
		) -> Option<fg_primitives::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			// Wallets show the fee the signer will pay: less its staking discount.
			let signer = crate::fee_payment::signer(&uxt);
			let mut info = TransactionPayment::query_info(uxt, len);
			if let Some(who) = signer {
				info.partial_fee = crate::fee_payment::discounted_fee(&who, info.partial_fee, 0);
			}
			info
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			let signer = crate::fee_payment::signer(&uxt);
			let details = TransactionPayment::query_fee_details(uxt, len);
			match signer {
				Some(who) => crate::fee_payment::discounted_details(&who, details),
				None => details,
			}
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_btt_burn::BttBurnApi<Block, Balance> for Runtime {
		fn total_burned() -> Balance {
			pallet_btt_burn::TotalBurned::<Runtime>::get()
		}

		fn burned_by_source() -> Vec<(pallet_btt_burn::BurnSource, Balance)> {
			crate::BttBurn::burned_by_source()
		}
	}

	impl pallet_btt_vesting::BttVestingApi<Block, AccountId, Balance> for Runtime {
		fn rows() -> Vec<pallet_btt_vesting::RowRelease<Balance>> {
			crate::BttVesting::row_releases()
		}

		fn account(who: AccountId) -> pallet_btt_vesting::AccountVesting<Balance> {
			crate::BttVesting::account_vesting(&who)
		}

		fn supply() -> pallet_btt_vesting::SupplyBreakdown<Balance> {
			crate::BttVesting::supply()
		}

		fn projected_release() -> pallet_btt_vesting::ReleaseProjection<Balance> {
			crate::BttVesting::projected_release()
		}
	}

	impl pallet_btt_staking::views::BttStakingApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn terms() -> Vec<(pallet_btt_staking::Tier, pallet_btt_staking::Term<Balance>)> {
			crate::BttStaking::terms()
		}

		fn account(who: AccountId) -> pallet_btt_staking::StakerView<Balance, BlockNumber> {
			crate::BttStaking::staker_view(&who)
		}

		fn benefits(who: AccountId) -> pallet_btt_staking::Benefits {
			crate::BttStaking::benefits(&who)
		}

		fn quote(
			who: AccountId,
			tier: pallet_btt_staking::Tier,
			amount: Balance,
		) -> Result<pallet_btt_staking::StakeQuote<Balance, BlockNumber>, sp_runtime::DispatchError> {
			crate::BttStaking::quote(&who, tier, amount)
		}
	}

	impl pallet_btt_mining::views::BttMiningApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn era() -> pallet_btt_mining::EraView<Balance, BlockNumber> {
			crate::BttMining::era_view()
		}

		fn provider(
			who: AccountId,
			era: pallet_btt_mining::EraIndex,
		) -> Option<pallet_btt_mining::ProviderView<Balance, BlockNumber>> {
			crate::BttMining::provider_view(&who, era)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use crate::session_benchmarks::Pallet as SessionBench;
			use crate::{
				Balances, BttBurn, BttGovernance, BttMining, BttStaking, BttValidators, BttVesting,
				ConvictionVoting, Council, Multisig, Preimage, Proxy, Referenda, Scheduler, Sudo,
				Timestamp, TransactionPayment, Treasury, Utility,
			};

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = crate::AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;
			use frame_system_benchmarking::Pallet as SystemBench;
			use sp_storage::TrackedStorageKey;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use crate::session_benchmarks::Pallet as SessionBench;
			use crate::{
				Balances, BttBurn, BttGovernance, BttMining, BttStaking, BttValidators, BttVesting,
				ConvictionVoting, Council, Multisig, Preimage, Proxy, Referenda, Scheduler, Sudo,
				Timestamp, TransactionPayment, Treasury, Utility,
			};

			impl frame_system_benchmarking::Config for Runtime {}
			impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

			impl crate::session_benchmarks::Config for Runtime {
				fn validator_with_new_keys() -> (AccountId, crate::opaque::SessionKeys, Vec<u8>) {
					use codec::Encode;
					use frame_support::traits::fungible::Mutate;
					let validator: AccountId = frame_benchmarking::account("validator", 0, 0);
					// Enough for the existential deposit and the key deposit.
					let funds = crate::configs::SessionKeyDeposit::get().saturating_mul(100);
					crate::Balances::set_balance(&validator, funds);
					let generated = crate::opaque::SessionKeys::generate(&validator.encode(), None);
					(validator, generated.keys, generated.proof.encode())
				}
			}

			let whitelist: Vec<TrackedStorageKey> = crate::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// Panicking is what try-runtime expects of a failed check: it is never run on chain.
			let weight = Executive::try_runtime_upgrade(checks)
				.unwrap_or_else(|e| panic!("try_runtime_upgrade failed: {e:?}"));
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.unwrap_or_else(|e| panic!("try_execute_block failed: {e:?}"))
		}
	}
}
