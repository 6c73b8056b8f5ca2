#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod emission;
pub mod factors;
pub mod migrations;
pub mod views;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use factors::FactorConfig;
pub use pallet::*;
pub use views::{EraView, ProviderView};

/// Gives benchmark accounts the stakes of the worst case: as many staking positions as an
/// account may hold, so that every stake lookup reads all of them.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Gives `who` the most staking positions an account may hold, each at least the
	/// provider tier.
	fn stake_max_positions(who: &AccountId);
}

#[cfg(feature = "runtime-benchmarks")]
impl<AccountId> BenchmarkHelper<AccountId> for () {
	fn stake_max_positions(_: &AccountId) {}
}
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

/// A region: its ISO 3166-1 numeric country code (e.g. 156 China, 840 United States).
pub type RegionCode = u16;

/// Where compute from regions beyond an era's `MaxRegionsPerEra` is counted (0 is no ISO
/// 3166-1 code, and can never be listed).
pub const OTHER_REGION: RegionCode = 0;

/// The largest ISO 3166-1 numeric code (three digits).
pub const MAX_REGION_CODE: RegionCode = 999;

/// The regions listed at genesis unless the chain spec says otherwise (ISO 3166-1
/// numeric): where the network starts — China and its neighbours in East and South-East
/// Asia — and the major economies of every continent.
#[rustfmt::skip]
pub const DEFAULT_REGIONS: &[RegionCode] = &[
	// East Asia: China, Hong Kong, Macao, Taiwan, Japan, South Korea.
	156, 344, 446, 158, 392, 410,
	// South-East and South Asia: Singapore, Malaysia, Thailand, Viet Nam, Indonesia,
	// Philippines, India.
	702, 458, 764, 704, 360, 608, 356,
	// Oceania: Australia, New Zealand.
	36, 554,
	// Middle East: United Arab Emirates, Saudi Arabia, Israel, Türkiye, Egypt.
	784, 682, 376, 792, 818,
	// Americas: United States, Canada, Mexico, Brazil, Argentina, Chile.
	840, 124, 484, 76, 32, 152,
	// Europe: United Kingdom, Ireland, France, Germany, Netherlands, Belgium, Switzerland,
	// Austria, Italy, Spain, Portugal, Sweden, Norway, Denmark, Finland, Poland.
	826, 372, 250, 276, 528, 56, 756, 40, 380, 724, 620, 752, 578, 208, 246, 616,
	// Africa: South Africa, Nigeria, Kenya.
	710, 566, 404,
];

/// Whether `region` can be listed: a three-digit ISO 3166-1 numeric code, not 0.
pub fn is_valid_region(region: RegionCode) -> bool {
	region != OTHER_REGION && region <= MAX_REGION_CODE
}

/// The bound on a pruning cursor (a storage key), in bytes.
pub const MAX_CURSOR_LEN: u32 = 256;

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
		traits::{One, Saturating, StaticLookup, Zero},
		FixedPointNumber, FixedU128, Permill, Rounding, SaturatedConversion,
	};
	use scale_info::TypeInfo;

	/// The storage version: 1 since the verified-consumer, oracle-quorum, region-list,
	/// fixed-calendar and pruning model (no migration: no chain ran version 0).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// The balance type of the chain's currency.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// The account lookup of the chain (an address or an index).
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

	/// An era's number, from 0 at launch.
	pub type EraIndex = u32;

	/// A registered provider.
	#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
	#[scale_info(skip_type_params(T))]
	pub struct ProviderInfo<T: Config> {
		/// Where its capacity is: a listed region.
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
		/// The value of the jobs verified consumers paid it for within their allowances,
		/// in plancks.
		pub compute: u128,
		/// Its QoS factor: the median of the oracles' reports (0 without the quorum).
		pub qos: FixedU128,
		/// Its energy factor: the median of the oracles' reports (0 without the quorum).
		pub energy: FixedU128,
		/// `compute × qos × energy`.
		pub weighted: u128,
	}

	impl Contribution {
		/// The compute that counts for the era's and the region's totals (and so for the
		/// geography factor): all of it with the oracle quorum, none without.
		pub fn scored(&self) -> u128 {
			if self.qos.is_zero() {
				0
			} else {
				self.compute
			}
		}
	}

	/// One oracle's report on a provider for an era, as factors.
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub struct OracleReport<AccountId> {
		/// The oracle.
		pub oracle: AccountId,
		/// The QoS factor of its report.
		pub qos: FixedU128,
		/// The energy factor of its report.
		pub energy: FixedU128,
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
		/// Scored compute delivered from the region.
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
		/// Scored compute delivered in the era.
		pub compute: u128,
		/// Regions with a total in the era.
		pub regions: u32,
		/// The era's total score and the geography bounds it was computed with, fixed by
		/// the era's first claim.
		pub settled: Option<(u128, FactorConfig)>,
		/// What claims have paid for the era.
		pub paid: u128,
	}

	/// Which per-era map the pruning is clearing.
	#[derive(
		Clone,
		Copy,
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
	pub enum PruneStage {
		/// `Contributions` of the era.
		#[default]
		Contributions,
		/// `Reports` of the era.
		Reports,
		/// `RegionTotals` of the era, then its `EraTotals` entry.
		Regions,
	}

	/// Where the pruning of expired eras stands.
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
	pub struct PruneState {
		/// The oldest era not yet pruned: every era before it holds no key.
		pub era: EraIndex,
		/// The map being cleared.
		pub stage: PruneStage,
		/// Where the clearing of that map stopped.
		pub cursor: Option<BoundedVec<u8, ConstU32<MAX_CURSOR_LEN>>>,
	}

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the BTT mining pallet.
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

		/// Blocks in a day, the length of an era: the chain's genesis day length (14,400
		/// blocks in production; a few blocks on test chains). Era `e` covers blocks
		/// `[e·Day, (e+1)·Day)`. Read-only: no call changes it. (Not a metadata constant:
		/// the runtime reads it from genesis storage.)
		type Day: Get<BlockNumberFor<Self>>;

		/// Eras in a phase: two years of eras (730 daily eras).
		#[pallet::constant]
		type ErasPerPhase: Get<u32>;

		/// For how many eras after its end an era's rewards may be claimed; older eras are
		/// pruned.
		#[pallet::constant]
		type ClaimWindow: Get<u32>;

		/// Bound on the distinct regions with compute in one era.
		#[pallet::constant]
		type MaxRegionsPerEra: Get<u32>;

		/// Bound on the list of regions providers may register in.
		#[pallet::constant]
		type MaxRegions: Get<u32>;

		/// Bound on a provider's capacity description, in bytes.
		#[pallet::constant]
		type MaxCapacityLen: Get<u32>;

		/// Bound on the authorised oracles, and on the reports kept per provider and era.
		#[pallet::constant]
		type MaxOracles: Get<u32>;

		/// The most storage keys the block hook removes (or looks at) in one block while
		/// pruning expired eras.
		#[pallet::constant]
		type PruneLimit: Get<u32>;

		/// Authorises oracles, grants compute allowances, keeps the region list and tunes
		/// the parameters (the economic-parameters track, or the council while it acts).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Sets up the worst-case stakes of providers and consumers in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Registered providers.
	#[pallet::storage]
	pub type Providers<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, ProviderInfo<T>, OptionQuery>;

	/// Accounts allowed to report on providers.
	#[pallet::storage]
	pub type Oracles<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, (), OptionQuery>;

	/// How many distinct oracles must report on a provider in an era for it to score (set
	/// at genesis; at most `MaxOracles`).
	#[pallet::storage]
	pub type MinOracleReports<T: Config> =
		StorageValue<_, u32, ValueQuery, MinOracleReportsDefault>;

	/// The default quorum: three oracles.
	#[pallet::type_value]
	pub fn MinOracleReportsDefault() -> u32 {
		3
	}

	/// Verified consumers and their remaining compute allowance (in plancks of jobs that
	/// may still score). An account is a verified consumer while it has an entry; entries
	/// are never zero.
	#[pallet::storage]
	pub type ConsumerAllowances<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>, OptionQuery>;

	/// The regions providers may register in (ISO 3166-1 numeric codes).
	#[pallet::storage]
	pub type Regions<T: Config> = CountedStorageMap<_, Twox64Concat, RegionCode, (), OptionQuery>;

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

	/// What each provider contributed in each era, until it claims or the era is pruned.
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

	/// The oracles' reports on each provider in each era (one per oracle, at most
	/// `MaxOracles`), until it claims or the era is pruned.
	#[pallet::storage]
	pub type Reports<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EraIndex,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<OracleReport<T::AccountId>, T::MaxOracles>,
		ValueQuery,
	>;

	/// Each region's totals in each era, until the era is pruned.
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

	/// Each era's totals, until the era is pruned.
	#[pallet::storage]
	pub type EraTotals<T: Config> = StorageMap<_, Twox64Concat, EraIndex, EraTotal, ValueQuery>;

	/// What claims have paid since genesis.
	#[pallet::storage]
	pub type TotalPaid<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Where the pruning of expired eras stands.
	#[pallet::storage]
	pub type Pruning<T: Config> = StorageValue<_, PruneState, ValueQuery>;

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
			/// What the provider received.
			amount: BalanceOf<T>,
			/// The compute-trade fee burned on top.
			fee_burned: BalanceOf<T>,
			/// The era it was paid in.
			era: EraIndex,
			/// The part of `amount` that counts as the provider's compute: what was left of
			/// the consumer's allowance (0 for unverified consumers, for a provider whose
			/// region is no longer listed and after the emission's end).
			scored: BalanceOf<T>,
			/// The consumer has compute priority (a 90-day-or-longer staker): serve first.
			priority: bool,
		},
		/// A verified consumer's job used part of its compute allowance.
		AllowanceUsed {
			/// The consumer.
			consumer: T::AccountId,
			/// The provider the job was for.
			provider: T::AccountId,
			/// What the job used.
			used: BalanceOf<T>,
			/// What is left (0: the consumer is no longer verified).
			remaining: BalanceOf<T>,
		},
		/// An oracle reported on a provider for the current era.
		Reported {
			/// The oracle.
			oracle: T::AccountId,
			/// The provider.
			provider: T::AccountId,
			/// The era.
			era: EraIndex,
			/// The QoS factor of this report.
			qos: FixedU128,
			/// The energy factor of this report.
			energy: FixedU128,
			/// How many distinct oracles have reported on the provider in the era.
			reports: u32,
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
		/// An expired era's bookkeeping was removed.
		EraPruned {
			/// The era.
			era: EraIndex,
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
		/// Governance set a consumer's compute allowance (0: revoked).
		ConsumerAllowanceSet {
			/// The consumer.
			consumer: T::AccountId,
			/// Its allowance from now on.
			allowance: BalanceOf<T>,
		},
		/// Governance listed a region.
		RegionAdded {
			/// The region.
			region: RegionCode,
		},
		/// Governance delisted a region.
		RegionRemoved {
			/// The region.
			region: RegionCode,
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
		/// A provider's minimum stake cannot be zero: that would let anyone register without
		/// a stake.
		ZeroProviderStake,
		/// The account is a registered provider: it cannot be a verified consumer.
		ConsumerIsProvider,
		/// The account is an oracle: it cannot be a verified consumer.
		ConsumerIsOracle,
		/// The account is a verified consumer (it holds a compute allowance): it cannot be
		/// a provider or an oracle.
		VerifiedConsumer,
		/// The account holds no compute allowance: there is nothing to revoke.
		NotAVerifiedConsumer,
		/// The region is not on the list of regions.
		UnknownRegion,
		/// The region is on the list already.
		RegionAlreadyListed,
		/// The list holds `MaxRegions` regions already.
		TooManyRegions,
		/// Not an ISO 3166-1 numeric code (1 to 999).
		InvalidRegion,
		/// `MaxOracles` oracles have reported on the provider in this era already (oracles
		/// were replaced during the era).
		TooManyReports,
		/// The emission has ended: there is nothing left to report for.
		EmissionEnded,
		/// An authorised oracle cannot register as a provider: it would report on itself.
		OracleCannotProvide,
		/// A registered provider cannot be authorised as an oracle: it would report on its
		/// own capacity.
		ProviderCannotBeOracle,
	}

	/// The mining parameters at genesis.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The smallest active stake of a provider (not zero). The default, the existential
		/// deposit, only keeps a bare default genesis buildable: chain specs set their own
		/// (5,000 BTT on the BTT chain), and the staking tiers' own minimums apply anyway.
		pub min_provider_stake: BalanceOf<T>,
		/// The bounds of the score's factors; `None` for the defaults.
		pub factors: Option<FactorConfig>,
		/// Oracles authorised from genesis.
		pub oracles: alloc::vec::Vec<T::AccountId>,
		/// The regions providers may register in (ISO 3166-1 numeric); by default
		/// [`DEFAULT_REGIONS`].
		pub regions: alloc::vec::Vec<RegionCode>,
		/// How many distinct oracles must report on a provider in an era (1 to
		/// `MaxOracles`; by default 3).
		pub min_oracle_reports: u32,
		/// Verified consumers from genesis and their compute allowances.
		pub consumer_allowances: alloc::vec::Vec<(T::AccountId, BalanceOf<T>)>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self {
				min_provider_stake: T::Currency::minimum_balance().max(One::one()),
				factors: None,
				oracles: alloc::vec::Vec::new(),
				regions: DEFAULT_REGIONS.to_vec(),
				min_oracle_reports: MinOracleReportsDefault::get(),
				consumer_allowances: alloc::vec::Vec::new(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
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
			assert!(
				self.min_oracle_reports >= 1 && self.min_oracle_reports <= T::MaxOracles::get(),
				"min_oracle_reports must be between 1 and MaxOracles"
			);
			MinOracleReports::<T>::put(self.min_oracle_reports);
			for region in &self.regions {
				assert!(is_valid_region(*region), "a genesis region is not an ISO 3166-1 code");
				Regions::<T>::insert(region, ());
			}
			assert!(Regions::<T>::count() <= T::MaxRegions::get(), "too many genesis regions");
			for (consumer, allowance) in &self.consumer_allowances {
				assert!(
					!Oracles::<T>::contains_key(consumer),
					"a verified consumer cannot be an oracle"
				);
				assert!(!allowance.is_zero(), "a genesis compute allowance cannot be zero");
				ConsumerAllowances::<T>::insert(consumer, allowance);
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Announces the era that starts at this block, if one does, and removes up to
		/// `PruneLimit` keys of expired eras. Constant cost, whatever the number of
		/// providers or eras.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let mut weight = T::WeightInfo::on_initialize_idle();
			let day = T::Day::get();
			if day.is_zero() {
				return weight;
			}
			if !now.is_zero() && (now % day).is_zero() {
				let era = Self::era_of(now);
				Self::deposit_event(Event::NewEra { era, budget: Self::era_budget(era) });
				// Benchmarked with 10 to 10,000 providers: nothing iterates them; charge the
				// largest measured.
				weight = weight.saturating_add(T::WeightInfo::on_initialize_new_era(10_000));
			}
			let used = Self::prune(Self::era_of(now));
			if used > 0 {
				weight = weight.saturating_add(T::WeightInfo::on_initialize_prune(used));
			}
			weight
		}

		fn integrity_test() {
			assert!(!T::Day::get().is_zero(), "a day has blocks");
			assert!(T::ErasPerPhase::get() > 0, "a phase has eras");
			assert!(T::MaxRegionsPerEra::get() > 0, "an era has regions");
			assert!(T::MaxOracles::get() > 0, "oracles can be authorised");
			assert!(T::PruneLimit::get() > 0, "expired eras can be pruned");
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
		/// Registers the caller as a compute provider in `region` (an ISO 3166-1 numeric
		/// code on the governance-kept list), describing its `capacity`. The caller must hold
		/// the stake providers need.
		///
		/// Fails with [`Error::UnknownRegion`] for a region not on the list and with
		/// [`Error::VerifiedConsumer`] for an account holding a compute allowance.
		///
		/// - Origin: signed (any account that is not already a provider, nor an oracle or a
		///   verified consumer).
		/// - Emits: `ProviderRegistered`.
		/// - Errors: `AlreadyRegistered`, `UnknownRegion`, `VerifiedConsumer`,
		///   `OracleCannotProvide`, `CapacityTooLong`, `InsufficientStake`.
		/// - Complexity: O(P) with P = the caller's staking positions, read for its active
		///   stake (bounded by btt-staking's `MaxPositions`; the weight assumes the most).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(
			origin: OriginFor<T>,
			region: RegionCode,
			capacity: alloc::vec::Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!Providers::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
			ensure!(Regions::<T>::contains_key(region), Error::<T>::UnknownRegion);
			ensure!(!ConsumerAllowances::<T>::contains_key(&who), Error::<T>::VerifiedConsumer);
			ensure!(!Oracles::<T>::contains_key(&who), Error::<T>::OracleCannotProvide);
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
		///
		/// - Origin: signed: a registered provider.
		/// - Emits: `ProviderDeregistered`.
		/// - Errors: `NotAProvider`.
		/// - Complexity: O(1).
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
		/// of it, from the caller.
		///
		/// The job counts as the provider's compute in this era only up to the caller's
		/// remaining compute allowance, which it uses up (`JobPaid.scored`,
		/// `AllowanceUsed`). Jobs of consumers without an allowance, jobs for a provider
		/// whose region is no longer listed and jobs after the emission's end still pay the
		/// provider and burn the fee, but score nothing and record nothing for mining.
		///
		/// - Origin: signed (any account but the provider): the consumer, who pays.
		/// - Emits: `AllowanceUsed` (when the job scores: a verified consumer, a listed region,
		///   before the emission's end), then `JobPaid`; btt-burn emits `PaymentSettled` and
		///   `Burned` for the fee.
		/// - Errors: `ZeroAmount`, `SelfPayment`, `NotAProvider`, `InsufficientStake` (the
		///   provider's stake), and btt-burn's `InsufficientBalance`,
		///   `DestinationBelowMinimum` and `Overflow`.
		/// - Complexity: O(P + K) with P = the staking positions of the provider and of the
		///   caller (each bounded by btt-staking's `MaxPositions`) and K = the oracle reports
		///   on the provider this era (≤ `MaxOracles`; the provider's first scored job of the
		///   era computes their medians). Nothing iterates over providers.
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
			let fee_burned = T::FeeBurner::pay_with_fee(
				&consumer,
				&provider,
				FeeCategory::ComputeTrade,
				amount,
			)?;
			let era = Self::current_era();
			let mut scored: BalanceOf<T> = Zero::zero();
			if era < Self::end_era() && Regions::<T>::contains_key(info.region) {
				if let Some(allowance) = ConsumerAllowances::<T>::get(&consumer) {
					scored = amount.min(allowance);
					let remaining = allowance.saturating_sub(scored);
					if remaining.is_zero() {
						ConsumerAllowances::<T>::remove(&consumer);
					} else {
						ConsumerAllowances::<T>::insert(&consumer, remaining);
					}
					Self::add_compute(era, &provider, info.region, scored.saturated_into());
					Self::deposit_event(Event::AllowanceUsed {
						consumer: consumer.clone(),
						provider: provider.clone(),
						used: scored,
						remaining,
					});
				}
			}
			let priority = T::Staking::has_compute_priority(&consumer);
			Self::deposit_event(Event::JobPaid {
				consumer,
				provider,
				amount,
				fee_burned,
				era,
				scored,
				priority,
			});
			Ok(())
		}

		/// An oracle reports `provider`'s uptime, latency and energy efficiency in the
		/// current era. A later report by the same oracle for the same era replaces its
		/// earlier one. The provider's factors are the medians of the reports of at least
		/// `MinOracleReports` distinct oracles; with fewer it scores nothing for the era.
		///
		/// Fails with [`Error::NotAnOracle`], [`Error::SelfReport`] (an oracle reporting on
		/// itself), [`Error::NotAProvider`], [`Error::EmissionEnded`] (after year 8) and
		/// [`Error::TooManyReports`] (more than `MaxOracles` distinct reporters in an era).
		///
		/// - Origin: signed: an authorised oracle.
		/// - Emits: `Reported`.
		/// - Errors: `NotAnOracle`, `SelfReport`, `NotAProvider`, `EmissionEnded`,
		///   `TooManyReports`.
		/// - Complexity: O(K) storage reads and a sort of K values, with K = the reports on
		///   the provider this era (≤ `MaxOracles`): each reporter is checked against
		///   `Oracles`, and the medians are recomputed.
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
			ensure!(Providers::<T>::contains_key(&provider), Error::<T>::NotAProvider);
			let era = Self::current_era();
			ensure!(era < Self::end_era(), Error::<T>::EmissionEnded);
			let factors = Factors::<T>::get();
			let qos = factors.qos_factor(uptime, latency_ms);
			let energy = factors.energy_factor(energy_efficiency);
			let mut reports = Reports::<T>::get(era, &provider);
			// Reports of oracles governance has removed since no longer count, and free
			// their slots (at most `MaxOracles` reads).
			reports.retain(|r| Oracles::<T>::contains_key(&r.oracle));
			let report = OracleReport { oracle: oracle.clone(), qos, energy };
			match reports.iter_mut().find(|r| r.oracle == oracle) {
				Some(earlier) => *earlier = report,
				None => reports.try_push(report).map_err(|_| Error::<T>::TooManyReports)?,
			}
			let count = reports.len() as u32;
			if let Some(old) = Contributions::<T>::get(era, &provider) {
				let (qos, energy) = Self::quorum_factors(&reports);
				let mut new = old.clone();
				new.qos = qos;
				new.energy = energy;
				new.weighted = factors::weighted_compute(new.compute, qos, energy);
				Self::store_contribution(era, &provider, &old, new);
			}
			Reports::<T>::insert(era, &provider, reports);
			Self::deposit_event(Event::Reported {
				oracle,
				provider,
				era,
				qos,
				energy,
				reports: count,
			});
			Ok(())
		}

		/// Pays the caller its reward for the finished era `era`: the era's budget × its
		/// score / the era's total score.
		///
		/// - Origin: signed: the provider whose contribution it is (registered or not any
		///   more).
		/// - Emits: `RewardClaimed`.
		/// - Errors: `EraNotFinished`, `ClaimExpired` (older than `ClaimWindow` eras),
		///   `NothingToClaim` (no contribution, or no score without the oracle quorum).
		/// - Complexity: O(R) with R = the era's regions (≤ `MaxRegionsPerEra`), read only by
		///   the era's first claim, which fixes the era's total score; later claims are O(1).
		///   The weight charges `MaxRegionsPerEra` and refunds the regions not read.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::claim(T::MaxRegionsPerEra::get()))]
		pub fn claim(origin: OriginFor<T>, era: EraIndex) -> DispatchResultWithPostInfo {
			let provider = ensure_signed(origin)?;
			let current = Self::current_era();
			ensure!(era < current, Error::<T>::EraNotFinished);
			ensure!(era.saturating_add(T::ClaimWindow::get()) >= current, Error::<T>::ClaimExpired);
			let contribution =
				Contributions::<T>::get(era, &provider).ok_or(Error::<T>::NothingToClaim)?;
			// Without the quorum (or without compute): no score, nothing to claim.
			ensure!(contribution.weighted > 0, Error::<T>::NothingToClaim);
			let mut total = EraTotals::<T>::get(era);
			let settling = total.settled.is_none();
			total.settled = Some(Self::era_settlement(era, &total));
			let reward = Self::reward_of(era, &contribution, &total);
			Contributions::<T>::remove(era, &provider);
			Reports::<T>::remove(era, &provider);
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

		/// Authorises `oracle` to report on providers. Only the governance origin.
		///
		/// Fails with [`Error::AlreadyAnOracle`], [`Error::TooManyOracles`] and
		/// [`Error::VerifiedConsumer`] (an account holding a compute allowance).
		///
		/// - Origin: `T::GovernanceOrigin` (the economic-parameters track; in the BTT runtime
		///   also root, or two thirds of the council before its sunset block).
		/// - Emits: `OracleAdded`.
		/// - Errors: `AlreadyAnOracle`, `VerifiedConsumer`, `ProviderCannotBeOracle`,
		///   `TooManyOracles`.
		/// - Complexity: O(1).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_oracle())]
		pub fn add_oracle(origin: OriginFor<T>, oracle: AccountIdLookupOf<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let oracle = T::Lookup::lookup(oracle)?;
			ensure!(!Oracles::<T>::contains_key(&oracle), Error::<T>::AlreadyAnOracle);
			ensure!(!ConsumerAllowances::<T>::contains_key(&oracle), Error::<T>::VerifiedConsumer);
			ensure!(!Providers::<T>::contains_key(&oracle), Error::<T>::ProviderCannotBeOracle);
			ensure!(Oracles::<T>::count() < T::MaxOracles::get(), Error::<T>::TooManyOracles);
			Oracles::<T>::insert(&oracle, ());
			Self::deposit_event(Event::OracleAdded { oracle });
			Ok(())
		}

		/// Withdraws `oracle`'s authorisation. Its reports of the current era stop counting
		/// at the next report on the same provider (which recomputes the medians without
		/// them); until then they stay in the provider's medians.
		///
		/// - Origin: `T::GovernanceOrigin` (the economic-parameters track; in the BTT runtime
		///   also root, or two thirds of the council before its sunset block).
		/// - Emits: `OracleRemoved`.
		/// - Errors: `NotAnOracle`.
		/// - Complexity: O(1).
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
		///
		/// - Origin: `T::GovernanceOrigin` (the economic-parameters track; in the BTT runtime
		///   also root, or two thirds of the council before its sunset block).
		/// - Emits: `FactorsSet`.
		/// - Errors: `InvalidFactors`.
		/// - Complexity: O(1).
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
		///
		/// - Origin: `T::GovernanceOrigin` (the economic-parameters track; in the BTT runtime
		///   also root, or two thirds of the council before its sunset block).
		/// - Emits: `ProviderStakeSet`.
		/// - Errors: `ZeroProviderStake`.
		/// - Complexity: O(1).
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

		// Call index 9 (`set_era_length`) is retired: the calendar is not a parameter.

		/// Makes `consumer` a verified consumer (a hospital or institution) with a compute
		/// `allowance`: the value of jobs it pays that may still count as providers'
		/// compute. Replaces any allowance it has; `0` revokes it. Only the governance
		/// origin (the economic-parameters track, or the council while it acts).
		///
		/// Fails with [`Error::ConsumerIsProvider`] for a registered provider,
		/// [`Error::ConsumerIsOracle`] for an oracle, and [`Error::NotAVerifiedConsumer`]
		/// when revoking from an account that holds no allowance.
		///
		/// - Origin: `T::GovernanceOrigin` (the economic-parameters track; in the BTT runtime
		///   also root, or two thirds of the council before its sunset block).
		/// - Emits: `ConsumerAllowanceSet` (an allowance of 0: revoked).
		/// - Errors: `NotAVerifiedConsumer` (revoking), `ConsumerIsProvider`,
		///   `ConsumerIsOracle` (granting).
		/// - Complexity: O(1).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_consumer_allowance())]
		pub fn set_consumer_allowance(
			origin: OriginFor<T>,
			consumer: AccountIdLookupOf<T>,
			#[pallet::compact] allowance: BalanceOf<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let consumer = T::Lookup::lookup(consumer)?;
			if allowance.is_zero() {
				ensure!(
					ConsumerAllowances::<T>::contains_key(&consumer),
					Error::<T>::NotAVerifiedConsumer
				);
				ConsumerAllowances::<T>::remove(&consumer);
			} else {
				ensure!(!Providers::<T>::contains_key(&consumer), Error::<T>::ConsumerIsProvider);
				ensure!(!Oracles::<T>::contains_key(&consumer), Error::<T>::ConsumerIsOracle);
				ConsumerAllowances::<T>::insert(&consumer, allowance);
			}
			Self::deposit_event(Event::ConsumerAllowanceSet { consumer, allowance });
			Ok(())
		}

		/// Lists `region` (an ISO 3166-1 numeric code) for providers to register in. Only
		/// the governance origin.
		///
		/// Fails with [`Error::InvalidRegion`] (0 or above 999),
		/// [`Error::RegionAlreadyListed`] and [`Error::TooManyRegions`] (`MaxRegions`).
		///
		/// - Origin: `T::GovernanceOrigin` (the economic-parameters track; in the BTT runtime
		///   also root, or two thirds of the council before its sunset block).
		/// - Emits: `RegionAdded`.
		/// - Errors: `InvalidRegion`, `RegionAlreadyListed`, `TooManyRegions`.
		/// - Complexity: O(1).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::add_region())]
		pub fn add_region(origin: OriginFor<T>, region: RegionCode) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(is_valid_region(region), Error::<T>::InvalidRegion);
			ensure!(!Regions::<T>::contains_key(region), Error::<T>::RegionAlreadyListed);
			ensure!(Regions::<T>::count() < T::MaxRegions::get(), Error::<T>::TooManyRegions);
			Regions::<T>::insert(region, ());
			Self::deposit_event(Event::RegionAdded { region });
			Ok(())
		}

		/// Delists `region`: no new registrations there, and jobs for its providers score
		/// nothing from now on (they stay registered and are still paid; they may deregister
		/// and register in a listed region). Only the governance origin.
		///
		/// Fails with [`Error::UnknownRegion`] for a region not on the list.
		///
		/// - Origin: `T::GovernanceOrigin` (the economic-parameters track; in the BTT runtime
		///   also root, or two thirds of the council before its sunset block).
		/// - Emits: `RegionRemoved`.
		/// - Errors: `UnknownRegion`.
		/// - Complexity: O(1).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::remove_region())]
		pub fn remove_region(origin: OriginFor<T>, region: RegionCode) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(Regions::<T>::contains_key(region), Error::<T>::UnknownRegion);
			Regions::<T>::remove(region);
			Self::deposit_event(Event::RegionRemoved { region });
			Ok(())
		}
	}

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// The era of the current block: `block / Day`.
		pub fn current_era() -> EraIndex {
			Self::era_of(frame_system::Pallet::<T>::block_number())
		}

		/// What era `era` may pay in all.
		pub fn era_budget(era: EraIndex) -> BalanceOf<T> {
			emission::era_budget(era, T::ErasPerPhase::get(), &Self::phase_totals())
				.saturated_into()
		}

		/// The compute allowance `consumer` has left (0: not a verified consumer).
		pub fn consumer_allowance(consumer: T::AccountId) -> BalanceOf<T> {
			ConsumerAllowances::<T>::get(consumer).unwrap_or_default()
		}
	}

	impl<T: Config> Pallet<T> {
		/// The emission's phase totals in plancks.
		fn phase_totals() -> [u128; 4] {
			T::PhaseTotals::get().map(|total| total.saturated_into::<u128>())
		}

		/// The era `block` belongs to: `block / Day` (era 0 on a chain without days).
		pub fn era_of(block: BlockNumberFor<T>) -> EraIndex {
			let day = T::Day::get();
			if day.is_zero() {
				return 0;
			}
			(block / day).saturated_into()
		}

		/// The first era that pays nothing: the emission's end (era 2,920 with 730-era
		/// phases).
		pub fn end_era() -> EraIndex {
			emission::end_era(T::ErasPerPhase::get(), T::PhaseTotals::get().len())
		}

		/// What the emission may have paid by `block`: the mining row's projection for
		/// btt-vesting.
		pub fn emitted_by(block: BlockNumberFor<T>) -> BalanceOf<T> {
			emission::cumulative_cap(
				Self::era_of(block),
				T::ErasPerPhase::get(),
				&Self::phase_totals(),
			)
			.saturated_into()
		}

		/// The first block from which the emission pays nothing.
		pub fn emission_end() -> BlockNumberFor<T> {
			T::Day::get().saturating_mul(Self::end_era().into())
		}

		/// Whether `who` holds the stake a provider needs.
		fn ensure_staked(who: &T::AccountId) -> DispatchResult {
			// The minimum is never zero (genesis and `set_provider_stake` refuse it), so a
			// provider always holds a stake.
			let stake = T::Staking::active_stake(who, MinProviderTier::<T>::get());
			ensure!(stake >= MinProviderStake::<T>::get(), Error::<T>::InsufficientStake);
			Ok(())
		}

		/// The provider's QoS and energy factors from its reports: the medians of at least
		/// `MinOracleReports` distinct oracles' reports, or zeros (no score) with fewer.
		/// Sorts at most `MaxOracles` values of each factor.
		pub fn quorum_factors(reports: &[OracleReport<T::AccountId>]) -> (FixedU128, FixedU128) {
			if (reports.len() as u32) < MinOracleReports::<T>::get().max(1) {
				return (Zero::zero(), Zero::zero());
			}
			let mut qos: alloc::vec::Vec<FixedU128> = reports.iter().map(|r| r.qos).collect();
			let mut energy: alloc::vec::Vec<FixedU128> = reports.iter().map(|r| r.energy).collect();
			(
				factors::lower_median(&mut qos).unwrap_or_default(),
				factors::lower_median(&mut energy).unwrap_or_default(),
			)
		}

		/// The region slot a new contribution in `region` takes in `era`, counting the
		/// region in the era if it is new. The last of the era's `MaxRegionsPerEra` slots is
		/// kept for [`OTHER_REGION`]: a provider from a region beyond the bound counts there,
		/// so a payment never fails on this bookkeeping.
		fn region_slot(era: EraIndex, region: RegionCode) -> RegionCode {
			if RegionTotals::<T>::contains_key(era, region) {
				return region;
			}
			let mut total = EraTotals::<T>::get(era);
			let mut region = region;
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
			region
		}

		/// Adds a scored job's value to the provider's compute in `era` (and, with the
		/// oracle quorum, to its region's and the era's).
		fn add_compute(era: EraIndex, provider: &T::AccountId, region: RegionCode, amount: u128) {
			let old = Contributions::<T>::get(era, provider).unwrap_or_else(|| {
				let region = Self::region_slot(era, region);
				let (qos, energy) = Self::quorum_factors(&Reports::<T>::get(era, provider));
				Contribution { region, compute: 0, qos, energy, weighted: 0 }
			});
			let mut new = old.clone();
			new.compute = new.compute.saturating_add(amount);
			new.weighted = factors::weighted_compute(new.compute, new.qos, new.energy);
			Self::store_contribution(era, provider, &old, new);
		}

		/// Stores a provider's contribution, moving its region's and the era's totals from
		/// `old` to `new` (same region).
		fn store_contribution(
			era: EraIndex,
			provider: &T::AccountId,
			old: &Contribution,
			new: Contribution,
		) {
			let (old_scored, new_scored) = (old.scored(), new.scored());
			RegionTotals::<T>::mutate(era, new.region, |total| {
				let total = total.get_or_insert_with(Default::default);
				total.compute = total.compute.saturating_sub(old_scored).saturating_add(new_scored);
				total.weighted =
					total.weighted.saturating_sub(old.weighted).saturating_add(new.weighted);
			});
			if old_scored != new_scored {
				EraTotals::<T>::mutate(era, |total| {
					total.compute =
						total.compute.saturating_sub(old_scored).saturating_add(new_scored);
				});
			}
			Contributions::<T>::insert(era, provider, new);
		}

		/// The era's total score and the factors it is computed with: fixed by the era's
		/// first claim, else computed now (reads each region of the era).
		fn era_settlement(era: EraIndex, total: &EraTotal) -> (u128, FactorConfig) {
			total.settled.unwrap_or_else(|| {
				let factors = Factors::<T>::get();
				(Self::era_score(era, total, &factors), factors)
			})
		}

		/// What `contribution` earns in `era` with the era's totals `total` (settled):
		/// the region's part of the budget, then the provider's part of its region's. Each
		/// step rounds down once, so an era loses under a planck per region and provider.
		fn reward_of(era: EraIndex, contribution: &Contribution, total: &EraTotal) -> u128 {
			let (total_score, factors) = Self::era_settlement(era, total);
			let region = RegionTotals::<T>::get(era, contribution.region).unwrap_or_default();
			let region_score = factors
				.geo_factor(region.compute, total.compute)
				.saturating_mul_int(region.weighted);
			let budget: u128 = Self::era_budget(era).saturated_into();
			let share = |amount: u128, part: u128, whole: u128| {
				multiply_by_rational_with_rounding(amount, part, whole, Rounding::Down).unwrap_or(0)
			};
			let region_budget = share(budget, region_score, total_score);
			share(region_budget, contribution.weighted, region.weighted)
				// Defensive: an era never pays more than its budget.
				.min(budget.saturating_sub(total.paid))
		}

		/// The current era, its budget and the emission so far.
		pub fn era_view() -> EraView<BalanceOf<T>, BlockNumberFor<T>> {
			let era = Self::current_era();
			let day = T::Day::get();
			let start = day.saturating_mul(era.into());
			let totals = EraTotals::<T>::get(era);
			EraView {
				era,
				start,
				end: start.saturating_add(day),
				budget: Self::era_budget(era),
				cap_so_far: Self::emitted_by(start),
				emission_total: Self::phase_totals()
					.iter()
					.fold(0u128, |sum, total| sum.saturating_add(*total))
					.saturated_into(),
				paid: TotalPaid::<T>::get(),
				end_era: Self::end_era(),
				scored_compute: totals.compute,
				regions: totals.regions,
				providers: Providers::<T>::count(),
				oracles: Oracles::<T>::count(),
				min_oracle_reports: MinOracleReports::<T>::get(),
			}
		}

		/// `who`'s standing in `era` and what it would be paid for it if the era ended
		/// now; `None` if `who` is not a registered provider. Reads the era's regions.
		pub fn provider_view(
			who: &T::AccountId,
			era: EraIndex,
		) -> Option<ProviderView<BalanceOf<T>, BlockNumberFor<T>>> {
			let info = Providers::<T>::get(who)?;
			let stake = T::Staking::active_stake(who, MinProviderTier::<T>::get());
			let reports = Reports::<T>::get(era, who);
			let contribution = Contributions::<T>::get(era, who);
			let total = EraTotals::<T>::get(era);
			let (region, qos, energy) = match &contribution {
				Some(c) => (c.region, c.qos, c.energy),
				None => {
					let (qos, energy) = Self::quorum_factors(&reports);
					(info.region, qos, energy)
				}
			};
			let region_compute = RegionTotals::<T>::get(era, region).unwrap_or_default().compute;
			let (_, factors) = Self::era_settlement(era, &total);
			Some(ProviderView {
				region,
				registered_at: info.registered_at,
				stake,
				eligible: stake >= MinProviderStake::<T>::get(),
				era,
				compute: contribution.as_ref().map_or(0, |c| c.compute),
				reports: reports.len() as u32,
				qos,
				energy,
				geography: factors.geo_factor(region_compute, total.compute),
				weighted: contribution.as_ref().map_or(0, |c| c.weighted),
				estimated_reward: contribution
					.filter(|c| c.weighted > 0)
					.map_or(0, |c| Self::reward_of(era, &c, &total))
					.saturated_into(),
			})
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

		/// Removes keys of expired eras (older than `ClaimWindow` eras before `current`),
		/// oldest first, at most `PruneLimit` removals or looks per call. Returns what it
		/// used of the limit (0: nothing to do).
		///
		/// Nothing is recorded from the emission's end on, so the pruning stops there.
		pub fn prune(current: EraIndex) -> u32 {
			let limit = T::PruneLimit::get();
			let window = T::ClaimWindow::get();
			let end = Self::end_era();
			let mut state = Pruning::<T>::get();
			let expired = |era: EraIndex| era < end && era.saturating_add(window) < current;
			if !expired(state.era) {
				return 0;
			}
			let mut left = limit;
			while left > 0 && expired(state.era) {
				let era = state.era;
				let cursor = state.cursor.take();
				let cursor = cursor.as_ref().map(|cursor| cursor.as_slice());
				let result = match state.stage {
					PruneStage::Contributions => {
						Contributions::<T>::clear_prefix(era, left, cursor)
					}
					PruneStage::Reports => Reports::<T>::clear_prefix(era, left, cursor),
					PruneStage::Regions => RegionTotals::<T>::clear_prefix(era, left, cursor),
				};
				left = left.saturating_sub(result.loops.max(result.unique).max(1));
				match result.maybe_cursor {
					// More keys: continue from here in the next block (a cursor too long to
					// keep restarts the prefix, which holds only what is left).
					Some(cursor) => state.cursor = BoundedVec::try_from(cursor).ok(),
					None => match state.stage {
						PruneStage::Contributions => state.stage = PruneStage::Reports,
						PruneStage::Reports => state.stage = PruneStage::Regions,
						PruneStage::Regions => {
							EraTotals::<T>::remove(era);
							left = left.saturating_sub(1);
							state.stage = PruneStage::Contributions;
							state.era = era.saturating_add(1);
							Self::deposit_event(Event::EraPruned { era });
						}
					},
				}
			}
			Pruning::<T>::put(state);
			limit.saturating_sub(left).max(1)
		}

		/// The invariants: nothing was paid beyond the emission so far, no era paid beyond
		/// its budget, the pool still holds the rest of its row, a provider's minimum stake
		/// is not zero, the bounded lists are within their bounds, allowances are held by
		/// neither providers nor oracles, reports come from distinct oracles other than the
		/// provider, and no key is left of a pruned era or recorded after the emission's
		/// end.
		///
		/// Iterates the maps: for `try_state` and the tests only.
		pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			let mut paid: u128 = 0;
			let pruned = Pruning::<T>::get().era;
			let end = Self::end_era();
			for (era, total) in EraTotals::<T>::iter() {
				ensure!(
					total.paid <= Self::era_budget(era).saturated_into::<u128>(),
					"an era paid more than its budget"
				);
				ensure!(era >= pruned, "an era's totals outlived its pruning");
				paid = paid.saturating_add(total.paid);
			}
			let current = Self::current_era();
			let totals = Self::phase_totals();
			let cap = emission::cumulative_cap(current, T::ErasPerPhase::get(), &totals);
			let total_paid = TotalPaid::<T>::get().saturated_into::<u128>();
			ensure!(total_paid <= cap, "claims paid more than the emission cap");
			ensure!(paid <= total_paid, "TotalPaid is less than the live eras' payments");
			ensure!(Oracles::<T>::count() <= T::MaxOracles::get(), "too many oracles");
			let quorum = MinOracleReports::<T>::get();
			ensure!(quorum >= 1 && quorum <= T::MaxOracles::get(), "quorum out of bounds");
			ensure!(Regions::<T>::count() <= T::MaxRegions::get(), "too many regions");
			for (region, ()) in Regions::<T>::iter() {
				ensure!(is_valid_region(region), "a listed region is not an ISO 3166-1 code");
			}
			for (consumer, allowance) in ConsumerAllowances::<T>::iter() {
				ensure!(!allowance.is_zero(), "a zero compute allowance is stored");
				ensure!(!Providers::<T>::contains_key(&consumer), "a provider holds an allowance");
				ensure!(!Oracles::<T>::contains_key(&consumer), "an oracle holds an allowance");
			}
			for (era, provider, reports) in Reports::<T>::iter() {
				ensure!(era >= pruned && era < end, "reports outside the live eras");
				ensure!(reports.len() as u32 <= T::MaxOracles::get(), "too many reports");
				for (i, report) in reports.iter().enumerate() {
					ensure!(report.oracle != provider, "an oracle reported on itself");
					ensure!(
						!reports
							.iter()
							.skip(i.saturating_add(1))
							.any(|r| r.oracle == report.oracle),
						"an oracle has two reports on a provider in an era"
					);
				}
			}
			for (era, _, _) in Contributions::<T>::iter() {
				ensure!(era >= pruned && era < end, "a contribution outside the live eras");
			}
			for (era, _, _) in RegionTotals::<T>::iter() {
				ensure!(era >= pruned && era < end, "a region total outside the live eras");
			}
			ensure!(!MinProviderStake::<T>::get().is_zero(), "a provider's minimum stake is zero");
			let row: u128 = totals.iter().fold(0u128, |sum, total| sum.saturating_add(*total));
			let pool: u128 = T::Currency::total_balance(&T::MiningPool::get()).saturated_into();
			ensure!(
				pool.saturating_add(total_paid) >= row,
				"the mining pool holds less than its row minus what it paid"
			);
			Ok(())
		}
	}
}
