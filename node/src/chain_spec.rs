//! The chain specs `btt-node` knows by name, built from the runtime's genesis presets.

use btt_runtime::{genesis::presets::MAINNET_TEMPLATE_PRESET, WASM_BINARY};
use polkadot_sdk::{
	sc_service::{self, ChainType, Properties},
	sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
};

/// The chain spec type of the BTT chain: no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The chain properties wallets read: `tokenSymbol`, `tokenDecimals`, `ss58Format`.
pub fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), btt_runtime::currency::TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), btt_runtime::currency::TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), btt_runtime::SS58_PREFIX.into());
	properties
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| "the BTT runtime's wasm binary is not available".to_string())
}

fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// `--dev`: one authority, Alice; the full table, dev accounts as beneficiaries.
pub fn development() -> Result<ChainSpec, String> {
	from_preset("BTT Development", "btt_dev", ChainType::Development, DEV_RUNTIME_PRESET)
}

/// `--chain local`: four validators (Alice, Bob, Charlie and Dave, as in
/// `scripts/local-testnet.json`), Alice the sudo key, the production calendar.
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset("BTT Local Testnet", "btt_local", ChainType::Local, LOCAL_TESTNET_RUNTIME_PRESET)
}

/// `--chain mainnet-template`: the template operators fill in before a launch.
pub fn mainnet_template() -> Result<ChainSpec, String> {
	from_preset("BTT", "btt_mainnet", ChainType::Live, MAINNET_TEMPLATE_PRESET)
}
