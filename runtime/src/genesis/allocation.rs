//! The BTT genesis allocation table (tokenomics section 3).
//!
//! Twelve rows place the whole 210,000,000 BTT supply. Rows 1–6 pay named beneficiaries,
//! which each chain spec chooses ([`Beneficiaries`]); rows 7–12 are pools held by keyless
//! accounts derived from one `PalletId` each ([`crate::pools`]). The liquidity row is a pool
//! on a live chain and may be spread over test accounts on a dev chain. The table is checked
//! by `pallet_btt_vesting` at genesis: it must add up to exactly the supply and 10,000 bps.

use crate::{currency::TOTAL_SUPPLY, pools, tokenomics, AccountId, Balance};
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

/// The whole table, paying `beneficiaries`: the sheet's rows ([`tokenomics::allocation`])
/// with the accounts of this chain.
pub fn allocation_table(beneficiaries: &Beneficiaries) -> Vec<AllocationRow<AccountId, Balance>> {
	let b = beneficiaries;
	let foundation = pools::account(pools::FOUNDATION);
	tokenomics::allocation::ROWS
		.iter()
		.map(|sheet| {
			let portions = match sheet.id {
				1 => vec![portion(sheet.name, b.bitwave.clone(), sheet.bps)],
				2 => vec![portion(sheet.name, b.china_digital_healthcare.clone(), sheet.bps)],
				3 => vec![portion(sheet.name, b.m_dao.clone(), sheet.bps)],
				4 => vec![portion(sheet.name, b.web3_ventures.clone(), sheet.bps)],
				5 => vec![portion(sheet.name, b.cryptoseed.clone(), sheet.bps)],
				6 => {
					let accounts = [
						b.core_dev_team.clone(),
						b.technical_advisory_board.clone(),
						b.medical_expert_advisors.clone(),
					];
					tokenomics::allocation::TEAM_SUB_ROWS
						.iter()
						.zip(accounts)
						.map(|((name, bps), account)| portion(name, account, *bps))
						.collect()
				}
				7 => tokenomics::allocation::FOUNDATION_SUB_ROWS
					.iter()
					.map(|(name, bps)| portion(name, foundation.clone(), *bps))
					.collect(),
				8 => vec![portion(sheet.name, pools::account(pools::MINING), sheet.bps)],
				9 => vec![portion(sheet.name, pools::account(pools::COMMUNITY), sheet.bps)],
				10 => vec![portion(sheet.name, pools::account(pools::ECOSYSTEM), sheet.bps)],
				11 => spread(sheet.name, &b.liquidity, bps_of_supply(sheet.bps)),
				_ => vec![portion(sheet.name, pools::account(pools::RESERVE), sheet.bps)],
			};
			row(sheet.id, sheet.name, sheet.bps, sheet.release, portions)
		})
		.collect()
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
