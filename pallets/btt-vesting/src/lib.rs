//! # BTT vesting pallet
//!
//! Holds the BTT genesis allocation table (SPEC.md section 3): 12 rows that place the whole
//! 210,000,000 BTT supply at genesis, each with its share in basis points and its release
//! rule. Genesis refuses a table that does not add up to exactly the total supply and to
//! exactly 10,000 bps (see [`allocation::validate_table`]), then mints each portion into
//! its account — the only minting the chain ever does — and records the rows on chain, so
//! wallets and explorers can read the table from state (`bttVesting.allocationRows`).
//!
//! The release rules themselves (locks, linear vesting, milestone tranches, pool
//! releases) are enforced by the calls of this pallet as they are added; at this stage the
//! pallet places the balances and keeps the table.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod allocation;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use allocation::{AllocationRow, Portion, ReleaseRule, TableError};
pub use pallet::*;

use polkadot_sdk::{frame_support, frame_system};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::allocation::{validate_table, MAX_NAME_LEN};
	use alloc::vec::Vec;
	use codec::{Decode, Encode, MaxEncodedLen};
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, Mutate},
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	use scale_info::TypeInfo;

	/// The balance type of the currency the table is paid in.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

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

	/// Configuration of the BTT vesting pallet.
	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The currency of the chain (BTT), through the `fungible` traits.
		type Currency: Mutate<Self::AccountId>;

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
			// A chain built without a table (some unit tests) has nothing to check.
			if rows > 0 {
				ensure!(bps == u32::from(allocation::TOTAL_BPS), "allocation bps do not add up");
				ensure!(amount == T::TotalSupply::get(), "allocation amounts do not add up");
			}
			Ok(())
		}
	}
}
