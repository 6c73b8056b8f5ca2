//! The referenda's tracks: one table, [`TRACKS`], with each track's origin, deposit,
//! periods in governance days and curves, and the voting turnout support is measured
//! against.

use crate::{pools, Balance, Balances, BlockNumber, OriginCaller, Runtime};
use alloc::borrow::Cow;
use polkadot_sdk::{
	frame_support::traits::{fungible::Inspect, Get},
	frame_system,
	pallet_referenda::{self, Curve, Track, TrackInfo},
	sp_runtime::{str_array, Perbill},
};

/// The tracks of the BTT chain, by id.
pub mod track_ids {
	/// Runtime upgrades and anything else only root may do.
	pub const ROOT: u16 = 0;
	/// Releases of the strategic reserve.
	pub const RESERVE_RELEASE: u16 = 1;
	/// Foundation milestone approvals and milestone burns.
	pub const MILESTONES: u16 = 2;
	/// Development-fund and ecosystem-fund spends.
	pub const TREASURER: u16 = 3;
	/// Burn rates, the fee split, staking terms, mining parameters.
	pub const ECONOMIC_PARAMS: u16 = 4;
	/// The validator set.
	pub const VALIDATOR_ADMIN: u16 = 5;
}

/// One row of the track table: periods in governance days, curves falling linearly from
/// `ceil` to `floor` over the decision period.
pub struct TrackSpec {
	/// The track's id.
	pub id: u16,
	/// Its name, as polkadot.js shows it.
	pub name: &'static str,
	/// Referenda decided at once.
	pub max_deciding: u32,
	/// The decision deposit.
	pub decision_deposit: Balance,
	/// Days between submission and the start of the decision.
	pub prepare_days: u32,
	/// Days a decision may take.
	pub decision_days: u32,
	/// Days the approval criteria must hold.
	pub confirm_days: u32,
	/// Days between approval and enactment, at least.
	pub enactment_days: u32,
	/// Approval (share of conviction-weighted ayes): `(ceil, floor)` in percent.
	pub approval: (u32, u32),
	/// Support (share of the voting turnout voting aye): `(ceil, floor)` in tenths of a
	/// percent.
	pub support_permille: (u32, u32),
}

impl TrackSpec {
	/// The track with periods in blocks, for days of `day` blocks.
	fn track(&self, day: BlockNumber) -> Track<u16, Balance, BlockNumber> {
		let days = |n: u32| day.saturating_mul(n);
		Track {
			id: self.id,
			info: TrackInfo {
				name: str_array(self.name),
				max_deciding: self.max_deciding,
				decision_deposit: self.decision_deposit,
				prepare_period: days(self.prepare_days),
				decision_period: days(self.decision_days),
				confirm_period: days(self.confirm_days),
				min_enactment_period: days(self.enactment_days),
				min_approval: Curve::LinearDecreasing {
					length: Perbill::one(),
					floor: Perbill::from_percent(self.approval.1),
					ceil: Perbill::from_percent(self.approval.0),
				},
				min_support: Curve::LinearDecreasing {
					length: Perbill::one(),
					floor: Perbill::from_perthousand(self.support_permille.1),
					ceil: Perbill::from_perthousand(self.support_permille.0),
				},
			},
		}
	}
}

/// The track table, from the parameter sheet. Support is measured against the voting
/// turnout ([`VotingTurnout`]: the supply outside the table's pools, about 69M BTT at
/// genesis).
pub use crate::tokenomics::governance::TRACKS;

/// The referenda's tracks: [`TRACKS`] with days of `BttGovernance::DayLength` blocks.
pub struct BttTracks;
impl pallet_referenda::TracksInfo<Balance, BlockNumber> for BttTracks {
	type Id = u16;
	type RuntimeOrigin = OriginCaller;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<u16, Balance, BlockNumber>>> {
		let day = pallet_btt_governance::DayLength::<Runtime>::get();
		TRACKS.iter().map(move |spec| Cow::Owned(spec.track(day)))
	}

	fn track_for(origin: &OriginCaller) -> Result<u16, ()> {
		use pallet_btt_governance::GovernanceOrigin::*;
		match origin {
			OriginCaller::system(frame_system::RawOrigin::Root) => Ok(track_ids::ROOT),
			OriginCaller::BttGovernance(origin) => Ok(match origin {
				ReserveRelease => track_ids::RESERVE_RELEASE,
				Milestones => track_ids::MILESTONES,
				Treasurer => track_ids::TREASURER,
				EconomicParams => track_ids::ECONOMIC_PARAMS,
				ValidatorAdmin => track_ids::VALIDATOR_ADMIN,
			}),
			_ => Err(()),
		}
	}
}

/// The tokens that can vote: the supply outside the table's pools and the fee-fed funds
/// (nobody holds their keys). Support is measured against it.
pub struct VotingTurnout;
impl Get<Balance> for VotingTurnout {
	fn get() -> Balance {
		let in_pools = pools::ALL
			.iter()
			.map(|pool| Balances::total_balance(&pools::account(*pool)))
			.fold(0, |sum: Balance, balance| sum.saturating_add(balance));
		Balances::total_issuance().saturating_sub(in_pools)
	}
}

#[cfg(all(test, not(feature = "upgrade-rehearsal")))]
mod tests {
	use super::*;

	#[test]
	fn the_tracks_are_sorted_and_sane() {
		let mut last = None;
		for spec in TRACKS.iter() {
			assert!(last.map_or(true, |last| last < spec.id), "tracks are sorted by id");
			last = Some(spec.id);
			assert!(spec.approval.0 >= spec.approval.1 && spec.approval.0 <= 100);
			assert!(spec.support_permille.0 >= spec.support_permille.1);
			assert!(spec.decision_days > spec.confirm_days);
			assert!(spec.name.len() <= 25);
		}
	}
}
