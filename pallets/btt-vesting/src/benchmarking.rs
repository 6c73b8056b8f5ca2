//! Benchmarks of the vesting pallet (FRAME benchmarking v2).

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Get,
};
use frame_system::RawOrigin;
use polkadot_sdk::{
	frame_benchmarking,
	sp_runtime::traits::{Saturating, StaticLookup},
};

#[benchmarks]
mod benchmarks {
	use super::*;

	/// `claim` of an account with `s` schedules, each half vested, none finishing: every
	/// schedule is read, updated and written back, and the freeze is set.
	#[benchmark]
	fn claim(s: Linear<1, { T::MaxSchedulesPerAccount::get() }>) {
		let who: T::AccountId = account("beneficiary", 0, 0);
		let portion = T::Currency::minimum_balance().saturating_mul(1_000u32.into());
		for _ in 0..s {
			let _ = T::Currency::mint_into(&who, portion);
			Pallet::<T>::add_genesis_schedule(
				1,
				&Portion { name: "bench".into(), account: who.clone(), amount: portion },
				1,
				2,
			);
		}
		// Half way through the linear part.
		frame_system::Pallet::<T>::set_block_number(
			T::BlocksPerMonth::get().saturating_mul(2u32.into()),
		);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), T::Lookup::unlookup(who.clone()));

		assert_eq!(Schedules::<T>::get(&who).map(|schedules| schedules.len() as u32), Some(s));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
