//! Types and constants shared by every part of the BTT chain.
//!
//! The numbers here come from the tokenomics specification (`docs/tokenomics.md`, section 2): one fixed
//! supply of 210,000,000 BTT with 18 decimals, created at genesis, and 6-second blocks.

#![cfg_attr(not(feature = "std"), no_std)]

use polkadot_sdk::sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// An index to a block.
pub type BlockNumber = u32;

/// Alias to 512-bit hash when used in the context of a transaction signature on the chain.
pub type Signature = MultiSignature;

/// Some way of identifying an account on the chain (a 32-byte public key).
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// Balance of an account, in plancks (1 BTT = 10^18 plancks).
pub type Balance = u128;

/// Index of a transaction in the chain.
pub type Nonce = u32;

/// A hash of some data used by the chain.
pub type Hash = polkadot_sdk::sp_core::H256;

/// Token units and the fixed supply.
pub mod currency {
	use super::Balance;

	/// Token symbol, as shown by wallets (chain property `tokenSymbol`).
	pub const TOKEN_SYMBOL: &str = "BTT";
	/// Token decimals (chain property `tokenDecimals`).
	pub const TOKEN_DECIMALS: u8 = 18;
	/// One BTT in plancks.
	pub const BTT: Balance = 1_000_000_000_000_000_000;
	/// One thousandth of a BTT.
	pub const MILLI_BTT: Balance = BTT / 1_000;
	/// One millionth of a BTT.
	pub const MICRO_BTT: Balance = BTT / 1_000_000;
	/// The whole supply: every BTT that will ever exist is created at genesis.
	pub const TOTAL_SUPPLY: Balance = 210_000_000 * BTT;
}

/// Block time and the calendar units the tokenomics is written in.
pub mod time {
	use super::BlockNumber;

	/// Target block time. Aura slots are this long.
	pub const MILLISECS_PER_BLOCK: u64 = 6_000;
	/// One Aura slot is one block.
	pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;
	/// Blocks in a minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
	/// Blocks in an hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks in a day (14,400).
	pub const DAYS: BlockNumber = HOURS * 24;
	/// Blocks in a tokenomics month: 30 days.
	pub const MONTHS: BlockNumber = DAYS * 30;
	/// Blocks in a tokenomics year: 365 days.
	pub const YEARS: BlockNumber = DAYS * 365;
}

/// The SS58 address prefix, equal to the chain property `ss58Format`.
///
/// 42 is the generic Substrate prefix: BTT uses it until it registers its own prefix in the
/// SS58 registry, so that every wallet and `subkey` shows the same addresses.
pub const SS58_PREFIX: u16 = 42;

#[cfg(test)]
mod tests {
	use super::{currency::*, time::*};

	#[test]
	fn calendar_matches_the_spec() {
		assert_eq!(DAYS, 14_400);
		assert_eq!(MONTHS, 432_000);
		assert_eq!(YEARS, 5_256_000);
	}

	#[test]
	fn supply_is_210_million_btt_of_18_decimals() {
		assert_eq!(BTT, 10u128.pow(TOKEN_DECIMALS as u32));
		assert_eq!(TOTAL_SUPPLY, 210_000_000u128 * 10u128.pow(18));
	}
}
