//! The genesis allocation table: its types and the rule that it must add up.
//!
//! The table has one row per category of tokenomics section 3. A row carries its share of the
//! supply in basis points and its release rule; its tokens are placed in one or more
//! portions (the paper's sub-rows, or several accounts sharing a row on a dev chain). The
//! table is valid only when the bps add up to 10,000, every row's amount is exactly its
//! share of the total supply, and the portions of a row add up to the row's amount — so
//! the whole table places exactly the total supply, to the planck.

use alloc::{string::String, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt;
use polkadot_sdk::sp_runtime::traits::{AtLeast32BitUnsigned, SaturatedConversion};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// Basis points in a whole: the table's shares must add up to this.
pub const TOTAL_BPS: u16 = 10_000;

/// How the tokens of a row become spendable.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum ReleaseRule {
	/// Nothing is released for `lock_months`, then the amount vests linearly, per block,
	/// over the next `linear_months` (months of 30 days).
	LockThenLinear {
		/// Months during which nothing is released.
		lock_months: u16,
		/// Months over which the amount is then released linearly.
		linear_months: u16,
	},
	/// `tranches` monthly tranches, each claimable only after governance approves the
	/// development milestone it belongs to (foundation row).
	MilestoneTranches {
		/// Number of monthly tranches.
		tranches: u16,
	},
	/// Paid to compute providers by the mining emission schedule.
	MiningEmission,
	/// Spent by community programmes that governance authorises, and the source of the
	/// fixed staking rewards.
	CommunityProgrammes,
	/// Released by strategic decisions of governance (ecosystem development fund).
	GovernanceRelease,
	/// Released only by a passed referendum, to the foundation multisig (strategic reserve).
	ReferendumOnly,
	/// Free at genesis (liquidity provision).
	Unlocked,
}

impl ReleaseRule {
	/// Whether the row is a pool: one account whose tokens its own authority spends.
	pub fn is_pool(&self) -> bool {
		matches!(
			self,
			Self::MiningEmission
				| Self::CommunityProgrammes
				| Self::GovernanceRelease
				| Self::ReferendumOnly
		)
	}
}

/// One portion of a row: an amount placed in one account at genesis.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Portion<AccountId, Balance> {
	/// What the portion is for, e.g. "Core development team".
	pub name: String,
	/// The beneficiary, or the keyless pool account that holds the portion.
	pub account: AccountId,
	/// Amount in plancks.
	pub amount: Balance,
}

/// One row of the allocation table.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AllocationRow<AccountId, Balance> {
	/// The row's number in the table (1-based, unique).
	pub id: u8,
	/// The category, e.g. "BitWave Protocol Labs".
	pub name: String,
	/// Share of the total supply in basis points.
	pub bps: u16,
	/// How the row's tokens are released.
	pub release: ReleaseRule,
	/// Where the row's tokens are placed; they add up to the row's share of the supply.
	pub portions: Vec<Portion<AccountId, Balance>>,
}

/// Why an allocation table is refused.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum TableError {
	/// The table has no rows.
	Empty,
	/// Two rows have the same id.
	DuplicateRow(u8),
	/// A row has no portion.
	RowWithoutPortions(u8),
	/// A row's or a portion's name is empty or longer than `MAX_NAME_LEN` bytes.
	BadName(u8),
	/// The rows' bps do not add up to 10,000.
	BpsSum {
		/// What the rows add up to.
		found: u32,
	},
	/// A row's portions do not add up to exactly its share of the total supply.
	RowAmount {
		/// The row.
		row: u8,
		/// Its share of the supply: total × bps / 10,000.
		expected: u128,
		/// What its portions add up to.
		found: u128,
	},
	/// A portion of zero tokens.
	ZeroPortion(u8),
	/// A pool row (mining, community, ecosystem, reserve) is placed in more than one
	/// account: a pool is one account, spent by its own authority.
	PoolRowSplit(u8),
	/// Row 0 is reserved: vesting grants paid out of the pools carry it.
	ReservedRowId,
	/// Two pool rows are placed in the same account: their books would merge.
	SharedPoolAccount(u8),
	/// The rows add up to a different amount than the total supply (only possible when the
	/// supply is not a multiple of 10,000 plancks, so that shares round down).
	TotalAmount {
		/// The total supply.
		expected: u128,
		/// What the rows add up to.
		found: u128,
	},
	/// The total supply times a share overflows the balance type.
	Overflow,
}

impl fmt::Display for TableError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Self::Empty => write!(f, "the table has no rows"),
			Self::DuplicateRow(id) => write!(f, "row {id} appears twice"),
			Self::RowWithoutPortions(id) => write!(f, "row {id} has no portions"),
			Self::BadName(id) => {
				write!(f, "row {id} has a name that is empty or longer than {MAX_NAME_LEN} bytes")
			}
			Self::BpsSum { found } => write!(f, "the rows' bps add up to {found}, not {TOTAL_BPS}"),
			Self::RowAmount { row, expected, found } => write!(
				f,
				"row {row}'s portions add up to {found} plancks, not its share {expected}"
			),
			Self::ZeroPortion(id) => write!(f, "row {id} has a portion of zero tokens"),
			Self::PoolRowSplit(id) => write!(f, "pool row {id} must be placed in one account"),
			Self::ReservedRowId => write!(f, "row id 0 is reserved for vesting grants"),
			Self::SharedPoolAccount(id) => {
				write!(f, "pool row {id} shares its account with another pool row")
			}
			Self::TotalAmount { expected, found } => {
				write!(f, "the rows add up to {found} plancks, not the total supply {expected}")
			}
			Self::Overflow => write!(f, "a row's share of the supply overflows"),
		}
	}
}

/// Longest name a row or portion may have, in bytes (it is stored on chain).
pub const MAX_NAME_LEN: u32 = 64;

/// A row's share of `total`: `total × bps / 10,000`, exact when `total` is a multiple of
/// 10,000 plancks (the BTT supply is).
pub fn share_of<Balance: AtLeast32BitUnsigned + Copy>(
	total: Balance,
	bps: u16,
) -> Result<Balance, TableError> {
	total
		.checked_mul(&Balance::from(bps))
		.map(|scaled| scaled / Balance::from(TOTAL_BPS))
		.ok_or(TableError::Overflow)
}

/// Checks that `rows` place exactly `total_supply`: see the module documentation.
pub fn validate_table<AccountId: PartialEq, Balance: AtLeast32BitUnsigned + Copy>(
	rows: &[AllocationRow<AccountId, Balance>],
	total_supply: Balance,
) -> Result<(), TableError> {
	if rows.is_empty() {
		return Err(TableError::Empty);
	}
	let name_ok = |name: &str| !name.is_empty() && name.len() <= MAX_NAME_LEN as usize;
	let mut bps_sum: u32 = 0;
	let mut total_found = Balance::zero();
	let mut seen: Vec<u8> = Vec::with_capacity(rows.len());
	let mut pool_accounts: Vec<&AccountId> = Vec::new();
	for row in rows {
		if row.id == 0 {
			return Err(TableError::ReservedRowId);
		}
		if seen.contains(&row.id) {
			return Err(TableError::DuplicateRow(row.id));
		}
		seen.push(row.id);
		if !name_ok(&row.name) || row.portions.iter().any(|p| !name_ok(&p.name)) {
			return Err(TableError::BadName(row.id));
		}
		if row.portions.is_empty() {
			return Err(TableError::RowWithoutPortions(row.id));
		}
		if row.release.is_pool() {
			if row.portions.len() != 1 {
				return Err(TableError::PoolRowSplit(row.id));
			}
			if let Some(portion) = row.portions.first() {
				if pool_accounts.contains(&&portion.account) {
					return Err(TableError::SharedPoolAccount(row.id));
				}
				pool_accounts.push(&portion.account);
			}
		}
		bps_sum = bps_sum.saturating_add(u32::from(row.bps));
		let expected = share_of(total_supply, row.bps)?;
		let mut found = Balance::zero();
		for portion in &row.portions {
			if portion.amount.is_zero() {
				return Err(TableError::ZeroPortion(row.id));
			}
			found = found.checked_add(&portion.amount).ok_or(TableError::Overflow)?;
		}
		if found != expected {
			return Err(TableError::RowAmount {
				row: row.id,
				expected: expected.saturated_into(),
				found: found.saturated_into(),
			});
		}
		total_found = total_found.checked_add(&found).ok_or(TableError::Overflow)?;
	}
	if bps_sum != u32::from(TOTAL_BPS) {
		return Err(TableError::BpsSum { found: bps_sum });
	}
	if total_found != total_supply {
		return Err(TableError::TotalAmount {
			expected: total_supply.saturated_into(),
			found: total_found.saturated_into(),
		});
	}
	Ok(())
}
