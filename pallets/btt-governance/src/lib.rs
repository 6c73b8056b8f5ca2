#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod migrations;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system, pallet_conviction_voting, sp_runtime};

use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_support::traits::{EnsureOrigin, Get, OriginTrait, PollStatus, Polling};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_btt_staking::{ActiveStake, StakingBenefits, Tier};
use pallet_conviction_voting::{AccountVote, Conviction, Delegations, Status, VotingHooks};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult, Permill,
};

/// Creates the stake (or whatever state) that gives an account the 1.5× boost, for
/// benchmarks of the vote hooks.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `who` a voter with the 1.5× boost.
	fn make_boosted(who: &AccountId);
}

#[cfg(feature = "runtime-benchmarks")]
impl<AccountId> BenchmarkHelper<AccountId> for () {
	fn make_boosted(_: &AccountId) {}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::{DispatchResult, *};
	use frame_system::pallet_prelude::{ensure_signed, OriginFor};
	use sp_runtime::traits::{AtLeast32BitUnsigned, Bounded, CheckedDiv, CheckedMul, StaticLookup};

	/// The tally of a referendum: conviction voting's.
	pub type TallyOf<T> =
		pallet_conviction_voting::Tally<<T as Config>::Balance, <T as Config>::MaxTurnout>;

	/// The index of a referendum.
	pub type PollIndexOf<T> = <<T as Config>::Polls as Polling<TallyOf<T>>>::Index;

	/// The storage version. A change of layout bumps it and ships a `VersionedMigration` in
	/// the runtime's `Migrations` ([`crate::migrations`]).
	///
	/// - 0: the governance day and the council sunset fall back to the runtime's constants.
	/// - 1: both are stored from genesis on ([`crate::migrations::v1`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the BTT governance pallet.
	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config {
		/// The balance in which votes are counted.
		type Balance: Parameter
			+ Member
			+ AtLeast32BitUnsigned
			+ Copy
			+ MaxEncodedLen
			+ Default
			+ Bounded
			+ CheckedMul
			+ CheckedDiv
			+ From<u8>;

		/// The turnout against which a referendum's support is measured (conviction voting's
		/// `MaxTurnout`).
		type MaxTurnout: Get<Self::Balance>;

		/// The referenda whose tallies the boost adds to.
		type Polls: Polling<TallyOf<Self>, Votes = Self::Balance, Moment = BlockNumberFor<Self>>;

		/// The stakes behind the boost: the part of a vote backed by
		/// `active_stake(who, Tier::Days365)` (positions of 365 days or longer that have not
		/// matured) adds `VoteBoost` of its conviction votes.
		type Staking: StakingBenefits<Self::AccountId> + ActiveStake<Self::AccountId, Self::Balance>;

		/// The share of its conviction votes that a boosted vote adds to the tally (the BTT
		/// runtime: 50%, so a long-term staker's vote weighs 1.5×). Floors towards zero.
		///
		/// Each open vote's extra is in its referendum's tally and in `BoostedVotes`, computed
		/// at the boost of its time. A runtime upgrade that changes this must ship a migration
		/// that recomputes the open records and their tallies; without one, `try_state` (and
		/// so try-runtime, before the upgrade is enacted) reports the records as computed at
		/// another boost, and `refresh_boost` never raises a record above what it added.
		#[pallet::constant]
		type VoteBoost: Get<Permill>;

		/// Blocks in a governance day on a production chain (14,400 at 6-second blocks).
		#[pallet::constant]
		type BlocksPerDay: Get<BlockNumberFor<Self>>;

		/// The block at which the council's powers end, unless genesis sets another.
		#[pallet::constant]
		type DefaultCouncilSunset: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's call, vote hooks and block hook.
		type WeightInfo: WeightInfo;

		/// Gives an account the boost in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The origins of the BTT tracks. A referendum submitted with one of them is decided on
	/// that track, and its call is dispatched with that origin.
	#[derive(
		PartialEq,
		Eq,
		Clone,
		Copy,
		MaxEncodedLen,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		Debug,
	)]
	pub enum GovernanceOrigin {
		/// Releases of the strategic reserve to the foundation's multisig.
		ReserveRelease,
		/// Foundation development milestones and the paper's milestone burns.
		Milestones,
		/// Spends of the development fund (the treasury) and of the ecosystem fund.
		Treasurer,
		/// Economic parameters: burn rates, the fee split, staking terms, mining factors.
		EconomicParams,
		/// The validator set.
		ValidatorAdmin,
	}

	/// The pallet's origin: a track's.
	#[pallet::origin]
	pub type Origin = GovernanceOrigin;

	/// Blocks in one governance day: every track period is a number of these days. Stored
	/// from genesis (storage version 1), so a runtime upgrade cannot move it.
	#[pallet::storage]
	pub type DayLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery, T::BlocksPerDay>;

	/// The block from which the institutional council can no longer act for any track.
	/// Stored from genesis (storage version 1), so a runtime upgrade cannot move it.
	#[pallet::storage]
	pub type CouncilSunset<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultCouncilSunset>;

	/// The extra votes a boosted voter's vote added to an ongoing referendum's tally, with
	/// the vote and the stake that backed them, by referendum and voter: taken off again when
	/// the vote changes or is removed, reduced by [`Pallet::refresh_boost`] when the stake
	/// has matured.
	#[pallet::storage]
	pub type BoostedVotes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PollIndexOf<T>,
		Twox64Concat,
		T::AccountId,
		BoostedVote<T::Balance>,
		OptionQuery,
	>;

	/// The extra votes of a vote being removed, between conviction voting's removal hook and
	/// the moment [`BoostedPolls`] takes them off the tally (within the same call; always
	/// empty between calls).
	#[pallet::storage]
	pub type PendingWithdrawal<T: Config> = StorageValue<_, BoostedVote<T::Balance>, OptionQuery>;

	/// Events of the governance pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A long-term staker's vote counts 1.5×: these extra votes were added to the tally.
		VoteBoosted {
			/// The voter.
			who: T::AccountId,
			/// The referendum.
			poll_index: PollIndexOf<T>,
			/// Extra aye votes.
			ayes: T::Balance,
			/// Extra nay votes.
			nays: T::Balance,
		},
		/// A changed or removed vote's extra votes were taken off the tally.
		BoostWithdrawn {
			/// The voter.
			who: T::AccountId,
			/// The referendum.
			poll_index: PollIndexOf<T>,
		},
		/// A vote's extra was recomputed from the voter's qualifying stake now, and the
		/// difference taken off the tally: these extra votes remain (zero and zero: the boost
		/// is gone with its stake).
		BoostRefreshed {
			/// The voter.
			who: T::AccountId,
			/// The referendum.
			poll_index: PollIndexOf<T>,
			/// Extra aye votes that remain.
			ayes: T::Balance,
			/// Extra nay votes that remain.
			nays: T::Balance,
			/// The qualifying stake that now backs them.
			stake: T::Balance,
		},
		/// The council's powers ended: from this block on only referenda decide.
		CouncilPowersEnded {
			/// The sunset block.
			at: BlockNumberFor<T>,
		},
	}

	/// Errors of the governance pallet (those of `refresh_boost`).
	#[pallet::error]
	pub enum Error<T> {
		/// The voter has no boosted vote recorded on this referendum.
		NoBoostRecorded,
		/// The referendum is not ongoing: its tally is final.
		PollNotOngoing,
		/// The voter's qualifying stake still backs the whole recorded extra: a refresh would
		/// change nothing.
		BoostUnchanged,
	}

	/// Genesis: the length of a governance day and the council's sunset block.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Blocks in a governance day; `None` keeps [`Config::BlocksPerDay`]. Test chains set
		/// a few blocks so that referenda pass in minutes.
		pub day_length: Option<BlockNumberFor<T>>,
		/// The council's sunset block; `None` keeps [`Config::DefaultCouncilSunset`].
		pub council_sunset: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// Both are stored, defaults included: a later runtime whose defaults differ must
			// not move a live chain's calendar or the council's sunset.
			let day_length = self.day_length.unwrap_or_else(T::BlocksPerDay::get);
			assert!(!day_length.is_zero(), "a governance day must last at least one block");
			DayLength::<T>::put(day_length);
			CouncilSunset::<T>::put(
				self.council_sunset.unwrap_or_else(T::DefaultCouncilSunset::get),
			);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			if now == CouncilSunset::<T>::get() {
				Self::deposit_event(Event::CouncilPowersEnded { at: now });
			}
			T::WeightInfo::on_initialize()
		}

		fn integrity_test() {
			assert!(
				!T::BlocksPerDay::get().is_zero(),
				"a governance day must last at least one block"
			);
			assert!(!T::VoteBoost::get().is_zero(), "a boost of zero would make the boost a no-op");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Recomputes the 1.5× extra of `voter`'s vote on the ongoing referendum `poll_index`
		/// from `voter`'s qualifying stake now (365-day-or-longer positions that have not
		/// matured; a matured stake gives zero), and takes the difference off the tally.
		/// Anyone may call it: the boost ends when its stake matures, whoever notices.
		///
		/// A refresh only reduces: the stake counted is the smaller of the stake recorded
		/// with the vote and the stake now. A boost reduced to nothing is forgotten.
		///
		/// Fails with [`Error::NoBoostRecorded`] when the voter has no boosted vote on the
		/// referendum, [`Error::PollNotOngoing`] when the referendum has ended, and
		/// [`Error::BoostUnchanged`] when the stake still backs the whole extra.
		///
		/// - Origin: signed (any account), for any voter.
		/// - Emits: `BoostRefreshed` (with the extra that remains; zero and zero when the
		///   boost is gone).
		/// - Errors: `NoBoostRecorded`, `PollNotOngoing`, `BoostUnchanged`.
		/// - Complexity: O(P) with P = the voter's staking positions, read for its qualifying
		///   stake (bounded by btt-staking's `MaxPositions`; the weight assumes the most),
		///   plus one read and write of the referendum.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::refresh_boost())]
		pub fn refresh_boost(
			origin: OriginFor<T>,
			poll_index: PollIndexOf<T>,
			voter: <T::Lookup as StaticLookup>::Source,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let voter = T::Lookup::lookup(voter)?;
			let record =
				BoostedVotes::<T>::get(poll_index, &voter).ok_or(Error::<T>::NoBoostRecorded)?;
			let stake = T::Staking::active_stake(&voter, Tier::Days365).min(record.stake);
			let (ayes, nays) = Self::extra_votes(record.vote, stake);
			// Never above what was added to the tally, even if `VoteBoost` grew since: the
			// record is what a withdrawal takes off again.
			let (ayes, nays) = (ayes.min(record.ayes), nays.min(record.nays));
			// Conviction voting is not holding the tally here: access it directly.
			T::Polls::try_access_poll(poll_index, |status| match status {
				PollStatus::Ongoing(tally, _) => {
					ensure!(ayes != record.ayes || nays != record.nays, Error::<T>::BoostUnchanged);
					let votes = |recorded: T::Balance, now: T::Balance| Delegations {
						votes: recorded.saturating_sub(now),
						capital: Zero::zero(),
					};
					tally.reduce(true, votes(record.ayes, ayes));
					tally.reduce(false, votes(record.nays, nays));
					Ok(())
				}
				_ => Err(Error::<T>::PollNotOngoing.into()),
			})?;
			if ayes.is_zero() && nays.is_zero() {
				BoostedVotes::<T>::remove(poll_index, &voter);
			} else {
				BoostedVotes::<T>::insert(
					poll_index,
					&voter,
					BoostedVote { ayes, nays, vote: record.vote, stake },
				);
			}
			Self::deposit_event(Event::BoostRefreshed {
				who: voter,
				poll_index,
				ayes,
				nays,
				stake,
			});
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The qualifying stake of `who`: the principal of its positions of the 365-day tier
		/// or longer that have not matured.
		pub fn qualifying_stake(who: &T::AccountId) -> T::Balance {
			T::Staking::active_stake(who, Tier::Days365)
		}

		/// Whether the council may still act for a track: before its sunset block.
		pub fn council_sits() -> bool {
			frame_system::Pallet::<T>::block_number() < CouncilSunset::<T>::get()
		}

		/// `days` governance days in blocks.
		pub fn days(days: u32) -> BlockNumberFor<T> {
			DayLength::<T>::get().saturating_mul(days.into())
		}

		/// The extra (ayes, nays) that `vote` adds when `stake` backs it: `VoteBoost` (half) of
		/// the conviction votes of the part of the vote that `stake` covers, on each side.
		///
		/// A standard vote's backed part is `min(balance, stake)`, at the vote's conviction.
		/// A split vote is counted at conviction `None` (as the tally counts it); `stake` backs
		/// its aye part first, then its nay part with what is left; an abstain part gets
		/// nothing and takes none of the stake.
		pub fn extra_votes(
			vote: AccountVote<T::Balance>,
			stake: T::Balance,
		) -> (T::Balance, T::Balance) {
			let extra = |votes: T::Balance| T::VoteBoost::get().mul_floor(votes);
			match vote {
				AccountVote::Standard { vote, balance } => {
					let extra = extra(vote.conviction.votes(balance.min(stake)).votes);
					if vote.aye {
						(extra, Zero::zero())
					} else {
						(Zero::zero(), extra)
					}
				}
				AccountVote::Split { aye, nay } | AccountVote::SplitAbstain { aye, nay, .. } => {
					let backed_aye = aye.min(stake);
					let backed_nay = nay.min(stake.saturating_sub(backed_aye));
					(
						extra(Conviction::None.votes(backed_aye).votes),
						extra(Conviction::None.votes(backed_nay).votes),
					)
				}
			}
		}

		/// Adds `who`'s extra votes for `vote`, backed by `stake`, to the tally of
		/// `poll_index`, if it is ongoing.
		pub(crate) fn apply_boost(
			who: &T::AccountId,
			poll_index: PollIndexOf<T>,
			vote: AccountVote<T::Balance>,
			stake: T::Balance,
		) {
			let (ayes, nays) = Self::extra_votes(vote, stake);
			if ayes.is_zero() && nays.is_zero() {
				return;
			}
			let extra = BoostedVote { ayes, nays, vote, stake };
			let applied = T::Polls::access_poll(poll_index, |status| match status {
				PollStatus::Ongoing(tally, _) => {
					tally.increase(true, Delegations { votes: extra.ayes, capital: Zero::zero() });
					tally.increase(false, Delegations { votes: extra.nays, capital: Zero::zero() });
					true
				}
				_ => false,
			});
			if applied {
				BoostedVotes::<T>::insert(poll_index, who, extra);
				Self::deposit_event(Event::VoteBoosted {
					who: who.clone(),
					poll_index,
					ayes: extra.ayes,
					nays: extra.nays,
				});
			}
		}

		/// Takes `who`'s recorded extra votes off the tally of `poll_index`, if it is still
		/// ongoing, and forgets them.
		pub(crate) fn withdraw_boost(who: &T::AccountId, poll_index: PollIndexOf<T>) {
			let Some(extra) = BoostedVotes::<T>::take(poll_index, who) else { return };
			T::Polls::access_poll(poll_index, |status| {
				if let PollStatus::Ongoing(tally, _) = status {
					tally.reduce(true, Delegations { votes: extra.ayes, capital: Zero::zero() });
					tally.reduce(false, Delegations { votes: extra.nays, capital: Zero::zero() });
				}
			});
			Self::deposit_event(Event::BoostWithdrawn { who: who.clone(), poll_index });
		}

		/// Takes a removed vote's pending extra votes off `tally`.
		pub(crate) fn settle_withdrawal(tally: &mut TallyOf<T>) {
			if let Some(extra) = PendingWithdrawal::<T>::take() {
				tally.reduce(true, Delegations { votes: extra.ayes, capital: Zero::zero() });
				tally.reduce(false, Delegations { votes: extra.nays, capital: Zero::zero() });
			}
		}

		/// The pallet's invariants: the governance day and the council sunset are stored, a
		/// governance day lasts at least one block, no removed vote's extra is pending, and
		/// every recorded extra is non-zero and exactly `VoteBoost` × the conviction votes of
		/// the part of its vote backed by its recorded stake — so never more than `VoteBoost`
		/// × the conviction votes of that stake.
		///
		/// Iterates the records: for `try_state` and the tests only.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			frame_support::ensure!(
				DayLength::<T>::exists() && CouncilSunset::<T>::exists(),
				"the governance day or the council sunset is not stored"
			);
			frame_support::ensure!(
				!DayLength::<T>::get().is_zero(),
				"governance day of zero blocks"
			);
			frame_support::ensure!(
				PendingWithdrawal::<T>::get().is_none(),
				"a removed vote's extra was left on a tally"
			);
			for (_, _, extra) in BoostedVotes::<T>::iter() {
				frame_support::ensure!(
					!(extra.ayes.is_zero() && extra.nays.is_zero()),
					"an empty boost record"
				);
				frame_support::ensure!(
					Self::extra_votes(extra.vote, extra.stake) == (extra.ayes, extra.nays),
					"a recorded extra is not VoteBoost × the conviction votes its stake backs"
				);
				let conviction = match extra.vote {
					AccountVote::Standard { vote, .. } => vote.conviction,
					_ => Conviction::None,
				};
				let bound = T::VoteBoost::get().mul_floor(conviction.votes(extra.stake).votes);
				frame_support::ensure!(
					extra.ayes.saturating_add(extra.nays) <= bound,
					"a recorded extra exceeds VoteBoost × its stake's conviction votes"
				);
			}
			Ok(())
		}
	}
}

/// The extra votes one boosted vote added to a tally, and what they were computed from.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	codec::Encode,
	codec::Decode,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
)]
pub struct BoostedVote<Balance> {
	/// Extra aye votes.
	pub ayes: Balance,
	/// Extra nay votes.
	pub nays: Balance,
	/// The vote as cast.
	pub vote: AccountVote<Balance>,
	/// The qualifying stake that backs the extra (the cap applied to the vote's balance).
	pub stake: Balance,
}

impl<T: Config> VotingHooks<T::AccountId, PollIndexOf<T>, T::Balance> for Pallet<T> {
	fn on_before_vote(
		who: &T::AccountId,
		poll_index: PollIndexOf<T>,
		vote: AccountVote<T::Balance>,
	) -> DispatchResult {
		// A vote replaces the voter's earlier vote on the same referendum, and conviction
		// voting takes the earlier vote off the tally without calling `on_remove_vote`.
		Self::withdraw_boost(who, poll_index);
		let stake = Self::qualifying_stake(who);
		if !stake.is_zero() {
			Self::apply_boost(who, poll_index, vote, stake);
		}
		Ok(())
	}

	fn on_remove_vote(who: &T::AccountId, poll_index: PollIndexOf<T>, status: Status) {
		match status {
			// Conviction voting calls this hook while it holds the referendum's tally, and
			// writes that tally back afterwards: the extra is taken off by [`BoostedPolls`]
			// once conviction voting is done with the tally.
			Status::Ongoing => {
				if let Some(extra) = BoostedVotes::<T>::take(poll_index, who) {
					PendingWithdrawal::<T>::put(extra);
					Self::deposit_event(Event::BoostWithdrawn { who: who.clone(), poll_index });
				}
			}
			// The tally is final: only the record goes.
			Status::Completed | Status::None => BoostedVotes::<T>::remove(poll_index, who),
		}
	}

	fn lock_balance_on_unsuccessful_vote(
		_: &T::AccountId,
		_: PollIndexOf<T>,
	) -> Option<T::Balance> {
		None
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn on_vote_worst_case(who: &T::AccountId) {
		T::BenchmarkHelper::make_boosted(who);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn on_remove_vote_worst_case(who: &T::AccountId) {
		T::BenchmarkHelper::make_boosted(who);
	}
}

/// The referenda as conviction voting sees them: [`Config::Polls`], and after each access
/// to an ongoing referendum the extra votes of a removed boosted vote are taken off its tally
/// (see [`VotingHooks::on_remove_vote`] of [`Pallet`]).
pub struct BoostedPolls<T>(PhantomData<T>);
impl<T: Config> Polling<TallyOf<T>> for BoostedPolls<T> {
	type Index = PollIndexOf<T>;
	type Votes = T::Balance;
	type Class = <T::Polls as Polling<TallyOf<T>>>::Class;
	type Moment = BlockNumberFor<T>;

	fn classes() -> Vec<Self::Class> {
		T::Polls::classes()
	}

	fn as_ongoing(index: Self::Index) -> Option<(TallyOf<T>, Self::Class)> {
		T::Polls::as_ongoing(index)
	}

	fn access_poll<R>(
		index: Self::Index,
		f: impl FnOnce(PollStatus<&mut TallyOf<T>, Self::Moment, Self::Class>) -> R,
	) -> R {
		T::Polls::access_poll(index, |status| match status {
			PollStatus::Ongoing(tally, class) => {
				let result = f(PollStatus::Ongoing(&mut *tally, class));
				Pallet::<T>::settle_withdrawal(tally);
				result
			}
			other => f(other),
		})
	}

	fn try_access_poll<R>(
		index: Self::Index,
		f: impl FnOnce(
			PollStatus<&mut TallyOf<T>, Self::Moment, Self::Class>,
		) -> Result<R, sp_runtime::DispatchError>,
	) -> Result<R, sp_runtime::DispatchError> {
		T::Polls::try_access_poll(index, |status| match status {
			PollStatus::Ongoing(tally, class) => {
				let result = f(PollStatus::Ongoing(&mut *tally, class))?;
				Pallet::<T>::settle_withdrawal(tally);
				Ok(result)
			}
			other => f(other),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_ongoing(class: Self::Class) -> Result<Self::Index, ()> {
		T::Polls::create_ongoing(class)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn end_ongoing(index: Self::Index, approved: bool) -> Result<(), ()> {
		T::Polls::end_ongoing(index, approved)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn max_ongoing() -> (Self::Class, u32) {
		T::Polls::max_ongoing()
	}
}

/// `N` governance days, in blocks: a track period or any other governance duration.
pub struct GovernanceDays<T, const N: u32>(PhantomData<T>);
impl<T: Config, const N: u32> Get<BlockNumberFor<T>> for GovernanceDays<T, N> {
	fn get() -> BlockNumberFor<T> {
		Pallet::<T>::days(N)
	}
}

/// Lets `Inner` (the council's origin) pass only before the council's sunset block.
pub struct WhileCouncilSits<T, Inner>(PhantomData<(T, Inner)>);
impl<T: Config, O, Inner: EnsureOrigin<O>> EnsureOrigin<O> for WhileCouncilSits<T, Inner> {
	type Success = Inner::Success;

	fn try_origin(o: O) -> Result<Self::Success, O> {
		if Pallet::<T>::council_sits() {
			Inner::try_origin(o)
		} else {
			Err(o)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		if Pallet::<T>::council_sits() {
			Inner::try_successful_origin()
		} else {
			Err(())
		}
	}
}

/// Declares the `EnsureOrigin` of one track origin.
macro_rules! track_origin {
	($(#[$doc:meta])* $name:ident => $variant:ident) => {
		$(#[$doc])*
		pub struct $name;
		impl<O: OriginTrait + From<GovernanceOrigin>> EnsureOrigin<O> for $name
		where
			for<'a> &'a O::PalletsOrigin: TryInto<&'a GovernanceOrigin>,
		{
			type Success = ();

			fn try_origin(o: O) -> Result<Self::Success, O> {
				let is_track =
					matches!(o.caller().try_into(), Ok(GovernanceOrigin::$variant));
				if is_track {
					Ok(())
				} else {
					Err(o)
				}
			}

			#[cfg(feature = "runtime-benchmarks")]
			fn try_successful_origin() -> Result<O, ()> {
				Ok(O::from(GovernanceOrigin::$variant))
			}
		}
	};
}

track_origin!(
	/// The reserve-release track's origin.
	EnsureReserveRelease => ReserveRelease
);
track_origin!(
	/// The milestones track's origin.
	EnsureMilestones => Milestones
);
track_origin!(
	/// The treasurer track's origin.
	EnsureTreasurer => Treasurer
);
track_origin!(
	/// The economic-parameters track's origin.
	EnsureEconomicParams => EconomicParams
);
track_origin!(
	/// The validator-admin track's origin.
	EnsureValidatorAdmin => ValidatorAdmin
);
