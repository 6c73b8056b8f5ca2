//! Inputs from a seed: a generator that knows the runtime's calls.
//!
//! Each step is drawn while the chain runs, so that arguments can be taken from its state
//! (an account's free balance, a real position number, an open referendum). Amounts come
//! from edge values (0, 1, ED − 1, ED, free, free − ED, free + 1, `u128::MAX`, round sums);
//! governed calls come mostly from the origins that may make them and sometimes from any
//! other; a share of steps are arbitrary bytes decoded as a call, so that every call of
//! every pallet is reached, with arguments nobody thought of. Long time jumps reach lock
//! ends, maturities and era ends on the fuzzer's two-block day.
//!
//! The bytes of the drawn steps are the input: [`crate::process_input`] replays them.

use crate::{
	actors::{self, Origin, ACCOUNTS},
	chain::{Step, MAX_DECODE_DEPTH},
};
use btt_runtime::{
	accounts::ProxyType, currency::BTT, pools, AccountId, AllPalletsWithSystem, Balance, Balances,
	BttMining, OriginCaller, Runtime, RuntimeCall, EXISTENTIAL_DEPOSIT,
};
use codec::{Decode, DecodeLimit, Encode};
use pallet_btt_burn::{FeeCategory, FeeSplit, Milestone, MilestoneSource};
use pallet_btt_governance::GovernanceOrigin;
use pallet_btt_staking::{Term, Tier};
use pallet_btt_vesting::GrantSchedule;
use polkadot_sdk::{
	frame_support::{
		traits::{schedule::DispatchTime, Bounded, PalletsInfoAccess},
		BoundedVec,
	},
	frame_system, pallet_balances, pallet_collective, pallet_conviction_voting, pallet_multisig,
	pallet_proxy, pallet_referenda, pallet_scheduler, pallet_session, pallet_sudo, pallet_utility,
	sp_runtime::Permill,
};
use std::collections::VecDeque;

/// A small, fast, seedable random number generator (SplitMix64): the same seed gives the
/// same inputs on every machine.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
	/// A generator from a seed.
	pub fn new(seed: u64) -> Self {
		Rng(seed)
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// A number in `0..n` (0 when `n` is 0).
	pub fn below(&mut self, n: u64) -> u64 {
		if n == 0 {
			0
		} else {
			self.next_u64() % n
		}
	}

	/// True with `percent` % probability.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}

	/// One element of a non-empty slice.
	pub fn pick<T: Clone>(&mut self, items: &[T]) -> T {
		items[self.below(items.len() as u64) as usize].clone()
	}

	/// `n` bytes, mostly random, sometimes all zero or all 0xff.
	pub fn bytes(&mut self, n: usize) -> Vec<u8> {
		match self.below(6) {
			0 => vec![0; n],
			1 => vec![0xff; n],
			_ => (0..n).map(|_| self.next_u64() as u8).collect(),
		}
	}
}

/// The pallet indices of the runtime, for arbitrary calls.
fn pallet_indices() -> Vec<u8> {
	<AllPalletsWithSystem as PalletsInfoAccess>::infos()
		.iter()
		.filter_map(|pallet| u8::try_from(pallet.index).ok())
		.collect()
}

/// Draws steps.
pub struct Generator {
	/// The random source.
	pub rng: Rng,
	/// The rest of a scenario under way: steps that only make sense together (a job, its
	/// reports and the era's claim; a stake and its close after maturity; ...).
	queue: VecDeque<Step>,
}

impl Generator {
	/// A generator from a seed.
	pub fn new(seed: u64) -> Self {
		Generator { rng: Rng::new(seed), queue: VecDeque::new() }
	}

	/// The next step. Call it inside the chain's state: it reads balances and storage.
	pub fn step(&mut self) -> Step {
		if let Some(step) = self.queue.pop_front() {
			return step;
		}
		if self.rng.chance(12) {
			self.scenario();
			if let Some(step) = self.queue.pop_front() {
				return step;
			}
		}
		let blocks = self.blocks();
		let (origin, call) = self.call();
		Step { blocks, origin: origin.to_byte(), call }
	}

	/// Queues a scenario: honest activity that random calls rarely line up, so that the
	/// fuzzer's other steps meet state in which rewards are due, positions mature and
	/// programmes spend.
	fn scenario(&mut self) {
		use actors::{CONSUMER, ORACLES, PROVIDER, STAKER};
		let day = u16::try_from(crate::chain::FUZZ_DAY).unwrap_or(u16::MAX);
		let step = |blocks: u16, origin: Origin, call: RuntimeCall| Step {
			blocks,
			origin: origin.to_byte(),
			call,
		};
		let by = |account: usize, extrinsic: bool| Origin::Signed { account, extrinsic };
		let provider = actors::account_id(PROVIDER);
		match self.rng.below(8) {
			// A verified job, the three oracles' reports, and the era's claim after it ends.
			0 => {
				let era = BttMining::current_era();
				let extrinsic = self.rng.chance(50);
				self.queue.push_back(step(
					0,
					by(CONSUMER, extrinsic),
					RuntimeCall::BttMining(pallet_btt_mining::Call::pay_for_job {
						provider: provider.clone().into(),
						amount: 1_000 * BTT,
					}),
				));
				for oracle in ORACLES {
					let (uptime, energy_efficiency) = (
						Permill::from_percent(90 + self.rng.below(10) as u32),
						Permill::from_percent(50 + self.rng.below(50) as u32),
					);
					self.queue.push_back(step(
						0,
						by(oracle, extrinsic),
						RuntimeCall::BttMining(pallet_btt_mining::Call::report {
							provider: provider.clone().into(),
							uptime,
							latency_ms: 20 + self.rng.below(300) as u32,
							energy_efficiency,
						}),
					));
				}
				self.queue.push_back(step(
					2 * day,
					by(PROVIDER, extrinsic),
					RuntimeCall::BttMining(pallet_btt_mining::Call::claim { era }),
				));
			}
			// A stake, its fee share, and its close once it has matured.
			1 => {
				let staker = self.rng.pick(&[STAKER, 0, 1, 3, 4]);
				let id = pallet_btt_staking::NextPositionId::<Runtime>::get();
				let (tier, days) = self.rng.pick(&[
					(Tier::Days30, 30u16),
					(Tier::Days90, 90),
					(Tier::Days180, 180),
				]);
				let minimum = pallet_btt_staking::Terms::<Runtime>::get(tier)
					.map(|t| t.minimum)
					.unwrap_or(BTT);
				self.queue.push_back(step(
					0,
					by(staker, self.rng.chance(50)),
					RuntimeCall::BttStaking(pallet_btt_staking::Call::stake {
						tier,
						amount: minimum,
					}),
				));
				self.queue.push_back(step(
					days.saturating_mul(day) / 2,
					by(staker, true),
					RuntimeCall::BttStaking(pallet_btt_staking::Call::claim_fee_share {}),
				));
				let owner = actors::account_id(staker);
				self.queue.push_back(step(
					days.saturating_mul(day) / 2 + 1,
					by(staker, self.rng.chance(50)),
					RuntimeCall::BttStaking(pallet_btt_staking::Call::close {
						owner: owner.into(),
						id,
					}),
				));
			}
			// A community programme: set by the treasurer, then spent by its account.
			2 => {
				let spender = self.rng.below(ACCOUNTS as u64) as usize;
				let grant = self.grant();
				self.queue.push_back(step(
					0,
					Origin::Track(GovernanceOrigin::Treasurer),
					RuntimeCall::BttVesting(pallet_btt_vesting::Call::set_programme {
						account: actors::account_id(spender).into(),
						cap_per_period: 10_000 * BTT,
					}),
				));
				let dest = self.account();
				self.queue.push_back(step(
					1,
					by(spender, self.rng.chance(50)),
					RuntimeCall::BttVesting(pallet_btt_vesting::Call::programme_spend {
						dest: dest.into(),
						amount: 1_000 * BTT,
						vesting: grant,
					}),
				));
				self.queue.push_back(step(
					0,
					Origin::Track(GovernanceOrigin::Treasurer),
					RuntimeCall::BttVesting(pallet_btt_vesting::Call::remove_programme {
						account: actors::account_id(spender).into(),
					}),
				));
			}
			// Foundation milestones approved, then their tranches claimed as they fall due.
			3 => {
				let portion = self.rng.below(4) as u8;
				let up_to = 1 + self.rng.below(12) as u16;
				let (approver, claimant) =
					(self.governed(GovernanceOrigin::Milestones), self.anyone());
				self.queue.push_back(step(
					0,
					approver,
					RuntimeCall::BttVesting(pallet_btt_vesting::Call::approve_milestones {
						row: 7,
						portion,
						up_to,
					}),
				));
				self.queue.push_back(step(
					30 * day + self.rng.below(200) as u16,
					claimant,
					RuntimeCall::BttVesting(pallet_btt_vesting::Call::claim_tranches {
						row: 7,
						portion,
					}),
				));
			}
			// A second provider: a 90-day stake of the minimum, then registration.
			5 => {
				let who = self.rng.pick(&[actors::HOLDER, STAKER, 4]);
				let amount = pallet_btt_mining::MinProviderStake::<Runtime>::get().max(5_000 * BTT);
				let region = self.region();
				self.queue.push_back(step(
					0,
					by(who, false),
					RuntimeCall::BttStaking(pallet_btt_staking::Call::stake {
						tier: Tier::Days90,
						amount,
					}),
				));
				self.queue.push_back(step(
					0,
					by(who, self.rng.chance(50)),
					RuntimeCall::BttMining(pallet_btt_mining::Call::register {
						region,
						capacity: b"4x H100".to_vec(),
					}),
				));
			}
			// A referendum with a 365-day staker's boosted vote, refreshed later.
			6 => {
				let poll_index = pallet_referenda::ReferendumCount::<Runtime>::get();
				let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1] });
				let Ok(inline) = BoundedVec::try_from(remark.encode()) else { return };
				let track = self.rng.pick(&actors::TRACKS);
				self.queue.push_back(step(
					0,
					by(3, false),
					RuntimeCall::Referenda(pallet_referenda::Call::submit {
						proposal_origin: Box::new(OriginCaller::BttGovernance(track)),
						proposal: Bounded::Inline(inline),
						enactment_moment: DispatchTime::After(1),
					}),
				));
				self.queue.push_back(step(
					0,
					by(3, false),
					RuntimeCall::Referenda(pallet_referenda::Call::place_decision_deposit {
						index: poll_index,
					}),
				));
				self.queue.push_back(step(
					0,
					by(STAKER, false),
					RuntimeCall::BttStaking(pallet_btt_staking::Call::stake {
						tier: Tier::Days365,
						amount: 50_000 * BTT,
					}),
				));
				let vote = pallet_conviction_voting::AccountVote::Standard {
					vote: pallet_conviction_voting::Vote {
						aye: self.rng.chance(70),
						conviction: pallet_conviction_voting::Conviction::Locked1x,
					},
					balance: 20_000 * BTT,
				};
				self.queue.push_back(step(
					1,
					by(STAKER, self.rng.chance(50)),
					RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::vote {
						poll_index,
						vote,
					}),
				));
				let (wait, refresher) = (1 + self.rng.below(20) as u16, self.anyone());
				self.queue.push_back(step(
					wait,
					refresher,
					RuntimeCall::BttGovernance(pallet_btt_governance::Call::refresh_boost {
						poll_index,
						voter: actors::account_id(STAKER).into(),
					}),
				));
			}
			// Governance adjusts a tier's term a little, and lists or delists a region.
			7 => {
				let tier = self.rng.pick(&Tier::ALL);
				if let Some(mut term) = pallet_btt_staking::Terms::<Runtime>::get(tier) {
					term.apy = Permill::from_parts(
						term.apy.deconstruct().saturating_sub(self.rng.below(5_000) as u32),
					);
					term.minimum =
						term.minimum.saturating_add(u128::from(self.rng.below(10)) * BTT);
					let origin = self.governed(GovernanceOrigin::EconomicParams);
					self.queue.push_back(step(
						0,
						origin,
						RuntimeCall::BttStaking(pallet_btt_staking::Call::set_term { tier, term }),
					));
				}
				let region = self.rng.pick(&[4u16, 8, 12, 20, 24]);
				let (add, remove) = (
					self.governed(GovernanceOrigin::EconomicParams),
					self.governed(GovernanceOrigin::EconomicParams),
				);
				self.queue.push_back(step(
					0,
					add,
					RuntimeCall::BttMining(pallet_btt_mining::Call::add_region { region }),
				));
				self.queue.push_back(step(
					1,
					remove,
					RuntimeCall::BttMining(pallet_btt_mining::Call::remove_region { region }),
				));
			}
			// Valid parameter changes: a category rate in its range, a fee split of 100%.
			_ => {
				let category = self.rng.pick(&FeeCategory::ALL);
				let range = pallet_btt_burn::Pallet::<Runtime>::rate_range(category);
				let (low, high) = (range.min, range.max);
				let rate = self.rng.pick(&[
					low,
					high,
					Permill::from_parts((low.deconstruct() + high.deconstruct()) / 2),
				]);
				let (first, second) = (
					self.governed(GovernanceOrigin::EconomicParams),
					self.governed(GovernanceOrigin::EconomicParams),
				);
				self.queue.push_back(step(
					0,
					first,
					RuntimeCall::BttBurn(pallet_btt_burn::Call::set_category_rate {
						category,
						rate,
					}),
				));
				let parts = [
					self.rng.below(400_001) as u32,
					self.rng.below(300_001) as u32,
					self.rng.below(200_001) as u32,
				];
				let rest = 1_000_000u32.saturating_sub(parts.iter().sum());
				let split = FeeSplit {
					development: Permill::from_parts(parts[0]),
					stakers: Permill::from_parts(parts[1]),
					burn: Permill::from_parts(parts[2]),
					author: Permill::from_parts(rest),
				};
				self.queue.push_back(step(
					1,
					second,
					RuntimeCall::BttBurn(pallet_btt_burn::Call::set_fee_split { split }),
				));
			}
		}
	}

	/// Blocks before the call: mostly none or one, sometimes a day or a month, rarely a
	/// jump past lock ends and maturities.
	fn blocks(&mut self) -> u16 {
		match self.rng.below(100) {
			0..=59 => 0,
			60..=89 => 1,
			90..=95 => 2 + self.rng.below(19) as u16,
			96..=98 => 21 + self.rng.below(180) as u16,
			_ => 201 + self.rng.below(2_200) as u16,
		}
	}

	// --- origins and arguments -----------------------------------------------------------

	/// A signed account, sent as an extrinsic a third of the time.
	fn signed(&mut self, account: usize) -> Origin {
		Origin::Signed { account, extrinsic: self.rng.chance(35) }
	}

	/// Any signed account.
	fn anyone(&mut self) -> Origin {
		let account = self.rng.below(ACCOUNTS as u64) as usize;
		self.signed(account)
	}

	/// Mostly `preferred`, else anyone.
	fn mostly(&mut self, preferred: &[usize]) -> Origin {
		if self.rng.chance(75) {
			let account = self.rng.pick(preferred);
			self.signed(account)
		} else {
			self.anyone()
		}
	}

	/// The origin of a governed call on `track`: mostly that track, else root, the
	/// council, another track or a signed account (which must all be refused where they
	/// have no power).
	fn governed(&mut self, track: GovernanceOrigin) -> Origin {
		match self.rng.below(100) {
			0..=39 => Origin::Track(track),
			40..=54 => Origin::Root,
			55..=69 => Origin::Council,
			70..=84 => Origin::Track(self.rng.pick(&actors::TRACKS)),
			_ => self.anyone(),
		}
	}

	/// An account to name in a call: mostly an actor, sometimes a pool, sometimes a fresh
	/// account.
	fn account(&mut self) -> AccountId {
		match self.rng.below(100) {
			0..=74 => actors::account_id(self.rng.below(ACCOUNTS as u64) as usize),
			75..=89 => pools::account(self.rng.pick(&pools::ALL)),
			_ => {
				let mut raw = [0u8; 32];
				raw.copy_from_slice(&self.rng.bytes(32));
				AccountId::from(raw)
			}
		}
	}

	/// An amount: an edge value of `holder`'s balance, or a round sum.
	fn amount(&mut self, holder: Option<&AccountId>) -> Balance {
		let ed = EXISTENTIAL_DEPOSIT;
		let free = holder.map(Balances::free_balance).unwrap_or(1_000 * BTT);
		match self.rng.below(16) {
			0 => 0,
			1 => 1,
			2 => ed - 1,
			3 => ed,
			4 => free,
			5 => free.saturating_sub(ed),
			6 => free.saturating_add(1),
			7 => Balance::MAX,
			8 | 9 => u128::from(self.rng.next_u64()) % free.max(1),
			_ => {
				let sums = [1, 100, 1_000, 5_000, 10_000, 50_000, 100_000, 1_000_000, 21_000_000];
				self.rng.pick(&sums) * BTT
			}
		}
	}

	/// Up to `max` bytes.
	fn some_bytes(&mut self, max: u64) -> Vec<u8> {
		let length = self.rng.below(max) as usize;
		self.rng.bytes(length)
	}

	/// A proportion: an edge value or a random one.
	fn permill(&mut self) -> Permill {
		match self.rng.below(8) {
			0 => Permill::zero(),
			1 => Permill::from_parts(1),
			2 => Permill::from_percent(10),
			3 => Permill::from_percent(50),
			4 => Permill::one(),
			_ => Permill::from_parts(self.rng.below(1_000_001) as u32),
		}
	}

	/// A value of any SCALE type from random bytes, if some decode.
	fn arbitrary<T: Decode>(&mut self) -> Option<T> {
		(0..8).find_map(|_| {
			let length = 1 + self.rng.below(64) as usize;
			let bytes = self.rng.bytes(length);
			T::decode(&mut &bytes[..]).ok()
		})
	}

	/// A vesting grant's shape: none, or (lock months, linear months) with edge values.
	fn grant(&mut self) -> Option<GrantSchedule> {
		let (lock_months, linear_months) = match self.rng.below(5) {
			0 => return None,
			1 => (0, 1),
			2 => (u16::MAX, u16::MAX),
			_ => (self.rng.below(25) as u16, self.rng.below(61) as u16),
		};
		Some(GrantSchedule { lock_months, linear_months })
	}

	/// A position number: one of `owner`'s, or a made-up one.
	fn position_id(&mut self, owner: &AccountId) -> u64 {
		let ids: Vec<u64> = pallet_btt_staking::Positions::<Runtime>::get(owner)
			.map(|positions| positions.iter().map(|p| p.id).collect())
			.unwrap_or_default();
		if !ids.is_empty() && self.rng.chance(80) {
			self.rng.pick(&ids)
		} else {
			self.rng.below(8)
		}
	}

	/// A referendum index: mostly one that exists.
	fn poll(&mut self) -> u32 {
		let count = pallet_referenda::ReferendumCount::<Runtime>::get();
		if count > 0 && self.rng.chance(85) {
			self.rng.below(u64::from(count)) as u32
		} else {
			self.rng.below(4) as u32
		}
	}

	/// A region: listed, unlisted or out of range.
	fn region(&mut self) -> u16 {
		match self.rng.below(6) {
			0 => 0,
			1 => 999,
			2 => 1_000 + self.rng.below(1_000) as u16,
			_ => self.rng.pick(&[156u16, 344, 392, 410, 840, 276]),
		}
	}

	/// A call of any pallet from arbitrary bytes after a real pallet index.
	fn arbitrary_call(&mut self) -> Option<RuntimeCall> {
		let indices = pallet_indices();
		for _ in 0..32 {
			let mut bytes = vec![self.rng.pick(&indices), self.rng.below(16) as u8];
			let length = self.rng.below(80) as usize;
			bytes.extend(self.rng.bytes(length));
			if let Ok(call) =
				RuntimeCall::decode_with_depth_limit(MAX_DECODE_DEPTH, &mut &bytes[..])
			{
				return Some(call);
			}
		}
		None
	}

	// --- calls ---------------------------------------------------------------------------

	/// A call and its origin.
	fn call(&mut self) -> (Origin, RuntimeCall) {
		match self.rng.below(100) {
			0..=44 => self.user_call(),
			45..=74 => self.governed_call(),
			75..=84 => self.governance_process_call(),
			85..=89 => self.wrapped_call(),
			_ => match self.arbitrary_call() {
				Some(call) => {
					let origin = Origin::from_byte(self.rng.next_u64() as u8);
					(origin, call)
				}
				None => self.user_call(),
			},
		}
	}

	/// What token holders, providers, oracles and consumers do.
	fn user_call(&mut self) -> (Origin, RuntimeCall) {
		use actors::{CONSUMER, HOLDER, ORACLES, PROVIDER, STAKER};
		let origin = self.anyone();
		let signer = origin.signer().unwrap_or_else(|| actors::account_id(0));
		match self.rng.below(24) {
			0 | 1 => {
				let dest = self.account();
				let value = self.amount(Some(&signer));
				(
					origin,
					RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
						dest: dest.into(),
						value,
					}),
				)
			}
			2 => {
				let dest = self.account();
				let value = self.amount(Some(&signer));
				(
					origin,
					RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
						dest: dest.into(),
						value,
					}),
				)
			}
			3 => {
				let dest = self.account();
				let keep_alive = self.rng.chance(50);
				(
					origin,
					RuntimeCall::Balances(pallet_balances::Call::transfer_all {
						dest: dest.into(),
						keep_alive,
					}),
				)
			}
			4 => {
				// The unbooked burn: refused by the chain's call filter.
				let value = self.amount(Some(&signer));
				(
					origin,
					RuntimeCall::Balances(pallet_balances::Call::burn {
						value,
						keep_alive: self.rng.chance(50),
					}),
				)
			}
			5 => {
				let amount = self.amount(Some(&signer));
				(
					origin,
					RuntimeCall::BttBurn(pallet_btt_burn::Call::burn {
						amount,
						keep_alive: self.rng.chance(70),
					}),
				)
			}
			6 | 7 => {
				let category = self.rng.pick(&FeeCategory::ALL);
				let dest = self.account();
				let amount = self.amount(Some(&signer));
				(
					origin,
					RuntimeCall::BttBurn(pallet_btt_burn::Call::pay { category, dest, amount }),
				)
			}
			8 | 9 => {
				let who = if self.rng.chance(70) { signer.clone() } else { self.account() };
				(
					origin,
					RuntimeCall::BttVesting(pallet_btt_vesting::Call::claim { who: who.into() }),
				)
			}
			10 => {
				let (row, portion) = (self.rng.below(13) as u8, self.rng.below(4) as u8);
				(
					origin,
					RuntimeCall::BttVesting(pallet_btt_vesting::Call::claim_tranches {
						row,
						portion,
					}),
				)
			}
			11 => {
				let dest = self.account();
				let amount = self.amount(None);
				let vesting = self.grant();
				(
					origin,
					RuntimeCall::BttVesting(pallet_btt_vesting::Call::programme_spend {
						dest: dest.into(),
						amount,
						vesting,
					}),
				)
			}
			12 | 13 => {
				let origin = self.mostly(&[STAKER, 0, 1, 2, 3, HOLDER]);
				let staker = origin.signer().unwrap_or_else(|| signer.clone());
				let tier = self.rng.pick(&Tier::ALL);
				let amount = self.amount(Some(&staker));
				(origin, RuntimeCall::BttStaking(pallet_btt_staking::Call::stake { tier, amount }))
			}
			14 => {
				let owner = if self.rng.chance(60) {
					signer.clone()
				} else {
					actors::account_id(self.rng.pick(&[STAKER, PROVIDER]))
				};
				let id = self.position_id(&owner);
				(
					origin,
					RuntimeCall::BttStaking(pallet_btt_staking::Call::close {
						owner: owner.into(),
						id,
					}),
				)
			}
			15 => (
				self.mostly(&[STAKER, PROVIDER]),
				RuntimeCall::BttStaking(pallet_btt_staking::Call::claim_fee_share {}),
			),
			16 => {
				let region = self.region();
				let capacity = self.some_bytes(80);
				(
					self.mostly(&[PROVIDER, HOLDER]),
					RuntimeCall::BttMining(pallet_btt_mining::Call::register { region, capacity }),
				)
			}
			17 => (
				self.mostly(&[PROVIDER]),
				RuntimeCall::BttMining(pallet_btt_mining::Call::deregister {}),
			),
			18 | 19 => {
				let provider =
					if self.rng.chance(80) { actors::account_id(PROVIDER) } else { self.account() };
				let consumer = actors::account_id(CONSUMER);
				let amount = self.amount(Some(&consumer));
				(
					self.mostly(&[CONSUMER]),
					RuntimeCall::BttMining(pallet_btt_mining::Call::pay_for_job {
						provider: provider.into(),
						amount,
					}),
				)
			}
			20 | 21 => {
				let provider =
					if self.rng.chance(80) { actors::account_id(PROVIDER) } else { self.account() };
				let (uptime, energy_efficiency) = (self.permill(), self.permill());
				let latency_ms = self.rng.pick(&[0, 1, 50, 250, 1_000, u32::MAX]);
				(
					self.mostly(&ORACLES),
					RuntimeCall::BttMining(pallet_btt_mining::Call::report {
						provider: provider.into(),
						uptime,
						latency_ms,
						energy_efficiency,
					}),
				)
			}
			22 => {
				let current = BttMining::current_era();
				let era = match self.rng.below(4) {
					0 => current,
					1 => current.saturating_sub(1),
					2 => current.saturating_sub(self.rng.below(400) as u32),
					_ => u32::MAX,
				};
				(
					self.mostly(&[PROVIDER]),
					RuntimeCall::BttMining(pallet_btt_mining::Call::claim { era }),
				)
			}
			_ => {
				let remark = self.some_bytes(40);
				(origin, RuntimeCall::System(frame_system::Call::remark { remark }))
			}
		}
	}

	/// The calls of the BTT tracks and root, mostly from the origin that may make them.
	fn governed_call(&mut self) -> (Origin, RuntimeCall) {
		use GovernanceOrigin::*;
		let (track, call) = match self.rng.below(27) {
			0 => (
				EconomicParams,
				RuntimeCall::BttBurn(pallet_btt_burn::Call::set_category_rate {
					category: self.rng.pick(&FeeCategory::ALL),
					rate: self.permill(),
				}),
			),
			1 => {
				let milestone = self.rng.pick(&Milestone::ALL);
				(
					Milestones,
					RuntimeCall::BttBurn(pallet_btt_burn::Call::execute_milestone_burn {
						milestone,
					}),
				)
			}
			2 => (
				Milestones,
				RuntimeCall::BttBurn(pallet_btt_burn::Call::set_milestone_source {
					source: self
						.rng
						.pick(&[MilestoneSource::EcosystemFund, MilestoneSource::DevelopmentFund]),
				}),
			),
			3 => {
				let split = match self.arbitrary::<FeeSplit>().filter(|_| self.rng.chance(50)) {
					Some(split) => split,
					None => FeeSplit {
						development: self.permill(),
						stakers: self.permill(),
						burn: self.permill(),
						author: self.permill(),
					},
				};
				(
					EconomicParams,
					RuntimeCall::BttBurn(pallet_btt_burn::Call::set_fee_split { split }),
				)
			}
			4 => (
				Milestones,
				RuntimeCall::BttVesting(pallet_btt_vesting::Call::approve_milestones {
					row: self.rng.below(13) as u8,
					portion: self.rng.below(4) as u8,
					up_to: self.rng.below(50) as u16,
				}),
			),
			5 | 6 => {
				let dest = self.account();
				let amount = self.amount(None);
				let vesting = self.grant();
				(
					Treasurer,
					RuntimeCall::BttVesting(pallet_btt_vesting::Call::release_ecosystem {
						dest: dest.into(),
						amount,
						vesting,
					}),
				)
			}
			7 => {
				let account = self.account();
				let cap_per_period = self.amount(None);
				(
					Treasurer,
					RuntimeCall::BttVesting(pallet_btt_vesting::Call::set_programme {
						account: account.into(),
						cap_per_period,
					}),
				)
			}
			8 => (
				Treasurer,
				RuntimeCall::BttVesting(pallet_btt_vesting::Call::remove_programme {
					account: self.account().into(),
				}),
			),
			9 | 10 => (
				ReserveRelease,
				RuntimeCall::BttVesting(pallet_btt_vesting::Call::release_reserve {
					amount: self.amount(None),
				}),
			),
			11 => {
				let term = match self.arbitrary::<Term<Balance>>().filter(|_| self.rng.chance(40)) {
					Some(term) => term,
					None => Term {
						days: self.rng.pick(&[0, 1, 6, 7, 30, 90, 180, 365, 1_095, u32::MAX]),
						apy: self.permill(),
						minimum: self.amount(None),
						reward_burn: self.permill(),
					},
				};
				(
					EconomicParams,
					RuntimeCall::BttStaking(pallet_btt_staking::Call::set_term {
						tier: self.rng.pick(&Tier::ALL),
						term,
					}),
				)
			}
			12 => (
				EconomicParams,
				RuntimeCall::BttMining(pallet_btt_mining::Call::add_oracle {
					oracle: self.account().into(),
				}),
			),
			13 => (
				EconomicParams,
				RuntimeCall::BttMining(pallet_btt_mining::Call::remove_oracle {
					oracle: self.account().into(),
				}),
			),
			14 => {
				let factors = self
					.arbitrary::<pallet_btt_mining::FactorConfig>()
					.filter(|_| self.rng.chance(50))
					.unwrap_or_default();
				(
					EconomicParams,
					RuntimeCall::BttMining(pallet_btt_mining::Call::set_factors { factors }),
				)
			}
			15 => (
				EconomicParams,
				RuntimeCall::BttMining(pallet_btt_mining::Call::set_provider_stake {
					tier: self.rng.pick(&Tier::ALL),
					amount: self.amount(None),
				}),
			),
			16 => (
				EconomicParams,
				RuntimeCall::BttMining(pallet_btt_mining::Call::set_consumer_allowance {
					consumer: self.account().into(),
					allowance: self.amount(None),
				}),
			),
			17 => (
				EconomicParams,
				RuntimeCall::BttMining(pallet_btt_mining::Call::add_region {
					region: self.region(),
				}),
			),
			18 => (
				EconomicParams,
				RuntimeCall::BttMining(pallet_btt_mining::Call::remove_region {
					region: self.region(),
				}),
			),
			19 => (
				ValidatorAdmin,
				RuntimeCall::BttValidators(pallet_btt_validators::Call::add_validator {
					who: self.account().into(),
				}),
			),
			20 => (
				ValidatorAdmin,
				RuntimeCall::BttValidators(pallet_btt_validators::Call::remove_validator {
					who: self.account().into(),
				}),
			),
			// What only root could try: force calls on any account, raw storage writes.
			21 => {
				let (source, dest) = (self.account(), self.account());
				let value = self.amount(Some(&source));
				return (
					Origin::Root,
					RuntimeCall::Balances(pallet_balances::Call::force_transfer {
						source: source.into(),
						dest: dest.into(),
						value,
					}),
				);
			}
			22 => {
				let who = self.account();
				return (
					Origin::Root,
					RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
						who: who.into(),
						new_free: self.amount(None),
					}),
				);
			}
			23 => {
				let key = self.storage_key();
				let value = self.some_bytes(20);
				return (
					Origin::Root,
					RuntimeCall::System(frame_system::Call::set_storage {
						items: vec![(key, value)],
					}),
				);
			}
			24 => {
				return (
					Origin::Root,
					RuntimeCall::System(frame_system::Call::kill_prefix {
						prefix: self.storage_key(),
						subkeys: 10,
					}),
				)
			}
			25 => {
				let who = self.account();
				return (
					Origin::Root,
					RuntimeCall::Balances(pallet_balances::Call::force_unreserve {
						who: who.into(),
						amount: self.amount(None),
					}),
				);
			}
			_ => {
				return (
					self.mostly(&[0]),
					RuntimeCall::Session(pallet_session::Call::purge_keys {}),
				)
			}
		};
		(self.governed(track), call)
	}

	/// A storage key of something the guarantees protect, or a random one.
	fn storage_key(&mut self) -> Vec<u8> {
		match self.rng.below(3) {
			0 => pallet_balances::TotalIssuance::<Runtime>::hashed_key().to_vec(),
			1 => pallet_btt_burn::TotalBurned::<Runtime>::hashed_key().to_vec(),
			_ => self.rng.bytes(32),
		}
	}

	/// Referenda, votes, council motions: the paths by which governance acts.
	fn governance_process_call(&mut self) -> (Origin, RuntimeCall) {
		match self.rng.below(8) {
			0 | 1 => {
				let (track, inner) = self.governed_call();
				let proposal_origin = match track {
					Origin::Track(track) => OriginCaller::BttGovernance(track),
					_ => OriginCaller::system(frame_system::RawOrigin::Root),
				};
				let encoded = inner.encode();
				let Ok(inline) = BoundedVec::try_from(encoded) else {
					return self.user_call();
				};
				let call = RuntimeCall::Referenda(pallet_referenda::Call::submit {
					proposal_origin: Box::new(proposal_origin),
					proposal: Bounded::Inline(inline),
					enactment_moment: DispatchTime::After(1),
				});
				(self.anyone(), call)
			}
			2 => {
				let index = self.poll();
				(
					self.anyone(),
					RuntimeCall::Referenda(pallet_referenda::Call::place_decision_deposit {
						index,
					}),
				)
			}
			3 | 4 => {
				let poll_index = self.poll();
				let origin = self.anyone();
				let voter = origin.signer().unwrap_or_else(|| actors::account_id(0));
				let balance = self.amount(Some(&voter));
				let conviction =
					self.arbitrary::<pallet_conviction_voting::Conviction>().unwrap_or_default();
				let vote = pallet_conviction_voting::AccountVote::Standard {
					vote: pallet_conviction_voting::Vote { aye: self.rng.chance(70), conviction },
					balance,
				};
				(
					origin,
					RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::vote {
						poll_index,
						vote,
					}),
				)
			}
			5 => {
				let poll_index = self.poll();
				let voter = self.account();
				(
					self.anyone(),
					RuntimeCall::BttGovernance(pallet_btt_governance::Call::refresh_boost {
						poll_index,
						voter: voter.into(),
					}),
				)
			}
			6 => {
				let (_, proposal) = self.governed_call();
				let length_bound = proposal.encoded_size() as u32;
				let call = RuntimeCall::Council(pallet_collective::Call::propose {
					threshold: self.rng.pick(&[1, 2, 3]),
					proposal: Box::new(proposal),
					length_bound,
				});
				(self.mostly(&[0, 1, 2]), call)
			}
			_ => {
				let proposals =
					pallet_collective::Proposals::<Runtime, pallet_collective::Instance1>::get();
				if proposals.is_empty() {
					return self.user_call();
				}
				let hash = self.rng.pick(&proposals);
				// A motion's index is one of the last few (the vote records keep it private).
				let count =
					pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get(
					);
				let index = count.saturating_sub(1 + self.rng.below(3) as u32);
				let call = if self.rng.chance(70) {
					RuntimeCall::Council(pallet_collective::Call::vote {
						proposal: hash,
						index,
						approve: self.rng.chance(80),
					})
				} else {
					RuntimeCall::Council(pallet_collective::Call::close {
						proposal_hash: hash,
						index,
						proposal_weight_bound:
							polkadot_sdk::frame_support::weights::Weight::from_parts(
								u64::MAX / 4,
								u64::MAX / 4,
							),
						length_bound: 10_000,
					})
				};
				(self.mostly(&[0, 1, 2]), call)
			}
		}
	}

	/// A governed or user call inside sudo, a multisig, the scheduler, a batch, `dispatch_as`
	/// or a proxy; or the naming of a proxy.
	fn wrapped_call(&mut self) -> (Origin, RuntimeCall) {
		let (_, inner) = if self.rng.chance(50) { self.governed_call() } else { self.user_call() };
		match self.rng.below(9) {
			4 => {
				let (_, second) = self.user_call();
				let calls = vec![inner, second];
				let batch = match self.rng.below(3) {
					0 => pallet_utility::Call::batch { calls },
					1 => pallet_utility::Call::batch_all { calls },
					_ => pallet_utility::Call::force_batch { calls },
				};
				let origin = if self.rng.chance(20) { Origin::Root } else { self.anyone() };
				(origin, RuntimeCall::Utility(batch))
			}
			5 => {
				// Root dispatching as an account (sometimes a pool's), or as a track's origin
				// (which the guarantees refuse: root may not forge a referendum).
				let as_origin = if self.rng.chance(25) {
					OriginCaller::BttGovernance(self.rng.pick(&actors::TRACKS))
				} else {
					OriginCaller::system(frame_system::RawOrigin::Signed(self.account()))
				};
				(
					Origin::Root,
					RuntimeCall::Utility(pallet_utility::Call::dispatch_as {
						as_origin: Box::new(as_origin),
						call: Box::new(inner),
					}),
				)
			}
			6 => {
				let real = self.account();
				(
					self.anyone(),
					RuntimeCall::Proxy(pallet_proxy::Call::proxy {
						real: real.into(),
						force_proxy_type: None,
						call: Box::new(inner),
					}),
				)
			}
			7 => {
				let delegate = self.account();
				let proxy_type = self.rng.pick(&[
					ProxyType::Any,
					ProxyType::NonTransfer,
					ProxyType::Governance,
					ProxyType::Staking,
					ProxyType::SessionKeys,
				]);
				let delay = self.rng.pick(&[0, 0, 1, 5]);
				(
					self.anyone(),
					RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
						delegate: delegate.into(),
						proxy_type,
						delay,
					}),
				)
			}
			8 => (self.anyone(), RuntimeCall::Proxy(pallet_proxy::Call::remove_proxies {})),
			0 | 1 => (
				self.mostly(&[0]),
				RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(inner) }),
			),
			2 => {
				let others = vec![self.account()];
				(
					self.anyone(),
					RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
						other_signatories: others,
						call: Box::new(inner),
					}),
				)
			}
			_ => {
				let when = polkadot_sdk::frame_system::Pallet::<Runtime>::block_number()
					+ 1 + self.rng.below(5) as u32;
				(
					Origin::Root,
					RuntimeCall::Scheduler(pallet_scheduler::Call::schedule {
						when,
						maybe_periodic: None,
						priority: 0,
						call: Box::new(inner),
					}),
				)
			}
		}
	}
}
