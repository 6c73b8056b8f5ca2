//! # BTT vesting pallet
//!
//! Holds the BTT genesis allocation table (SPEC.md section 3): 12 rows that place the whole
//! 210,000,000 BTT supply at genesis, each with its share in basis points and its release
//! rule. Genesis refuses a table that does not add up to exactly the total supply and to
//! exactly 10,000 bps (see [`allocation::validate_table`]), then mints each portion into
//! its account — the only minting the chain ever does — and records the rows on chain, so
//! wallets and explorers can read the table from state (`bttVesting.allocationRows`).
//!
//! Rows released by a lock then linear vesting (rows 1–6) get a [`VestingSchedule`] per
//! portion at genesis: the beneficiary holds the tokens from the start, but what has not
//! been released is frozen (`FreezeReason::Vesting`). Nothing is released during the lock;
//! then the amount vests linearly per block over the row's months (30-day months of
//! `BlocksPerMonth` blocks). [`Pallet::claim`] — by the beneficiary or anyone for them —
//! releases what has vested by shrinking the freeze; claims over a schedule's life add up
//! to its total exactly.
//!
//! Still to come (the rest of the btt-vesting issue): milestone tranches of row 7, pool
//! releases, the release report and circulating supply.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod allocation;
pub mod schedule;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use allocation::{AllocationRow, Portion, ReleaseRule, TableError};
pub use pallet::*;
pub use schedule::VestingSchedule;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system};

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

	#[pallet::pallet]
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

		/// Blocks in a tokenomics month (30 days: 432,000 blocks of 6 s). Test chains may
		/// shorten it; the code path is the same.
		#[pallet::constant]
		type BlocksPerMonth: Get<BlockNumberFor<Self>>;

		/// The most vesting schedules one account may have.
		#[pallet::constant]
		type MaxSchedulesPerAccount: Get<u32>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// The whole supply, all of it placed by the genesis table (210,000,000 BTT).
		#[pallet::constant]
		type TotalSupply: Get<BalanceOf<Self>>;
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

	/// Events of the vesting pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
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
		/// Nothing has vested since the last claim (for instance, the lock has not ended).
		NothingToClaim,
	}

	/// The account lookup of the chain (an address or an index).
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Releases everything that has vested in `who`'s schedules. Anyone may claim for
		/// anyone: the tokens stay in `who`'s account, only the freeze shrinks.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::claim(T::MaxSchedulesPerAccount::get()))]
		pub fn claim(origin: OriginFor<T>, who: AccountIdLookupOf<T>) -> DispatchResult {
			ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_claim(&who)
		}
	}

	/// The genesis allocation table and the accounts it pays.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Every row of the table with its portions; see [`AllocationRow`].
		pub allocations: Vec<AllocationRow<T::AccountId, BalanceOf<T>>>,
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
			for row in &self.allocations {
				for portion in &row.portions {
					if let Err(error) = T::Currency::mint_into(&portion.account, portion.amount) {
						panic!(
							"BTT allocation row {}: minting a portion failed: {error:?}",
							row.id
						);
					}
				}
				if let ReleaseRule::LockThenLinear { lock_months, linear_months } = row.release {
					for portion in &row.portions {
						Pallet::<T>::add_genesis_schedule(
							row.id,
							portion,
							lock_months,
							linear_months,
						);
					}
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
		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
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
			if let Err(error) = Self::update_freeze(&portion.account, &schedules) {
				panic!("row {row}: freezing a vesting portion failed: {error:?}");
			}
			Schedules::<T>::insert(&portion.account, schedules);
		}

		/// Freezes exactly what `schedules` have not released, or thaws when that is zero.
		fn update_freeze(who: &T::AccountId, schedules: &SchedulesOf<T>) -> DispatchResult {
			let frozen = Self::unreleased(schedules);
			let reason = FreezeReason::Vesting.into();
			if frozen.is_zero() {
				T::Currency::thaw(&reason, who)
			} else {
				T::Currency::set_freeze(&reason, who, frozen)
			}
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
			Self::update_freeze(who, &schedules)?;
			let still_frozen = Self::unreleased(&schedules);
			if schedules.is_empty() {
				Schedules::<T>::remove(who);
			} else {
				Schedules::<T>::insert(who, schedules);
			}
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
			// A chain built without a table (some unit tests) has nothing to check.
			if rows > 0 {
				ensure!(bps == u32::from(allocation::TOTAL_BPS), "allocation bps do not add up");
				ensure!(amount == T::TotalSupply::get(), "allocation amounts do not add up");
			}
			Ok(())
		}
	}
}
