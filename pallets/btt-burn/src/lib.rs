#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod fees;
pub mod migrations;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use fees::{BurnDust, DealWithFees};
pub use pallet::*;
pub use types::{
	BurnSource, CategoryRanges, FeeCategory, FeeSplit, Milestone, MilestoneSource, RateRange,
};
pub use weights::WeightInfo;

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{self, dispatch::DispatchResult},
	frame_system,
	sp_runtime::{DispatchError, Permill},
};

/// Charges and burns a category fee on a payment; btt-mining's compute payments use it.
pub trait CategoryFeeBurner<AccountId, Balance> {
	/// Moves `amount` from `payer` to `dest` and burns `category`'s fee on top of it, from
	/// `payer`. Returns the fee burned. Fails, changing nothing, if `payer` cannot pay both.
	fn pay_with_fee(
		payer: &AccountId,
		dest: &AccountId,
		category: FeeCategory,
		amount: Balance,
	) -> Result<Balance, DispatchError>;

	/// The fee `category` charges on a payment of `amount`, at the current rate.
	fn fee_for(category: FeeCategory, amount: Balance) -> Balance;
}

/// Burns the burned part of a staking reward; btt-staking uses it.
pub trait RewardBurner<AccountId, Balance> {
	/// Burns `burn_share` of `reward` from `from` (the account the reward is paid from),
	/// recorded under [`BurnSource::StakingReward`]. Returns the amount burned.
	fn burn_reward(
		from: &AccountId,
		reward: Balance,
		burn_share: Permill,
	) -> Result<Balance, DispatchError>;

	/// What [`burn_reward`](Self::burn_reward) burns of `reward`: `burn_share` of it,
	/// rounded down.
	fn burned_part(reward: Balance, burn_share: Permill) -> Balance
	where
		Balance: polkadot_sdk::sp_runtime::traits::AtLeast32BitUnsigned + Copy,
	{
		burn_share.mul_floor(reward)
	}
}

/// Told when tokens leave the milestone source (the ecosystem fund, a pool of the allocation
/// table, or the development fund), so that the pool's books follow.
pub trait OnMilestoneBurn<AccountId, Balance> {
	/// Called after a milestone burn of `amount` out of `source` succeeded.
	fn burned(source: &AccountId, amount: Balance);

	/// Called after genesis paid `amount` out of `source` to open a fee-receiving account.
	fn paid_out(source: &AccountId, amount: Balance) {
		let _ = (source, amount);
	}
}

impl<AccountId, Balance> OnMilestoneBurn<AccountId, Balance> for () {
	fn burned(_: &AccountId, _: Balance) {}
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// What has been burned: the supply's only way down.
	pub trait BttBurnApi<Balance> where Balance: codec::Codec {
		/// Burned in all since genesis.
		fn total_burned() -> Balance;
		/// Burned per source, every source that has burned anything.
		fn burned_by_source() -> Vec<(BurnSource, Balance)>;
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::{Fortitude, Precision, Preservation},
		},
	};
	use frame_system::pallet_prelude::*;
	use polkadot_sdk::sp_runtime::traits::{CheckedAdd, Saturating, Zero};

	/// The balance type of the chain's currency.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// A milestone burn: its amount and, once executed, the block it was executed in.
	#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
	pub struct MilestoneBurn<Balance, BlockNumber> {
		/// How much the milestone burns.
		pub amount: Balance,
		/// The block the burn was executed in; `None` while it is pending.
		pub executed_at: Option<BlockNumber>,
	}

	/// The storage version. A change of layout bumps it and ships a `VersionedMigration`
	/// in the runtime's `Migrations`. Version 1 stores the fee split and every category's
	/// rate (see [`migrations::v1`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the BTT burn pallet.
	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The chain's currency (BTT), through the `fungible` traits.
		type Currency: Mutate<Self::AccountId>;

		/// The origin that executes milestone burns and chooses their source (the ecosystem
		/// fund or the development fund): the milestones track.
		type MilestoneOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The origin that sets the category rates and the fee split: the economic-parameters
		/// track.
		type ParamsOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The range within which governance may set each category's fee rate (the BTT
		/// runtime: the paper's 1–3% for compute trade, 2–5% for asset tokenization, 0.5–1%
		/// for PayFi settlement). Genesis rates must lie inside it too: a category genesis
		/// leaves out gets `FeeCategory::default_rate`, and genesis refuses to build if that is
		/// outside the range. An upgrade that narrows a range must move the stored rates into
		/// it in a migration; `try_state` reports a stored rate outside its range.
		#[pallet::constant]
		type CategoryRateRanges: Get<CategoryRanges>;

		/// The whole supply created at genesis: `total_issuance + TotalBurned` equals it.
		#[pallet::constant]
		type TotalSupply: Get<BalanceOf<Self>>;

		/// The ecosystem development fund: where milestone burns take their tokens
		/// ([`MilestoneSource::EcosystemFund`], the default), and the account that keeps the
		/// pending burns back.
		#[pallet::constant]
		type DefaultMilestoneSource: Get<Self::AccountId>;

		/// Receives the development share of transaction fees; milestone burns take their
		/// tokens from it when governance chooses [`MilestoneSource::DevelopmentFund`].
		#[pallet::constant]
		type DevelopmentFund: Get<Self::AccountId>;

		/// Receives the stakers' share of transaction fees, for btt-staking to distribute.
		#[pallet::constant]
		type StakersPot: Get<Self::AccountId>;

		/// Told about every milestone burn, so that the books of the account it burned from
		/// (a pool of the allocation table, kept by btt-vesting) count it.
		type OnMilestoneBurn: OnMilestoneBurn<Self::AccountId, BalanceOf<Self>>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Burned in all since genesis, from every source.
	#[pallet::storage]
	pub type TotalBurned<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Burned since genesis per source.
	#[pallet::storage]
	pub type BurnedBySource<T: Config> =
		StorageMap<_, Blake2_128Concat, BurnSource, BalanceOf<T>, ValueQuery>;

	/// Each category's fee rate: set in genesis for every category, changed by governance
	/// within the category's range. (A chain that passes `try_state` stores all three; the
	/// paper's default in [`FeeCategory::default_rate`] is only what genesis and the version-1
	/// migration write when told nothing else.)
	#[pallet::storage]
	pub type CategoryRates<T: Config> =
		StorageMap<_, Blake2_128Concat, FeeCategory, Permill, OptionQuery>;

	/// The milestone burns, pending or executed.
	#[pallet::storage]
	pub type MilestoneBurns<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		Milestone,
		MilestoneBurn<BalanceOf<T>, BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// Which fund milestone burns take their tokens from: the ecosystem development fund
	/// unless governance has chosen the development fund. Only these two can be chosen;
	/// [`Pallet::milestone_source`] resolves the choice to its account.
	#[pallet::storage]
	pub type MilestoneSourceChoice<T: Config> = StorageValue<_, MilestoneSource, ValueQuery>;

	/// How transaction fees and tips are shared: set in genesis, changed by governance.
	/// (Stored on every chain that passes `try_state`, so a runtime upgrade that changed the
	/// code's default would not change a live chain's split.)
	#[pallet::storage]
	pub type FeeSplitConfig<T: Config> = StorageValue<_, FeeSplit, ValueQuery>;

	/// Genesis: the milestone burns, the fee split and the category rates. Genesis stores
	/// the split and a rate for every category, so that a later change of the code's
	/// defaults cannot change a live chain's values.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The milestone burns and their amounts.
		pub milestones: Vec<(Milestone, BalanceOf<T>)>,
		/// How transaction fees and tips are shared; must be whole (100%).
		pub fee_split: FeeSplit,
		/// Each category's rate, within its range; a category left out gets the paper's
		/// default ([`FeeCategory::default_rate`]). A category named twice is refused.
		pub category_rates: Vec<(FeeCategory, Permill)>,
		/// Open the development fund and the stakers' pot at genesis with the existential
		/// deposit, out of the ecosystem fund (see `open_fee_accounts`). A runtime whose
		/// treasury spends the development fund needs this. Genesis refuses to build when the
		/// fund cannot pay a deposit.
		pub open_fee_accounts: bool,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (milestone, amount) in &self.milestones {
				assert!(!amount.is_zero(), "milestone {milestone:?} burns nothing");
				assert!(
					!MilestoneBurns::<T>::contains_key(milestone),
					"milestone {milestone:?} appears twice"
				);
				MilestoneBurns::<T>::insert(
					milestone,
					MilestoneBurn { amount: *amount, executed_at: None },
				);
			}
			assert!(self.fee_split.is_whole(), "the fee split {:?} is not whole", self.fee_split);
			FeeSplitConfig::<T>::put(self.fee_split.clone());
			for category in FeeCategory::ALL {
				let mut named = self.category_rates.iter().filter(|(c, _)| *c == category);
				let rate = named.next().map_or_else(|| category.default_rate(), |(_, rate)| *rate);
				assert!(named.next().is_none(), "{category:?} is named twice");
				assert!(
					Pallet::<T>::rate_range(category).contains(rate),
					"rate {rate:?} is outside {category:?}'s range"
				);
				CategoryRates::<T>::insert(category, rate);
			}
			if self.open_fee_accounts {
				Pallet::<T>::open_fee_accounts();
			}
		}
	}

	/// Events of the burn pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Tokens were burned: the total supply fell by `amount`.
		Burned {
			/// The account the tokens came from; `None` for transaction fees and dust.
			from: Option<T::AccountId>,
			/// How much was burned.
			amount: BalanceOf<T>,
			/// Why.
			source: BurnSource,
		},
		/// A categorised payment was settled and its fee burned.
		PaymentSettled {
			/// Who paid.
			payer: T::AccountId,
			/// Who was paid.
			dest: T::AccountId,
			/// The payment's category.
			category: FeeCategory,
			/// What `dest` received.
			amount: BalanceOf<T>,
			/// The fee burned, paid by `payer` on top of `amount`.
			fee: BalanceOf<T>,
		},
		/// Governance set a category's fee rate.
		CategoryRateSet {
			/// The category.
			category: FeeCategory,
			/// Its new rate.
			rate: Permill,
		},
		/// A milestone burn was executed.
		MilestoneBurnExecuted {
			/// The milestone.
			milestone: Milestone,
			/// The account the tokens were burned from.
			source: T::AccountId,
			/// How much was burned.
			amount: BalanceOf<T>,
		},
		/// Governance chose the fund milestone burns take their tokens from.
		MilestoneSourceSet {
			/// The fund chosen.
			source: MilestoneSource,
			/// Its account: milestone burns now take their tokens from it.
			account: T::AccountId,
		},
		/// Governance changed how transaction fees are shared.
		FeeSplitSet {
			/// The new split.
			split: FeeSplit,
		},
	}

	/// Errors of the burn pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// The account cannot spend that much (free balance, less frozen funds and, when
		/// kept alive, the existential deposit).
		InsufficientBalance,
		/// A payment to oneself.
		PaymentToSelf,
		/// The payment would leave the destination below the existential deposit.
		DestinationBelowMinimum,
		/// The rate lies outside the category's range.
		RateOutOfRange,
		/// No milestone burn of that kind is configured.
		UnknownMilestone,
		/// The milestone burn has already been executed.
		MilestoneAlreadyExecuted,
		/// The milestone's source account cannot cover the burn; the milestone stays pending.
		MilestoneSourceInsufficient,
		/// The fee split's parts do not add up to 100%.
		SplitNotWhole,
		/// An amount overflowed.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(FeeSplit::default().is_whole(), "the default fee split is not whole");
			for category in FeeCategory::ALL {
				let range = Self::rate_range(category);
				assert!(range.min <= range.max, "{category:?}'s rate range is empty");
			}
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Burns `amount` of the caller's own free tokens, for good.
		///
		/// With `keep_alive` the account keeps at least the existential deposit; without it,
		/// burning everything removes the account.
		///
		/// - Origin: signed (any account); it burns its own tokens.
		/// - Emits: `Burned` (source `Voluntary`).
		/// - Errors: `ZeroAmount`, `InsufficientBalance` (the caller cannot spend `amount`:
		///   free balance less frozen funds and, with `keep_alive`, the existential deposit).
		/// - Complexity: O(1).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::burn())]
		pub fn burn(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
			keep_alive: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let preservation =
				if keep_alive { Preservation::Preserve } else { Preservation::Expendable };
			Self::burn_from(&who, amount, preservation, BurnSource::Voluntary)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			Ok(())
		}

		/// Pays `amount` to `dest` for a payment of `category`, and burns the category's fee
		/// on top of it from the caller: the caller spends `amount + fee`, `dest` receives
		/// exactly `amount`.
		///
		/// - Origin: signed (any account): the payer.
		/// - Emits: `PaymentSettled`, and `Burned` (source `CategoryFee(category)`) for the
		///   fee.
		/// - Errors: `ZeroAmount`, `PaymentToSelf`, `Overflow` (`amount + fee`),
		///   `InsufficientBalance` (the caller cannot spend `amount + fee` and keep the
		///   existential deposit), `DestinationBelowMinimum`.
		/// - Complexity: O(1).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::pay())]
		pub fn pay(
			origin: OriginFor<T>,
			category: FeeCategory,
			dest: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			Self::settle_payment(&payer, &dest, category, amount)?;
			Ok(())
		}

		/// Sets the fee rate of `category`; it must lie inside the category's range.
		///
		/// - Origin: `T::ParamsOrigin` (the economic-parameters track; in the BTT runtime also
		///   root, or two thirds of the council before its sunset block).
		/// - Emits: `CategoryRateSet`.
		/// - Errors: `RateOutOfRange`.
		/// - Complexity: O(1).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_category_rate())]
		pub fn set_category_rate(
			origin: OriginFor<T>,
			category: FeeCategory,
			rate: Permill,
		) -> DispatchResult {
			T::ParamsOrigin::ensure_origin(origin)?;
			ensure!(Self::rate_range(category).contains(rate), Error::<T>::RateOutOfRange);
			CategoryRates::<T>::insert(category, rate);
			Self::deposit_event(Event::CategoryRateSet { category, rate });
			Ok(())
		}

		/// Executes the burn of `milestone`, once, from the milestone source account.
		///
		/// If the source cannot cover it, nothing changes and the milestone stays pending.
		///
		/// - Origin: `T::MilestoneOrigin` (the milestones track; in the BTT runtime also root,
		///   or two thirds of the council before its sunset block).
		/// - Emits: `Burned` (source `Milestone(milestone)`), then `MilestoneBurnExecuted`.
		/// - Errors: `UnknownMilestone`, `MilestoneAlreadyExecuted`,
		///   `MilestoneSourceInsufficient` (the chosen fund cannot spend the amount; the
		///   development fund also keeps its existential deposit).
		/// - Complexity: O(1); the `OnMilestoneBurn` hook (btt-vesting's pool books in the BTT
		///   runtime) reads at most the table's pool accounts (four).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::execute_milestone_burn())]
		pub fn execute_milestone_burn(
			origin: OriginFor<T>,
			milestone: Milestone,
		) -> DispatchResult {
			T::MilestoneOrigin::ensure_origin(origin)?;
			let mut burn =
				MilestoneBurns::<T>::get(milestone).ok_or(Error::<T>::UnknownMilestone)?;
			ensure!(burn.executed_at.is_none(), Error::<T>::MilestoneAlreadyExecuted);
			let source = Self::milestone_source();
			// The ecosystem fund is a pool whose books count every planck, and it keeps back
			// exactly the pending burns: it may burn down to nothing. The development fund is
			// the treasury's account, which must never be reaped.
			let preservation = match MilestoneSourceChoice::<T>::get() {
				MilestoneSource::EcosystemFund => Preservation::Expendable,
				MilestoneSource::DevelopmentFund => Preservation::Preserve,
			};
			Self::burn_from(&source, burn.amount, preservation, BurnSource::Milestone(milestone))
				.map_err(|_| Error::<T>::MilestoneSourceInsufficient)?;
			T::OnMilestoneBurn::burned(&source, burn.amount);
			burn.executed_at = Some(frame_system::Pallet::<T>::block_number());
			let amount = burn.amount;
			MilestoneBurns::<T>::insert(milestone, burn);
			Self::deposit_event(Event::MilestoneBurnExecuted { milestone, source, amount });
			Ok(())
		}

		/// Chooses the fund milestone burns take their tokens from: `EcosystemFund` (the
		/// ecosystem development fund, the default) or `DevelopmentFund`. No other account can
		/// be chosen: the strategic reserve, the mining pool and users' accounts are out of
		/// reach of a milestone burn.
		///
		/// Whichever fund is chosen, the ecosystem fund keeps the pending burns back, so
		/// choosing it again can never find it spent.
		///
		/// - Origin: `T::MilestoneOrigin` (the milestones track; in the BTT runtime also root,
		///   or two thirds of the council before its sunset block).
		/// - Emits: `MilestoneSourceSet`.
		/// - Errors: none (a wrong origin fails with `BadOrigin`).
		/// - Complexity: O(1).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_milestone_source())]
		pub fn set_milestone_source(
			origin: OriginFor<T>,
			source: MilestoneSource,
		) -> DispatchResult {
			T::MilestoneOrigin::ensure_origin(origin)?;
			MilestoneSourceChoice::<T>::put(source);
			let account = Self::account_of(source);
			Self::deposit_event(Event::MilestoneSourceSet { source, account });
			Ok(())
		}

		/// Sets how transaction fees and tips are shared; the parts must add up to 100%.
		///
		/// - Origin: `T::ParamsOrigin` (the economic-parameters track; in the BTT runtime also
		///   root, or two thirds of the council before its sunset block).
		/// - Emits: `FeeSplitSet`.
		/// - Errors: `SplitNotWhole`.
		/// - Complexity: O(1).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_fee_split())]
		pub fn set_fee_split(origin: OriginFor<T>, split: FeeSplit) -> DispatchResult {
			T::ParamsOrigin::ensure_origin(origin)?;
			ensure!(split.is_whole(), Error::<T>::SplitNotWhole);
			FeeSplitConfig::<T>::put(split);
			Self::deposit_event(Event::FeeSplitSet { split });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Opens the development fund (the treasury's pot) and the stakers' pot at genesis,
		/// each with the existential deposit paid out of the ecosystem fund. Both then exist
		/// from the first block: the treasury pallet would otherwise mint its pot's deposit at
		/// genesis, and the supply would exceed 210M.
		///
		/// Panics — genesis refuses to build — when the ecosystem fund cannot pay a deposit:
		/// a chain whose supply rule is broken from block 0 must not start.
		pub(crate) fn open_fee_accounts() {
			let source = T::DefaultMilestoneSource::get();
			let deposit = T::Currency::minimum_balance();
			for account in [T::DevelopmentFund::get(), T::StakersPot::get()] {
				if T::Currency::balance(&account) >= deposit {
					continue;
				}
				if let Err(error) =
					T::Currency::transfer(&source, &account, deposit, Preservation::Preserve)
				{
					panic!(
						"btt-burn genesis: cannot open fee account {account:?} with the \
						 existential deposit {deposit:?} out of the ecosystem fund {source:?}: \
						 {error:?}"
					);
				}
				T::OnMilestoneBurn::paid_out(&source, deposit);
			}
		}
	}

	impl<T: Config> Pallet<T> {
		/// The range within which governance may set `category`'s rate.
		pub fn rate_range(category: FeeCategory) -> RateRange {
			T::CategoryRateRanges::get().of(category)
		}

		/// The current fee rate of `category`.
		pub fn category_rate(category: FeeCategory) -> Permill {
			CategoryRates::<T>::get(category).unwrap_or_else(|| category.default_rate())
		}

		/// The account milestone burns take their tokens from: the chosen fund's account.
		pub fn milestone_source() -> T::AccountId {
			Self::account_of(MilestoneSourceChoice::<T>::get())
		}

		/// The account of a milestone source.
		pub fn account_of(source: MilestoneSource) -> T::AccountId {
			match source {
				MilestoneSource::EcosystemFund => T::DefaultMilestoneSource::get(),
				MilestoneSource::DevelopmentFund => T::DevelopmentFund::get(),
			}
		}

		/// The milestone burns not executed yet, in all. Reads at most one entry per
		/// [`Milestone`] (four).
		pub fn pending_milestone_burns() -> BalanceOf<T> {
			MilestoneBurns::<T>::iter_values()
				.filter(|burn| burn.executed_at.is_none())
				.fold(Zero::zero(), |sum: BalanceOf<T>, burn| sum.saturating_add(burn.amount))
		}

		/// What `account` must keep back for the milestone burns still pending, so that no
		/// payment out of it can make a promised burn impossible: all of them for the
		/// ecosystem development fund — whichever fund is chosen, so that choosing the
		/// ecosystem fund again never finds it spent — and for the development fund while it
		/// is the chosen source; nothing for any other account.
		///
		/// btt-vesting refuses a release of the ecosystem fund that would leave less than
		/// this (the runtime wires it in as btt-vesting's `PendingBurns`). Only the ecosystem
		/// fund is held to it: the development fund is the treasury, whose spends do not
		/// consult it, so a burn from the development fund can fail for lack of funds
		/// (`MilestoneSourceInsufficient`) — governance chooses that source knowingly.
		pub fn pending_burns_from(account: &T::AccountId) -> BalanceOf<T> {
			if *account == T::DefaultMilestoneSource::get() || *account == Self::milestone_source()
			{
				Self::pending_milestone_burns()
			} else {
				Zero::zero()
			}
		}

		/// Every source that has burned anything, with its total.
		pub fn burned_by_source() -> Vec<(BurnSource, BalanceOf<T>)> {
			BurnedBySource::<T>::iter().collect()
		}

		/// Burns exactly `amount` from `from` and records it; fails, changing nothing, if
		/// `from` cannot spend that much under `preservation`.
		pub(crate) fn burn_from(
			from: &T::AccountId,
			amount: BalanceOf<T>,
			preservation: Preservation,
			source: BurnSource,
		) -> DispatchResult {
			T::Currency::burn_from(
				from,
				amount,
				preservation,
				Precision::Exact,
				Fortitude::Polite,
			)?;
			Self::record_burn(Some(from.clone()), amount, source);
			Ok(())
		}

		/// Books a burn that has already reduced the total issuance, and announces it.
		pub(crate) fn record_burn(
			from: Option<T::AccountId>,
			amount: BalanceOf<T>,
			source: BurnSource,
		) {
			if amount.is_zero() {
				return;
			}
			// Burns can never exceed the supply, so these totals cannot saturate.
			TotalBurned::<T>::mutate(|total| *total = total.saturating_add(amount));
			BurnedBySource::<T>::mutate(source, |total| *total = total.saturating_add(amount));
			Self::deposit_event(Event::Burned { from, amount, source });
		}

		/// Pays `amount` to `dest` and burns `category`'s fee on top from `payer`.
		pub(crate) fn settle_payment(
			payer: &T::AccountId,
			dest: &T::AccountId,
			category: FeeCategory,
			amount: BalanceOf<T>,
		) -> Result<BalanceOf<T>, DispatchError> {
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(payer != dest, Error::<T>::PaymentToSelf);
			let fee = Self::category_rate(category).mul_ceil(amount);
			let total = amount.checked_add(&fee).ok_or(Error::<T>::Overflow)?;
			// Check both legs before moving anything, so a failure changes nothing.
			let spendable =
				T::Currency::reducible_balance(payer, Preservation::Preserve, Fortitude::Polite);
			ensure!(spendable >= total, Error::<T>::InsufficientBalance);
			ensure!(
				T::Currency::balance(dest).saturating_add(amount) >= T::Currency::minimum_balance(),
				Error::<T>::DestinationBelowMinimum
			);
			T::Currency::transfer(payer, dest, amount, Preservation::Preserve)?;
			Self::burn_from(payer, fee, Preservation::Preserve, BurnSource::CategoryFee(category))?;
			Self::deposit_event(Event::PaymentSettled {
				payer: payer.clone(),
				dest: dest.clone(),
				category,
				amount,
				fee,
			});
			Ok(fee)
		}

		/// The supply rule: what is issued plus what was burned is the genesis supply. Also:
		/// the per-source totals add up, the fee split is stored and whole, every category
		/// has a stored rate within its range, every milestone burns
		/// something, and a milestone's booked burn is its amount once executed and nothing
		/// while it is pending.
		///
		/// Run by `try_state`, and by the tests after every step.
		pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			let burned = TotalBurned::<T>::get();
			ensure!(
				T::Currency::total_issuance().saturating_add(burned) == T::TotalSupply::get(),
				"total_issuance + total_burned != total supply"
			);
			let by_source = BurnedBySource::<T>::iter_values()
				.fold(BalanceOf::<T>::zero(), |sum, amount| sum.saturating_add(amount));
			ensure!(by_source == burned, "burns per source do not add up to the total");
			ensure!(FeeSplitConfig::<T>::exists(), "the fee split is not stored");
			ensure!(FeeSplitConfig::<T>::get().is_whole(), "the fee split is not whole");
			for category in FeeCategory::ALL {
				let rate =
					CategoryRates::<T>::get(category).ok_or("a category has no stored rate")?;
				ensure!(
					Self::rate_range(category).contains(rate),
					"a category's rate is outside its range"
				);
			}
			for milestone in Milestone::ALL {
				let booked = BurnedBySource::<T>::get(BurnSource::Milestone(milestone));
				let expected = match MilestoneBurns::<T>::get(milestone) {
					Some(burn) => {
						ensure!(!burn.amount.is_zero(), "a milestone burns nothing");
						if burn.executed_at.is_some() {
							burn.amount
						} else {
							Zero::zero()
						}
					}
					None => Zero::zero(),
				};
				ensure!(booked == expected, "a milestone's booked burn differs from its state");
			}
			Ok(())
		}
	}

	impl<T: Config> CategoryFeeBurner<T::AccountId, BalanceOf<T>> for Pallet<T> {
		fn pay_with_fee(
			payer: &T::AccountId,
			dest: &T::AccountId,
			category: FeeCategory,
			amount: BalanceOf<T>,
		) -> Result<BalanceOf<T>, DispatchError> {
			Self::settle_payment(payer, dest, category, amount)
		}

		fn fee_for(category: FeeCategory, amount: BalanceOf<T>) -> BalanceOf<T> {
			Self::category_rate(category).mul_ceil(amount)
		}
	}

	impl<T: Config> RewardBurner<T::AccountId, BalanceOf<T>> for Pallet<T> {
		fn burn_reward(
			from: &T::AccountId,
			reward: BalanceOf<T>,
			burn_share: Permill,
		) -> Result<BalanceOf<T>, DispatchError> {
			let amount = Self::burned_part(reward, burn_share);
			if !amount.is_zero() {
				Self::burn_from(from, amount, Preservation::Expendable, BurnSource::StakingReward)?;
			}
			Ok(amount)
		}
	}
}
