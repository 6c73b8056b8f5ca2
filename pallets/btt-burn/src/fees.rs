//! Where transaction fees and dust go: [`DealWithFees`] and [`BurnDust`].

use crate::{BurnSource, Config, FeeSplitConfig, Pallet};
use core::marker::PhantomData;
use polkadot_sdk::{
	frame_support::traits::{
		fungible::{Balanced, Credit},
		tokens::imbalance::Imbalance,
		Get, OnUnbalanced,
	},
	sp_runtime::traits::Zero,
};

/// Shares a transaction's fee and tip by [`crate::FeeSplit`]: to the development fund, the
/// stakers' pot, the author of the block (`Author`; the development fund when there is none)
/// and a burn. The burned share also takes the rounding remainder of the others, so every
/// planck is accounted for: the four parts add up to exactly the fee.
///
/// The burn is the credit being dropped (which lowers the total issuance); it is booked in
/// [`crate::TotalBurned`] — never burned a second time.
pub struct DealWithFees<T, Author>(PhantomData<(T, Author)>);

impl<T, Author> OnUnbalanced<Credit<T::AccountId, T::Currency>> for DealWithFees<T, Author>
where
	T: Config,
	T::Currency: Balanced<T::AccountId>,
	Author: Get<Option<T::AccountId>>,
{
	fn on_unbalanced(fees: Credit<T::AccountId, T::Currency>) {
		let [development, stakers, author, _burned] =
			split_amounts(&FeeSplitConfig::<T>::get(), fees.peek());
		let (development, rest) = fees.split(development);
		let (stakers, rest) = rest.split(stakers);
		let (author, burned) = rest.split(author);

		let mut unplaced = pay_or_return::<T>(&T::DevelopmentFund::get(), development);
		unplaced = unplaced.merge(pay_or_return::<T>(&T::StakersPot::get(), stakers));
		let author_account = Author::get().unwrap_or_else(T::DevelopmentFund::get);
		unplaced = unplaced.merge(pay_or_return::<T>(&author_account, author));

		// A share too small to open its account is burned with the burned share.
		let burned = burned.merge(unplaced);
		let amount = burned.peek();
		drop(burned);
		Pallet::<T>::record_burn(None, amount, BurnSource::TransactionFee);
	}
}

/// Deposits `credit` into `who`; gives it back when the account cannot take it (a new
/// account offered less than the existential deposit).
fn pay_or_return<T: Config>(
	who: &T::AccountId,
	credit: Credit<T::AccountId, T::Currency>,
) -> Credit<T::AccountId, T::Currency>
where
	T::Currency: Balanced<T::AccountId>,
{
	if credit.peek().is_zero() {
		return credit;
	}
	match T::Currency::resolve(who, credit) {
		Ok(()) => Credit::<T::AccountId, T::Currency>::zero(),
		Err(credit) => credit,
	}
}

/// Books the dust the balances pallet removes (balances below the existential deposit of
/// accounts it reaps) as a burn, so that the supply rule holds to the planck.
pub struct BurnDust<T>(PhantomData<T>);

impl<T: Config> OnUnbalanced<Credit<T::AccountId, T::Currency>> for BurnDust<T>
where
	T::Currency: Balanced<T::AccountId>,
{
	fn on_unbalanced(dust: Credit<T::AccountId, T::Currency>) {
		let amount = dust.peek();
		drop(dust);
		Pallet::<T>::record_burn(None, amount, BurnSource::Dust);
	}
}

/// How `total` is shared by `split`: `[development, stakers, author, burned]`. Each of the
/// first three is its share rounded down; the burn takes the rest, so the four add up to
/// exactly `total`.
pub fn split_amounts<Balance: polkadot_sdk::sp_runtime::traits::AtLeast32BitUnsigned + Copy>(
	split: &crate::FeeSplit,
	total: Balance,
) -> [Balance; 4] {
	let development = split.development.mul_floor(total);
	let stakers = split.stakers.mul_floor(total);
	let author = split.author.mul_floor(total);
	let burned = total.saturating_sub(development).saturating_sub(stakers).saturating_sub(author);
	[development, stakers, author, burned]
}
