//! Benchmarks of the burn pallet (FRAME benchmarking v2): each call at its worst case.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOrigin, Get,
};
use frame_system::RawOrigin;
use polkadot_sdk::{
	frame_benchmarking,
	sp_runtime::traits::{Bounded, Zero},
};

/// An account with plenty to spend. Benchmarks run on their own genesis, so minting here
/// does not touch the chain's supply.
fn funded<T: Config>(name: &'static str) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	let amount = BalanceOf::<T>::max_value() / 4u32.into();
	let _ = T::Currency::mint_into(&who, amount);
	who
}

fn milestones<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::MilestoneOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

fn params<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::ParamsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The whole balance, without keep-alive: the account is reaped too (the worst case).
	#[benchmark]
	fn burn() {
		let who: T::AccountId = account("burner", 0, 0);
		let amount = T::Currency::minimum_balance() * 10u32.into();
		let _ = T::Currency::mint_into(&who, amount);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), amount, false);

		assert_eq!(TotalBurned::<T>::get(), amount);
		assert!(T::Currency::balance(&who).is_zero());
	}

	#[benchmark]
	fn pay() {
		let payer = funded::<T>("payer");
		// A destination that does not exist yet: the transfer creates it (worst case).
		let dest: T::AccountId = account("dest", 0, 0);
		let amount = T::Currency::minimum_balance() * 1_000u32.into();

		#[extrinsic_call]
		_(RawOrigin::Signed(payer), FeeCategory::ComputeTrade, dest.clone(), amount);

		assert_eq!(T::Currency::balance(&dest), amount);
	}

	#[benchmark]
	fn set_category_rate() -> Result<(), BenchmarkError> {
		let origin = params::<T>()?;
		let rate = Permill::from_percent(3);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, FeeCategory::ComputeTrade, rate);

		assert_eq!(CategoryRates::<T>::get(FeeCategory::ComputeTrade), Some(rate));
		Ok(())
	}

	/// A burn out of the ecosystem fund, a pool of the allocation table: the worst case, as
	/// the pool's books (btt-vesting, through `OnMilestoneBurn`) record it.
	#[benchmark]
	fn execute_milestone_burn() -> Result<(), BenchmarkError> {
		let origin = milestones::<T>()?;
		let source = T::DefaultMilestoneSource::get();
		let _ = T::Currency::mint_into(&source, BalanceOf::<T>::max_value() / 4u32.into());
		MilestoneSourceChoice::<T>::put(MilestoneSource::EcosystemFund);
		let amount = T::Currency::minimum_balance() * 1_000u32.into();
		MilestoneBurns::<T>::insert(
			Milestone::MainnetLaunch,
			MilestoneBurn { amount, executed_at: None },
		);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Milestone::MainnetLaunch);

		assert_eq!(TotalBurned::<T>::get(), amount);
		Ok(())
	}

	/// Choosing the development fund (either choice costs the same: one write).
	#[benchmark]
	fn set_milestone_source() -> Result<(), BenchmarkError> {
		let origin = milestones::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, MilestoneSource::DevelopmentFund);

		assert_eq!(MilestoneSourceChoice::<T>::get(), MilestoneSource::DevelopmentFund);
		assert_eq!(Pallet::<T>::milestone_source(), T::DevelopmentFund::get());
		Ok(())
	}

	#[benchmark]
	fn set_fee_split() -> Result<(), BenchmarkError> {
		let origin = params::<T>()?;
		let split = FeeSplit {
			development: Permill::from_percent(25),
			stakers: Permill::from_percent(25),
			burn: Permill::from_percent(25),
			author: Permill::from_percent(25),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, split);

		assert_eq!(FeeSplitConfig::<T>::get(), split);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
