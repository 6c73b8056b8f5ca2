//! Named genesis presets: `development`, `local_testnet` and `mainnet_template`.
//!
//! Each preset is a JSON patch over the default genesis config. Every preset — the dev one
//! included — holds the full 210M allocation table; dev accounts are paid out of it.

use super::allocation::{allocation_table, Beneficiaries};
use crate::{
	currency::BTT, pools, time::DAYS, AccountId, AuraConfig, Balance, BttBurnConfig,
	BttMiningConfig, BttStakingConfig, BttVestingConfig, GrandpaConfig, RuntimeGenesisConfig,
	SudoConfig,
};
use alloc::{vec, vec::Vec};
use pallet_btt_burn::Milestone;
use polkadot_sdk::{
	frame_support::{build_struct_json_patch, PalletId},
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_genesis_builder::{self, PresetId},
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
	sp_runtime::traits::AccountIdConversion,
};
use serde_json::Value;

/// The preset of the mainnet template: the table with placeholder beneficiaries, no
/// authorities and no sudo key, for operators to fill in (see the README).
pub const MAINNET_TEMPLATE_PRESET: &str = "mainnet_template";

/// The genesis config patch for a chain with these authorities, sudo key and beneficiaries.
fn genesis(
	authorities: Vec<(AuraId, GrandpaId)>,
	sudo: Option<AccountId>,
	beneficiaries: &Beneficiaries,
) -> Value {
	let mut patch = build_struct_json_patch!(RuntimeGenesisConfig {
		aura: AuraConfig {
			authorities: authorities.iter().map(|(aura, _)| aura.clone()).collect::<Vec<_>>()
		},
		grandpa: GrandpaConfig {
			authorities: authorities
				.iter()
				.map(|(_, grandpa)| (grandpa.clone(), 1))
				.collect::<Vec<_>>(),
		},
		btt_vesting: BttVestingConfig {
			allocations: allocation_table(beneficiaries),
			foundation_account: Some(beneficiaries.foundation.clone()),
		},
		btt_burn: BttBurnConfig { milestones: milestone_burns() },
		btt_staking: BttStakingConfig { terms: pallet_btt_staking::paper_terms(BTT).to_vec() },
		btt_mining: BttMiningConfig {
			era_length: DAYS,
			min_provider_stake: 5_000 * BTT,
			factors: None,
			oracles: Vec::<AccountId>::new(),
		},
	});
	if let Some(key) = sudo {
		let sudo =
			build_struct_json_patch!(RuntimeGenesisConfig { sudo: SudoConfig { key: Some(key) } });
		json_merge(&mut patch, sudo);
	}
	patch
}

/// The paper's milestone burns (SPEC.md section 6), executed once each by governance.
pub fn milestone_burns() -> Vec<(Milestone, Balance)> {
	vec![
		(Milestone::MainnetLaunch, 1_000_000 * BTT),
		(Milestone::FirstHundredHospitals, 2_000_000 * BTT),
		(Milestone::ThousandHospitals, 5_000_000 * BTT),
		(Milestone::CrossChainInteroperability, 3_000_000 * BTT),
	]
}

/// Merges the JSON object `other` into `base`.
fn json_merge(base: &mut Value, other: Value) {
	if let (Value::Object(base), Value::Object(other)) = (base, other) {
		base.extend(other);
	}
}

/// A test authority: its Aura (sr25519) and GRANDPA (ed25519) keys from the keyring.
fn authority(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(aura.public().into(), grandpa.public().into())
}

/// The dev chains' beneficiaries: the well-known test accounts, the liquidity fund spread
/// over the six of them so that each can pay fees from the start.
pub fn dev_beneficiaries() -> Beneficiaries {
	use Sr25519Keyring::*;
	Beneficiaries {
		bitwave: Alice.to_account_id(),
		china_digital_healthcare: Bob.to_account_id(),
		m_dao: Charlie.to_account_id(),
		web3_ventures: Dave.to_account_id(),
		cryptoseed: Eve.to_account_id(),
		core_dev_team: Ferdie.to_account_id(),
		technical_advisory_board: AliceStash.to_account_id(),
		medical_expert_advisors: BobStash.to_account_id(),
		liquidity: [Alice, Bob, Charlie, Dave, Eve, Ferdie]
			.iter()
			.map(|k| k.to_account_id())
			.collect(),
		foundation: Dave.to_account_id(),
	}
}

/// Placeholder beneficiaries of the mainnet template: keyless accounts, so that tokens of a
/// template launched unedited are stuck rather than spendable by someone who knows a seed.
pub fn placeholder_beneficiaries() -> Beneficiaries {
	let placeholder = |row: u8, sub_row: u8| -> AccountId {
		PalletId(*b"btt/todo").into_sub_account_truncating((row, sub_row))
	};
	Beneficiaries {
		bitwave: placeholder(1, 0),
		china_digital_healthcare: placeholder(2, 0),
		m_dao: placeholder(3, 0),
		web3_ventures: placeholder(4, 0),
		cryptoseed: placeholder(5, 0),
		core_dev_team: placeholder(6, 1),
		technical_advisory_board: placeholder(6, 2),
		medical_expert_advisors: placeholder(6, 3),
		liquidity: vec![pools::account(pools::LIQUIDITY)],
		foundation: placeholder(7, 0),
	}
}

/// `--dev`: one authority (Alice), who is also the sudo key.
fn development() -> Value {
	genesis(
		vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Some(Sr25519Keyring::Alice.to_account_id()),
		&dev_beneficiaries(),
	)
}

/// `--chain local`: four authorities (Alice, Bob, Charlie, Dave: the validators of
/// `scripts/local-testnet.sh`); Alice is the sudo key.
fn local_testnet() -> Value {
	genesis(
		vec![
			authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			authority(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			authority(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		Some(Sr25519Keyring::Alice.to_account_id()),
		&dev_beneficiaries(),
	)
}

/// The mainnet template: no authorities, no sudo, placeholder beneficiaries.
fn mainnet_template() -> Value {
	genesis(Vec::new(), None, &placeholder_beneficiaries())
}

/// The JSON of the preset `id`, if there is one by that name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		MAINNET_TEMPLATE_PRESET => mainnet_template(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of every preset.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(MAINNET_TEMPLATE_PRESET),
	]
}
