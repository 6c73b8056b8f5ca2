//! # BTT mining pallet
//!
//! The compute-mining emission (SPEC.md section 4): the 63M BTT mining pool pays the
//! providers of AI compute over eight years, 25.2M in years 1–2, 18.9M in years 3–4,
//! 12.6M in years 5–6 and 6.3M in years 7–8, in eras (one day of blocks by default; the
//! era length is a genesis and governance parameter). The budget of era `e` is
//! `cap(e + 1) − cap(e)` of one cumulative cap ([`emission`]), so at most 63M is ever paid
//! and budget nobody earns stays in the pool.
//!
//! Providers [`register`](Pallet::register) with a region and a capacity description and
//! must hold an active stake (by default a 90-day-or-longer stake of at least 5,000 BTT).
//! Their contribution in an era is evidenced on chain:
//! - **compute jobs** — a consumer pays a provider for a job with
//!   [`pay_for_job`](Pallet::pay_for_job); btt-burn burns the compute-trade fee on top, and
//!   the job's value counts as the provider's compute. Jobs of consumers with compute
//!   priority (90-day stakers) are flagged in the event so schedulers serve them first;
//! - **oracle reports** — accounts governance authorises [`report`](Pallet::report) a
//!   provider's uptime, latency and energy efficiency for the current era; nobody reports
//!   for itself. A provider no oracle reported on in an era scores nothing for it: paid
//!   jobs alone (which a provider could pay itself from a second account) earn no reward.
//!
//! A provider's score is compute × QoS factor × geography factor × energy factor
//! ([`factors`]); after the era it [`claim`](Pallet::claim)s `budget × score / total
//! score` (computed as its region's part of the budget, then its part of the region's). Claims stay open for `ClaimWindow` eras; unclaimed rewards never leave the pool.
//!
//! **Costs.** The block hook only moves the era forward. The totals a claim needs are kept
//! per era and per region as jobs and reports arrive, so a claim reads its own entry, its
//! region's and the era's — and, the first time an era is claimed, each region of that era
//! (at most `MaxRegionsPerEra`). Nothing iterates over providers.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod emission;
pub mod factors;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use factors::FactorConfig;
pub use pallet::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

/// A region: its ISO 3166-1 numeric country code (e.g. 156 China, 840 United States).
pub type RegionCode = u16;

/// Where compute from regions beyond an era's `MaxRegionsPerEra` is counted (0 is no ISO
/// 3166-1 code).
pub const OTHER_REGION: RegionCode = 0;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::Preservation,
		},
	};
	use frame_system::pallet_prelude::*;
	use pallet_btt_burn::{CategoryFeeBurner, FeeCategory};
	use pallet_btt_staking::{ActiveStake, OnPoolSpend, StakingBenefits, Tier};
	use polkadot_sdk::sp_runtime::{
		helpers_128bit::multiply_by_rational_with_rounding,
		traits::{Saturating, StaticLookup, Zero},
		FixedPointNumber, FixedU128, Permill, Rounding, SaturatedConversion,
	};
	use scale_info::TypeInfo;

	/// The balance type of the chain's currency.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// The account lookup of the chain (an address or an index).
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

	/// An era's number, from 0 at genesis.
	pub type EraIndex = u32;

	/// A registered provider.
	#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
	#[scale_info(skip_type_params(T))]
	pub struct ProviderInfo<T: Config> {
		/// Where its capacity is.
		pub region: RegionCode,
		/// What it offers (GPU models, memory, certifications), as the provider describes it.
		pub capacity: BoundedVec<u8, T::MaxCapacityLen>,
		/// The block it registered in.
		pub registered_at: BlockNumberFor<T>,
	}

	/// What a provider contributed in an era.
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub struct Contribution {
		/// The region it served from.
		pub region: RegionCode,
		/// The value of the compute jobs it was paid for, in plancks.
		pub compute: u128,
		/// Its QoS factor (0 until an oracle reports).
		pub qos: FixedU128,
		/// Its energy factor (0 until an oracle reports).
		pub energy: FixedU128,
		/// `compute × qos × energy`.
		pub weighted: u128,
	}

	/// A region's totals in an era.
	#[derive(
		Clone,
		PartialEq,
		Eq,
		Debug,
		Default,
		Encode,
		Decode,
		DecodeWithMemTracking,
		MaxEncodedLen,
		TypeInfo,
	)]
	pub struct RegionTotal {
		/// Compute delivered from the region.
		pub compute: u128,
		/// Its providers' weighted compute.
		pub weighted: u128,
	}

	/// An era's totals.
	#[derive(
		Clone,
		PartialEq,
		Eq,
		Debug,
		Default,
		Encode,
		Decode,
		DecodeWithMemTracking,
		MaxEncodedLen,
		TypeInfo,
	)]
	pub struct EraTotal {
		/// Compute delivered in the era.
		pub compute: u128,
		/// Regions that delivered compute in the era.
		pub regions: u32,
		/// The era's total score and the geography bounds it was computed with, fixed by
		/// the era's first claim.
		pub settled: Option<(u128, FactorConfig)>,
		/// What claims have paid for the era.
		pub paid: u128,
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The chain's currency.
		type Currency: Mutate<Self::AccountId>;

		/// Pays compute jobs and burns their compute-trade fee (btt-burn).
		type FeeBurner: CategoryFeeBurner<Self::AccountId, BalanceOf<Self>>;

		/// Staking: providers' active stakes and consumers' compute priority.
		type Staking: ActiveStake<Self::AccountId, BalanceOf<Self>>
			+ StakingBenefits<Self::AccountId>;

		/// The mining pool's account: rewards are paid from it.
		#[pallet::constant]
		type MiningPool: Get<Self::AccountId>;

		/// Told about every reward paid out of the pool (btt-vesting's pool books).
		type OnPoolSpend: OnPoolSpend<Self::AccountId, BalanceOf<Self>>;

		/// What each phase of the emission pays: 25.2M, 18.9M, 12.6M, 6.3M BTT.
		type PhaseTotals: Get<[BalanceOf<Self>; 4]>;

		/// Eras in a phase: two years of eras (730 daily eras).
		#[pallet::constant]
		type ErasPerPhase: Get<u32>;

		/// For how many eras after its end an era's rewards may be claimed.
		#[pallet::constant]
		type ClaimWindow: Get<u32>;

		/// Bound on the distinct regions with compute in one era.
		#[pallet::constant]
		type MaxRegionsPerEra: Get<u32>;

		/// Bound on a provider's capacity description, in bytes.
		#[pallet::constant]
		type MaxCapacityLen: Get<u32>;

		/// Bound on the authorised oracles.
		#[pallet::constant]
		type MaxOracles: Get<u32>;

		/// Authorises oracles and tunes the parameters (the economic-parameters track).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Blocks per era; a change applies from the next era on.
	#[pallet::storage]
	pub type EraLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The current era.
	#[pallet::storage]
	pub type CurrentEra<T: Config> = StorageValue<_, EraIndex, ValueQuery>;

	/// The block the next era starts at.
	#[pallet::storage]
	pub type NextEraStart<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Registered providers.
	#[pallet::storage]
	pub type Providers<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, ProviderInfo<T>, OptionQuery>;

	/// Accounts allowed to report on providers.
	#[pallet::storage]
	pub type Oracles<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, (), OptionQuery>;

	/// The bounds of the score's factors.
	#[pallet::storage]
	pub type Factors<T: Config> = StorageValue<_, FactorConfig, ValueQuery>;

	/// The tier a provider's stake must be in at least.
	#[pallet::storage]
	pub type MinProviderTier<T: Config> = StorageValue<_, Tier, ValueQuery, MinTierDefault>;

	/// The default: the 90-day tier.
	#[pallet::type_value]
	pub fn MinTierDefault() -> Tier {
		Tier::Days90
	}

	/// The smallest active stake (in `MinProviderTier` or above) of a provider.
	#[pallet::storage]
	pub type MinProviderStake<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// What each provider contributed in each era, until it claims.
	#[pallet::storage]
	pub type Contributions<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EraIndex,
		Blake2_128Concat,
		T::AccountId,
		Contribution,
		OptionQuery,
	>;

	/// Each region's totals in each era.
	#[pallet::storage]
	pub type RegionTotals<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EraIndex,
		Twox64Concat,
		RegionCode,
		RegionTotal,
		OptionQuery,
	>;

	/// Each era's totals.
	#[pallet::storage]
	pub type EraTotals<T: Config> = StorageMap<_, Twox64Concat, EraIndex, EraTotal, ValueQuery>;

	/// What claims have paid since genesis.
	#[pallet::storage]
	pub type TotalPaid<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Events of the mining pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A provider registered.
		ProviderRegistered {
			/// The provider.
			provider: T::AccountId,
			/// Its region.
			region: RegionCode,
		},
		/// A provider deregistered.
		ProviderDeregistered {
			/// The provider.
			provider: T::AccountId,
		},
		/// A consumer paid a provider for a compute job.
		JobPaid {
			/// Who paid.
			consumer: T::AccountId,
			/// Who did the job.
			provider: T::AccountId,
			/// What the provider received: the job's value, its compute contribution.
			amount: BalanceOf<T>,
			/// The compute-trade fee burned on top.
			fee_burned: BalanceOf<T>,
			/// The era it counts for.
			era: EraIndex,
			/// The consumer has compute priority (a 90-day-or-longer staker): serve first.
			priority: bool,
		},
		/// An oracle reported on a provider for the current era.
		Reported {
			/// The oracle.
			oracle: T::AccountId,
			/// The provider.
			provider: T::AccountId,
			/// The era.
			era: EraIndex,
			/// The provider's QoS factor for the era.
			qos: FixedU128,
			/// The provider's energy factor for the era.
			energy: FixedU128,
		},
		/// A provider claimed its reward for an era.
		RewardClaimed {
			/// The provider.
			provider: T::AccountId,
			/// The era.
			era: EraIndex,
			/// What it was paid.
			reward: BalanceOf<T>,
		},
		/// A new era began.
		NewEra {
			/// Its number.
			era: EraIndex,
			/// What it may pay in all.
			budget: BalanceOf<T>,
		},
		/// Governance authorised an oracle.
		OracleAdded {
			/// The oracle.
			oracle: T::AccountId,
		},
		/// Governance withdrew an oracle.
		OracleRemoved {
			/// The oracle.
			oracle: T::AccountId,
		},
		/// Governance changed the factors' bounds.
		FactorsSet {
			/// The new bounds.
			factors: FactorConfig,
		},
		/// Governance changed what stake a provider needs.
		ProviderStakeSet {
			/// The lowest tier that counts.
			tier: Tier,
			/// The smallest stake.
			amount: BalanceOf<T>,
		},
		/// Governance changed the era length (from the next era on).
		EraLengthSet {
			/// Blocks per era.
			blocks: BlockNumberFor<T>,
		},
	}

	/// Errors of the mining pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is a registered provider already.
		AlreadyRegistered,
		/// The account is not a registered provider.
		NotAProvider,
		/// The provider does not hold the stake providers need.
		InsufficientStake,
		/// The capacity description is longer than `MaxCapacityLen`.
		CapacityTooLong,
		/// A job of zero value.
		ZeroAmount,
		/// A provider cannot pay itself for a job.
		SelfPayment,
		/// The caller is not an authorised oracle.
		NotAnOracle,
		/// An oracle cannot report on itself.
		SelfReport,
		/// The account is an oracle already.
		AlreadyAnOracle,
		/// There are `MaxOracles` oracles already.
		TooManyOracles,
		/// The era has not ended yet.
		EraNotFinished,
		/// The era's claim window has closed.
		ClaimExpired,
		/// The provider has nothing to claim for the era.
		NothingToClaim,
		/// The factors' bounds are not valid (see `FactorConfig::is_valid`).
		InvalidFactors,
		/// An era needs at least one block.
		InvalidEraLength,
		/// A provider's minimum stake cannot be zero: that would let anyone register without
		/// a stake.
		ZeroProviderStake,
	}

	/// The mining parameters at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Blocks per era (one day of blocks on the BTT chain; shorter on test chains).
		pub era_length: BlockNumberFor<T>,
		/// The smallest active stake of a provider.
		pub min_provider_stake: BalanceOf<T>,
		/// The bounds of the score's factors; `None` for the defaults.
		pub factors: Option<FactorConfig>,
		/// Oracles authorised from genesis.
		pub oracles: alloc::vec::Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// A chain without a mining config (tests of other pallets) has no eras.
			if self.era_length.is_zero() {
				return;
			}
			EraLength::<T>::put(self.era_length);
			NextEraStart::<T>::put(self.era_length);
			assert!(
				!self.min_provider_stake.is_zero(),
				"a provider's minimum stake cannot be zero"
			);
			MinProviderStake::<T>::put(self.min_provider_stake);
			let factors = self.factors.unwrap_or_default();
			assert!(factors.is_valid(), "invalid mining factors");
			Factors::<T>::put(factors);
			assert!(self.oracles.len() as u32 <= T::MaxOracles::get(), "too many oracles");
			for oracle in &self.oracles {
				Oracles::<T>::insert(oracle, ());
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Starts the next era when its block comes: constant cost, whatever the number of
		/// providers.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let length = EraLength::<T>::get();
			if length.is_zero() || now < NextEraStart::<T>::get() {
				return T::WeightInfo::on_initialize_idle();
			}
			let era = CurrentEra::<T>::mutate(|era| {
				*era = era.saturating_add(1);
				*era
			});
			NextEraStart::<T>::put(now.saturating_add(length));
			Self::deposit_event(Event::NewEra { era, budget: Self::era_budget(era) });
			// Benchmarked with 10 to 10,000 providers: nothing iterates them, only the trie
			// deepens; charge the largest measured.
			T::WeightInfo::on_initialize_new_era(10_000)
		}

		fn integrity_test() {
			assert!(T::ErasPerPhase::get() > 0, "a phase has eras");
			assert!(T::MaxRegionsPerEra::get() > 0, "an era has regions");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers the caller as a compute provider in `region` (ISO 3166-1 numeric),
		/// describing its `capacity`. The caller must hold the stake providers need.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(
			origin: OriginFor<T>,
			region: RegionCode,
			capacity: alloc::vec::Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!Providers::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
			let capacity: BoundedVec<u8, T::MaxCapacityLen> =
				capacity.try_into().map_err(|_| Error::<T>::CapacityTooLong)?;
			Self::ensure_staked(&who)?;
			Providers::<T>::insert(
				&who,
				ProviderInfo {
					region,
					capacity,
					registered_at: frame_system::Pallet::<T>::block_number(),
				},
			);
			Self::deposit_event(Event::ProviderRegistered { provider: who, region });
			Ok(())
		}

		/// Deregisters the caller. Rewards of finished eras stay claimable.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::deregister())]
		pub fn deregister(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(Providers::<T>::contains_key(&who), Error::<T>::NotAProvider);
			Providers::<T>::remove(&who);
			Self::deposit_event(Event::ProviderDeregistered { provider: who });
			Ok(())
		}

		/// Pays `provider` `amount` for a compute job; the compute-trade fee is burned on top
		/// of it, from the caller. The amount counts as the provider's compute in this era.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::pay_for_job())]
		pub fn pay_for_job(
			origin: OriginFor<T>,
			provider: AccountIdLookupOf<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let consumer = ensure_signed(origin)?;
			let provider = T::Lookup::lookup(provider)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(consumer != provider, Error::<T>::SelfPayment);
			let info = Providers::<T>::get(&provider).ok_or(Error::<T>::NotAProvider)?;
			Self::ensure_staked(&provider)?;
			let era = CurrentEra::<T>::get();
			Self::add_compute(era, &provider, info.region, amount.saturated_into());
			let fee_burned = T::FeeBurner::pay_with_fee(
				&consumer,
				&provider,
				FeeCategory::ComputeTrade,
				amount,
			)?;
			let priority = T::Staking::has_compute_priority(&consumer);
			Self::deposit_event(Event::JobPaid {
				consumer,
				provider,
				amount,
				fee_burned,
				era,
				priority,
			});
			Ok(())
		}

		/// An oracle reports `provider`'s uptime, latency and energy efficiency in the
		/// current era. A later report for the same era replaces the earlier one.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::report())]
		pub fn report(
			origin: OriginFor<T>,
			provider: AccountIdLookupOf<T>,
			uptime: Permill,
			latency_ms: u32,
			energy_efficiency: Permill,
		) -> DispatchResult {
			let oracle = ensure_signed(origin)?;
			let provider = T::Lookup::lookup(provider)?;
			ensure!(Oracles::<T>::contains_key(&oracle), Error::<T>::NotAnOracle);
			ensure!(oracle != provider, Error::<T>::SelfReport);
			let info = Providers::<T>::get(&provider).ok_or(Error::<T>::NotAProvider)?;
			let factors = Factors::<T>::get();
			let qos = factors.qos_factor(uptime, latency_ms);
			let energy = factors.energy_factor(energy_efficiency);
			let era = CurrentEra::<T>::get();
			let mut contribution = Self::contribution_or_new(era, &provider, info.region);
			let old = contribution.weighted;
			contribution.qos = qos;
			contribution.energy = energy;
			contribution.weighted = factors::weighted_compute(contribution.compute, qos, energy);
			Self::adjust_region_weight(era, contribution.region, old, contribution.weighted);
			Contributions::<T>::insert(era, &provider, contribution);
			Self::deposit_event(Event::Reported { oracle, provider, era, qos, energy });
			Ok(())
		}

		/// Pays the caller its reward for the finished era `era`: the era's budget × its
		/// score / the era's total score.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::claim(T::MaxRegionsPerEra::get()))]
		pub fn claim(origin: OriginFor<T>, era: EraIndex) -> DispatchResultWithPostInfo {
			let provider = ensure_signed(origin)?;
			let current = CurrentEra::<T>::get();
			ensure!(era < current, Error::<T>::EraNotFinished);
			ensure!(era.saturating_add(T::ClaimWindow::get()) >= current, Error::<T>::ClaimExpired);
			let contribution =
				Contributions::<T>::get(era, &provider).ok_or(Error::<T>::NothingToClaim)?;
			// Unreported (or reported with no compute): no score, nothing to claim.
			ensure!(contribution.weighted > 0, Error::<T>::NothingToClaim);
			let mut total = EraTotals::<T>::get(era);
			let settling = total.settled.is_none();
			let (total_score, factors) = match total.settled {
				Some(settled) => settled,
				None => {
					let factors = Factors::<T>::get();
					let score = Self::era_score(era, &total, &factors);
					total.settled = Some((score, factors));
					(score, factors)
				}
			};
			// The region's part of the budget, then the provider's part of its region's: each
			// step rounds down once, so an era loses under a planck per region and provider.
			let region = RegionTotals::<T>::get(era, contribution.region).unwrap_or_default();
			let region_score = factors
				.geo_factor(region.compute, total.compute)
				.saturating_mul_int(region.weighted);
			let budget: u128 = Self::era_budget(era).saturated_into();
			let share = |amount: u128, part: u128, whole: u128| {
				multiply_by_rational_with_rounding(amount, part, whole, Rounding::Down).unwrap_or(0)
			};
			let region_budget = share(budget, region_score, total_score);
			let reward = share(region_budget, contribution.weighted, region.weighted)
				// Defensive: an era never pays more than its budget.
				.min(budget.saturating_sub(total.paid));
			Contributions::<T>::remove(era, &provider);
			total.paid = total.paid.saturating_add(reward);
			// The first claim of an era reads each of its regions.
			let regions_read = if settling { total.regions } else { 0 };
			EraTotals::<T>::insert(era, total);
			let reward: BalanceOf<T> = reward.saturated_into();
			if !reward.is_zero() {
				let pool = T::MiningPool::get();
				T::Currency::transfer(&pool, &provider, reward, Preservation::Expendable)?;
				T::OnPoolSpend::spent(&pool, reward);
				TotalPaid::<T>::mutate(|paid| *paid = paid.saturating_add(reward));
			}
			Self::deposit_event(Event::RewardClaimed { provider, era, reward });
			Ok(Some(T::WeightInfo::claim(regions_read)).into())
		}

		/// Authorises `oracle` to report on providers.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_oracle())]
		pub fn add_oracle(origin: OriginFor<T>, oracle: AccountIdLookupOf<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let oracle = T::Lookup::lookup(oracle)?;
			ensure!(!Oracles::<T>::contains_key(&oracle), Error::<T>::AlreadyAnOracle);
			ensure!(Oracles::<T>::count() < T::MaxOracles::get(), Error::<T>::TooManyOracles);
			Oracles::<T>::insert(&oracle, ());
			Self::deposit_event(Event::OracleAdded { oracle });
			Ok(())
		}

		/// Withdraws `oracle`'s authorisation.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_oracle())]
		pub fn remove_oracle(origin: OriginFor<T>, oracle: AccountIdLookupOf<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let oracle = T::Lookup::lookup(oracle)?;
			ensure!(Oracles::<T>::contains_key(&oracle), Error::<T>::NotAnOracle);
			Oracles::<T>::remove(&oracle);
			Self::deposit_event(Event::OracleRemoved { oracle });
			Ok(())
		}

		/// Sets the bounds of the score's factors. Reports already made keep their factors;
		/// eras not yet claimed use the new geography bounds.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_factors())]
		pub fn set_factors(origin: OriginFor<T>, factors: FactorConfig) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(factors.is_valid(), Error::<T>::InvalidFactors);
			Factors::<T>::put(factors);
			Self::deposit_event(Event::FactorsSet { factors });
			Ok(())
		}

		/// Sets the stake a provider needs: at least `amount` in `tier` or a longer tier.
		/// Only the governance origin (the economic-parameters track).
		///
		/// Fails with [`Error::ZeroProviderStake`] for an `amount` of zero: every provider
		/// holds a stake (registered providers keep their registration either way; the new
		/// minimum applies to registrations and job payments from now on).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_provider_stake())]
		pub fn set_provider_stake(
			origin: OriginFor<T>,
			tier: Tier,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroProviderStake);
			MinProviderTier::<T>::put(tier);
			MinProviderStake::<T>::put(amount);
			Self::deposit_event(Event::ProviderStakeSet { tier, amount });
			Ok(())
		}

		/// Sets the era length in blocks, from the next era on.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_era_length())]
		pub fn set_era_length(origin: OriginFor<T>, blocks: BlockNumberFor<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(!blocks.is_zero(), Error::<T>::InvalidEraLength);
			EraLength::<T>::put(blocks);
			Self::deposit_event(Event::EraLengthSet { blocks });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The emission's phase totals in plancks.
		fn phase_totals() -> [u128; 4] {
			T::PhaseTotals::get().map(|total| total.saturated_into::<u128>())
		}

		/// What era `era` may pay in all.
		pub fn era_budget(era: EraIndex) -> BalanceOf<T> {
			emission::era_budget(era, T::ErasPerPhase::get(), &Self::phase_totals())
				.saturated_into()
		}

		/// What the emission may have paid by `block`, with the current era length: the
		/// mining row's projection for btt-vesting.
		pub fn emitted_by(block: BlockNumberFor<T>) -> BalanceOf<T> {
			let length = EraLength::<T>::get();
			if length.is_zero() {
				return Zero::zero();
			}
			let era: u32 = (block / length).saturated_into();
			emission::cumulative_cap(era, T::ErasPerPhase::get(), &Self::phase_totals())
				.saturated_into()
		}

		/// The first block from which the emission pays nothing, with the current era
		/// length.
		pub fn emission_end() -> BlockNumberFor<T> {
			let eras = emission::end_era(T::ErasPerPhase::get(), T::PhaseTotals::get().len());
			EraLength::<T>::get().saturating_mul(eras.into())
		}

		/// Whether `who` holds the stake a provider needs.
		fn ensure_staked(who: &T::AccountId) -> DispatchResult {
			// The minimum is never zero on a chain with mining (genesis and
			// `set_provider_stake` refuse it), so a provider always holds a stake.
			let stake = T::Staking::active_stake(who, MinProviderTier::<T>::get());
			ensure!(stake >= MinProviderStake::<T>::get(), Error::<T>::InsufficientStake);
			Ok(())
		}

		/// The provider's contribution in `era`, or a new one in `region`, counting the
		/// region in the era if it is new. The last of the era's `MaxRegionsPerEra` slots is
		/// kept for [`OTHER_REGION`]: a provider from a region beyond the bound counts there,
		/// so a payment never fails on this bookkeeping.
		fn contribution_or_new(
			era: EraIndex,
			provider: &T::AccountId,
			region: RegionCode,
		) -> Contribution {
			if let Some(contribution) = Contributions::<T>::get(era, provider) {
				return contribution;
			}
			let mut region = region;
			if !RegionTotals::<T>::contains_key(era, region) {
				let mut total = EraTotals::<T>::get(era);
				if region != OTHER_REGION
					&& total.regions.saturating_add(1) >= T::MaxRegionsPerEra::get()
				{
					region = OTHER_REGION;
				}
				if !RegionTotals::<T>::contains_key(era, region) {
					total.regions = total.regions.saturating_add(1);
					EraTotals::<T>::insert(era, total);
					RegionTotals::<T>::insert(era, region, RegionTotal::default());
				}
			}
			// Nothing is scored until an oracle reports on the provider.
			Contribution {
				region,
				compute: 0,
				qos: FixedU128::zero(),
				energy: FixedU128::zero(),
				weighted: 0,
			}
		}

		/// Adds a job's value to the provider's, its region's and the era's compute.
		fn add_compute(era: EraIndex, provider: &T::AccountId, region: RegionCode, amount: u128) {
			let mut contribution = Self::contribution_or_new(era, provider, region);
			let old = contribution.weighted;
			contribution.compute = contribution.compute.saturating_add(amount);
			contribution.weighted = factors::weighted_compute(
				contribution.compute,
				contribution.qos,
				contribution.energy,
			);
			RegionTotals::<T>::mutate(era, contribution.region, |total| {
				let total = total.get_or_insert_with(Default::default);
				total.compute = total.compute.saturating_add(amount);
			});
			EraTotals::<T>::mutate(era, |total| {
				total.compute = total.compute.saturating_add(amount)
			});
			Self::adjust_region_weight(era, contribution.region, old, contribution.weighted);
			Contributions::<T>::insert(era, provider, contribution);
		}

		fn adjust_region_weight(era: EraIndex, region: RegionCode, old: u128, new: u128) {
			RegionTotals::<T>::mutate(era, region, |total| {
				let total = total.get_or_insert_with(Default::default);
				total.weighted = total.weighted.saturating_sub(old).saturating_add(new);
			});
		}

		/// The era's total score: Σ over its regions of geography factor × weighted compute.
		fn era_score(era: EraIndex, total: &EraTotal, factors: &FactorConfig) -> u128 {
			// At most `MaxRegionsPerEra` entries.
			RegionTotals::<T>::iter_prefix_values(era).fold(0u128, |sum, region| {
				sum.saturating_add(
					factors
						.geo_factor(region.compute, total.compute)
						.saturating_mul_int(region.weighted),
				)
			})
		}

		/// The invariants: nothing was paid beyond the emission so far, no era paid beyond
		/// its budget, the pool still holds the rest of its row, and (on a chain with
		/// mining) a provider's minimum stake is not zero.
		///
		/// Iterates the era totals: for `try_state` and the tests only.
		pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			let mut paid: u128 = 0;
			for (era, total) in EraTotals::<T>::iter() {
				ensure!(
					total.paid <= Self::era_budget(era).saturated_into::<u128>(),
					"an era paid more than its budget"
				);
				paid = paid.saturating_add(total.paid);
			}
			let current = CurrentEra::<T>::get();
			let totals = Self::phase_totals();
			let cap = emission::cumulative_cap(current, T::ErasPerPhase::get(), &totals);
			ensure!(paid <= cap, "claims paid more than the emission cap");
			ensure!(
				TotalPaid::<T>::get().saturated_into::<u128>() == paid,
				"TotalPaid is not the sum of the eras' payments"
			);
			ensure!(Oracles::<T>::count() <= T::MaxOracles::get(), "too many oracles");
			// On a chain with mining, the pool still holds what was not paid, and a provider
			// needs a stake.
			if !EraLength::<T>::get().is_zero() {
				ensure!(
					!MinProviderStake::<T>::get().is_zero(),
					"a provider's minimum stake is zero"
				);
				let row: u128 = totals.iter().fold(0u128, |sum, total| sum.saturating_add(*total));
				let pool: u128 = T::Currency::total_balance(&T::MiningPool::get()).saturated_into();
				ensure!(
					pool.saturating_add(paid) >= row,
					"the mining pool holds less than its row minus what it paid"
				);
			}
			Ok(())
		}
	}
}
