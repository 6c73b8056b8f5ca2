//! The chain the fuzzer drives: genesis, set-up through real dispatch, block building, and
//! the execution of one step with its checks.

use crate::{
	actors::{self, Origin},
	invariants,
};
use btt_runtime::{
	currency::BTT, genesis::presets, Address, Executive, Header, Runtime, RuntimeCall,
	RuntimeEvent, Signature, SignedPayload, System, UncheckedExtrinsic,
};
use codec::{Decode, DecodeLimit, Encode};
use pallet_btt_governance::GovernanceOrigin;
use pallet_btt_staking::Tier;
use polkadot_sdk::{
	frame_support::{
		dispatch::{DispatchClass, GetDispatchInfo},
		storage::{with_transaction, TransactionOutcome},
		weights::Weight,
	},
	frame_system, pallet_balances, pallet_timestamp,
	sp_consensus_aura::{Slot, AURA_ENGINE_ID},
	sp_core::{traits::ReadRuntimeVersionExt, Pair},
	sp_genesis_builder::DEV_RUNTIME_PRESET,
	sp_io::TestExternalities,
	sp_runtime::{
		traits::{Dispatchable, Header as _},
		transaction_validity::TransactionSource,
		BuildStorage, Digest, DigestItem, DispatchError, Storage,
	},
};
use std::sync::OnceLock;

/// The chain day of the fuzzer's genesis, in blocks: a vesting month is 60 blocks, a 30-day
/// stake matures in 60 and a mining era lasts 2.
pub const FUZZ_DAY: u32 = 2;
/// The session length of the fuzzer's genesis, in blocks.
pub const FUZZ_SESSION: u32 = 10;
/// How deep a call may nest (sudo in multisig in ...) when decoded.
pub const MAX_DECODE_DEPTH: u32 = 16;
/// The longest time jump one step may ask for, in blocks: longer than a vesting lock of
/// 12 months plus a 1,095-day stake on the fuzzer's calendar would need is not useful.
pub const MAX_JUMP: u16 = 2_400;

/// One step of an input: build `blocks` blocks first, then dispatch `call` from `origin`.
#[derive(Clone, Debug, Encode, Decode)]
pub struct Step {
	/// Blocks to finish and start before the call (0: the call goes in the current block).
	pub blocks: u16,
	/// The origin byte (see [`actors::Origin::from_byte`]).
	pub origin: u8,
	/// The call.
	pub call: RuntimeCall,
}

impl Step {
	/// Reads the next step from `input`, with the call's nesting depth limited.
	pub fn decode_next(input: &mut &[u8]) -> Option<Step> {
		let blocks = u16::decode(input).ok()?;
		let origin = u8::decode(input).ok()?;
		let call = RuntimeCall::decode_with_depth_limit(MAX_DECODE_DEPTH, input).ok()?;
		Some(Step { blocks, origin, call })
	}
}

/// What the runs so far did.
#[derive(Clone, Debug, Default)]
pub struct Stats {
	/// Inputs run.
	pub cases: u64,
	/// Calls dispatched (directly or as extrinsics).
	pub calls: u64,
	/// Calls that succeeded.
	pub ok: u64,
	/// Blocks built.
	pub blocks: u64,
	/// The largest ratio of a dispatch's actual weight to its declared weight (ref time).
	pub max_weight_ratio: f64,
	/// How many times each call (`pallet.call`) was dispatched, and how many succeeded.
	pub reached: std::collections::BTreeMap<String, (u64, u64)>,
}

impl Stats {
	/// Adds the numbers of another run.
	pub fn merge(&mut self, other: &Stats) {
		self.cases += other.cases;
		self.calls += other.calls;
		self.ok += other.ok;
		self.blocks += other.blocks;
		self.max_weight_ratio = self.max_weight_ratio.max(other.max_weight_ratio);
		for (name, (tried, ok)) in &other.reached {
			let entry = self.reached.entry(name.clone()).or_default();
			entry.0 += tried;
			entry.1 += ok;
		}
	}
}

/// A broken invariant (or a panic): what broke, and at which step of the input.
#[derive(Clone, Debug)]
pub struct Failure {
	/// The step (0-based) after which the check failed; `None` during set-up.
	pub step: Option<usize>,
	/// What broke.
	pub message: String,
}

impl core::fmt::Display for Failure {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		match self.step {
			Some(step) => write!(f, "step {step}: {}", self.message),
			None => write!(f, "set-up: {}", self.message),
		}
	}
}

/// The dev preset with the fuzzer's short calendar, built once.
fn genesis_storage() -> &'static Storage {
	static STORAGE: OnceLock<Storage> = OnceLock::new();
	STORAGE.get_or_init(|| {
		let mut config =
			presets::preset_config(&DEV_RUNTIME_PRESET.into()).expect("the dev preset");
		config.btt_governance.day_length = Some(FUZZ_DAY);
		config.btt_validators.session_length = Some(FUZZ_SESSION);
		config.build_storage().expect("the fuzzer's genesis builds")
	})
}

/// Reads no runtime version from any code: the fuzzer runs the native runtime, so
/// `system.setCode` fails with `FailedToExtractRuntimeVersion` here instead of panicking
/// for want of a wasm executor.
struct NoWasmVersions;
impl polkadot_sdk::sp_core::traits::ReadRuntimeVersion for NoWasmVersions {
	fn read_runtime_version(
		&self,
		_code: &[u8],
		_ext: &mut dyn polkadot_sdk::sp_core::traits::Externalities,
	) -> Result<Vec<u8>, String> {
		Err("the fuzzer runs the native runtime".into())
	}
}

/// The chain under test: its state, and the blocks built on it.
pub struct Chain {
	/// The state. Its changes are committed after every block, so that a block's state root
	/// is computed over that block's changes only.
	ext: TestExternalities,
	/// The block building and what it did.
	blocks: Blocks,
}

/// Block building and dispatch, run inside the chain's state.
struct Blocks {
	/// The hash of the last finished block.
	parent: polkadot_sdk::sp_core::H256,
	/// Whether a block is open (initialised, not finalised).
	open: bool,
	/// Counters.
	stats: Stats,
}

impl Chain {
	/// The fuzzer's genesis, then the set-up through real dispatch: the actors outside the
	/// table funded from the beneficiaries' liquid tokens, three oracles authorised, the
	/// staker's and the provider's stakes, the provider registered in region 156, the
	/// hospital verified with a compute allowance. Block 1 is open afterwards.
	pub fn new() -> Result<Chain, Failure> {
		let mut ext = TestExternalities::new(genesis_storage().clone());
		ext.register_extension(ReadRuntimeVersionExt::new(NoWasmVersions));
		let mut blocks =
			Blocks { parent: Default::default(), open: false, stats: Stats::default() };
		ext.execute_with(|| {
			blocks.parent = System::parent_hash();
			blocks.start_block()?;
			blocks.set_up()?;
			invariants::check().map_err(|message| Failure { step: None, message })
		})?;
		let mut chain = Chain { ext, blocks };
		chain.commit().map_err(|message| Failure { step: None, message })?;
		Ok(chain)
	}

	/// Runs `f` inside the chain's state (to read it, or to draw a step from it).
	pub fn execute_with<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.ext.execute_with(f)
	}

	/// What the chain did so far.
	pub fn stats(&self) -> &Stats {
		&self.blocks.stats
	}

	/// What the chain did so far, to take away.
	pub fn into_stats(self) -> Stats {
		self.blocks.stats
	}

	/// Moves the state's pending changes into its backend.
	fn commit(&mut self) -> Result<(), String> {
		self.ext.commit_all().map_err(|e| format!("committing the state: {e}"))
	}

	/// Finishes `count` blocks and starts the next one. Every block's weight and the supply
	/// rule are checked; all the invariants after the block that held the last calls and
	/// after the jump's last block (the empty blocks between change nothing but what their
	/// hooks do, which the next check sees).
	pub fn advance(&mut self, count: u16) -> Result<(), String> {
		let count = count.min(MAX_JUMP);
		for block in 0..count {
			let check = block == 0 || block + 1 == count;
			let blocks = &mut self.blocks;
			self.ext.execute_with(|| {
				if blocks.open {
					blocks.finish_block(check)?;
				}
				blocks.start_block().map_err(|f| f.message)
			})?;
			self.commit()?;
		}
		Ok(())
	}

	/// Runs one step and checks the invariants after it.
	pub fn run_step(&mut self, step: &Step) -> Result<(), String> {
		self.advance(step.blocks)?;
		let blocks = &mut self.blocks;
		self.ext.execute_with(|| blocks.run_call(step))
	}
}

impl Blocks {
	fn set_up(&mut self) -> Result<(), Failure> {
		let must = |what: &str, result: Result<(), DispatchError>| {
			result.map_err(|error| Failure { step: None, message: format!("{what}: {error:?}") })
		};
		// 100,000 BTT for each account outside the table, from rows 1–6's liquid tokens.
		for (n, index) in actors::FUNDED_AT_SETUP.iter().enumerate() {
			let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: actors::account_id(*index).into(),
				value: 100_000 * BTT,
			});
			must(
				"funding",
				self.dispatch_plain(Origin::Signed { account: n % 6, extrinsic: false }, call),
			)?;
		}
		let economic = Origin::Track(GovernanceOrigin::EconomicParams);
		for oracle in actors::ORACLES {
			let call = RuntimeCall::BttMining(pallet_btt_mining::Call::add_oracle {
				oracle: actors::account_id(oracle).into(),
			});
			must("an oracle", self.dispatch_plain(economic, call))?;
		}
		let call = RuntimeCall::BttMining(pallet_btt_mining::Call::set_consumer_allowance {
			consumer: actors::account_id(actors::CONSUMER).into(),
			allowance: 1_000_000 * BTT,
		});
		must("the consumer", self.dispatch_plain(economic, call))?;
		let stake = |tier, amount| {
			RuntimeCall::BttStaking(pallet_btt_staking::Call::stake { tier, amount })
		};
		let provider = Origin::Signed { account: actors::PROVIDER, extrinsic: false };
		must(
			"the provider's stake",
			self.dispatch_plain(provider, stake(Tier::Days90, 5_000 * BTT)),
		)?;
		let register = RuntimeCall::BttMining(pallet_btt_mining::Call::register {
			region: 156,
			capacity: b"8x A100, 640 GB".to_vec(),
		});
		must("the provider", self.dispatch_plain(provider, register))?;
		let staker = Origin::Signed { account: actors::STAKER, extrinsic: false };
		must("the staker", self.dispatch_plain(staker, stake(Tier::Days30, 10_000 * BTT)))?;
		Ok(())
	}

	/// A direct dispatch without the fuzzer's checks (set-up only).
	fn dispatch_plain(&mut self, origin: Origin, call: RuntimeCall) -> Result<(), DispatchError> {
		call.dispatch(origin.runtime_origin()).map(|_| ()).map_err(|e| e.error)
	}

	/// Starts the next block: Aura pre-digest for the next slot, the timestamp inherent.
	fn start_block(&mut self) -> Result<(), Failure> {
		let number = System::block_number() + 1;
		let slot = Slot::from(u64::from(number));
		let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
		let header =
			Header::new(number, Default::default(), Default::default(), self.parent, digest);
		Executive::initialize_block(&header);
		let now = u64::from(number) * btt_runtime::time::SLOT_DURATION;
		let timestamp =
			UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
				now,
			}));
		match Executive::apply_extrinsic(timestamp) {
			Ok(Ok(())) => {}
			other => {
				return Err(Failure {
					step: None,
					message: format!("timestamp inherent: {other:?}"),
				})
			}
		}
		Executive::inherents_applied();
		self.open = true;
		Ok(())
	}

	/// Finishes the open block and checks its weight, and the invariants when `check`.
	fn finish_block(&mut self, check: bool) -> Result<(), String> {
		let header = Executive::finalize_block();
		self.parent = header.hash();
		self.open = false;
		self.stats.blocks += 1;
		// The normal and operational classes have their limits; the mandatory class (the
		// block's hooks and inherents) has none by design: the session pallet, for one,
		// charges a whole block at a session change.
		let limits = <Runtime as frame_system::Config>::BlockWeights::get();
		let used = System::block_weight();
		for class in [DispatchClass::Normal, DispatchClass::Operational] {
			let Some(limit) = limits.get(class).max_total else { continue };
			if !used.get(class).all_lte(limit) {
				return Err(format!(
					"block {}: {class:?} dispatches weigh {:?}, over the limit {limit:?}",
					header.number,
					used.get(class)
				));
			}
		}
		if check {
			invariants::check()
		} else {
			invariants::supply()
		}
	}

	/// Dispatches a step's call and checks the invariants after it.
	fn run_call(&mut self, step: &Step) -> Result<(), String> {
		let origin = Origin::from_byte(step.origin);
		let name = call_name(&step.call);
		let ok = match origin {
			Origin::Signed { account, extrinsic: true } => {
				self.apply_signed(account, &step.call)?
			}
			Origin::None => self.apply_unsigned(&step.call)?,
			origin => self.dispatch(origin, &step.call)?,
		};
		self.stats.calls += 1;
		self.stats.ok += u64::from(ok);
		let entry = self.stats.reached.entry(name).or_default();
		entry.0 += 1;
		entry.1 += u64::from(ok);
		invariants::check()
	}

	/// Dispatches directly; checks that the actual weight is within the declared weight.
	fn dispatch(&mut self, origin: Origin, call: &RuntimeCall) -> Result<bool, String> {
		// A root call arrives by a root-track referendum through the scheduler, which
		// refuses what the guarantees refuse (a preimage it will not dispatch).
		if origin == Origin::Root && btt_runtime::guarantees::refusal(call).is_some() {
			return Ok(false);
		}
		let declared = call.get_dispatch_info().call_weight;
		let (ok, post) = match call.clone().dispatch(origin.runtime_origin()) {
			Ok(post) => (true, post),
			Err(error) => (false, error.post_info),
		};
		if let Some(actual) = post.actual_weight {
			self.note_weight(call, actual, declared)?;
		}
		Ok(ok)
	}

	/// Applies the call as a signed extrinsic of `account`.
	fn apply_signed(&mut self, account: usize, call: &RuntimeCall) -> Result<bool, String> {
		let who = actors::account_id(account);
		let nonce = System::account_nonce(&who);
		self.apply(signed_extrinsic(call.clone(), account, nonce), call)
	}

	/// An unsigned call reaches a block only if the transaction pool accepts it (the
	/// runtime's `ValidateUnsigned`); inherents are the block author's and never come from
	/// outside. So it is validated first, against the state the pool would see, and applied
	/// only if valid.
	fn apply_unsigned(&mut self, call: &RuntimeCall) -> Result<bool, String> {
		let extrinsic = UncheckedExtrinsic::new_bare(call.clone());
		let parent = self.parent;
		let validity = with_transaction(|| {
			let validity = Executive::validate_transaction(
				TransactionSource::External,
				extrinsic.clone(),
				parent,
			);
			TransactionOutcome::Rollback(Ok::<_, DispatchError>(validity))
		})
		.map_err(|e| format!("transactional layer: {e:?}"))?;
		if validity.is_err() {
			return Ok(false);
		}
		self.apply(extrinsic, call)
	}

	/// Applies an extrinsic as a block builder would: an invalid transaction leaves no
	/// trace. Checks the weight it was charged against the weight it declared.
	fn apply(&mut self, extrinsic: UncheckedExtrinsic, call: &RuntimeCall) -> Result<bool, String> {
		let declared = extrinsic.get_dispatch_info().total_weight();
		let events_before = System::read_events_no_consensus().count();
		let applied = with_transaction(|| {
			let result = Executive::apply_extrinsic(extrinsic);
			match result {
				Ok(_) => TransactionOutcome::Commit(Ok::<_, DispatchError>(result)),
				Err(_) => TransactionOutcome::Rollback(Ok(result)),
			}
		})
		.map_err(|e| format!("transactional layer: {e:?}"))?;
		let Ok(outcome) = applied else { return Ok(false) };
		// The weight the extrinsic was charged, from its ExtrinsicSuccess/Failed event, less
		// the base weight of an extrinsic, which that event includes and the declared
		// weight does not.
		let limits = <Runtime as frame_system::Config>::BlockWeights::get();
		let charged =
			System::read_events_no_consensus().skip(events_before).find_map(|record| match record
				.event
			{
				RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { dispatch_info })
				| RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
					dispatch_info,
					..
				}) => Some(
					dispatch_info
						.weight
						.saturating_sub(limits.get(dispatch_info.class).base_extrinsic),
				),
				_ => None,
			});
		if let Some(charged) = charged {
			self.note_weight(call, charged, declared)?;
		}
		Ok(outcome.is_ok())
	}

	/// Records the ratio of an actual weight to the declared one; more than declared fails.
	fn note_weight(
		&mut self,
		call: &RuntimeCall,
		actual: Weight,
		declared: Weight,
	) -> Result<(), String> {
		if !actual.all_lte(declared) {
			return Err(format!(
				"{} reported weight {actual:?} above its declared {declared:?}",
				call_name(call)
			));
		}
		if declared.ref_time() > 0 {
			let ratio = actual.ref_time() as f64 / declared.ref_time() as f64;
			self.stats.max_weight_ratio = self.stats.max_weight_ratio.max(ratio);
		}
		Ok(())
	}
}

/// `call` signed by signer `account` with `nonce`, immortal, no tip, no metadata hash.
pub fn signed_extrinsic(call: RuntimeCall, account: usize, nonce: u32) -> UncheckedExtrinsic {
	let extension = btt_runtime::tx_extension(nonce, 0);
	let payload = SignedPayload::new(call.clone(), extension.clone())
		.expect("the extension's implicit data is available");
	let signature = payload.using_encoded(|bytes| actors::pair(account).sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		Address::Id(actors::account_id(account)),
		Signature::Sr25519(signature),
		extension,
	)
}

/// `pallet.call` of a call, from its metadata names.
pub fn call_name(call: &RuntimeCall) -> String {
	use polkadot_sdk::frame_support::traits::GetCallMetadata;
	let metadata = call.get_call_metadata();
	format!("{}.{}", metadata.pallet_name, metadata.function_name)
}

impl Chain {
	/// Runs the steps `next` gives (it may draw them from the chain's state) until it gives
	/// none, and fails on the first broken invariant or panic, at its step. The chain's
	/// counters are the result, as one case.
	pub fn run_steps(
		mut self,
		mut next: impl FnMut(&mut Chain) -> Option<Step>,
	) -> Result<Stats, Failure> {
		let mut index = 0;
		loop {
			let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
				next(&mut self).map(|step| self.run_step(&step)).transpose()
			}));
			match ran {
				Ok(Ok(Some(()))) => index += 1,
				Ok(Ok(None)) => break,
				Ok(Err(message)) => return Err(Failure { step: Some(index), message }),
				Err(panic) => {
					return Err(Failure { step: Some(index), message: panic_message(&panic) })
				}
			}
		}
		let mut stats = self.into_stats();
		stats.cases = 1;
		Ok(stats)
	}
}

/// Runs one input from a fresh chain: decodes its steps, runs each, and fails on the first
/// broken invariant or panic, or on bytes left over that do not decode as a step.
pub fn process_input(input: &[u8]) -> Result<Stats, Failure> {
	let mut bytes = input;
	let mut steps = 0;
	let stats = Chain::new()?.run_steps(|_| {
		let step = Step::decode_next(&mut bytes);
		steps += usize::from(step.is_some());
		step
	})?;
	if !bytes.is_empty() {
		// A saved input that no longer decodes (a call's encoding changed) would silently
		// test nothing.
		let message = format!("{} bytes after step {steps} do not decode as a step", bytes.len());
		return Err(Failure { step: Some(steps), message });
	}
	Ok(stats)
}

/// The text of a caught panic.
pub fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
	let text = panic
		.downcast_ref::<String>()
		.cloned()
		.or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
		.unwrap_or_else(|| "a panic without a message".into());
	format!("panic: {text}")
}
