//! Runtime tests: every genesis preset builds the whole 210M table, and nothing else.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{
	currency::{BTT, TOTAL_SUPPLY},
	genesis::{
		allocation::{allocation_table, bps_of_supply},
		presets::{self, dev_beneficiaries, MAINNET_TEMPLATE_PRESET},
	},
	pools, AccountId, Balance, Balances, BttVesting, Runtime, RuntimeGenesisConfig, System,
	EXISTENTIAL_DEPOSIT,
};
use alloc::collections::BTreeMap;
use pallet_btt_vesting::allocation::{validate_table, TableError};
use polkadot_sdk::{
	frame_support::traits::fungible::Inspect,
	sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
	sp_runtime::BuildStorage,
};

mod accounts;
mod governance;
mod guarantees;
mod tokenomics;

/// The genesis config a preset describes.
fn preset_config(name: &str) -> RuntimeGenesisConfig {
	presets::preset_config(&name.into()).expect("the preset exists and is a valid genesis config")
}

/// Test externalities with the genesis of a preset.
pub(crate) fn preset_ext(name: &str) -> TestExternalities {
	let storage = preset_config(name).build_storage().expect("the preset's genesis builds");
	let mut ext = TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// What every account is owed by the table of a preset, summed over its portions.
fn owed(config: &RuntimeGenesisConfig) -> BTreeMap<AccountId, Balance> {
	let mut owed = BTreeMap::new();
	for row in &config.btt_vesting.allocations {
		for portion in &row.portions {
			*owed.entry(portion.account.clone()).or_default() += portion.amount;
		}
	}
	owed
}

const PRESETS: [&str; 3] =
	[DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET, MAINNET_TEMPLATE_PRESET];

#[test]
fn every_preset_is_listed() {
	let names: Vec<String> = presets::preset_names()
		.into_iter()
		.map(|id| String::from_utf8(id.into()).unwrap())
		.collect();
	assert_eq!(names, PRESETS);
	assert!(presets::get_preset(&"no_such_preset".into()).is_none());
}

#[test]
fn every_preset_issues_exactly_210_million_btt() {
	for name in PRESETS {
		preset_ext(name).execute_with(|| {
			assert_eq!(Balances::total_issuance(), TOTAL_SUPPLY, "{name}");
			assert_eq!(TOTAL_SUPPLY, 210_000_000 * BTT);
			BttVesting::do_try_state().unwrap();
		});
	}
}

#[test]
fn every_account_of_the_table_holds_its_amount() {
	for name in PRESETS {
		let config = preset_config(name);
		let owed = owed(&config);
		preset_ext(name).execute_with(|| {
			let ecosystem = pools::account(pools::ECOSYSTEM);
			for (account, amount) in &owed {
				// The ecosystem fund opened the two fee-fed funds with a deposit each.
				let opened = if *account == ecosystem { 2 * EXISTENTIAL_DEPOSIT } else { 0 };
				assert_eq!(Balances::balance(account), *amount - opened, "{name}: {account}");
			}
			let fee_funds = [pools::DEVELOPMENT_FUND, pools::STAKERS_POT];
			for fund in fee_funds {
				assert_eq!(Balances::balance(&pools::account(fund)), EXISTENTIAL_DEPOSIT);
			}
			assert_eq!(
				pallet_btt_vesting::PoolReleased::<Runtime>::get(&ecosystem),
				2 * EXISTENTIAL_DEPOSIT,
				"{name}: the opening deposits are in the ecosystem fund's books"
			);
			// Nothing else holds a planck.
			let held: Balance = owed.keys().map(Balances::balance).sum::<Balance>()
				+ fee_funds
					.iter()
					.map(|fund| Balances::balance(&pools::account(*fund)))
					.sum::<Balance>();
			assert_eq!(held, TOTAL_SUPPLY, "{name}");
		});
	}
}

#[test]
fn pools_live_in_their_keyless_accounts() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(Balances::balance(&pools::account(pools::FOUNDATION)), bps_of_supply(1_700));
		assert_eq!(Balances::balance(&pools::account(pools::MINING)), 63_000_000 * BTT);
		assert_eq!(Balances::balance(&pools::account(pools::COMMUNITY)), 25_200_000 * BTT);
		assert_eq!(
			Balances::balance(&pools::account(pools::ECOSYSTEM)),
			14_700_000 * BTT - 2 * EXISTENTIAL_DEPOSIT
		);
		assert_eq!(Balances::balance(&pools::account(pools::RESERVE)), 2_100_000 * BTT);
		// On a dev chain the liquidity fund is spread over the six test accounts.
		assert_eq!(
			Balances::balance(&Sr25519Keyring::Ferdie.to_account_id()),
			10_500_000 * BTT + 700_000 * BTT
		);
		assert_eq!(
			Balances::balance(&Sr25519Keyring::Alice.to_account_id()),
			21_000_000 * BTT + 700_000 * BTT
		);
	});
	preset_ext(MAINNET_TEMPLATE_PRESET).execute_with(|| {
		// The liquidity row is unlocked at genesis: it sits in the liquidity multisig the
		// launch names (a placeholder in the template), not in a keyless pool.
		let liquidity = presets::placeholder_beneficiaries().liquidity;
		assert_eq!(liquidity.len(), 1);
		assert!(!crate::guarantees::is_pool_account(&liquidity[0]));
		assert_eq!(Balances::balance(&liquidity[0]), 4_200_000 * BTT);
		assert_eq!(Balances::balance(&Sr25519Keyring::Alice.to_account_id()), 0);
	});
}

#[test]
fn dev_chains_have_sudo_and_authorities_the_mainnet_template_has_neither() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(
			polkadot_sdk::pallet_sudo::Key::<Runtime>::get(),
			Some(Sr25519Keyring::Alice.to_account_id())
		);
		assert_eq!(polkadot_sdk::pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(polkadot_sdk::pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 1);
	});
	preset_ext(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(
			polkadot_sdk::pallet_sudo::Key::<Runtime>::get(),
			Some(Sr25519Keyring::Alice.to_account_id())
		);
		// The four validators of scripts/local-testnet.sh.
		assert_eq!(polkadot_sdk::pallet_aura::Authorities::<Runtime>::get().len(), 4);
		assert_eq!(polkadot_sdk::pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 4);
	});
	preset_ext(MAINNET_TEMPLATE_PRESET).execute_with(|| {
		assert_eq!(polkadot_sdk::pallet_sudo::Key::<Runtime>::get(), None);
		assert!(polkadot_sdk::pallet_aura::Authorities::<Runtime>::get().is_empty());
	});
}

#[test]
fn the_real_table_off_by_one_planck_or_one_bps_is_refused() {
	let table = allocation_table(&dev_beneficiaries());
	assert_eq!(validate_table(&table, TOTAL_SUPPLY), Ok(()));

	let mut off_by_a_planck = table.clone();
	off_by_a_planck[7].portions[0].amount += 1;
	assert_eq!(
		validate_table(&off_by_a_planck, TOTAL_SUPPLY),
		Err(TableError::RowAmount {
			row: 8,
			expected: 63_000_000 * BTT,
			found: 63_000_000 * BTT + 1
		})
	);

	let mut off_by_a_bps = table.clone();
	off_by_a_bps[11].bps += 1;
	off_by_a_bps[11].portions[0].amount = bps_of_supply(101);
	assert_eq!(
		validate_table(&off_by_a_bps, TOTAL_SUPPLY),
		Err(TableError::BpsSum { found: 10_001 })
	);
}

#[test]
#[should_panic(expected = "invalid BTT allocation table")]
fn genesis_with_a_table_off_by_one_planck_does_not_build() {
	let mut config = preset_config(DEV_RUNTIME_PRESET);
	config.btt_vesting.allocations[0].portions[0].amount -= 1;
	let _ = config.build_storage();
}

#[test]
#[should_panic(expected = "invalid BTT allocation table: the rows' bps add up to 9999")]
fn genesis_with_a_table_off_by_one_bps_does_not_build() {
	let mut config = preset_config(DEV_RUNTIME_PRESET);
	let reserve = &mut config.btt_vesting.allocations[11];
	reserve.bps -= 1;
	reserve.portions[0].amount = bps_of_supply(99);
	let _ = config.build_storage();
}

// --- transaction fees and the supply rule ------------------------------------------------

pub(crate) mod fees {
	use super::*;
	use crate::{
		Address, BttBurn, Executive, Header, RuntimeCall, RuntimeEvent, Signature, SignedPayload,
		UncheckedExtrinsic,
	};
	use codec::Encode;
	use pallet_btt_burn::{fees::split_amounts, BurnSource};
	use polkadot_sdk::{
		frame_system, pallet_transaction_payment,
		sp_consensus_aura::{Slot, AURA_ENGINE_ID},
		sp_runtime::{traits::Header as _, Digest, DigestItem},
	};

	/// The supply rule and every pallet invariant hold.
	fn check() {
		BttBurn::do_try_state().expect("total_issuance + total_burned == 210M");
		BttVesting::do_try_state().expect("the allocation table adds up");
		crate::BttStaking::do_try_state().expect("staking invariants");
	}

	/// Starts the next block, authored by the first Aura authority (Alice on the dev chain).
	pub(crate) fn start_block() {
		let slot = Slot::from(1u64);
		let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
		let header = Header::new(
			System::block_number() + 1,
			Default::default(),
			Default::default(),
			System::parent_hash(),
			digest,
		);
		Executive::initialize_block(&header);
	}

	/// `call` signed by `signer` with `nonce`, as a wallet would sign it.
	pub(crate) fn signed(
		call: RuntimeCall,
		signer: Sr25519Keyring,
		nonce: u32,
	) -> UncheckedExtrinsic {
		let extension = crate::tx_extension(nonce, 0);
		let payload = SignedPayload::new(call.clone(), extension.clone()).unwrap();
		let signature = payload.using_encoded(|bytes| signer.sign(bytes));
		UncheckedExtrinsic::new_signed(
			call,
			Address::Id(signer.to_account_id()),
			Signature::Sr25519(signature),
			extension,
		)
	}

	fn fee_paid() -> Balance {
		System::events()
			.into_iter()
			.find_map(|record| match record.event {
				RuntimeEvent::TransactionPayment(
					pallet_transaction_payment::Event::TransactionFeePaid {
						actual_fee, tip, ..
					},
				) => Some(actual_fee + tip),
				_ => None,
			})
			.expect("a fee was paid")
	}

	#[test]
	fn a_signed_transfers_fee_lands_40_30_20_10() {
		preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
			check();
			start_block();
			let alice = Sr25519Keyring::Alice.to_account_id();
			let bob = Sr25519Keyring::Bob.to_account_id();
			let development_fund = pools::account(pools::DEVELOPMENT_FUND);
			let stakers_pot = pools::account(pools::STAKERS_POT);
			let alice_before = Balances::balance(&alice);
			let bob_before = Balances::balance(&bob);
			let development_before = Balances::balance(&development_fund);

			let amount = 10 * BTT;
			let call =
				RuntimeCall::Balances(polkadot_sdk::pallet_balances::Call::transfer_keep_alive {
					dest: Address::Id(bob.clone()),
					value: amount,
				});
			Executive::apply_extrinsic(signed(call, Sr25519Keyring::Alice, 0))
				.expect("the transaction is valid")
				.expect("the transfer succeeds");
			check();

			let fee = fee_paid();
			assert!(fee > 0);
			let [development, stakers, author, burned] =
				split_amounts(&crate::tokenomics::fees::fee_split(), fee);
			// To the nearest planck, with the remainder burned.
			assert_eq!(development, fee * 4 / 10);
			assert_eq!(stakers, fee * 3 / 10);
			assert_eq!(author, fee / 10);
			assert_eq!(development + stakers + author + burned, fee);
			assert!(burned >= fee * 2 / 10 && burned <= fee * 2 / 10 + 3);

			assert_eq!(Balances::balance(&bob), bob_before + amount);
			assert_eq!(Balances::balance(&development_fund), development_before + development);
			assert_eq!(Balances::balance(&stakers_pot), EXISTENTIAL_DEPOSIT + stakers);
			// Alice authored the block, so she gets the author's share of her own fee back.
			assert_eq!(Balances::balance(&alice), alice_before - amount - fee + author);
			assert_eq!(
				pallet_btt_burn::BurnedBySource::<Runtime>::get(BurnSource::TransactionFee),
				burned
			);
			assert_eq!(Balances::total_issuance(), TOTAL_SUPPLY - burned);
		});
	}

	#[test]
	fn every_preset_starts_with_nothing_burned_and_the_papers_milestones() {
		for name in PRESETS {
			preset_ext(name).execute_with(|| {
				check();
				assert_eq!(pallet_btt_burn::TotalBurned::<Runtime>::get(), 0);
				let total: Balance = pallet_btt_burn::MilestoneBurns::<Runtime>::iter_values()
					.map(|burn| burn.amount)
					.sum();
				assert_eq!(total, 11_000_000 * BTT, "{name}");
			});
		}
	}

	#[test]
	fn a_milestone_burn_from_the_ecosystem_fund_is_booked_as_its_release() {
		preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
			let fund = crate::pools::account(crate::pools::ECOSYSTEM);
			let before = BttVesting::row_releases();
			BttBurn::execute_milestone_burn(
				frame_system::RawOrigin::Root.into(),
				pallet_btt_burn::Milestone::MainnetLaunch,
			)
			.expect("the ecosystem fund pays the mainnet-launch burn");
			check();
			let burned = pallet_btt_burn::TotalBurned::<Runtime>::get();
			let opening_deposits = 2 * EXISTENTIAL_DEPOSIT;
			assert_eq!(
				pallet_btt_vesting::PoolReleased::<Runtime>::get(&fund),
				opening_deposits + burned
			);
			let after = BttVesting::row_releases();
			// Row 10, the ecosystem fund.
			assert_eq!(after[9].released, before[9].released + burned);
			assert_eq!(BttVesting::supply().total_issuance, TOTAL_SUPPLY - burned);
		});
	}

	#[test]
	fn a_180_day_staker_pays_80_percent_of_the_same_transfers_fee() {
		preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
			start_block();
			let eve = Sr25519Keyring::Eve.to_account_id();
			let transfer = |dest: &AccountId| {
				RuntimeCall::Balances(polkadot_sdk::pallet_balances::Call::transfer_keep_alive {
					dest: Address::Id(dest.clone()),
					value: 10 * BTT,
				})
			};
			// Bob stakes 10,000 BTT for 180 days; Charlie does not stake.
			let stake = RuntimeCall::BttStaking(pallet_btt_staking::Call::stake {
				tier: pallet_btt_staking::Tier::Days180,
				amount: 10_000 * BTT,
			});
			Executive::apply_extrinsic(signed(stake, Sr25519Keyring::Bob, 0))
				.expect("valid")
				.expect("Bob stakes");
			check();
			// The stake is backed by Bob's liquid tokens, frozen on top of his 10.5M vesting
			// freeze: it leaves circulation once, as staked.
			assert_eq!(BttVesting::supply().staked, 10_000 * BTT);
			assert_eq!(
				crate::BttStaking::staking_freeze(&Sr25519Keyring::Bob.to_account_id()),
				10_500_000 * BTT + 10_000 * BTT
			);

			System::reset_events();
			Executive::apply_extrinsic(signed(transfer(&eve), Sr25519Keyring::Charlie, 0))
				.expect("valid")
				.expect("Charlie's transfer");
			let full_fee = fee_paid();
			System::reset_events();
			let bob = Sr25519Keyring::Bob.to_account_id();
			let bob_before = Balances::balance(&bob);
			let bob_transfer = signed(transfer(&eve), Sr25519Keyring::Bob, 1);
			// What wallets are told beforehand: the fee details add up to the discounted fee.
			let details = crate::fee_payment::discounted_details(
				&bob,
				crate::TransactionPayment::query_fee_details(
					bob_transfer.clone(),
					bob_transfer.encoded_size() as u32,
				),
			);
			Executive::apply_extrinsic(bob_transfer).expect("valid").expect("Bob's transfer");
			let staker_fee = fee_paid();
			assert_eq!(details.final_fee(), staker_fee);
			check();

			assert_eq!(staker_fee, full_fee - full_fee / 5);
			// The event reports what Bob actually paid.
			assert_eq!(Balances::balance(&bob), bob_before - 10 * BTT - staker_fee);
		});
	}
}

/// btt-runtime-upgrade-rehearsal builds these sources with its own manifest, which cargo
/// cannot inherit from this one: its dependencies and features must stay this crate's, or
/// the upgrade test would enact a different runtime from the one it means to.
#[test]
fn the_upgrade_rehearsal_manifest_lists_this_runtimes_dependencies_and_features() {
	/// The manifest from `[dependencies]` on, without comments and the `default` features
	/// (the rehearsal's default turns on `upgrade-rehearsal`).
	fn shared_part(manifest: &str) -> Vec<&str> {
		let start = manifest.find("[dependencies]").expect("a [dependencies] table");
		manifest[start..]
			.lines()
			.filter(|line| !line.trim_start().starts_with('#'))
			.filter(|line| !line.starts_with("default ="))
			.collect()
	}
	let runtime = shared_part(include_str!("../Cargo.toml"));
	let rehearsal = shared_part(include_str!("../upgrade-rehearsal/Cargo.toml"));
	assert_eq!(
		runtime, rehearsal,
		"runtime/upgrade-rehearsal/Cargo.toml must list the dependencies and features of runtime/Cargo.toml"
	);
}
