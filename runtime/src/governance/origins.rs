//! The origins of every governed call, by track. Root (a root-track referendum, or sudo on
//! dev chains) may do anything except release the strategic reserve; the council may act for
//! the milestones, treasurer, economic-parameters and validator-admin tracks until its
//! sunset block.

use super::CouncilCollective;
use crate::{AccountId, Balance, Runtime};
use pallet_btt_governance::{
	EnsureEconomicParams, EnsureMilestones, EnsureReserveRelease, EnsureTreasurer,
	EnsureValidatorAdmin, WhileCouncilSits,
};
use polkadot_sdk::{
	frame_support::traits::{ConstU128, EitherOf, MapSuccess},
	frame_system::{EnsureRoot, EnsureRootWithSuccess},
	pallet_collective,
	sp_runtime::traits::Replace,
};

/// Two thirds of the council, before its sunset block.
pub type CouncilTwoThirds = WhileCouncilSits<
	Runtime,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>,
>;

/// Releases of the strategic reserve: only a reserve-release referendum.
pub type ReserveRelease = EnsureReserveRelease;
/// Milestone approvals and milestone burns.
pub type Milestones = EitherOf<EnsureRoot<AccountId>, EitherOf<EnsureMilestones, CouncilTwoThirds>>;
/// Ecosystem-fund releases and community programmes.
pub type Treasurer = EitherOf<EnsureRoot<AccountId>, EitherOf<EnsureTreasurer, CouncilTwoThirds>>;
/// Burn rates, the fee split, staking terms and mining parameters.
pub type EconomicParams =
	EitherOf<EnsureRoot<AccountId>, EitherOf<EnsureEconomicParams, CouncilTwoThirds>>;
/// The validator set.
pub type ValidatorAdmin =
	EitherOf<EnsureRoot<AccountId>, EitherOf<EnsureValidatorAdmin, CouncilTwoThirds>>;

/// The treasury's spends: the treasurer's origins, with no cap beyond the fund itself.
pub type TreasurySpend = EitherOf<
	EnsureRootWithSuccess<AccountId, ConstU128<{ Balance::MAX }>>,
	MapSuccess<EitherOf<EnsureTreasurer, CouncilTwoThirds>, Replace<ConstU128<{ Balance::MAX }>>>,
>;
