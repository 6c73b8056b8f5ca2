//! Benchmarks of the vesting pallet (FRAME benchmarking v2).

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOrigin, Get,
};
use frame_system::RawOrigin;
use polkadot_sdk::{
	frame_benchmarking,
	sp_runtime::traits::{Saturating, StaticLookup},
};

/// A vesting grant's amount: at least `MinGrant`.
fn grant_amount<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000u32.into()).max(T::MinGrant::get())
}

/// The longest grant allowed: one month of lock, the rest linear.
fn longest_grant<T: Config>() -> GrantSchedule {
	GrantSchedule {
		lock_months: 1,
		linear_months: T::MaxGrantMonths::get().saturating_sub(1).max(1),
	}
}

/// A grantee that already has all its schedule slots but one (each read, decoded and written
/// back when a grant is added): the worst case of a grant.
fn grantee_with_schedules<T: Config>() -> T::AccountId {
	let dest: T::AccountId = account("grantee", 0, 0);
	let portion = grant_amount::<T>();
	for _ in 1..T::MaxSchedulesPerAccount::get() {
		let _ = T::Currency::mint_into(&dest, portion);
		Pallet::<T>::add_genesis_schedule(
			1,
			&Portion { name: "bench".into(), account: dest.clone(), amount: portion },
			1,
			2,
		);
	}
	dest
}

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

	/// Approving milestones of a sub-row.
	#[benchmark]
	fn approve_milestones() -> Result<(), BenchmarkError> {
		let origin =
			T::MilestoneOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let custody: T::AccountId = account("custody", 0, 0);
		let total = T::Currency::minimum_balance().saturating_mul(48_000u32.into());
		Tranches::<T>::insert(
			7,
			0,
			TrancheState { custody, total, tranches: 48, approved: 0, claimed: 0 },
		);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 7, 0, 48);

		assert_eq!(Tranches::<T>::get(7, 0).map(|state| state.approved), Some(48));
		Ok(())
	}

	/// Paying every approved and due tranche to a foundation account that does not exist yet.
	#[benchmark]
	fn claim_tranches() {
		let custody: T::AccountId = account("custody", 0, 0);
		let foundation: T::AccountId = account("foundation", 0, 0);
		let total = T::Currency::minimum_balance().saturating_mul(48_000u32.into());
		let _ = T::Currency::mint_into(&custody, total);
		FoundationAccount::<T>::put(&foundation);
		Tranches::<T>::insert(
			7,
			0,
			TrancheState { custody, total, tranches: 48, approved: 48, claimed: 0 },
		);
		frame_system::Pallet::<T>::set_block_number(
			T::BlocksPerMonth::get().saturating_mul(48u32.into()),
		);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), 7, 0);

		assert_eq!(T::Currency::balance(&foundation), total);
	}

	/// A vesting grant out of the ecosystem fund (the heavier variant: schedule and freeze)
	/// to a grantee with all its schedule slots but one taken, while the fund keeps back the
	/// pending milestone burns (read through `PendingBurns`).
	#[benchmark]
	fn release_ecosystem() -> Result<(), BenchmarkError> {
		let origin =
			T::TreasurerOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let amount = grant_amount::<T>();
		let fund = T::EcosystemFund::get();
		let _ = T::Currency::mint_into(
			&fund,
			amount.saturating_mul(2u32.into()).saturating_add(T::PendingBurns::kept_back(&fund)),
		);
		let dest = grantee_with_schedules::<T>();
		let before = T::Currency::balance(&dest);

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			T::Lookup::unlookup(dest.clone()),
			amount,
			Some(longest_grant::<T>()),
		);

		assert_eq!(T::Currency::balance(&dest), before.saturating_add(amount));
		Ok(())
	}

	#[benchmark]
	fn set_programme() -> Result<(), BenchmarkError> {
		let origin =
			T::TreasurerOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let programme: T::AccountId = account("programme", 0, 0);
		let cap = T::Currency::minimum_balance().saturating_mul(1_000u32.into());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(programme.clone()), cap);

		assert!(Programmes::<T>::contains_key(&programme));
		Ok(())
	}

	#[benchmark]
	fn remove_programme() -> Result<(), BenchmarkError> {
		let origin =
			T::TreasurerOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let programme: T::AccountId = account("programme", 0, 0);
		Programmes::<T>::insert(
			&programme,
			Programme {
				cap_per_period: 1u32.into(),
				period: 0u32.into(),
				spent_in_period: 0u32.into(),
			},
		);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, T::Lookup::unlookup(programme.clone()));

		assert!(!Programmes::<T>::contains_key(&programme));
		Ok(())
	}

	/// A programme's longest vesting grant, in a new period (its spending resets), to a
	/// grantee with all its schedule slots but one taken.
	#[benchmark]
	fn programme_spend() {
		let programme: T::AccountId = account("programme", 0, 0);
		let amount = grant_amount::<T>();
		let pool = T::CommunityPool::get();
		let _ = T::Currency::mint_into(
			&pool,
			amount.saturating_mul(2u32.into()).saturating_add(T::PendingBurns::kept_back(&pool)),
		);
		Programmes::<T>::insert(
			&programme,
			Programme { cap_per_period: amount, period: 0u32.into(), spent_in_period: amount },
		);
		frame_system::Pallet::<T>::set_block_number(T::ProgrammePeriod::get());
		let dest = grantee_with_schedules::<T>();
		let before = T::Currency::balance(&dest);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(programme),
			T::Lookup::unlookup(dest.clone()),
			amount,
			Some(longest_grant::<T>()),
		);

		assert_eq!(T::Currency::balance(&dest), before.saturating_add(amount));
	}

	#[benchmark]
	fn release_reserve() -> Result<(), BenchmarkError> {
		let origin =
			T::ReserveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let amount = T::Currency::minimum_balance().saturating_mul(1_000u32.into());
		let _ =
			T::Currency::mint_into(&T::StrategicReserve::get(), amount.saturating_mul(2u32.into()));
		let foundation: T::AccountId = account("foundation", 0, 0);
		FoundationAccount::<T>::put(&foundation);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, amount);

		assert_eq!(T::Currency::balance(&foundation), amount);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
