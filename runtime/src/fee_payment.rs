//! BTT's transaction-fee extension: `pallet_transaction_payment`'s `ChargeTransactionPayment`
//! with the staking fee benefit applied.
//!
//! A signer whose staking tier is 180 days or longer pays the transaction fee less 20%
//! (btt-staking's `FeeDiscount`, from the parameter sheet); the tip is never reduced. The
//! reduced fee is what is withdrawn, what the fee split shares out and what the
//! `TransactionFeePaid` event reports. The extension keeps the identifier `ChargeTransactionPayment` and the same
//! encoding (a compact tip), so wallets sign BTT transactions exactly as any other.

use crate::{AccountId, Balance, BttStaking, Runtime, RuntimeCall};
use codec::{Decode, DecodeWithMemTracking, Encode};
use pallet_btt_staking::StakingBenefits;
use polkadot_sdk::{
	frame_support::{dispatch::DispatchResult, pallet_prelude::TransactionSource, weights::Weight},
	frame_system,
	pallet_transaction_payment::{
		self, ChargeTransactionPayment, OnChargeTransaction, WeightInfo as _,
	},
	sp_runtime::{
		traits::{DispatchInfoOf, Dispatchable, PostDispatchInfoOf, TransactionExtension},
		transaction_validity::{TransactionValidityError, ValidTransaction},
		Permill,
	},
};
use scale_info::TypeInfo;

/// How fees are charged and shared (the runtime's `OnChargeTransaction`).
type FeeCharger = <Runtime as pallet_transaction_payment::Config>::OnChargeTransaction;
/// What the fee charger keeps between withdrawing the fee and correcting it.
type LiquidityInfo = <FeeCharger as OnChargeTransaction<Runtime>>::LiquidityInfo;

/// The fee `who` pays for a transaction whose full fee is `fee_with_tip`, tip included: the
/// fee less `who`'s staking discount, plus the tip.
pub fn discounted_fee(who: &AccountId, fee_with_tip: Balance, tip: Balance) -> Balance {
	apply_discount(BttStaking::fee_discount(who), fee_with_tip, tip)
}

/// `details` of a transaction signed by `who`, less `who`'s staking discount: the parts add
/// up to what `discounted_fee` charges (the discount comes off the weight fee first, then
/// the length fee, then the base fee).
pub fn discounted_details(
	who: &AccountId,
	mut details: pallet_transaction_payment::FeeDetails<Balance>,
) -> pallet_transaction_payment::FeeDetails<Balance> {
	if let Some(fee) = details.inclusion_fee.as_mut() {
		let full = fee.base_fee.saturating_add(fee.len_fee).saturating_add(fee.adjusted_weight_fee);
		let mut discount = full.saturating_sub(discounted_fee(who, full, 0));
		for part in [&mut fee.adjusted_weight_fee, &mut fee.len_fee, &mut fee.base_fee] {
			let taken = discount.min(*part);
			*part = part.saturating_sub(taken);
			discount = discount.saturating_sub(taken);
		}
	}
	details
}

/// `fee_with_tip` less `discount` of its fee part; the tip is never reduced.
fn apply_discount(discount: Permill, fee_with_tip: Balance, tip: Balance) -> Balance {
	let fee = fee_with_tip.saturating_sub(tip);
	fee_with_tip.saturating_sub(discount.mul_floor(fee))
}

/// The account that signed `uxt`, if it is signed with an account id.
pub fn signer(uxt: &crate::UncheckedExtrinsic) -> Option<AccountId> {
	match &uxt.preamble {
		polkadot_sdk::sp_runtime::generic::Preamble::Signed(
			polkadot_sdk::sp_runtime::MultiAddress::Id(who),
			..,
		) => Some(who.clone()),
		_ => None,
	}
}

/// Pays the transaction fee, less the signer's staking discount, and the tip.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo, Debug)]
pub struct ChargeFee(#[codec(compact)] pub Balance);

impl ChargeFee {
	/// A fee payment with `tip`.
	pub fn from(tip: Balance) -> Self {
		Self(tip)
	}
}

/// Passed from `validate` to `prepare`.
pub enum Val {
	/// A signed transaction: who pays, how much (tip included) and the signer's discount
	/// when the transaction was validated.
	Charge { who: AccountId, fee_with_tip: Balance, discount: Permill },
	/// Not signed: nothing to pay.
	NoCharge,
}

/// Passed from `prepare` to `post_dispatch`.
pub enum Pre {
	/// The fee was withdrawn. The discount is the one the signer had before dispatch, so a
	/// call that changes the signer's stake does not change its own fee.
	Charge { who: AccountId, tip: Balance, discount: Permill, liquidity_info: LiquidityInfo },
	/// Nothing was withdrawn; the extension's weight is refunded.
	NoCharge { refund: Weight },
}

impl TransactionExtension<RuntimeCall> for ChargeFee {
	const IDENTIFIER: &'static str = "ChargeTransactionPayment";
	type Implicit = ();
	type Val = Val;
	type Pre = Pre;

	fn weight(&self, _: &RuntimeCall) -> Weight {
		// The standard extension's weight, benchmarked in this runtime: it withdraws the fee
		// and shares it by `DealWithFees` (fee split, author, stakers' pot, development fund,
		// burn books), so the split is charged for. Plus the read of the signer's staking
		// positions for the discount.
		<Runtime as pallet_transaction_payment::Config>::WeightInfo::charge_transaction_payment()
			.saturating_add(<Runtime as frame_system::Config>::DbWeight::get().reads(1))
	}

	fn validate(
		&self,
		origin: <RuntimeCall as Dispatchable>::RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
		_: (),
		_: &impl Encode,
		_: TransactionSource,
	) -> Result<
		(ValidTransaction, Self::Val, <RuntimeCall as Dispatchable>::RuntimeOrigin),
		TransactionValidityError,
	> {
		let Ok(who) = frame_system::ensure_signed(origin.clone()) else {
			return Ok((ValidTransaction::default(), Val::NoCharge, origin));
		};
		let tip = self.0;
		let full_fee =
			pallet_transaction_payment::Pallet::<Runtime>::compute_fee(len as u32, info, tip);
		let discount = BttStaking::fee_discount(&who);
		let fee_with_tip = apply_discount(discount, full_fee, tip);
		<FeeCharger as OnChargeTransaction<Runtime>>::can_withdraw_fee(
			&who,
			call,
			info,
			fee_with_tip,
			tip,
		)?;
		let priority =
			ChargeTransactionPayment::<Runtime>::get_priority(info, len, tip, fee_with_tip);
		Ok((
			ValidTransaction { priority, ..Default::default() },
			Val::Charge { who, fee_with_tip, discount },
			origin,
		))
	}

	fn prepare(
		self,
		val: Self::Val,
		_: &<RuntimeCall as Dispatchable>::RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		_: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		match val {
			Val::Charge { who, fee_with_tip, discount } => {
				let liquidity_info = <FeeCharger as OnChargeTransaction<Runtime>>::withdraw_fee(
					&who,
					call,
					info,
					fee_with_tip,
					self.0,
				)?;
				Ok(Pre::Charge { who, tip: self.0, discount, liquidity_info })
			}
			Val::NoCharge => Ok(Pre::NoCharge { refund: self.weight(call) }),
		}
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		info: &DispatchInfoOf<RuntimeCall>,
		post_info: &PostDispatchInfoOf<RuntimeCall>,
		len: usize,
		_: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		let (who, tip, discount, liquidity_info) = match pre {
			Pre::Charge { who, tip, discount, liquidity_info } => {
				(who, tip, discount, liquidity_info)
			}
			Pre::NoCharge { refund } => return Ok(refund),
		};
		let actual_full = pallet_transaction_payment::Pallet::<Runtime>::compute_actual_fee(
			len as u32, info, post_info, tip,
		);
		let actual = apply_discount(discount, actual_full, tip);
		<FeeCharger as OnChargeTransaction<Runtime>>::correct_and_deposit_fee(
			&who,
			info,
			post_info,
			actual,
			tip,
			liquidity_info,
		)?;
		pallet_transaction_payment::Pallet::<Runtime>::deposit_fee_paid_event(who, actual, tip);
		Ok(Weight::zero())
	}
}
