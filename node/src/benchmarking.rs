//! The extrinsics `btt-node benchmark overhead` and `btt-node benchmark extrinsic` fill their
//! blocks with.
//!
//! Each builder signs its call with a well-known dev account, nonce by nonce, so the
//! benchmark can put as many into one block as the block's weight allows. They are the
//! calls that one account can repeat: a remark (the overhead benchmark's base extrinsic), a
//! transfer, a category payment (`bttBurn.pay`) and a vesting claim. A stake or a job payment
//! is limited per account (16 positions; a registered provider), so their throughput is
//! measured by `scripts/bench-throughput.sh` with thousands of senders instead.

use crate::service::FullClient;
use btt_runtime::{currency::BTT, AccountId, Balance, RuntimeCall, SignedPayload, VERSION};
use codec::Encode;
use frame_benchmarking_cli::ExtrinsicBuilder;
use polkadot_sdk::{
	sc_client_api::UsageProvider,
	sp_core::{Pair, H256},
	sp_inherents::{InherentData, InherentDataProvider},
	sp_keyring::Sr25519Keyring,
	sp_runtime::{MultiAddress, MultiSignature, OpaqueExtrinsic},
	*,
};
use std::time::Duration;

/// Builds one signed call per nonce, signed by `signer`.
pub struct SignedCallBuilder {
	genesis_hash: H256,
	pallet: &'static str,
	extrinsic: &'static str,
	signer: Sr25519Keyring,
	call: fn() -> RuntimeCall,
}

impl SignedCallBuilder {
	fn new(
		client: &FullClient,
		pallet: &'static str,
		extrinsic: &'static str,
		call: fn() -> RuntimeCall,
	) -> Self {
		let genesis_hash = client.usage_info().chain.genesis_hash;
		Self { genesis_hash, pallet, extrinsic, signer: Sr25519Keyring::Alice, call }
	}
}

impl ExtrinsicBuilder for SignedCallBuilder {
	fn pallet(&self) -> &str {
		self.pallet
	}

	fn extrinsic(&self) -> &str {
		self.extrinsic
	}

	fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
		let call = (self.call)();
		let extrinsic = signed_extrinsic(self.genesis_hash, self.signer, call, nonce);
		OpaqueExtrinsic::try_from_encoded_extrinsic(&extrinsic.encode())
			.map_err(|_| "a signed extrinsic always decodes as an opaque one")
	}
}

/// `call` signed by `signer` with `nonce`: immortal, no tip, no metadata hash (the
/// extensions of `btt_runtime::tx_extension`).
fn signed_extrinsic(
	genesis_hash: H256,
	signer: Sr25519Keyring,
	call: RuntimeCall,
	nonce: u32,
) -> btt_runtime::UncheckedExtrinsic {
	let extension = btt_runtime::tx_extension(nonce, 0);
	// What each extension adds to the signed payload, in the order of `TxExtension`.
	let implicit = (
		(),
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		genesis_hash,
		genesis_hash,
		(),
		(),
		(),
		None,
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| signer.pair().sign(bytes));
	btt_runtime::UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(AccountId::from(signer.public())),
		MultiSignature::Sr25519(signature),
		extension,
	)
}

/// What a transfer or payment moves: one BTT.
const AMOUNT: Balance = BTT;

/// `system.remark`: the overhead benchmark's base extrinsic.
pub fn remark_builder(client: &FullClient) -> SignedCallBuilder {
	SignedCallBuilder::new(client, "system", "remark", || {
		RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() })
	})
}

/// Every builder `benchmark extrinsic` knows (`--list` prints them).
pub fn all_builders(client: &FullClient) -> Vec<Box<dyn ExtrinsicBuilder>> {
	vec![
		Box::new(remark_builder(client)),
		Box::new(SignedCallBuilder::new(client, "balances", "transfer_keep_alive", || {
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: Sr25519Keyring::Bob.to_account_id().into(),
				value: AMOUNT,
			})
		})),
		Box::new(SignedCallBuilder::new(client, "btt_burn", "pay", || {
			RuntimeCall::BttBurn(pallet_btt_burn::Call::pay {
				category: pallet_btt_burn::FeeCategory::ComputeTrade,
				dest: Sr25519Keyring::Bob.to_account_id(),
				amount: AMOUNT,
			})
		})),
		// A claim for row 2 (Bob on dev chains), still in its 3-month lock on a young chain:
		// the claim's reads and its refusal (`NothingToClaim`), as the load test sends it.
		Box::new(SignedCallBuilder::new(client, "btt_vesting", "claim", || {
			RuntimeCall::BttVesting(pallet_btt_vesting::Call::claim {
				who: Sr25519Keyring::Bob.to_account_id().into(),
			})
		})),
	]
}

/// The inherents of a benchmark block: a timestamp of zero, which is slot 0 of the genesis
/// Aura slot, so the blocks build on a fresh chain without a pre-runtime digest.
pub fn inherent_benchmark_data() -> sc_cli::Result<InherentData> {
	let mut inherent_data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(Duration::ZERO.into());
	futures::executor::block_on(timestamp.provide_inherent_data(&mut inherent_data))
		.map_err(|e| format!("creating the timestamp inherent: {e:?}"))?;
	Ok(inherent_data)
}
