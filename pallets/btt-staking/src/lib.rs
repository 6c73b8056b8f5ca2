//! # BTT staking pallet
//!
//! Fixed-term staking (SPEC.md section 5). A holder stakes in one of five tiers (30, 90,
//! 180, 365 and 1095 days by default) at least the tier's minimum. The principal stays in
//! the owner's account, frozen (`FreezeReason::Staking`) until maturity; there is no early
//! exit. The fixed reward, `principal × APY × days / 365`, is reserved in the community
//! incentives pool **when the stake is made** (a hold, `HoldReason::StakingReward`, that no
//! programme can spend), so a reward the pool cannot pay is never promised: such a stake
//! fails with [`Error::PoolCannotCover`].
//!
//! After maturity anyone may [`close`](Pallet::close) the position: the principal is
//! unfrozen and the reward paid, minus the tier's reward burn (365 days 10%, 1095 days 20%
//! by default), which btt-burn books as a staking-reward burn.
//!
//! **Fee share.** The stakers' share of transaction fees (btt-burn sends it to the stakers'
//! pot) is shared pro rata to the principal of open positions with a reward-per-share
//! accumulator: when income reaches the pot, `income × PRECISION / total_staked` is added
//! to the accumulator, and a position is owed `principal × (accumulator − its debt) /
//! PRECISION`. Every call settles the accumulator first, so each costs the same whatever
//! the number of stakers. Each share is rounded down; the unshared remainder of a settlement
//! stays in the pot and is shared at the next one, so stakers together are never paid more
//! than came in (a few plancks of rounding may be shared a second time, never created).
//!
//! **Benefits.** An account's tier is the highest tier of its positions that have not
//! matured; benefits are cumulative (see [`Tier`]). Other pallets and the runtime read
//! them through [`StakingBenefits`], which this pallet implements.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::{
	paper_terms, ActiveStake, OnPoolSpend, Position, StakingBenefits, Term, Tier, DAYS_PER_YEAR,
};
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
		traits::{CheckedAdd, Saturating, StaticLookup, Zero},
		Rounding, SaturatedConversion,
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

	#[pallet::pallet]
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

		/// Blocks in a day (14,400 with 6-second blocks).
		#[pallet::constant]
		type BlocksPerDay: Get<BlockNumberFor<Self>>;

		/// The most positions an account may hold at once.
		#[pallet::constant]
		type MaxPositions: Get<u32>;

		/// Sets the terms of the tiers (the economic-parameters track).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

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

	/// The principal of every open position: what the staking freezes add up to.
	#[pallet::storage]
	pub type TotalStaked<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The fixed rewards of every open position, held in the community pool.
	#[pallet::storage]
	pub type ReservedRewards<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The fee-share accumulator: fee income per staked planck, times [`PRECISION`].
	#[pallet::storage]
	pub type FeeSharePerStake<T: Config> = StorageValue<_, u128, ValueQuery>;

	/// The part of the stakers' pot already shared out through the accumulator and not paid
	/// yet (at most what the pot holds). Income is what the pot holds beyond it.
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
		/// Terms need at least one day and a minimum above zero.
		InvalidTerm,
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
				assert!(Pallet::<T>::term_is_valid(term), "staking tier {tier:?}: invalid term");
				Terms::<T>::insert(tier, term);
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
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
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::stake())]
		pub fn stake(
			origin: OriginFor<T>,
			tier: Tier,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let term = Terms::<T>::get(tier).ok_or(Error::<T>::UnknownTier)?;
			ensure!(amount >= term.minimum, Error::<T>::BelowMinimum);
			let mut positions = Positions::<T>::get(&who).unwrap_or_default();
			ensure!(
				(positions.len() as u32) < T::MaxPositions::get(),
				Error::<T>::TooManyPositions
			);
			let staked = Self::frozen_principal(&who);
			let new_freeze = staked.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			// Free balance only: funds on hold (which may leave the account) do not back a
			// stake. Other freezes may overlap the stake (see the README).
			ensure!(T::Currency::balance(&who) >= new_freeze, Error::<T>::InsufficientBalance);
			let reward = term.reward(amount).ok_or(Error::<T>::Overflow)?;
			let pool = T::RewardPool::get();
			// Spendable by programmes: neither held for other stakes nor needed to keep the
			// pool account alive.
			ensure!(
				T::Currency::reducible_balance(&pool, Preservation::Preserve, Fortitude::Polite)
					>= reward,
				Error::<T>::PoolCannotCover
			);

			let accumulator = Self::settle_fee_income();
			if !reward.is_zero() {
				T::Currency::hold(&HoldReason::StakingReward.into(), &pool, reward)
					.map_err(|_| Error::<T>::PoolCannotCover)?;
			}
			T::Currency::set_freeze(&FreezeReason::Staking.into(), &who, new_freeze)?;

			let now = frame_system::Pallet::<T>::block_number();
			let maturity =
				now.saturating_add(T::BlocksPerDay::get().saturating_mul(term.days.into()));
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
		/// reward (minus its burn) and the position's fee share. Anyone may close a matured
		/// position for its owner.
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
			let fee_share = Self::owed_fee_share(&position, accumulator);
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
				T::Currency::transfer(&pool, &owner, reward_paid, Preservation::Expendable)?;
			}
			T::OnPoolSpend::spent(&pool, position.reward);

			let remaining = Self::frozen_principal(&owner).saturating_sub(position.principal);
			if remaining.is_zero() {
				T::Currency::thaw(&FreezeReason::Staking.into(), &owner)?;
			} else {
				T::Currency::set_freeze(&FreezeReason::Staking.into(), &owner, remaining)?;
			}
			if positions.is_empty() {
				Positions::<T>::remove(&owner);
			} else {
				Positions::<T>::insert(&owner, positions);
			}
			TotalStaked::<T>::mutate(|total| *total = total.saturating_sub(position.principal));
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

		/// Pays the caller the fee share its open positions have earned so far.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::claim_fee_share())]
		pub fn claim_fee_share(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut positions = Positions::<T>::get(&who).ok_or(Error::<T>::UnknownPosition)?;
			let accumulator = Self::settle_fee_income();
			let mut owed = BalanceOf::<T>::zero();
			for position in positions.iter_mut() {
				owed = owed.saturating_add(Self::owed_fee_share(position, accumulator));
				position.fee_share_debt = accumulator;
			}
			ensure!(!owed.is_zero(), Error::<T>::NothingToClaim);
			Self::pay_fee_share(&who, owed)?;
			Positions::<T>::insert(&who, positions);
			Ok(())
		}

		/// Sets the terms of `tier` for stakes made from now on; open positions keep theirs.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_term())]
		pub fn set_term(
			origin: OriginFor<T>,
			tier: Tier,
			term: Term<BalanceOf<T>>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(Self::term_is_valid(&term), Error::<T>::InvalidTerm);
			Terms::<T>::insert(tier, term);
			Self::deposit_event(Event::TermSet { tier, term });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// What the staking freeze holds in `who`'s account.
		pub fn frozen_principal(who: &T::AccountId) -> BalanceOf<T> {
			T::Currency::balance_frozen(&FreezeReason::Staking.into(), who)
		}

		fn term_is_valid(term: &Term<BalanceOf<T>>) -> bool {
			term.days > 0 && !term.minimum.is_zero()
		}

		/// Shares the income that reached the stakers' pot since the last call among the
		/// open positions, and returns the accumulator. Income that arrives while nothing is
		/// staked waits in the pot for the next stakers.
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
		/// will be paid of it in all)`; `None` while nothing is staked or nothing waits. The
		/// part not shared (rounding) stays in the pot as income for the next settlement.
		fn unsettled_income() -> Option<(u128, u128)> {
			let total_staked: u128 = TotalStaked::<T>::get().saturated_into();
			if total_staked == 0 {
				return None;
			}
			let income: u128 = T::Currency::balance(&T::FeeSharePot::get())
				.saturating_sub(FeeShareAccounted::<T>::get())
				.saturated_into();
			// Cannot overflow while stakes are at least a planck and income is below 3.4 × 10^20
			// BTT; saturate rather than withhold income if it ever did.
			let per_stake =
				multiply_by_rational_with_rounding(income, PRECISION, total_staked, Rounding::Down)
					.unwrap_or(u128::MAX);
			if per_stake == 0 {
				return None;
			}
			let shared = multiply_by_rational_with_rounding(
				per_stake,
				total_staked,
				PRECISION,
				Rounding::Down,
			)
			.unwrap_or(0);
			Some((per_stake, shared))
		}

		/// What `position` has earned of the fee share since it last settled.
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

		/// Pays `amount` of fee share out of the pot. The pot is an account like any other:
		/// if it was reaped as dust it may hold a few plancks less than accounted, and then
		/// pays what it has, so that closing a position can never fail on it.
		fn pay_fee_share(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			let pot = T::FeeSharePot::get();
			let amount = amount.min(T::Currency::balance(&pot));
			if amount.is_zero() {
				return Ok(());
			}
			T::Currency::transfer(&pot, who, amount, Preservation::Expendable)?;
			let left = T::Currency::balance(&pot);
			FeeShareAccounted::<T>::mutate(|accounted| {
				*accounted = accounted.saturating_sub(amount).min(left)
			});
			Self::deposit_event(Event::FeeSharePaid { who: who.clone(), amount });
			Ok(())
		}

		/// Fee share `who` could claim now.
		pub fn pending_fee_share(who: &T::AccountId) -> BalanceOf<T> {
			let Some(positions) = Positions::<T>::get(who) else { return Zero::zero() };
			let accumulator = FeeSharePerStake::<T>::get()
				.saturating_add(Self::unsettled_income().map_or(0, |(per_stake, _)| per_stake));
			positions.iter().fold(Zero::zero(), |sum: BalanceOf<T>, p| {
				sum.saturating_add(Self::owed_fee_share(p, accumulator))
			})
		}

		/// The invariants: every account's staking freeze is the principal of its positions,
		/// the totals are the sums of the positions, the community pool holds every reserved
		/// reward, and the pot holds every fee share accounted.
		///
		/// Iterates every position: for `try_state` and the tests only.
		pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			let mut staked = BalanceOf::<T>::zero();
			let mut rewards = BalanceOf::<T>::zero();
			for (who, positions) in Positions::<T>::iter() {
				ensure!(!positions.is_empty(), "an empty position list is kept");
				let principal = positions
					.iter()
					.fold(BalanceOf::<T>::zero(), |sum, p| sum.saturating_add(p.principal));
				ensure!(
					Self::frozen_principal(&who) == principal,
					"an account's staking freeze differs from its positions' principal"
				);
				staked = staked.saturating_add(principal);
				rewards = positions.iter().fold(rewards, |sum, p| sum.saturating_add(p.reward));
			}
			ensure!(TotalStaked::<T>::get() == staked, "TotalStaked is not the sum of positions");
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
				T::Currency::balance(&T::FeeSharePot::get()) >= FeeShareAccounted::<T>::get(),
				"the stakers' pot holds less than the fee share accounted"
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
			let now = frame_system::Pallet::<T>::block_number();
			Positions::<T>::get(who)?.iter().filter(|p| p.maturity > now).map(|p| p.tier).max()
		}
	}
}
