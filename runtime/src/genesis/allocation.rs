//! The BTT genesis allocation table (tokenomics section 3).
//!
//! Twelve rows place the whole 210,000,000 BTT supply. Rows 1–6 pay named beneficiaries,
//! which each chain spec chooses ([`Beneficiaries`]); rows 7–12 are pools held by keyless
//! accounts derived from one `PalletId` each ([`crate::pools`]). The liquidity row is a pool
//! on a live chain and may be spread over test accounts on a dev chain. The table is checked
//! by `pallet_btt_vesting` at genesis: it must add up to exactly the supply and 10,000 bps.

use crate::{currency::TOTAL_SUPPLY, pools, AccountId, Balance};
use alloc::{string::String, vec, vec::Vec};
use pallet_btt_vesting::{allocation::TOTAL_BPS, AllocationRow, Portion, ReleaseRule};

/// The accounts a chain spec names for the rows that have beneficiaries.
#[derive(Clone, Debug)]
pub struct Beneficiaries {
	/// Row 1: BitWave Protocol Labs.
	pub bitwave: AccountId,
	/// Row 2: China Digital Healthcare Group.
	pub china_digital_healthcare: AccountId,
	/// Row 3: M DAO.
	pub m_dao: AccountId,
	/// Row 4: Web3 Ventures & KNCapital.
	pub web3_ventures: AccountId,
	/// Row 5: CryptoSeed Fund & AN Innovators Capital.
	pub cryptoseed: AccountId,
	/// Row 6, sub-row: core development team.
	pub core_dev_team: AccountId,
	/// Row 6, sub-row: technical advisory board.
	pub technical_advisory_board: AccountId,
	/// Row 6, sub-row: medical expert advisors.
	pub medical_expert_advisors: AccountId,
	/// Row 11: the accounts the liquidity fund is placed in, in equal parts (the first takes
	/// any remainder). A live chain names the liquidity pool account alone.
	pub liquidity: Vec<AccountId>,
	/// The foundation's account (its multisig): paid row 7's milestone tranches and,
	/// by referendum, the strategic reserve.
	pub foundation: AccountId,
}

/// `bps` of the total supply, in plancks: `pallet_btt_vesting::allocation::share_of` for the
/// BTT supply, as a `const fn`. Exact: the supply is a multiple of 10,000.
pub const fn bps_of_supply(bps: u16) -> Balance {
	TOTAL_SUPPLY / TOTAL_BPS as Balance * bps as Balance
}

fn portion(name: &str, account: AccountId, bps: u16) -> Portion<AccountId, Balance> {
	Portion { name: name.into(), account, amount: bps_of_supply(bps) }
}

fn row(
	id: u8,
	name: &str,
	bps: u16,
	release: ReleaseRule,
	portions: Vec<Portion<AccountId, Balance>>,
) -> AllocationRow<AccountId, Balance> {
	AllocationRow { id, name: name.into(), bps, release, portions }
}

/// A row held whole by one account.
fn single(
	id: u8,
	name: &str,
	bps: u16,
	release: ReleaseRule,
	account: AccountId,
) -> AllocationRow<AccountId, Balance> {
	row(id, name, bps, release, vec![portion(name, account, bps)])
}

/// `amount` spread over `accounts` in equal parts, the remainder going to the first.
fn spread(name: &str, accounts: &[AccountId], amount: Balance) -> Vec<Portion<AccountId, Balance>> {
	let count = accounts.len() as Balance;
	let Some(each) = amount.checked_div(count) else {
		return Vec::new();
	};
	let remainder = amount % count;
	accounts
		.iter()
		.enumerate()
		.map(|(index, account)| Portion {
			name: if accounts.len() == 1 {
				String::from(name)
			} else {
				alloc::format!("{name} #{}", index + 1)
			},
			account: account.clone(),
			amount: if index == 0 { each + remainder } else { each },
		})
		.collect()
}

/// The release of investor rows 2–5: a 3-month lock, then 30 months linear.
const INVESTOR_RELEASE: ReleaseRule =
	ReleaseRule::LockThenLinear { lock_months: 3, linear_months: 30 };

/// The whole table, paying `beneficiaries`.
pub fn allocation_table(beneficiaries: &Beneficiaries) -> Vec<AllocationRow<AccountId, Balance>> {
	let b = beneficiaries;
	vec![
		single(
			1,
			"BitWave Protocol Labs",
			1_000,
			ReleaseRule::LockThenLinear { lock_months: 6, linear_months: 36 },
			b.bitwave.clone(),
		),
		single(
			2,
			"China Digital Healthcare Group",
			500,
			INVESTOR_RELEASE,
			b.china_digital_healthcare.clone(),
		),
		single(3, "M DAO", 300, INVESTOR_RELEASE, b.m_dao.clone()),
		single(4, "Web3 Ventures & KNCapital", 300, INVESTOR_RELEASE, b.web3_ventures.clone()),
		single(
			5,
			"CryptoSeed Fund & AN Innovators Capital",
			200,
			INVESTOR_RELEASE,
			b.cryptoseed.clone(),
		),
		row(
			6,
			"Team & core advisors",
			800,
			ReleaseRule::LockThenLinear { lock_months: 12, linear_months: 48 },
			vec![
				portion("Core development team", b.core_dev_team.clone(), 500),
				portion("Technical advisory board", b.technical_advisory_board.clone(), 200),
				portion("Medical expert advisors", b.medical_expert_advisors.clone(), 100),
			],
		),
		row(
			7,
			"Foundation & technical development",
			1_700,
			ReleaseRule::MilestoneTranches { tranches: 48 },
			vec![
				portion("Core protocol development", pools::account(pools::FOUNDATION), 700),
				portion("AI integration framework", pools::account(pools::FOUNDATION), 500),
				portion("Security & compliance", pools::account(pools::FOUNDATION), 300),
				portion("Research partnerships", pools::account(pools::FOUNDATION), 200),
			],
		),
		single(
			8,
			"Compute mining reward pool",
			3_000,
			ReleaseRule::MiningEmission,
			pools::account(pools::MINING),
		),
		single(
			9,
			"Community incentives",
			1_200,
			ReleaseRule::CommunityProgrammes,
			pools::account(pools::COMMUNITY),
		),
		single(
			10,
			"Ecosystem development fund",
			700,
			ReleaseRule::GovernanceRelease,
			pools::account(pools::ECOSYSTEM),
		),
		row(
			11,
			"Liquidity provision fund",
			200,
			ReleaseRule::Unlocked,
			spread("Liquidity provision fund", &b.liquidity, bps_of_supply(200)),
		),
		single(
			12,
			"Strategic reserve",
			100,
			ReleaseRule::ReferendumOnly,
			pools::account(pools::RESERVE),
		),
	]
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::currency::BTT;
	use pallet_btt_vesting::allocation::validate_table;
	use polkadot_sdk::sp_keyring::Sr25519Keyring;

	fn dev_beneficiaries() -> Beneficiaries {
		crate::genesis::presets::dev_beneficiaries()
	}

	#[test]
	fn the_table_has_the_papers_numbers() {
		let table = allocation_table(&dev_beneficiaries());
		let expected: [(u8, u16, Balance); 12] = [
			(1, 1_000, 21_000_000),
			(2, 500, 10_500_000),
			(3, 300, 6_300_000),
			(4, 300, 6_300_000),
			(5, 200, 4_200_000),
			(6, 800, 16_800_000),
			(7, 1_700, 35_700_000),
			(8, 3_000, 63_000_000),
			(9, 1_200, 25_200_000),
			(10, 700, 14_700_000),
			(11, 200, 4_200_000),
			(12, 100, 2_100_000),
		];
		assert_eq!(table.len(), expected.len());
		for (row, (id, bps, btt)) in table.iter().zip(expected) {
			assert_eq!((row.id, row.bps), (id, bps));
			let amount: Balance = row.portions.iter().map(|p| p.amount).sum();
			assert_eq!(amount, btt * BTT, "row {id}");
		}
		assert_eq!(validate_table(&table, TOTAL_SUPPLY), Ok(()));
	}

	#[test]
	fn sub_rows_have_their_shares() {
		let table = allocation_table(&dev_beneficiaries());
		let team: Vec<Balance> = table[5].portions.iter().map(|p| p.amount / BTT).collect();
		assert_eq!(team, vec![10_500_000, 4_200_000, 2_100_000]);
		let foundation: Vec<Balance> = table[6].portions.iter().map(|p| p.amount / BTT).collect();
		assert_eq!(foundation, vec![14_700_000, 10_500_000, 6_300_000, 4_200_000]);
	}

	#[test]
	fn liquidity_spread_keeps_every_planck() {
		let accounts: Vec<AccountId> =
			[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
				.iter()
				.map(|k| k.to_account_id())
				.collect();
		let portions = spread("Liquidity", &accounts, 100);
		let amounts: Vec<Balance> = portions.iter().map(|p| p.amount).collect();
		assert_eq!(amounts, vec![34, 33, 33]);
		assert!(spread("Liquidity", &[], 100).is_empty());
	}
}
