//! Named genesis presets: `development`, `local_testnet` and `mainnet_template`.
//!
//! Each preset is a JSON patch over the default genesis config. Every preset — the dev one
//! included — holds the full 210M allocation table; dev accounts are paid out of it.

use super::allocation::{allocation_table, Beneficiaries};
use crate::{
	opaque::SessionKeys, tokenomics, AccountId, BlockNumber, BttBurnConfig, BttGovernanceConfig,
	BttMiningConfig, BttStakingConfig, BttValidatorsConfig, BttVestingConfig, CouncilConfig,
	Runtime, RuntimeGenesisConfig, SessionConfig, SudoConfig,
};
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
	frame_support::{build_struct_json_patch, PalletId},
	pallet_multisig,
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

/// The lengths of a chain's governance days and sessions; `None` keeps the production
/// lengths (a day of 14,400 blocks, a session of an hour).
#[derive(Default)]
struct Calendar {
	governance_day: Option<BlockNumber>,
	session: Option<BlockNumber>,
}

/// The genesis config patch for a chain with these validators, sudo key, council,
/// beneficiaries and calendar.
fn genesis(
	validators: Vec<Validator>,
	sudo: Option<AccountId>,
	council: Vec<AccountId>,
	beneficiaries: &Beneficiaries,
	calendar: Calendar,
) -> Value {
	let mut patch = build_struct_json_patch!(RuntimeGenesisConfig {
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|v| {
					(
						v.account.clone(),
						v.account.clone(),
						SessionKeys { aura: v.aura.clone(), grandpa: v.grandpa.clone() },
					)
				})
				.collect::<Vec<_>>(),
		},
		btt_validators: BttValidatorsConfig {
			validators: validators.iter().map(|v| v.account.clone()).collect::<Vec<_>>(),
			session_length: calendar.session,
		},
		// The sunset is stored at genesis, so an upgrade cannot move a live chain's.
		btt_governance: BttGovernanceConfig {
			day_length: calendar.governance_day,
			council_sunset: Some(tokenomics::governance::COUNCIL_SUNSET),
		},
		council: CouncilConfig { members: council },
		btt_vesting: BttVestingConfig {
			allocations: allocation_table(beneficiaries),
			foundation_account: Some(beneficiaries.foundation.clone()),
		},
		btt_burn: BttBurnConfig {
			milestones: tokenomics::fees::MILESTONE_BURNS.to_vec(),
			fee_split: tokenomics::fees::fee_split(),
			category_rates: tokenomics::fees::CATEGORY_RATES.to_vec(),
			open_fee_accounts: true,
		},
		btt_staking: BttStakingConfig { terms: tokenomics::staking::terms() },
		// Mining eras are the chain's days (the governance day): no era length of its own.
		btt_mining: BttMiningConfig {
			min_provider_stake: tokenomics::mining::MIN_PROVIDER_STAKE,
			factors: Some(tokenomics::mining::factors()),
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

/// A validator of a genesis set: its account and its session keys.
struct Validator {
	account: AccountId,
	aura: AuraId,
	grandpa: GrandpaId,
}

/// The foundation's account on the dev chains: the 2-of-3 multisig of Alice, Bob and
/// Charlie (tokenomics section 7: the strategic reserve goes to the foundation multisig).
pub fn dev_foundation_multisig() -> AccountId {
	use Sr25519Keyring::*;
	let mut signers: Vec<AccountId> =
		[Alice, Bob, Charlie].iter().map(|k| k.to_account_id()).collect();
	signers.sort();
	pallet_multisig::Pallet::<Runtime>::multi_account_id(&signers, 2)
}

/// The dev chains' council: Alice, Bob and Charlie.
fn dev_council() -> Vec<AccountId> {
	use Sr25519Keyring::*;
	[Alice, Bob, Charlie].iter().map(|k| k.to_account_id()).collect()
}

/// Merges the JSON patch `patch` into `base`, key by key at every depth, as the node merges
/// a preset into the default genesis config.
fn json_merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				json_merge(base.entry(key).or_insert(Value::Null), value);
			}
		}
		(base, patch) => *base = patch,
	}
}

/// The whole genesis config a preset describes: the default config with the preset's patch
/// merged in, as the node builds it. For tests and tools that start from a preset and change
/// a field or two.
#[cfg(feature = "std")]
pub fn preset_config(id: &PresetId) -> Option<RuntimeGenesisConfig> {
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).ok()?;
	json_merge(&mut config, serde_json::from_slice(&get_preset(id)?).ok()?);
	serde_json::from_value(config).ok()
}

/// A test validator: the keyring account, with its Aura (sr25519) and GRANDPA (ed25519)
/// keys from the keyring.
fn validator(keyring: Sr25519Keyring, grandpa: Ed25519Keyring) -> Validator {
	Validator {
		account: keyring.to_account_id(),
		aura: keyring.public().into(),
		grandpa: grandpa.public().into(),
	}
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
		foundation: dev_foundation_multisig(),
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
		// Unlocked at genesis: held by the liquidity multisig the launch names, never by a
		// keyless account.
		liquidity: vec![placeholder(11, 0)],
		foundation: placeholder(7, 0),
	}
}

/// `--dev`: one validator (Alice), who is also the sudo key; governance days of 10 blocks
/// (a minute) and sessions of 50 blocks, so that referenda and validator changes can be
/// tried in minutes. The code path is production's; only the calendar is shorter.
fn development() -> Value {
	genesis(
		vec![validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Some(Sr25519Keyring::Alice.to_account_id()),
		dev_council(),
		&dev_beneficiaries(),
		Calendar { governance_day: Some(10), session: Some(50) },
	)
}

/// `--chain local`: four validators (Alice, Bob, Charlie, Dave: the validators of
/// `scripts/local-testnet.sh`); Alice is the sudo key; the production calendar.
fn local_testnet() -> Value {
	genesis(
		vec![
			validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		Some(Sr25519Keyring::Alice.to_account_id()),
		dev_council(),
		&dev_beneficiaries(),
		Calendar::default(),
	)
}

/// The mainnet template: no validators, no sudo, no council members, placeholder
/// beneficiaries and foundation account, the production calendar.
fn mainnet_template() -> Value {
	genesis(Vec::new(), None, Vec::new(), &placeholder_beneficiaries(), Calendar::default())
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
