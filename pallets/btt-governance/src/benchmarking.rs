//! Benchmarks of `refresh_boost`, the vote hooks and the block hook. Conviction voting calls
//! the vote hooks inside `vote` and `remove_vote`; the runtime adds these weights to those
//! calls.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Hooks;
use frame_system::RawOrigin;
use pallet_conviction_voting::Vote;
use polkadot_sdk::frame_benchmarking;
use sp_runtime::traits::{Bounded, StaticLookup};

fn boosted_vote<T: Config>() -> AccountVote<T::Balance> {
	AccountVote::Standard {
		vote: Vote { aye: true, conviction: Conviction::Locked6x },
		balance: T::Balance::from(100u8),
	}
}

/// A boosted voter who has voted on a new ongoing poll.
fn boosted_voter_on_a_new_poll<T: Config>() -> Result<(T::AccountId, PollIndexOf<T>), BenchmarkError>
{
	let voter: T::AccountId = account("voter", 0, 0);
	T::BenchmarkHelper::make_boosted(&voter);
	let class = T::Polls::classes().into_iter().next().ok_or(BenchmarkError::Weightless)?;
	let poll = T::Polls::create_ongoing(class).map_err(|_| BenchmarkError::Weightless)?;
	Pallet::<T>::on_before_vote(&voter, poll, boosted_vote::<T>())?;
	Ok((voter, poll))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A boosted voter changes a boosted vote: the old extra is withdrawn and the new one
	/// added (the worst case of `on_before_vote`).
	#[benchmark]
	fn boost_vote() -> Result<(), BenchmarkError> {
		let (voter, poll) = boosted_voter_on_a_new_poll::<T>()?;

		#[block]
		{
			Pallet::<T>::on_before_vote(&voter, poll, boosted_vote::<T>())?;
		}

		assert!(BoostedVotes::<T>::contains_key(poll, &voter));
		Ok(())
	}

	/// A boosted vote of an ongoing referendum is removed.
	#[benchmark]
	fn withdraw_boost() -> Result<(), BenchmarkError> {
		let (voter, poll) = boosted_voter_on_a_new_poll::<T>()?;

		#[block]
		{
			// As conviction voting calls it: inside its access to the referendum.
			BoostedPolls::<T>::try_access_poll(poll, |_| {
				Pallet::<T>::on_remove_vote(&voter, poll, Status::Ongoing);
				Ok(())
			})?;
		}

		assert!(!BoostedVotes::<T>::contains_key(poll, &voter));
		Ok(())
	}

	/// A third party refreshes the boost of a voter whose stake has matured: the whole extra
	/// comes off the referendum's tally and the record goes.
	#[benchmark]
	fn refresh_boost() -> Result<(), BenchmarkError> {
		let (voter, poll) = boosted_voter_on_a_new_poll::<T>()?;
		let record = BoostedVotes::<T>::get(poll, &voter)
			.ok_or(BenchmarkError::Stop("the benchmark voter's vote was not boosted"))?;
		// Far past the maturity of any stake the benchmark helper makes.
		let later = BlockNumberFor::<T>::max_value() / 2u32.into();
		frame_system::Pallet::<T>::set_block_number(later);
		if !Pallet::<T>::qualifying_stake(&voter).is_zero() {
			return Err(BenchmarkError::Stop("the benchmark stake did not mature"));
		}
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), poll, T::Lookup::unlookup(voter.clone()));

		assert!(!BoostedVotes::<T>::contains_key(poll, &voter));
		assert!(!record.ayes.is_zero());
		Ok(())
	}

	/// The block hook at the council's sunset block (the block that emits the event).
	#[benchmark]
	fn on_initialize() {
		let now = frame_system::Pallet::<T>::block_number();
		CouncilSunset::<T>::put(now);

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
