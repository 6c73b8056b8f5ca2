//! Benchmarks of the staking pallet (FRAME benchmarking v2). Every call is measured in its
//! worst case: the account holds `MaxPositions` positions (one fewer for `stake`) and fee
//! income is waiting to be settled.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOrigin, Get,
};
use frame_system::RawOrigin;
use polkadot_sdk::{
	frame_benchmarking,
	sp_runtime::{
		traits::{Saturating, StaticLookup},
		Permill,
	},
};

/// A cheap term whose minimum any benchmark account can stake.
fn bench_term<T: Config>() -> Term<BalanceOf<T>> {
	Term {
		days: 1,
		apy: Permill::from_percent(18),
		minimum: T::Currency::minimum_balance(),
		reward_burn: Permill::from_percent(20),
	}
}

/// A funded staker with `positions` open positions, the community pool funded, and fee
/// income waiting in the pot.
fn setup<T: Config>(positions: u32) -> (T::AccountId, BalanceOf<T>) {
	Terms::<T>::insert(Tier::Days1095, bench_term::<T>());
	let staker: T::AccountId = whitelisted_caller();
	let amount = T::Currency::minimum_balance().saturating_mul(1_000_000u32.into());
	let _ = T::Currency::mint_into(&staker, amount.saturating_mul(100u32.into()));
	let _ = T::Currency::mint_into(&T::RewardPool::get(), amount.saturating_mul(100u32.into()));
	for _ in 0..positions {
		let _ =
			Pallet::<T>::stake(RawOrigin::Signed(staker.clone()).into(), Tier::Days1095, amount);
	}
	let _ = T::Currency::mint_into(&T::FeeSharePot::get(), amount);
	(staker, amount)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn stake() {
		let (staker, amount) = setup::<T>(T::MaxPositions::get().saturating_sub(1));

		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()), Tier::Days1095, amount);

		assert_eq!(Positions::<T>::decode_len(&staker), Some(T::MaxPositions::get() as usize));
	}

	#[benchmark]
	fn close() {
		let (staker, _) = setup::<T>(T::MaxPositions::get());
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number().saturating_add(T::BlocksPerDay::get()),
		);
		let caller: T::AccountId = account("closer", 0, 0);
		let last = NextPositionId::<T>::get().saturating_sub(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), T::Lookup::unlookup(staker.clone()), last);

		assert_eq!(
			Positions::<T>::decode_len(&staker),
			Some(T::MaxPositions::get().saturating_sub(1) as usize)
		);
	}

	#[benchmark]
	fn claim_fee_share() {
		let (staker, _) = setup::<T>(T::MaxPositions::get());
		let before = T::Currency::balance(&staker);

		#[extrinsic_call]
		_(RawOrigin::Signed(staker.clone()));

		assert!(T::Currency::balance(&staker) > before);
	}

	#[benchmark]
	fn set_term() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let term = bench_term::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Tier::Days30, term);

		assert_eq!(Terms::<T>::get(Tier::Days30), Some(term));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
