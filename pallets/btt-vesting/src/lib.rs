#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod allocation;
pub mod report;
pub mod schedule;
pub mod tranche;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use allocation::{AllocationRow, Portion, ReleaseRule, TableError};
pub use pallet::*;
pub use report::{
	AccountVesting, EmissionSchedule, ReleaseProjection, RowRelease, SupplyBreakdown, YearRelease,
};
pub use schedule::{GrantSchedule, VestingSchedule};
pub use tranche::TrancheState;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

/// What a pool account must keep back for burns that are promised but not executed yet (the
/// milestone burns of btt-burn, out of the ecosystem fund). A release out of the pool that
/// would leave less than this is refused with `Error::KeptForMilestoneBurns`, and the release
/// report counts these tokens as burned, not as a future release.
pub trait PendingBurns<AccountId, Balance> {
	/// What `pool` keeps back now.
	fn kept_back(pool: &AccountId) -> Balance;
}

/// Nothing is kept back: for chains (and tests) without milestone burns.
impl<AccountId, Balance: Default> PendingBurns<AccountId, Balance> for () {
	fn kept_back(_: &AccountId) -> Balance {
		Balance::default()
	}
}

/// Told every time this pallet sets an account's vesting freeze (a claim that shrinks it, a
/// vesting grant that adds a schedule, a genesis schedule), once the new schedules are
/// stored, so [`Pallet::frozen`] already returns the new amount. Freezes do not add up in
/// pallet-balances (the largest counts), so a pallet whose freeze must cover the vesting
/// freeze on top of its own (btt-staking's staking freeze) recomputes it here.
///
/// It cannot fail: the claim or grant has happened, and nothing the hook does may undo it.
pub trait OnVestingChanged<AccountId> {
	/// `who`'s vesting freeze has just changed.
	fn vesting_changed(who: &AccountId);

	/// The most one `vesting_changed` call costs: added to the weight of the calls that
	/// make it (`claim`, `release_ecosystem`, `programme_spend`).
	fn weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// Nobody is told.
impl<AccountId> OnVestingChanged<AccountId> for () {
	fn vesting_changed(_: &AccountId) {}
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Where the allocation table stands: released, claimable and locked per row, the
	/// circulating supply, and the release the table's rules produce year by year.
	pub trait BttVestingApi<AccountId, Balance> where
		AccountId: codec::Codec,
		Balance: codec::Codec,
	{
		/// Every row of the table, in row order, as of the current block.
		fn rows() -> alloc::vec::Vec<RowRelease<Balance>>;
		/// The vesting of one account: frozen and claimable now.
		fn account(who: AccountId) -> AccountVesting<Balance>;
		/// The circulating supply and what is not circulating (see `report`'s docs).
		fn supply() -> SupplyBreakdown<Balance>;
		/// The release the table's own rules produce in each year after genesis.
		fn projected_release() -> ReleaseProjection<Balance>;
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::allocation::{validate_table, MAX_NAME_LEN};
	use alloc::vec::Vec;
	use codec::{Decode, Encode, MaxEncodedLen};
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, InspectFreeze, Mutate, MutateFreeze},
	};
	use frame_system::pallet_prelude::*;
	use polkadot_sdk::sp_runtime::traits::{Saturating, StaticLookup, Zero};
	use scale_info::TypeInfo;

	/// The balance type of the currency the table is paid in.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// A community programme's cap and what it spent in the current period.
	#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
	pub struct Programme<Balance, BlockNumber> {
		/// What it may spend per period.
		pub cap_per_period: Balance,
		/// The period `spent_in_period` counts.
		pub period: BlockNumber,
		/// What it has spent in that period.
		pub spent_in_period: Balance,
	}

	/// The schedules of one account.
	pub type SchedulesOf<T> = BoundedVec<
		VestingSchedule<BalanceOf<T>, BlockNumberFor<T>>,
		<T as Config>::MaxSchedulesPerAccount,
	>;

	/// A name stored on chain, at most `MAX_NAME_LEN` bytes of UTF-8.
	pub type Name = BoundedVec<u8, ConstU32<MAX_NAME_LEN>>;

	/// What the chain keeps of a row of the allocation table.
	#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
	pub struct AllocationRowInfo<Balance> {
		/// The category, e.g. "BitWave Protocol Labs".
		pub name: Name,
		/// Share of the total supply in basis points.
		pub bps: u16,
		/// The row's amount in plancks: total supply × bps / 10,000.
		pub amount: Balance,
		/// How the row's tokens are released.
		pub release: ReleaseRule,
		/// How many portions (accounts) the row was placed in at genesis.
		pub portions: u32,
	}

	/// The storage version: 0, the layout this pallet launches with. A change of layout
	/// bumps it and ships a `VersionedMigration` in the runtime's `Migrations`.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet freezes tokens.
	#[pallet::composite_enum]
	pub enum FreezeReason {
		/// Tokens of an allocation that have not been released by vesting yet.
		#[codec(index = 0)]
		Vesting,
	}

	/// Configuration of the BTT vesting pallet.
	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The currency of the chain (BTT), through the `fungible` traits, with freezes.
		type Currency: Mutate<Self::AccountId>
			+ MutateFreeze<Self::AccountId, Id = Self::RuntimeFreezeReason>;

		/// The runtime's freeze reasons, which include this pallet's.
		type RuntimeFreezeReason: From<FreezeReason>;

		/// Blocks in a tokenomics month (30 days: 432,000 blocks of 6 s). The runtime derives
		/// it from the chain day set in genesis, so test chains shorten it with the rest of the
		/// calendar; the code path is the same. (Not a metadata constant: it may read storage.)
		type BlocksPerMonth: Get<BlockNumberFor<Self>>;

		/// The most vesting schedules one account may have.
		#[pallet::constant]
		type MaxSchedulesPerAccount: Get<u32>;

		/// The origin that approves foundation development milestones: the milestones track
		/// (in the BTT runtime also root, or two thirds of the council before its sunset).
		type MilestoneOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The origin that releases the ecosystem development fund and manages community
		/// programmes: the treasurer track (in the BTT runtime also root, or two thirds of the
		/// council before its sunset).
		type TreasurerOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The origin that releases the strategic reserve: a passed referendum on the
		/// reserve-release track (in the BTT runtime only that track's origin: the root origin
		/// and the council are refused).
		type ReserveOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The ecosystem development fund's keyless account (row 10).
		#[pallet::constant]
		type EcosystemFund: Get<Self::AccountId>;

		/// The community incentives pool's keyless account (row 9).
		#[pallet::constant]
		type CommunityPool: Get<Self::AccountId>;

		/// The strategic reserve's keyless account (row 12).
		#[pallet::constant]
		type StrategicReserve: Get<Self::AccountId>;

		/// Blocks in a programme's spending period: its cap applies per period. (Not a
		/// metadata constant: it may read storage.)
		type ProgrammePeriod: Get<BlockNumberFor<Self>>;

		/// The most community programmes at once.
		#[pallet::constant]
		type MaxProgrammes: Get<u32>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// The whole supply, all of it placed by the genesis table (210,000,000 BTT).
		#[pallet::constant]
		type TotalSupply: Get<BalanceOf<Self>>;

		/// Blocks in a year of 365 days: the unit of the projected release. (Not a metadata
		/// constant: it may read storage.)
		type BlocksPerYear: Get<BlockNumberFor<Self>>;

		/// The mining pool's emission schedule, for the projected release of the mining row.
		type MiningEmission: EmissionSchedule<BlockNumberFor<Self>, BalanceOf<Self>>;

		/// Every staker and the principal its stakes freeze: not part of the circulating
		/// supply (read off-chain only, by the runtime API).
		type StakedSupply: Get<Vec<(Self::AccountId, BalanceOf<Self>)>>;

		/// What each pool keeps back for the milestone burns still pending (btt-burn's
		/// `pending_burns_from`): releases may not spend it. `()` keeps nothing back.
		type PendingBurns: PendingBurns<Self::AccountId, BalanceOf<Self>>;

		/// The longest vesting grant, in months: bounds the lock, and the lock plus the
		/// linear part, of a grant paid by `release_ecosystem` or `programme_spend`.
		#[pallet::constant]
		type MaxGrantMonths: Get<u16>;

		/// The smallest vesting grant: a grant takes one of the recipient's
		/// `MaxSchedulesPerAccount` slots, so dust grants could fill them.
		#[pallet::constant]
		type MinGrant: Get<BalanceOf<Self>>;

		/// Told every time an account's vesting freeze is set, after its schedules are
		/// stored (btt-staking's `refresh_freeze`, which keeps a staker's staking freeze at
		/// its principal plus its vesting freeze). `()` tells nobody.
		type OnVestingChanged: OnVestingChanged<Self::AccountId>;
	}

	/// The genesis allocation table, one entry per row, keyed by the row's number.
	///
	/// Written once at genesis; the amounts add up to `TotalSupply` and the bps to 10,000.
	#[pallet::storage]
	pub type AllocationRows<T: Config> =
		StorageMap<_, Twox64Concat, u8, AllocationRowInfo<BalanceOf<T>>, OptionQuery>;

	/// The vesting schedules of each beneficiary, until they are fully released.
	#[pallet::storage]
	pub type Schedules<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SchedulesOf<T>, OptionQuery>;

	/// The milestone tranches of each portion of a tranche row (row 7's sub-rows), keyed by
	/// row and portion index.
	#[pallet::storage]
	pub type Tranches<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		u8,
		Twox64Concat,
		u8,
		TrancheState<T::AccountId, BalanceOf<T>>,
		OptionQuery,
	>;

	/// Community programmes (patient health rewards, developer grants, …): accounts that
	/// governance allows to spend the community pool, each up to a cap per period.
	#[pallet::storage]
	pub type Programmes<T: Config> = CountedStorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Programme<BalanceOf<T>, BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// The foundation's account (its multisig): tranches are paid to it.
	#[pallet::storage]
	pub type FoundationAccount<T: Config> = StorageValue<_, T::AccountId, OptionQuery>;

	/// The account holding each pool row (mining, community incentives, ecosystem fund,
	/// strategic reserve), keyed by the row's number. Written at genesis.
	#[pallet::storage]
	pub type PoolAccounts<T: Config> = StorageMap<_, Twox64Concat, u8, T::AccountId, OptionQuery>;

	/// What has been paid out of each pool account since genesis, by this pallet's calls
	/// and by the pallets that spend a pool (staking rewards, mining rewards).
	#[pallet::storage]
	pub type PoolReleased<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>, ValueQuery>;

	/// The part of `PoolReleased` that milestone burns took out of each pool account: burned,
	/// not released. The release projection counts it (with what the pool keeps back for the
	/// burns still pending) as burned rather than as a future release.
	#[pallet::storage]
	pub type PoolBurned<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>, ValueQuery>;

	/// Events of the vesting pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance approved the development milestones of a sub-row up to a tranche.
		MilestonesApproved {
			/// The tranche row.
			row: u8,
			/// The portion (sub-row) index within the row.
			portion: u8,
			/// Tranches approved so far, counted from the first.
			approved: u16,
		},
		/// Approved and due tranches were paid to the foundation.
		TranchesClaimed {
			/// The tranche row.
			row: u8,
			/// The portion (sub-row) index within the row.
			portion: u8,
			/// How many tranches this claim paid.
			tranches: u16,
			/// How much it paid.
			amount: BalanceOf<T>,
		},
		/// Governance released tokens of the ecosystem development fund.
		EcosystemReleased {
			/// Who received them.
			dest: T::AccountId,
			/// How much.
			amount: BalanceOf<T>,
			/// The grant's lock and linear months when paid as a vesting grant.
			vesting: Option<GrantSchedule>,
		},
		/// A community programme was added or its cap changed.
		ProgrammeSet {
			/// The programme's account.
			account: T::AccountId,
			/// What it may spend per period.
			cap_per_period: BalanceOf<T>,
		},
		/// A community programme was removed.
		ProgrammeRemoved {
			/// The programme's account.
			account: T::AccountId,
		},
		/// A programme paid out of the community pool.
		ProgrammeSpent {
			/// The programme's account.
			programme: T::AccountId,
			/// Who received the tokens.
			dest: T::AccountId,
			/// How much.
			amount: BalanceOf<T>,
			/// The grant's lock and linear months when paid as a vesting grant.
			vesting: Option<GrantSchedule>,
		},
		/// The strategic reserve released tokens to the foundation's account.
		ReserveReleased {
			/// The foundation's account.
			foundation: T::AccountId,
			/// How much.
			amount: BalanceOf<T>,
		},
		/// Vested tokens were released: they are no longer frozen.
		Claimed {
			/// The beneficiary.
			who: T::AccountId,
			/// How much was released.
			amount: BalanceOf<T>,
			/// How much stays frozen by vesting.
			still_frozen: BalanceOf<T>,
		},
	}

	/// Errors of the vesting pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The account has no vesting schedule.
		NoSchedule,
		/// Nothing has vested since the last claim (for instance, the lock has not ended), or
		/// no tranche is both approved and due.
		NothingToClaim,
		/// No tranche row has that row and portion.
		UnknownTranche,
		/// Approval only moves forward: it cannot be withdrawn or repeated.
		ApprovalNotIncreasing,
		/// More tranches than the sub-row has.
		BeyondLastTranche,
		/// The chain has no foundation account to pay tranches to.
		NoFoundationAccount,
		/// The amount is zero.
		ZeroAmount,
		/// The pool cannot pay that much.
		PoolInsufficient,
		/// The caller is not a community programme.
		NotAProgramme,
		/// The payment would take the programme over its cap for this period.
		ProgrammeCapExceeded,
		/// There are `MaxProgrammes` programmes already.
		TooManyProgrammes,
		/// The recipient has `MaxSchedulesPerAccount` vesting schedules already.
		TooManySchedules,
		/// A vesting grant needs a linear part of at least one month.
		InvalidGrantSchedule,
		/// The release would leave the pool with less than it keeps back for the milestone
		/// burns still pending.
		KeptForMilestoneBurns,
		/// A vesting grant's lock, or its lock plus its linear part, is longer than
		/// `MaxGrantMonths`.
		GrantTooLong,
		/// A vesting grant is smaller than `MinGrant`.
		GrantTooSmall,
	}

	/// The account lookup of the chain (an address or an index).
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Releases everything that has vested in `who`'s schedules. Anyone may claim for
		/// anyone: the tokens stay in `who`'s account, only the freeze shrinks.
		///
		/// Feeless when the signer claims its own tokens and the claim releases something,
		/// so a beneficiary whose whole balance is frozen can claim. A claim for someone
		/// else pays the normal fee (no free transactions on another's behalf), and so does
		/// a claim that releases nothing: it fails with `NothingToClaim` (or `NoSchedule`).
		///
		/// - Origin: signed (any account), for any `who`; feeless when the signer is `who`
		///   and something is claimable.
		/// - Emits: `Claimed`.
		/// - Errors: `NoSchedule`, `NothingToClaim`.
		/// - Complexity: O(S) with S = `who`'s schedules (≤ `MaxSchedulesPerAccount`; the
		///   weight assumes the most) plus the `OnVestingChanged` hook (btt-staking's
		///   `refresh_freeze` in the BTT runtime, O(`who`'s staking positions)), whose weight
		///   is added.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::claim(T::MaxSchedulesPerAccount::get())
			.saturating_add(T::OnVestingChanged::weight()))]
		#[pallet::feeless_if(|origin: &OriginFor<T>, who: &AccountIdLookupOf<T>| -> bool {
			ensure_signed(origin.clone()).is_ok_and(|signer| {
				T::Lookup::lookup(who.clone())
					.is_ok_and(|who| who == signer && !Pallet::<T>::claimable(&who).is_zero())
			})
		})]
		pub fn claim(origin: OriginFor<T>, who: AccountIdLookupOf<T>) -> DispatchResult {
			ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_claim(&who)
		}

		/// Approves the development milestones of a tranche sub-row up to tranche
		/// `up_to` (counted from 1). Approval only moves forward.
		///
		/// - Origin: `T::MilestoneOrigin` (the milestones track; in the BTT runtime also root,
		///   or two thirds of the council before its sunset block).
		/// - Emits: `MilestonesApproved`.
		/// - Errors: `UnknownTranche`, `ApprovalNotIncreasing`, `BeyondLastTranche`.
		/// - Complexity: O(1).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::approve_milestones())]
		pub fn approve_milestones(
			origin: OriginFor<T>,
			row: u8,
			portion: u8,
			up_to: u16,
		) -> DispatchResult {
			T::MilestoneOrigin::ensure_origin(origin)?;
			Tranches::<T>::try_mutate(row, portion, |state| {
				let state = state.as_mut().ok_or(Error::<T>::UnknownTranche)?;
				ensure!(up_to > state.approved, Error::<T>::ApprovalNotIncreasing);
				ensure!(up_to <= state.tranches, Error::<T>::BeyondLastTranche);
				state.approved = up_to;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::MilestonesApproved { row, portion, approved: up_to });
			Ok(())
		}

		/// Releases `amount` of the ecosystem development fund to `dest`, free or — with
		/// `vesting = Some(GrantSchedule { lock_months, linear_months })` — as a vesting grant.
		///
		/// The fund keeps back what the milestone burns still pending need
		/// (`KeptForMilestoneBurns`). A grant needs a linear part (`InvalidGrantSchedule`), at
		/// most `MaxGrantMonths` of lock plus linear (`GrantTooLong`) and at least `MinGrant`
		/// (`GrantTooSmall`).
		///
		/// - Origin: `T::TreasurerOrigin` (the treasurer track; in the BTT runtime also root,
		///   or two thirds of the council before its sunset block).
		/// - Emits: `EcosystemReleased`.
		/// - Errors: `ZeroAmount`, `InvalidGrantSchedule`, `GrantTooLong`, `GrantTooSmall`,
		///   `PoolInsufficient`, `KeptForMilestoneBurns`, `TooManySchedules`.
		/// - Complexity: O(1) for a free payment (`PendingBurns` reads btt-burn's milestone
		///   burns, four in the BTT runtime); a grant is O(S) with S = `dest`'s schedules
		///   (≤ `MaxSchedulesPerAccount`; the weight assumes the most) plus the
		///   `OnVestingChanged` hook (btt-staking's `refresh_freeze` in the BTT runtime,
		///   O(`dest`'s staking positions)), whose weight is added.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::release_ecosystem()
			.saturating_add(T::OnVestingChanged::weight()))]
		pub fn release_ecosystem(
			origin: OriginFor<T>,
			dest: AccountIdLookupOf<T>,
			#[pallet::compact] amount: BalanceOf<T>,
			vesting: Option<GrantSchedule>,
		) -> DispatchResult {
			T::TreasurerOrigin::ensure_origin(origin)?;
			let dest = T::Lookup::lookup(dest)?;
			Self::pay_from_pool(&T::EcosystemFund::get(), &dest, amount, vesting)?;
			Self::deposit_event(Event::EcosystemReleased { dest, amount, vesting });
			Ok(())
		}

		/// Adds a community programme, or changes its cap: `account` may then pay up to
		/// `cap_per_period` out of the community pool in each period.
		///
		/// - Origin: `T::TreasurerOrigin` (the treasurer track; in the BTT runtime also root,
		///   or two thirds of the council before its sunset block).
		/// - Emits: `ProgrammeSet`.
		/// - Errors: `TooManyProgrammes` (adding one beyond `MaxProgrammes`).
		/// - Complexity: O(1).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_programme())]
		pub fn set_programme(
			origin: OriginFor<T>,
			account: AccountIdLookupOf<T>,
			#[pallet::compact] cap_per_period: BalanceOf<T>,
		) -> DispatchResult {
			T::TreasurerOrigin::ensure_origin(origin)?;
			let account = T::Lookup::lookup(account)?;
			let programme = match Programmes::<T>::get(&account) {
				Some(existing) => Programme { cap_per_period, ..existing },
				None => {
					ensure!(
						Programmes::<T>::count() < T::MaxProgrammes::get(),
						Error::<T>::TooManyProgrammes
					);
					Programme {
						cap_per_period,
						period: Self::current_period(),
						spent_in_period: Zero::zero(),
					}
				}
			};
			Programmes::<T>::insert(&account, programme);
			Self::deposit_event(Event::ProgrammeSet { account, cap_per_period });
			Ok(())
		}

		/// Removes a community programme.
		///
		/// - Origin: `T::TreasurerOrigin` (the treasurer track; in the BTT runtime also root,
		///   or two thirds of the council before its sunset block).
		/// - Emits: `ProgrammeRemoved`.
		/// - Errors: `NotAProgramme`.
		/// - Complexity: O(1).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_programme())]
		pub fn remove_programme(
			origin: OriginFor<T>,
			account: AccountIdLookupOf<T>,
		) -> DispatchResult {
			T::TreasurerOrigin::ensure_origin(origin)?;
			let account = T::Lookup::lookup(account)?;
			ensure!(Programmes::<T>::contains_key(&account), Error::<T>::NotAProgramme);
			Programmes::<T>::remove(&account);
			Self::deposit_event(Event::ProgrammeRemoved { account });
			Ok(())
		}

		/// A programme pays `amount` out of the community pool to `dest`, free or as a
		/// vesting grant, within its cap for the current period. Grants are bounded as in
		/// `release_ecosystem` (`InvalidGrantSchedule`, `GrantTooLong`, `GrantTooSmall`).
		///
		/// - Origin: signed: a community programme (an account in `Programmes`).
		/// - Emits: `ProgrammeSpent`.
		/// - Errors: `NotAProgramme`, `ProgrammeCapExceeded`, `ZeroAmount`,
		///   `InvalidGrantSchedule`, `GrantTooLong`, `GrantTooSmall`, `PoolInsufficient`,
		///   `KeptForMilestoneBurns` (only if `PendingBurns` keeps part of the community
		///   pool back; the BTT runtime keeps none), `TooManySchedules`.
		/// - Complexity: O(1) for a free payment; a grant is O(S) with S = `dest`'s schedules
		///   (≤ `MaxSchedulesPerAccount`; the weight assumes the most) plus the
		///   `OnVestingChanged` hook (btt-staking's `refresh_freeze` in the BTT runtime,
		///   O(`dest`'s staking positions)), whose weight is added.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::programme_spend()
			.saturating_add(T::OnVestingChanged::weight()))]
		pub fn programme_spend(
			origin: OriginFor<T>,
			dest: AccountIdLookupOf<T>,
			#[pallet::compact] amount: BalanceOf<T>,
			vesting: Option<GrantSchedule>,
		) -> DispatchResult {
			let programme = ensure_signed(origin)?;
			let dest = T::Lookup::lookup(dest)?;
			let mut state = Programmes::<T>::get(&programme).ok_or(Error::<T>::NotAProgramme)?;
			let period = Self::current_period();
			if state.period != period {
				state.period = period;
				state.spent_in_period = Zero::zero();
			}
			let spent = state.spent_in_period.saturating_add(amount);
			ensure!(spent <= state.cap_per_period, Error::<T>::ProgrammeCapExceeded);
			Self::pay_from_pool(&T::CommunityPool::get(), &dest, amount, vesting)?;
			state.spent_in_period = spent;
			Programmes::<T>::insert(&programme, state);
			Self::deposit_event(Event::ProgrammeSpent { programme, dest, amount, vesting });
			Ok(())
		}

		/// Releases `amount` of the strategic reserve — only to the foundation's account,
		/// and only by the reserve origin (a passed referendum).
		///
		/// - Origin: `T::ReserveOrigin` (in the BTT runtime only the reserve-release track's
		///   origin, which a passed referendum on that track dispatches with; the root origin
		///   and the council are refused).
		/// - Emits: `ReserveReleased`.
		/// - Errors: `NoFoundationAccount`, `ZeroAmount`, `PoolInsufficient`,
		///   `KeptForMilestoneBurns` (only if `PendingBurns` keeps part of the reserve back;
		///   the BTT runtime keeps none).
		/// - Complexity: O(1).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::release_reserve())]
		pub fn release_reserve(
			origin: OriginFor<T>,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			T::ReserveOrigin::ensure_origin(origin)?;
			let foundation =
				FoundationAccount::<T>::get().ok_or(Error::<T>::NoFoundationAccount)?;
			Self::pay_from_pool(&T::StrategicReserve::get(), &foundation, amount, None)?;
			Self::deposit_event(Event::ReserveReleased { foundation, amount });
			Ok(())
		}

		/// Pays the foundation every tranche of a sub-row that is both approved and due
		/// (tranche `n` falls due `n` months after genesis). Anyone may call it.
		///
		/// - Origin: signed (any account); the tranches go to the foundation's account.
		/// - Emits: `TranchesClaimed`.
		/// - Errors: `NoFoundationAccount`, `UnknownTranche`, `NothingToClaim` (no tranche
		///   both approved and due beyond those paid).
		/// - Complexity: O(1).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::claim_tranches())]
		pub fn claim_tranches(origin: OriginFor<T>, row: u8, portion: u8) -> DispatchResult {
			ensure_signed(origin)?;
			let foundation =
				FoundationAccount::<T>::get().ok_or(Error::<T>::NoFoundationAccount)?;
			let mut state = Tranches::<T>::get(row, portion).ok_or(Error::<T>::UnknownTranche)?;
			let now = frame_system::Pallet::<T>::block_number();
			let due = state.due_at(now, T::BlocksPerMonth::get());
			let payable_up_to = due.min(state.approved);
			ensure!(payable_up_to > state.claimed, Error::<T>::NothingToClaim);
			let amount = state.paid_by(payable_up_to).saturating_sub(state.paid_by(state.claimed));
			T::Currency::transfer(
				&state.custody,
				&foundation,
				amount,
				frame_support::traits::tokens::Preservation::Expendable,
			)?;
			let tranches = payable_up_to.saturating_sub(state.claimed);
			state.claimed = payable_up_to;
			Tranches::<T>::insert(row, portion, state);
			Self::deposit_event(Event::TranchesClaimed { row, portion, tranches, amount });
			Ok(())
		}
	}

	/// The genesis allocation table and the accounts it pays.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Every row of the table with its portions; see [`AllocationRow`].
		pub allocations: Vec<AllocationRow<T::AccountId, BalanceOf<T>>>,
		/// The foundation's account (its multisig), paid the milestone tranches.
		pub foundation_account: Option<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// No table at all is a chain without this allocation (the default config, unit
			// tests of other pallets); every chain spec of the BTT chain has the table.
			if self.allocations.is_empty() {
				return;
			}
			// Refusing to build is the only safe answer to a table that does not add up:
			// the supply would be wrong forever.
			if let Err(error) = validate_table(&self.allocations, T::TotalSupply::get()) {
				panic!("invalid BTT allocation table: {error}");
			}
			if let Some(foundation) = &self.foundation_account {
				FoundationAccount::<T>::put(foundation);
			}
			for row in &self.allocations {
				for portion in &row.portions {
					if let Err(error) = T::Currency::mint_into(&portion.account, portion.amount) {
						panic!(
							"BTT allocation row {}: minting a portion failed: {error:?}",
							row.id
						);
					}
				}
				match row.release {
					ReleaseRule::LockThenLinear { lock_months, linear_months } => {
						for portion in &row.portions {
							Pallet::<T>::add_genesis_schedule(
								row.id,
								portion,
								lock_months,
								linear_months,
							);
						}
					}
					ReleaseRule::MilestoneTranches { tranches } => {
						assert!(tranches > 0, "row {}: a tranche row needs tranches", row.id);
						for (index, portion) in row.portions.iter().enumerate() {
							let index = u8::try_from(index)
								.unwrap_or_else(|_| panic!("row {}: too many portions", row.id));
							Tranches::<T>::insert(
								row.id,
								index,
								TrancheState {
									custody: portion.account.clone(),
									total: portion.amount,
									tranches,
									approved: 0,
									claimed: 0,
								},
							);
						}
					}
					rule if rule.is_pool() => {
						// `validate_table` checked that a pool row has one portion.
						if let Some(pool) = row.portions.first() {
							Pallet::<T>::check_pool_account(row.id, rule, &pool.account);
							PoolAccounts::<T>::insert(row.id, &pool.account);
						}
					}
					_ => {}
				}
				let info = AllocationRowInfo {
					// `validate_table` checked the length.
					name: Name::truncate_from(row.name.as_bytes().to_vec()),
					bps: row.bps,
					amount: allocation::share_of(T::TotalSupply::get(), row.bps)
						.unwrap_or_default(),
					release: row.release,
					portions: row.portions.len() as u32,
				};
				AllocationRows::<T>::insert(row.id, info);
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxGrantMonths::get() > 0, "MaxGrantMonths allows no grant at all");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// The index of the current programme period.
		fn current_period() -> BlockNumberFor<T> {
			let period = T::ProgrammePeriod::get();
			if period.is_zero() {
				return Zero::zero();
			}
			frame_system::Pallet::<T>::block_number() / period
		}

		/// Pays `amount` from `pool` to `dest`; with `vesting = Some(grant)` the payment is
		/// frozen in `dest`'s account under a new schedule starting now.
		///
		/// Refuses a grant without a linear part, longer than `MaxGrantMonths` or smaller
		/// than `MinGrant`, and a payment that would leave the pool below what it keeps back
		/// for the pending milestone burns.
		fn pay_from_pool(
			pool: &T::AccountId,
			dest: &T::AccountId,
			amount: BalanceOf<T>,
			vesting: Option<GrantSchedule>,
		) -> DispatchResult {
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			if let Some(GrantSchedule { lock_months, linear_months }) = vesting {
				ensure!(linear_months > 0, Error::<T>::InvalidGrantSchedule);
				let months = u32::from(lock_months).saturating_add(u32::from(linear_months));
				ensure!(months <= u32::from(T::MaxGrantMonths::get()), Error::<T>::GrantTooLong);
				ensure!(amount >= T::MinGrant::get(), Error::<T>::GrantTooSmall);
			}
			let available = T::Currency::reducible_balance(
				pool,
				frame_support::traits::tokens::Preservation::Expendable,
				frame_support::traits::tokens::Fortitude::Polite,
			);
			ensure!(available >= amount, Error::<T>::PoolInsufficient);
			ensure!(
				available.saturating_sub(amount) >= T::PendingBurns::kept_back(pool),
				Error::<T>::KeptForMilestoneBurns
			);
			let schedules = match vesting {
				Some(GrantSchedule { lock_months, linear_months }) => {
					let now = frame_system::Pallet::<T>::block_number();
					let mut schedules = Schedules::<T>::get(dest).unwrap_or_default();
					schedules
						.try_push(VestingSchedule {
							row: 0,
							total: amount,
							released: Zero::zero(),
							cliff: now.saturating_add(Self::months(lock_months)),
							duration: Self::months(linear_months),
						})
						.map_err(|_| Error::<T>::TooManySchedules)?;
					Some(schedules)
				}
				None => None,
			};
			T::Currency::transfer(
				pool,
				dest,
				amount,
				frame_support::traits::tokens::Preservation::Expendable,
			)?;
			Self::note_pool_release(pool, amount);
			if let Some(schedules) = schedules {
				// The tokens have arrived; now the vesting freeze, then whoever covers it.
				Self::store_schedules(dest, schedules)?;
			}
			Ok(())
		}

		/// Records that `amount` left the pool account `pool`: the release report and
		/// `try_state` count it. Pallets that spend a pool (staking rewards, mining
		/// rewards) call it for every payment out of the pool.
		pub fn note_pool_release(pool: &T::AccountId, amount: BalanceOf<T>) {
			PoolReleased::<T>::mutate(pool, |released| *released = released.saturating_add(amount));
		}

		/// Records a burn out of `account` when it is a pool of the table (a milestone
		/// burn from the ecosystem fund): for the pool's books a burn is a release
		/// (`PoolReleased`), and it is also counted in `PoolBurned` for the release report.
		/// A payment out of a pool that is not a burn goes to [`Self::note_pool_release`].
		pub fn note_burn_from(account: &T::AccountId, amount: BalanceOf<T>) {
			// At most one entry per pool row of the table: four on the BTT chain.
			if PoolAccounts::<T>::iter_values().any(|pool| &pool == account) {
				Self::note_pool_release(account, amount);
				PoolBurned::<T>::mutate(account, |burned| *burned = burned.saturating_add(amount));
			}
		}

		/// Genesis refuses a pool row placed in a different account than the one its
		/// authority spends from: the pool could never be spent.
		pub(crate) fn check_pool_account(row: u8, rule: ReleaseRule, account: &T::AccountId) {
			let expected = match rule {
				ReleaseRule::CommunityProgrammes => Some(T::CommunityPool::get()),
				ReleaseRule::GovernanceRelease => Some(T::EcosystemFund::get()),
				ReleaseRule::ReferendumOnly => Some(T::StrategicReserve::get()),
				_ => None,
			};
			if expected.is_some_and(|expected| &expected != account) {
				panic!(
					"row {row}: the pool must be placed in the account the runtime spends it from"
				);
			}
		}

		/// Blocks in `months` tokenomics months.
		fn months(months: u16) -> BlockNumberFor<T> {
			T::BlocksPerMonth::get().saturating_mul(u32::from(months).into())
		}

		/// The schedule of a lock-then-linear portion, starting at genesis, and its freeze.
		pub(crate) fn add_genesis_schedule(
			row: u8,
			portion: &crate::Portion<T::AccountId, BalanceOf<T>>,
			lock_months: u16,
			linear_months: u16,
		) {
			let schedule = VestingSchedule {
				row,
				total: portion.amount,
				released: Zero::zero(),
				cliff: Self::months(lock_months),
				duration: Self::months(linear_months),
			};
			let mut schedules = Schedules::<T>::get(&portion.account).unwrap_or_default();
			if schedules.try_push(schedule).is_err() {
				panic!("row {row}: an account has more than MaxSchedulesPerAccount schedules");
			}
			if let Err(error) = Self::store_schedules(&portion.account, schedules) {
				panic!("row {row}: freezing a vesting portion failed: {error:?}");
			}
		}

		/// Makes `schedules` `who`'s schedules: freezes exactly what they have not released
		/// (or thaws when that is zero), stores them (removes the entry when there are none),
		/// then tells `OnVestingChanged`. The one place an account's vesting freeze changes.
		fn store_schedules(who: &T::AccountId, schedules: SchedulesOf<T>) -> DispatchResult {
			let frozen = Self::unreleased(&schedules);
			let reason = FreezeReason::Vesting.into();
			if frozen.is_zero() {
				T::Currency::thaw(&reason, who)?;
			} else {
				T::Currency::set_freeze(&reason, who, frozen)?;
			}
			if schedules.is_empty() {
				Schedules::<T>::remove(who);
			} else {
				Schedules::<T>::insert(who, schedules);
			}
			T::OnVestingChanged::vesting_changed(who);
			Ok(())
		}

		/// What `schedules` keep frozen in all.
		fn unreleased(schedules: &SchedulesOf<T>) -> BalanceOf<T> {
			schedules
				.iter()
				.fold(Zero::zero(), |sum: BalanceOf<T>, s| sum.saturating_add(s.frozen()))
		}

		/// Releases what has vested in `who`'s schedules; drops the finished ones.
		pub(crate) fn do_claim(who: &T::AccountId) -> DispatchResult {
			let mut schedules = Schedules::<T>::get(who).ok_or(Error::<T>::NoSchedule)?;
			let now = frame_system::Pallet::<T>::block_number();
			let mut amount = BalanceOf::<T>::zero();
			for schedule in schedules.iter_mut() {
				let claimable = schedule.claimable_at(now);
				schedule.released = schedule.released.saturating_add(claimable);
				amount = amount.saturating_add(claimable);
			}
			ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
			schedules.retain(|schedule| !schedule.is_finished());
			let still_frozen = Self::unreleased(&schedules);
			Self::store_schedules(who, schedules)?;
			Self::deposit_event(Event::Claimed { who: who.clone(), amount, still_frozen });
			Ok(())
		}

		/// What `who` could release now, over all its schedules.
		pub fn claimable(who: &T::AccountId) -> BalanceOf<T> {
			let now = frame_system::Pallet::<T>::block_number();
			Schedules::<T>::get(who).map_or_else(Zero::zero, |schedules| {
				schedules.iter().fold(Zero::zero(), |sum: BalanceOf<T>, s| {
					sum.saturating_add(s.claimable_at(now))
				})
			})
		}

		/// What vesting keeps frozen in `who`'s account.
		pub fn frozen(who: &T::AccountId) -> BalanceOf<T> {
			Schedules::<T>::get(who)
				.map_or_else(Zero::zero, |schedules| Self::unreleased(&schedules))
		}

		/// The table's rows by their number.
		fn rows_in_order() -> Vec<(u8, AllocationRowInfo<BalanceOf<T>>)> {
			let mut rows: Vec<_> = AllocationRows::<T>::iter().collect();
			rows.sort_by_key(|(id, _)| *id);
			rows
		}

		/// Where every row of the table stands now; see [`RowRelease`].
		pub fn row_releases() -> Vec<RowRelease<BalanceOf<T>>> {
			let now = frame_system::Pallet::<T>::block_number();
			let rows = Self::rows_in_order();
			// Off-chain only (a runtime API): it reads every schedule and tranche once.
			let schedules: Vec<_> = Schedules::<T>::iter_values().collect();
			rows.into_iter()
				.map(|(id, info)| {
					let pool = PoolAccounts::<T>::get(id);
					let (released, claimable) = match info.release {
						ReleaseRule::LockThenLinear { .. } => {
							let (frozen, claimable) = schedules
								.iter()
								.flat_map(|list| list.iter())
								.filter(|schedule| schedule.row == id)
								.fold(
									(Zero::zero(), Zero::zero()),
									|(f, c): (BalanceOf<T>, BalanceOf<T>), s| {
										(
											f.saturating_add(s.frozen()),
											c.saturating_add(s.claimable_at(now)),
										)
									},
								);
							// Finished schedules are removed, so count what is no longer frozen.
							(info.amount.saturating_sub(frozen), claimable)
						}
						ReleaseRule::MilestoneTranches { .. } => {
							Tranches::<T>::iter_prefix_values(id).fold(
								(Zero::zero(), Zero::zero()),
								|(r, c): (BalanceOf<T>, BalanceOf<T>), t| {
									let paid = t.paid_by(t.claimed);
									let payable =
										t.due_at(now, T::BlocksPerMonth::get()).min(t.approved);
									(
										r.saturating_add(paid),
										c.saturating_add(t.paid_by(payable).saturating_sub(paid)),
									)
								},
							)
						}
						ReleaseRule::Unlocked => (info.amount, Zero::zero()),
						_ => (
							pool.as_ref()
								.map_or_else(Zero::zero, PoolReleased::<T>::get)
								.min(info.amount),
							Zero::zero(),
						),
					};
					let unreleased = info.amount.saturating_sub(released).saturating_sub(claimable);
					// Kept back for the pending milestone burns: to be burned, not released.
					let kept_for_burns = pool
						.as_ref()
						.map_or_else(Zero::zero, T::PendingBurns::kept_back)
						.min(unreleased);
					RowRelease {
						row: id,
						name: info.name.into_inner(),
						bps: info.bps,
						amount: info.amount,
						release: info.release,
						released,
						claimable,
						kept_for_burns,
						locked: unreleased.saturating_sub(kept_for_burns),
					}
				})
				.collect()
		}

		/// One account's vesting now.
		pub fn account_vesting(who: &T::AccountId) -> AccountVesting<BalanceOf<T>> {
			AccountVesting {
				frozen: Self::frozen(who),
				claimable: Self::claimable(who),
				schedules: Schedules::<T>::decode_len(who).unwrap_or(0) as u32,
			}
		}

		/// The circulating supply and its parts; the definition is in [`crate::report`].
		pub fn supply() -> SupplyBreakdown<BalanceOf<T>> {
			let total_issuance = T::Currency::total_issuance();
			let vesting_locked = Schedules::<T>::iter_values()
				.fold(Zero::zero(), |sum: BalanceOf<T>, list| {
					sum.saturating_add(Self::unreleased(&list))
				});
			let pools = PoolAccounts::<T>::iter_values()
				.fold(Zero::zero(), |sum: BalanceOf<T>, pool| {
					sum.saturating_add(T::Currency::total_balance(&pool))
				});
			let mut custodies: Vec<T::AccountId> =
				Tranches::<T>::iter_values().map(|t| t.custody).collect();
			custodies.sort();
			custodies.dedup();
			let undistributed_pools = custodies.iter().fold(pools, |sum, custody| {
				sum.saturating_add(T::Currency::total_balance(custody))
			});
			// Stakes are backed only by tokens free of vesting (btt-staking freezes the
			// principal on top of the vesting freeze), so `staked` and `vesting_locked` never
			// overlap; a principal is counted at most up to the account's tokens outside
			// vesting, so no token is counted twice.
			let staked = T::StakedSupply::get().into_iter().fold(
				Zero::zero(),
				|sum: BalanceOf<T>, (who, principal)| {
					let outside_vesting =
						T::Currency::total_balance(&who).saturating_sub(Self::frozen(&who));
					sum.saturating_add(principal.min(outside_vesting))
				},
			);
			SupplyBreakdown {
				total_issuance,
				vesting_locked,
				undistributed_pools,
				staked,
				circulating: total_issuance
					.saturating_sub(vesting_locked)
					.saturating_sub(undistributed_pools)
					.saturating_sub(staked),
			}
		}

		/// The release the table's own rules produce in each year after genesis; see
		/// [`ReleaseProjection`].
		pub fn projected_release() -> ReleaseProjection<BalanceOf<T>> {
			let per_year = T::BlocksPerYear::get();
			let rows = Self::rows_in_order();
			let tranches: Vec<_> = Tranches::<T>::iter().map(|(row, _, t)| (row, t)).collect();
			// The last block at which a scheduled row still releases something.
			let mut end = T::MiningEmission::end();
			for (id, info) in &rows {
				let row_end = match info.release {
					ReleaseRule::LockThenLinear { lock_months, linear_months } => {
						Self::months(lock_months.saturating_add(linear_months))
					}
					ReleaseRule::MilestoneTranches { .. } => tranches
						.iter()
						.filter(|(row, _)| row == id)
						.map(|(_, t)| Self::months(t.tranches))
						.max()
						.unwrap_or_else(Zero::zero),
					_ => Zero::zero(),
				};
				end = end.max(row_end);
			}
			// Bounded: no rule of the table runs for more than a century of years.
			let years = report::years_until(end, per_year).clamp(1, 100);
			let cumulative: Vec<BalanceOf<T>> = (1..=years)
				.map(|year| {
					let block = per_year.saturating_mul(year.into());
					rows.iter().fold(Zero::zero(), |sum: BalanceOf<T>, (id, info)| {
						let released = match info.release {
							ReleaseRule::LockThenLinear { lock_months, linear_months } => {
								report::linear_vested_by(
									info.amount,
									Self::months(lock_months),
									Self::months(linear_months),
									block,
								)
							}
							ReleaseRule::MilestoneTranches { .. } => tranches
								.iter()
								.filter(|(row, _)| row == id)
								.fold(Zero::zero(), |s: BalanceOf<T>, (_, t)| {
									s.saturating_add(
										t.paid_by(t.due_at(block, T::BlocksPerMonth::get())),
									)
								}),
							ReleaseRule::MiningEmission => {
								T::MiningEmission::emitted_by(block).min(info.amount)
							}
							ReleaseRule::Unlocked => info.amount,
							_ => Zero::zero(),
						};
						sum.saturating_add(released)
					})
				})
				.collect();
			// The discretionary pools' tokens that milestone burns take instead of a release:
			// burned already, or kept back for the burns still pending. Their sum does not
			// move when a burn is executed out of the pool.
			let (discretionary, milestone_burns) =
				rows.iter().filter(|(_, info)| report::is_discretionary(&info.release)).fold(
					(Zero::zero(), Zero::zero()),
					|(free, burns): (BalanceOf<T>, BalanceOf<T>), (id, info)| {
						let burned = PoolAccounts::<T>::get(id).map_or_else(Zero::zero, |pool| {
							PoolBurned::<T>::get(&pool)
								.saturating_add(T::PendingBurns::kept_back(&pool))
						});
						let burned = burned.min(info.amount);
						(
							free.saturating_add(info.amount.saturating_sub(burned)),
							burns.saturating_add(burned),
						)
					},
				);
			ReleaseProjection {
				blocks_per_year: per_year.try_into().unwrap_or(u32::MAX),
				years: report::yearly(&cumulative),
				discretionary,
				milestone_burns,
				total: rows.iter().fold(Zero::zero(), |sum: BalanceOf<T>, (_, info)| {
					sum.saturating_add(info.amount)
				}),
			}
		}

		/// The table kept on chain still adds up: its bps to 10,000 and its amounts to the
		/// total supply, and every row's amount is its share.
		///
		/// Run by `try_state`, and by the tests after every step.
		pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			use polkadot_sdk::sp_runtime::traits::{Saturating, Zero};
			let mut bps: u32 = 0;
			let mut amount = BalanceOf::<T>::zero();
			let mut rows = 0u32;
			for (_, row) in AllocationRows::<T>::iter() {
				bps = bps.saturating_add(u32::from(row.bps));
				ensure!(
					allocation::share_of(T::TotalSupply::get(), row.bps).ok() == Some(row.amount),
					"an allocation row's amount is not its share of the supply"
				);
				amount = amount.saturating_add(row.amount);
				rows = rows.saturating_add(1);
			}
			// Every schedule's account freezes exactly what its schedules have not released.
			for (who, schedules) in Schedules::<T>::iter() {
				ensure!(
					T::Currency::balance_frozen(&FreezeReason::Vesting.into(), &who)
						== Self::unreleased(&schedules),
					"an account's vesting freeze differs from its unreleased schedules"
				);
				ensure!(!schedules.is_empty(), "an empty schedule list is kept");
			}
			for (_, _, state) in Tranches::<T>::iter() {
				ensure!(
					state.claimed <= state.approved && state.approved <= state.tranches,
					"claimed <= approved <= tranches"
				);
			}
			// A pool never lost more than was paid out of it by the spends it records (it
			// may have received transfers: anyone can send tokens to a pool account).
			for (id, pool) in PoolAccounts::<T>::iter() {
				let row = AllocationRows::<T>::get(id).ok_or("a pool account without its row")?;
				let balance = T::Currency::total_balance(&pool);
				ensure!(
					balance >= row.amount.saturating_sub(PoolReleased::<T>::get(&pool)),
					"a pool holds less than its row minus what it released"
				);
				// What a pool keeps back for the pending milestone burns is still there, so
				// every promised burn can be executed.
				ensure!(
					balance >= T::PendingBurns::kept_back(&pool),
					"a pool holds less than it keeps back for the pending milestone burns"
				);
				ensure!(
					PoolBurned::<T>::get(&pool) <= PoolReleased::<T>::get(&pool),
					"a pool burned more than it released"
				);
			}
			// A chain built without a table (some unit tests) has nothing to check.
			if rows > 0 {
				ensure!(bps == u32::from(allocation::TOTAL_BPS), "allocation bps do not add up");
				ensure!(amount == T::TotalSupply::get(), "allocation amounts do not add up");
			}
			Ok(())
		}
	}
}
