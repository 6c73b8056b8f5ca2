#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod types;
pub mod views;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::{
	paper_terms, ActiveStake, FrozenByVesting, OnPoolSpend, Position, StakingBenefits, Term, Tier,
	DAYS_PER_YEAR, MAX_APY, MIN_TERM_DAYS,
};
pub use views::{Benefits, PositionView, StakeQuote, StakerView};
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

/// The fee-share accumulator's fixed-point scale.
pub const PRECISION: u128 = 1_000_000_000_000_000_000;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectFreeze, InspectHold, Mutate, MutateFreeze, MutateHold},
			tokens::{Fortitude, Precision, Preservation},
		},
	};
	use frame_system::pallet_prelude::*;
	use pallet_btt_burn::RewardBurner;
	use polkadot_sdk::sp_runtime::{
		helpers_128bit::multiply_by_rational_with_rounding,
		traits::{CheckedAdd, One, Saturating, StaticLookup, Zero},
		Permill, Rounding, SaturatedConversion,
	};

	/// The balance type of the chain's currency.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// A position of this chain.
	pub type PositionOf<T> = Position<BalanceOf<T>, BlockNumberFor<T>>;

	/// The positions of one account.
	pub type PositionsOf<T> = BoundedVec<PositionOf<T>, <T as Config>::MaxPositions>;

	/// The account lookup of the chain (an address or an index).
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

	/// The storage version: 0, the layout this pallet launches with. A change of layout
	/// bumps it and ships a `VersionedMigration` in the runtime's `Migrations`.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet freezes tokens.
	#[pallet::composite_enum]
	pub enum FreezeReason {
		/// The principal of fixed-term stakes, until they are closed.
		#[codec(index = 0)]
		Staking,
	}

	/// Why this pallet holds tokens.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Fixed rewards reserved in the community pool for open positions.
		#[codec(index = 0)]
		StakingReward,
	}

	/// Configuration of the BTT staking pallet.
	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The chain's currency: stakes are frozen in place, rewards are transferred.
		type Currency: Mutate<Self::AccountId>
			+ MutateFreeze<Self::AccountId, Id = Self::RuntimeFreezeReason>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's freeze reasons.
		type RuntimeFreezeReason: From<FreezeReason>;

		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// Burns the burned share of fixed rewards (btt-burn).
		type RewardBurner: RewardBurner<Self::AccountId, BalanceOf<Self>>;

		/// The community incentives pool: fixed rewards are reserved in it and paid from it.
		#[pallet::constant]
		type RewardPool: Get<Self::AccountId>;

		/// Told about every reward paid or burned out of the pool (btt-vesting's pool
		/// books).
		type OnPoolSpend: OnPoolSpend<Self::AccountId, BalanceOf<Self>>;

		/// The stakers' pot: the stakers' share of transaction fees arrives there.
		#[pallet::constant]
		type FeeSharePot: Get<Self::AccountId>;

		/// Blocks in a day (14,400 with 6-second blocks): terms are counted in these days. The
		/// runtime reads the chain day set in genesis. (Not a metadata constant: it may read
		/// storage.)
		type BlocksPerDay: Get<BlockNumberFor<Self>>;

		/// The most positions an account may hold at once.
		#[pallet::constant]
		type MaxPositions: Get<u32>;

		/// The transaction-fee reduction of accounts with a position in the 180-day tier or
		/// a longer one (the BTT runtime: 20%). The runtime's fee payment applies it; the tip
		/// is never reduced.
		#[pallet::constant]
		type FeeDiscount: Get<Permill>;

		/// Sets the terms of the tiers (the economic-parameters track).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// What vesting keeps frozen in an account (btt-vesting's `Pallet::frozen`; `()` for
		/// none). Those tokens cannot back a stake, and a staker's staking freeze covers them
		/// on top of its principal. Whenever it changes for an account, the runtime must call
		/// [`Pallet::refresh_freeze`] (btt-vesting's `OnVestingChanged` hook).
		type VestingFrozen: FrozenByVesting<Self::AccountId, BalanceOf<Self>>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The terms each tier offers new stakes.
	#[pallet::storage]
	pub type Terms<T: Config> = StorageMap<_, Twox64Concat, Tier, Term<BalanceOf<T>>, OptionQuery>;

	/// The open positions of each account.
	#[pallet::storage]
	pub type Positions<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, PositionsOf<T>, OptionQuery>;

	/// The number the next position gets.
	#[pallet::storage]
	pub type NextPositionId<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// The principal of every open position (the staking freezes cover it, each with its
	/// account's vesting freeze on top).
	#[pallet::storage]
	pub type TotalStaked<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The principal of the open positions that have not matured: the fee share is divided
	/// among it.
	#[pallet::storage]
	pub type TotalActiveStake<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The principal of the open positions that mature at a block, by that block. The hook
	/// of that block takes it out of [`TotalActiveStake`]; closing a position takes its
	/// principal out of it, and the entry goes with the last position.
	#[pallet::storage]
	pub type MaturingStake<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, BalanceOf<T>, OptionQuery>;

	/// The fee-share accumulator at a block where positions matured, recorded by that
	/// block's hook: the matured positions' share is counted up to it. Removed with the
	/// block's [`MaturingStake`] entry.
	#[pallet::storage]
	pub type FeeShareAtMaturity<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, u128, OptionQuery>;

	/// The fixed rewards of every open position, held in the community pool.
	#[pallet::storage]
	pub type ReservedRewards<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The fee-share accumulator: fee income per staked planck, times [`PRECISION`].
	#[pallet::storage]
	pub type FeeSharePerStake<T: Config> = StorageValue<_, u128, ValueQuery>;

	/// The part of the stakers' pot already shared out through the accumulator and not paid
	/// yet (at most what the pot holds beyond its existential deposit). Income is what the pot
	/// holds beyond the deposit and this.
	#[pallet::storage]
	pub type FeeShareAccounted<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Events of the staking pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A stake was made: its principal is frozen and its reward reserved.
		Staked {
			/// The owner.
			who: T::AccountId,
			/// The position's number.
			id: u64,
			/// Its tier.
			tier: Tier,
			/// The frozen principal.
			principal: BalanceOf<T>,
			/// The fixed reward reserved in the community pool.
			reward: BalanceOf<T>,
			/// The first block at which it may be closed.
			maturity: BlockNumberFor<T>,
		},
		/// A matured position was closed: the principal is free and the reward paid.
		Closed {
			/// The owner.
			who: T::AccountId,
			/// The position's number.
			id: u64,
			/// The principal unfrozen.
			principal: BalanceOf<T>,
			/// The fixed reward paid to the owner, after the burn.
			reward_paid: BalanceOf<T>,
			/// The part of the fixed reward burned.
			reward_burned: BalanceOf<T>,
			/// The fee share paid with it.
			fee_share: BalanceOf<T>,
		},
		/// Fee share was paid to a staker.
		FeeSharePaid {
			/// The staker.
			who: T::AccountId,
			/// How much.
			amount: BalanceOf<T>,
		},
		/// Governance changed the terms of a tier for new stakes.
		TermSet {
			/// The tier.
			tier: Tier,
			/// Its new terms.
			term: Term<BalanceOf<T>>,
		},
		/// Positions matured at this block: their principal stopped earning fee share.
		StakesMatured {
			/// The block.
			block: BlockNumberFor<T>,
			/// Their principal in all.
			principal: BalanceOf<T>,
			/// The fee-share accumulator their share is counted up to.
			fee_share_per_stake: u128,
		},
	}

	/// Errors of the staking pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The tier has no terms.
		UnknownTier,
		/// The stake is below the tier's minimum.
		BelowMinimum,
		/// The account does not hold that much beyond what it has staked already.
		InsufficientBalance,
		/// The account holds that much, but not free: only tokens that are neither on hold nor
		/// frozen by vesting can back a stake (`vesting frozen + staked + amount` must not
		/// exceed the balance outside holds).
		StakeNotFree,
		/// The community pool cannot pay the stake's fixed reward.
		PoolCannotCover,
		/// The account holds `MaxPositions` positions already.
		TooManyPositions,
		/// The account has no position with that number.
		UnknownPosition,
		/// The position has not matured yet: there is no early exit.
		NotMatured,
		/// There is no fee share to pay.
		NothingToClaim,
		/// The stakers' pot cannot pay the fee share now (it holds less beyond its existential
		/// deposit than it owes). The share stays owed; new income refills the pot first.
		FeeShareUnavailable,
		/// A term must last at least `MIN_TERM_DAYS` (7) days.
		TermTooShort,
		/// Terms must lengthen strictly up the tiers: a tier's days must exceed those of every
		/// shorter tier and stay below those of every longer one.
		TermsNotIncreasing,
		/// A tier's APY may be at most `MAX_APY` (30%).
		ApyTooHigh,
		/// A tier's minimum stake must be above zero.
		ZeroMinimum,
		/// At most the whole reward can be burned.
		RewardBurnTooHigh,
		/// The reward does not fit the balance type.
		Overflow,
	}

	/// The terms of the tiers at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Each tier's terms; a tier left out takes no stakes.
		pub terms: Vec<(Tier, Term<BalanceOf<T>>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (tier, term) in &self.terms {
				if let Err(error) = Pallet::<T>::check_term(term) {
					panic!("staking tier {tier:?}: invalid term ({error:?})");
				}
				Terms::<T>::insert(tier, term);
			}
			for (tier, term) in &self.terms {
				if let Err(error) = Pallet::<T>::check_order(*tier, term) {
					panic!("staking tier {tier:?}: invalid term ({error:?})");
				}
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Takes the principal maturing at `n` out of the active stake, after sharing the
		/// income that arrived while it was active, and records the accumulator for it. One
		/// read when nothing matures; constant otherwise.
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			let Some(principal) = MaturingStake::<T>::get(n) else {
				return T::WeightInfo::on_initialize_idle();
			};
			let accumulator = Self::settle_fee_income();
			FeeShareAtMaturity::<T>::insert(n, accumulator);
			TotalActiveStake::<T>::mutate(|total| *total = total.saturating_sub(principal));
			Self::deposit_event(Event::StakesMatured {
				block: n,
				principal,
				fee_share_per_stake: accumulator,
			});
			T::WeightInfo::on_initialize_maturity()
		}

		fn integrity_test() {
			assert!(T::MaxPositions::get() > 0, "an account must be able to stake");
			assert!(!T::BlocksPerDay::get().is_zero(), "a day has blocks");
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
		/// Stakes `amount` in `tier`: the amount is frozen in the caller's account until the
		/// term ends, and the fixed reward is reserved from the community pool now.
		///
		/// Only free tokens back a stake: `vesting frozen + already staked + amount` must not
		/// exceed the caller's balance outside holds (else `StakeNotFree`; `InsufficientBalance`
		/// when the account does not hold `already staked + amount` at all). The position
		/// earns fee share until its maturity.
		///
		/// - Origin: signed (any account): the staker.
		/// - Emits: `Staked`.
		/// - Errors: `UnknownTier`, `BelowMinimum`, `TooManyPositions`, `Overflow`,
		///   `InsufficientBalance`, `StakeNotFree`, `PoolCannotCover`.
		/// - Complexity: O(P) with P = the caller's positions (bounded by `MaxPositions`; the
		///   weight assumes the most). Sharing the waiting fee income is O(1).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::stake())]
		pub fn stake(
			origin: OriginFor<T>,
			tier: Tier,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let StakePlan { term, mut positions, new_principal, vesting, reward } =
				Self::plan_stake(&who, tier, amount)?;
			let pool = T::RewardPool::get();

			let accumulator = Self::settle_fee_income();
			if !reward.is_zero() {
				T::Currency::hold(&HoldReason::StakingReward.into(), &pool, reward)
					.map_err(|_| Error::<T>::PoolCannotCover)?;
			}
			// The freeze covers the whole principal and the vesting freeze (see
			// `refresh_freeze`): `plan_stake` checked that their sum does not overflow.
			Self::set_staking_freeze(&who, new_principal, vesting)?;

			let now = frame_system::Pallet::<T>::block_number();
			let maturity = Self::maturity(now, term.days);
			let id = NextPositionId::<T>::mutate(|next| {
				let id = *next;
				*next = next.saturating_add(1);
				id
			});
			positions
				.try_push(Position {
					id,
					tier,
					principal: amount,
					reward,
					reward_burn: term.reward_burn,
					start: now,
					maturity,
					fee_share_debt: accumulator,
				})
				.map_err(|_| Error::<T>::TooManyPositions)?;
			Positions::<T>::insert(&who, positions);
			TotalStaked::<T>::mutate(|total| *total = total.saturating_add(amount));
			TotalActiveStake::<T>::mutate(|total| *total = total.saturating_add(amount));
			MaturingStake::<T>::mutate(maturity, |maturing| {
				*maturing = Some(maturing.unwrap_or_default().saturating_add(amount))
			});
			ReservedRewards::<T>::mutate(|total| *total = total.saturating_add(reward));
			Self::deposit_event(Event::Staked {
				who,
				id,
				tier,
				principal: amount,
				reward,
				maturity,
			});
			Ok(())
		}

		/// Closes `owner`'s matured position `id`: unfreezes the principal and pays the fixed
		/// reward (minus its burn) and the position's fee share (earned up to its maturity).
		/// Anyone may close a matured position for its owner. Both pools keep their
		/// existential deposit; if the stakers' pot cannot pay the share now, the close fails
		/// with `FeeShareUnavailable` and can be retried once income has refilled it.
		///
		/// - Origin: signed (any account): the owner or anyone else, once the position has
		///   matured.
		/// - Emits: `FeeSharePaid` (when the position's fee share is not zero), btt-burn's
		///   `Burned` (source `StakingReward`, when the tier burns part of the reward), then
		///   `Closed`.
		/// - Errors: `UnknownPosition`, `NotMatured`, `FeeShareUnavailable`.
		/// - Complexity: O(P) with P = the owner's positions (bounded by `MaxPositions`; the
		///   weight assumes the most). Sharing the waiting fee income is O(1).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::close())]
		pub fn close(origin: OriginFor<T>, owner: AccountIdLookupOf<T>, id: u64) -> DispatchResult {
			ensure_signed(origin)?;
			let owner = T::Lookup::lookup(owner)?;
			let mut positions = Positions::<T>::get(&owner).ok_or(Error::<T>::UnknownPosition)?;
			let index =
				positions.iter().position(|p| p.id == id).ok_or(Error::<T>::UnknownPosition)?;
			let position = positions.remove(index);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now >= position.maturity, Error::<T>::NotMatured);

			let accumulator = Self::settle_fee_income();
			let matured_at = FeeShareAtMaturity::<T>::get(position.maturity);
			let fee_share = Self::owed_fee_share(&position, matured_at.unwrap_or(accumulator));
			Self::pay_fee_share(&owner, fee_share)?;

			let pool = T::RewardPool::get();
			T::Currency::release(
				&HoldReason::StakingReward.into(),
				&pool,
				position.reward,
				Precision::Exact,
			)?;
			let reward_burned =
				T::RewardBurner::burn_reward(&pool, position.reward, position.reward_burn)?;
			let reward_paid = position.reward.saturating_sub(reward_burned);
			if !reward_paid.is_zero() {
				// The reward was held in the pool, so it is there beyond the deposit.
				T::Currency::transfer(&pool, &owner, reward_paid, Preservation::Preserve)?;
			}
			T::OnPoolSpend::spent(&pool, position.reward);

			// The rest of the principal stays covered with the vesting freeze; the last
			// position thaws the staking freeze, leaving vesting's alone.
			let remaining = Self::principal_of(&positions);
			Self::set_staking_freeze(&owner, remaining, T::VestingFrozen::vesting_frozen(&owner))?;
			if positions.is_empty() {
				Positions::<T>::remove(&owner);
			} else {
				Positions::<T>::insert(&owner, positions);
			}
			let total_staked = TotalStaked::<T>::mutate(|total| {
				*total = total.saturating_sub(position.principal);
				*total
			});
			if total_staked.is_zero() {
				// No position is left, so nothing is owed: the rounding dust accounted so far
				// becomes income again for the next stakers.
				FeeShareAccounted::<T>::kill();
			}
			if matured_at.is_none() {
				// The hook of its maturity block did not run (no block was built at it): the
				// position was still counted active, and stops now.
				TotalActiveStake::<T>::mutate(|total| {
					*total = total.saturating_sub(position.principal)
				});
			}
			let maturing = MaturingStake::<T>::get(position.maturity)
				.unwrap_or_default()
				.saturating_sub(position.principal);
			if maturing.is_zero() {
				// The last open position of that maturity: its books go with it.
				MaturingStake::<T>::remove(position.maturity);
				FeeShareAtMaturity::<T>::remove(position.maturity);
			} else {
				MaturingStake::<T>::insert(position.maturity, maturing);
			}
			ReservedRewards::<T>::mutate(|total| *total = total.saturating_sub(position.reward));
			Self::deposit_event(Event::Closed {
				who: owner,
				id,
				principal: position.principal,
				reward_paid,
				reward_burned,
				fee_share,
			});
			Ok(())
		}

		/// Pays the caller the fee share its open positions have earned so far (matured ones:
		/// up to their maturity). Fails with `FeeShareUnavailable`, changing nothing, if the
		/// stakers' pot cannot pay it now: the share stays owed.
		///
		/// - Origin: signed: a staker (an account with open positions).
		/// - Emits: `FeeSharePaid`.
		/// - Errors: `UnknownPosition` (the caller has no positions), `NothingToClaim`,
		///   `FeeShareUnavailable`.
		/// - Complexity: O(P) with P = the caller's positions (bounded by `MaxPositions`); the
		///   weight charges `MaxPositions`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::claim_fee_share(T::MaxPositions::get()))]
		pub fn claim_fee_share(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut positions = Positions::<T>::get(&who).ok_or(Error::<T>::UnknownPosition)?;
			let accumulator = Self::settle_fee_income();
			let now = frame_system::Pallet::<T>::block_number();
			let mut owed = BalanceOf::<T>::zero();
			for position in positions.iter_mut() {
				let end = Self::end_accumulator(position, now, accumulator);
				owed = owed.saturating_add(Self::owed_fee_share(position, end));
				position.fee_share_debt = end;
			}
			ensure!(!owed.is_zero(), Error::<T>::NothingToClaim);
			Self::pay_fee_share(&who, owed)?;
			Positions::<T>::insert(&who, positions);
			Ok(())
		}

		/// Sets the terms of `tier` for stakes made from now on; open positions keep theirs.
		///
		/// Only within bounds that keep the tiers meaningful: at least `MIN_TERM_DAYS` (7)
		/// days (`TermTooShort`), more days than every shorter tier and fewer than every
		/// longer one has now (`TermsNotIncreasing`), an APY of at most `MAX_APY` (30%,
		/// `ApyTooHigh`), a minimum above zero (`ZeroMinimum`) and a reward burn of at most
		/// 100% (`RewardBurnTooHigh`).
		///
		/// - Origin: `T::GovernanceOrigin` (the economic-parameters track; in the BTT runtime
		///   also root, or two thirds of the council before its sunset block).
		/// - Emits: `TermSet`.
		/// - Errors: `TermTooShort`, `ApyTooHigh`, `ZeroMinimum`, `RewardBurnTooHigh`,
		///   `TermsNotIncreasing`.
		/// - Complexity: O(1): the four other tiers' terms are read.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_term())]
		pub fn set_term(
			origin: OriginFor<T>,
			tier: Tier,
			term: Term<BalanceOf<T>>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::check_term(&term)?;
			Self::check_order(tier, &term)?;
			Terms::<T>::insert(tier, term);
			Self::deposit_event(Event::TermSet { tier, term });
			Ok(())
		}
	}

	/// A stake that passed every check of [`Pallet::stake`], with what it needs to be made.
	pub(crate) struct StakePlan<T: Config> {
		/// The tier's current terms.
		pub term: Term<BalanceOf<T>>,
		/// The account's positions before the stake.
		pub positions: PositionsOf<T>,
		/// The account's staked principal with the stake.
		pub new_principal: BalanceOf<T>,
		/// What vesting keeps frozen in the account.
		pub vesting: BalanceOf<T>,
		/// The stake's fixed reward.
		pub reward: BalanceOf<T>,
	}

	impl<T: Config> Pallet<T> {
		/// Checks a stake of `amount` in `tier` by `who` without changing anything: the one
		/// place of `stake`'s rules, so that the `quote` view refuses exactly what the call
		/// refuses.
		pub(crate) fn plan_stake(
			who: &T::AccountId,
			tier: Tier,
			amount: BalanceOf<T>,
		) -> Result<StakePlan<T>, Error<T>> {
			let term = Terms::<T>::get(tier).ok_or(Error::<T>::UnknownTier)?;
			ensure!(amount >= term.minimum, Error::<T>::BelowMinimum);
			let positions = Positions::<T>::get(who).unwrap_or_default();
			ensure!(
				(positions.len() as u32) < T::MaxPositions::get(),
				Error::<T>::TooManyPositions
			);
			let staked = Self::principal_of(&positions);
			let new_principal = staked.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			ensure!(
				T::Currency::total_balance(who) >= new_principal,
				Error::<T>::InsufficientBalance
			);
			// Free tokens only: funds on hold (which may leave the account) and tokens vesting
			// keeps frozen do not back a stake, so the stake never overlaps them.
			let vesting = T::VestingFrozen::vesting_frozen(who);
			let needed = vesting.checked_add(&new_principal).ok_or(Error::<T>::Overflow)?;
			ensure!(T::Currency::balance(who) >= needed, Error::<T>::StakeNotFree);
			let reward = term.reward(amount).ok_or(Error::<T>::Overflow)?;
			// Spendable by programmes: neither held for other stakes nor needed to keep the
			// pool account alive.
			ensure!(
				T::Currency::reducible_balance(
					&T::RewardPool::get(),
					Preservation::Preserve,
					Fortitude::Polite
				) >= reward,
				Error::<T>::PoolCannotCover
			);
			Ok(StakePlan { term, positions, new_principal, vesting, reward })
		}

		/// The block a stake of `days` made at `start` matures at.
		fn maturity(start: BlockNumberFor<T>, days: u32) -> BlockNumberFor<T> {
			start.saturating_add(T::BlocksPerDay::get().saturating_mul(days.into()))
		}

		/// What the staking freeze holds in `who`'s account: its staked principal plus what
		/// vesting keeps frozen in it, or zero without positions.
		pub fn staking_freeze(who: &T::AccountId) -> BalanceOf<T> {
			T::Currency::balance_frozen(&FreezeReason::Staking.into(), who)
		}

		/// The principal of `positions` in all.
		pub(crate) fn principal_of(positions: &PositionsOf<T>) -> BalanceOf<T> {
			positions
				.iter()
				.fold(Zero::zero(), |sum: BalanceOf<T>, p| sum.saturating_add(p.principal))
		}

		/// Recomputes `who`'s staking freeze: `principal of its open positions + what vesting
		/// keeps frozen in it` (`T::VestingFrozen`). A no-op for an account without positions.
		///
		/// Freezes do not add up (the account's frozen amount is the largest freeze), so
		/// without the vesting part the tokens that backed a stake could be transferred away
		/// while vesting keeps others frozen. btt-vesting calls this (through its
		/// `OnVestingChanged` hook) every time it sets an account's vesting freeze: after a
		/// claim shrinks it and after a grant adds a schedule.
		///
		/// Infallible, so it never makes a claim or grant fail: pallet-balances lets a freeze
		/// exceed the balance (`set_freeze` does not check it), the account already has its
		/// staking freeze entry (a position's principal is above zero, so no new freeze slot
		/// is needed) and its frozen amount stays above zero (no consumer reference changes).
		/// An error there would be a bug: it is reported defensively and the freeze left as
		/// it was (`try_state` would flag it).
		pub fn refresh_freeze(who: &T::AccountId) {
			let Some(positions) = Positions::<T>::get(who) else { return };
			let principal = Self::principal_of(&positions);
			let vesting = T::VestingFrozen::vesting_frozen(who);
			if let Err(error) = Self::set_staking_freeze(who, principal, vesting) {
				frame_support::defensive!("refreshing a staking freeze failed", error);
			}
		}

		/// Sets `who`'s staking freeze to `principal + vesting` (saturating), or thaws it when
		/// `principal` is zero (no position left).
		fn set_staking_freeze(
			who: &T::AccountId,
			principal: BalanceOf<T>,
			vesting: BalanceOf<T>,
		) -> DispatchResult {
			let reason = FreezeReason::Staking.into();
			if principal.is_zero() {
				T::Currency::thaw(&reason, who)
			} else {
				T::Currency::set_freeze(&reason, who, principal.saturating_add(vesting))
			}
		}

		/// The bounds of a single term (tokenomics section 5).
		pub(crate) fn check_term(term: &Term<BalanceOf<T>>) -> Result<(), Error<T>> {
			ensure!(term.days >= MIN_TERM_DAYS, Error::<T>::TermTooShort);
			ensure!(term.apy <= MAX_APY, Error::<T>::ApyTooHigh);
			ensure!(!term.minimum.is_zero(), Error::<T>::ZeroMinimum);
			ensure!(term.reward_burn <= Permill::one(), Error::<T>::RewardBurnTooHigh);
			Ok(())
		}

		/// `term` for `tier` lasts longer than every shorter tier's current term and less
		/// than every longer one's. Reads the four other tiers.
		pub(crate) fn check_order(tier: Tier, term: &Term<BalanceOf<T>>) -> Result<(), Error<T>> {
			for other in Tier::ALL {
				if other == tier {
					continue;
				}
				let Some(current) = Terms::<T>::get(other) else { continue };
				let ordered =
					if other < tier { current.days < term.days } else { current.days > term.days };
				ensure!(ordered, Error::<T>::TermsNotIncreasing);
			}
			Ok(())
		}

		/// The accumulator value `position`'s share is counted up to: the one recorded at its
		/// maturity once it has matured, else `accumulator` (the current one). A matured
		/// position whose maturity block's hook did not run is still counted active and
		/// earns until it is closed.
		pub(crate) fn end_accumulator(
			position: &PositionOf<T>,
			now: BlockNumberFor<T>,
			accumulator: u128,
		) -> u128 {
			if position.maturity > now {
				return accumulator;
			}
			FeeShareAtMaturity::<T>::get(position.maturity).unwrap_or(accumulator)
		}

		/// What the stakers' pot may pay out: its balance beyond the existential deposit (and
		/// anything frozen or held there).
		fn pot_payable() -> BalanceOf<T> {
			T::Currency::reducible_balance(
				&T::FeeSharePot::get(),
				Preservation::Preserve,
				Fortitude::Polite,
			)
		}

		/// Shares the income that reached the stakers' pot since the last call among the
		/// positions that have not matured, and returns the accumulator. Income that arrives
		/// while no position is active (none open, or all matured) waits in the pot and is
		/// shared among the next active stakes at the next settlement.
		pub(crate) fn settle_fee_income() -> u128 {
			let accumulator = FeeSharePerStake::<T>::get();
			let Some((per_stake, shared)) = Self::unsettled_income() else { return accumulator };
			let accumulator = accumulator.saturating_add(per_stake);
			FeeSharePerStake::<T>::put(accumulator);
			FeeShareAccounted::<T>::mutate(|accounted| {
				*accounted = accounted.saturating_add(shared.saturated_into())
			});
			accumulator
		}

		/// The income waiting in the pot, as `(growth of the accumulator, what the positions
		/// will be paid of it in all)`; `None` while no stake is active or nothing waits. The
		/// part not shared (rounding) stays in the pot as income for the next settlement.
		/// The pot's existential deposit is never income.
		fn unsettled_income() -> Option<(u128, u128)> {
			let total_staked: u128 = TotalActiveStake::<T>::get().saturated_into();
			if total_staked == 0 {
				return None;
			}
			let income: u128 =
				Self::pot_payable().saturating_sub(FeeShareAccounted::<T>::get()).saturated_into();
			// Cannot overflow while stakes are at least a planck and income is below 3.4 × 10^20
			// BTT; saturate rather than withhold income if it ever did.
			let per_stake =
				multiply_by_rational_with_rounding(income, PRECISION, total_staked, Rounding::Down)
					.unwrap_or(u128::MAX);
			if per_stake == 0 {
				return None;
			}
			// What the positions are owed of it, rounded up: each position's share is rounded
			// down over all the settlements it spans, which can exceed the sum of per-settlement
			// floors by a planck a settlement, so the accounted side rounds up to stay at least
			// what is owed. `per_stake × total ≤ income × PRECISION`, so it is at most `income`.
			let shared = multiply_by_rational_with_rounding(
				per_stake,
				total_staked,
				PRECISION,
				Rounding::Up,
			)
			.unwrap_or(income)
			.min(income);
			Some((per_stake, shared))
		}

		/// What `position` has earned of the fee share since it last settled, counting up to
		/// `accumulator` (see [`Self::end_accumulator`]).
		pub(crate) fn owed_fee_share(position: &PositionOf<T>, accumulator: u128) -> BalanceOf<T> {
			let growth = accumulator.saturating_sub(position.fee_share_debt);
			multiply_by_rational_with_rounding(
				position.principal.saturated_into(),
				growth,
				PRECISION,
				Rounding::Down,
			)
			.unwrap_or(0)
			.saturated_into()
		}

		/// Pays `amount` of fee share out of the pot, which keeps its existential deposit (it
		/// is never reaped). A share the pot cannot pay whole is not paid at all:
		/// `FeeShareUnavailable`, and it stays owed. That cannot happen while the pot holds
		/// what was accounted (an invariant); if something ever took tokens out of it, new
		/// income refills it before it is shared again.
		fn pay_fee_share(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			if amount.is_zero() {
				return Ok(());
			}
			ensure!(Self::pot_payable() >= amount, Error::<T>::FeeShareUnavailable);
			T::Currency::transfer(&T::FeeSharePot::get(), who, amount, Preservation::Preserve)
				.map_err(|_| Error::<T>::FeeShareUnavailable)?;
			FeeShareAccounted::<T>::mutate(|accounted| {
				*accounted = accounted.saturating_sub(amount)
			});
			Self::deposit_event(Event::FeeSharePaid { who: who.clone(), amount });
			Ok(())
		}

		/// Fee share `who` could claim now.
		pub fn pending_fee_share(who: &T::AccountId) -> BalanceOf<T> {
			let Some(positions) = Positions::<T>::get(who) else { return Zero::zero() };
			let accumulator = Self::current_accumulator();
			let now = frame_system::Pallet::<T>::block_number();
			positions.iter().fold(Zero::zero(), |sum: BalanceOf<T>, p| {
				sum.saturating_add(Self::fee_share_now(p, now, accumulator))
			})
		}

		/// What `position` is owed of the fee share at `now`, with the fee-share accumulator
		/// at `accumulator` (counted up to its maturity once it has matured).
		fn fee_share_now(
			position: &PositionOf<T>,
			now: BlockNumberFor<T>,
			accumulator: u128,
		) -> BalanceOf<T> {
			Self::owed_fee_share(position, Self::end_accumulator(position, now, accumulator))
		}

		/// The terms of each tier for new stakes, shortest tier first.
		pub fn terms() -> Vec<(Tier, Term<BalanceOf<T>>)> {
			Tier::ALL.into_iter().filter_map(|tier| Some((tier, Terms::<T>::get(tier)?))).collect()
		}

		/// `who`'s tier, benefits, positions (with what closing each pays) and pending fee
		/// share. Reads the account's positions and the fee-share books: O(positions).
		pub fn staker_view(who: &T::AccountId) -> StakerView<BalanceOf<T>, BlockNumberFor<T>> {
			let now = frame_system::Pallet::<T>::block_number();
			let positions = Positions::<T>::get(who).unwrap_or_default();
			let accumulator = Self::current_accumulator();
			let tier = Self::tier_at(&positions, now);
			let views: Vec<_> = positions
				.iter()
				.map(|p| {
					let reward_burned = T::RewardBurner::burned_part(p.reward, p.reward_burn);
					PositionView {
						id: p.id,
						tier: p.tier,
						principal: p.principal,
						reward: p.reward,
						reward_burned,
						reward_paid: p.reward.saturating_sub(reward_burned),
						start: p.start,
						maturity: p.maturity,
						matured: now >= p.maturity,
						fee_share: Self::fee_share_now(p, now, accumulator),
					}
				})
				.collect();
			StakerView {
				tier,
				benefits: Benefits::of(tier, T::FeeDiscount::get()),
				staked: Self::principal_of(&positions),
				pending_fee_share: views
					.iter()
					.fold(Zero::zero(), |sum: BalanceOf<T>, p| sum.saturating_add(p.fee_share)),
				positions: views,
			}
		}

		/// What `who`'s staking tier gives it now (none without an unmatured position).
		pub fn benefits(who: &T::AccountId) -> Benefits {
			Benefits::of(<Self as StakingBenefits<T::AccountId>>::tier(who), T::FeeDiscount::get())
		}

		/// What `stake(tier, amount)` signed by `who` would give if it were included in the
		/// next block, or the module error the call would fail with now.
		pub fn quote(
			who: &T::AccountId,
			tier: Tier,
			amount: BalanceOf<T>,
		) -> Result<StakeQuote<BalanceOf<T>, BlockNumberFor<T>>, DispatchError> {
			let plan = Self::plan_stake(who, tier, amount)?;
			let reward_burned = T::RewardBurner::burned_part(plan.reward, plan.term.reward_burn);
			let next_block = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
			Ok(StakeQuote {
				tier,
				term: plan.term,
				amount,
				reward: plan.reward,
				reward_burned,
				reward_paid: plan.reward.saturating_sub(reward_burned),
				maturity: Self::maturity(next_block, plan.term.days),
				benefits: Benefits::of(Some(tier), T::FeeDiscount::get()),
			})
		}

		/// The fee-share accumulator with the income waiting in the pot shared out, as the
		/// next call will settle it.
		fn current_accumulator() -> u128 {
			FeeSharePerStake::<T>::get()
				.saturating_add(Self::unsettled_income().map_or(0, |(per_stake, _)| per_stake))
		}

		/// The highest tier among `positions` that have not matured at `now`.
		fn tier_at(positions: &PositionsOf<T>, now: BlockNumberFor<T>) -> Option<Tier> {
			positions.iter().filter(|p| p.maturity > now).map(|p| p.tier).max()
		}

		/// The invariants: every account's staking freeze is the principal of its positions
		/// plus what vesting keeps frozen in it (so its frozen amount covers both),
		/// the totals are the sums of the positions, the maturity books are the sums of the
		/// positions by maturity, the active stake is the principal of the positions whose
		/// maturity has not been recorded, the positions are owed at most the fee share
		/// accounted, the community pool holds every reserved reward, and the pot holds every
		/// fee share accounted beyond its existential deposit: so every owed share can be paid.
		///
		/// Iterates every position: for `try_state` and the tests only.
		pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			use alloc::collections::BTreeMap;
			let mut staked = BalanceOf::<T>::zero();
			let mut active = BalanceOf::<T>::zero();
			let mut rewards = BalanceOf::<T>::zero();
			let mut owed = BalanceOf::<T>::zero();
			let mut by_maturity = BTreeMap::<BlockNumberFor<T>, BalanceOf<T>>::new();
			let accumulator = FeeSharePerStake::<T>::get();
			let now = frame_system::Pallet::<T>::block_number();
			for (who, positions) in Positions::<T>::iter() {
				for p in positions.iter() {
					let entry = by_maturity.entry(p.maturity).or_default();
					*entry = entry.saturating_add(p.principal);
					if !FeeShareAtMaturity::<T>::contains_key(p.maturity) {
						active = active.saturating_add(p.principal);
					}
					owed = owed.saturating_add(Self::fee_share_now(p, now, accumulator));
					ensure!(
						p.fee_share_debt <= accumulator,
						"a position's fee-share debt is ahead of the accumulator"
					);
				}
				ensure!(!positions.is_empty(), "an empty position list is kept");
				let principal = Self::principal_of(&positions);
				ensure!(
					Self::staking_freeze(&who)
						== principal.saturating_add(T::VestingFrozen::vesting_frozen(&who)),
					"an account's staking freeze differs from its positions' principal plus its \
					 vesting freeze"
				);
				staked = staked.saturating_add(principal);
				rewards = positions.iter().fold(rewards, |sum, p| sum.saturating_add(p.reward));
			}
			ensure!(TotalStaked::<T>::get() == staked, "TotalStaked is not the sum of positions");
			ensure!(
				TotalActiveStake::<T>::get() == active,
				"TotalActiveStake is not the principal of the positions still earning"
			);
			ensure!(
				MaturingStake::<T>::iter().collect::<BTreeMap<_, _>>() == by_maturity,
				"MaturingStake is not the principal of the open positions by maturity"
			);
			ensure!(
				owed <= FeeShareAccounted::<T>::get(),
				"the positions are owed more fee share than was accounted"
			);
			for (block, at_maturity) in FeeShareAtMaturity::<T>::iter() {
				ensure!(
					by_maturity.contains_key(&block),
					"FeeShareAtMaturity kept for a block without open positions"
				);
				ensure!(block <= now, "FeeShareAtMaturity recorded for a future block");
				ensure!(
					at_maturity <= accumulator,
					"FeeShareAtMaturity is ahead of the accumulator"
				);
			}
			ensure!(
				ReservedRewards::<T>::get() == rewards,
				"ReservedRewards is not the sum of positions"
			);
			ensure!(
				T::Currency::balance_on_hold(
					&HoldReason::StakingReward.into(),
					&T::RewardPool::get()
				) == rewards,
				"the community pool's reward hold differs from the reserved rewards"
			);
			ensure!(
				Self::pot_payable() >= FeeShareAccounted::<T>::get(),
				"the stakers' pot holds less than the fee share accounted beyond its deposit"
			);
			Ok(())
		}
	}

	impl<T: Config> ActiveStake<T::AccountId, BalanceOf<T>> for Pallet<T> {
		fn active_stake(who: &T::AccountId, min_tier: Tier) -> BalanceOf<T> {
			let now = frame_system::Pallet::<T>::block_number();
			Positions::<T>::get(who).map_or_else(Zero::zero, |positions| {
				positions
					.iter()
					.filter(|p| p.maturity > now && p.tier >= min_tier)
					.fold(Zero::zero(), |sum: BalanceOf<T>, p| sum.saturating_add(p.principal))
			})
		}
	}

	impl<T: Config> StakingBenefits<T::AccountId> for Pallet<T> {
		fn tier(who: &T::AccountId) -> Option<Tier> {
			Self::tier_at(&Positions::<T>::get(who)?, frame_system::Pallet::<T>::block_number())
		}

		fn fee_discount(who: &T::AccountId) -> Permill {
			Self::benefits(who).fee_discount
		}
	}
}
