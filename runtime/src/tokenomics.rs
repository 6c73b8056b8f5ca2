//! # The parameter sheet
//!
//! Every policy number of the BTT token economy, in one place, each with the section of the
//! tokenomics paper it comes from (`docs/tokenomics.md` says the same rules in words). The
//! pallets are generic: they take these numbers through their `Config` constants and their
//! genesis, and the runtime's configuration ([`crate::configs`], [`crate::governance`]) and
//! genesis presets ([`crate::genesis`]) read them from here.
//!
//! **Changing a number.** Change it here, then run the tests: `the_sheet_beside_the_paper`
//! prints every row of the sheet beside the paper's number and fails on each row that
//! differs from the paper, and the tests that exercise the rule (through real dispatch) show
//! what the change moves. A number that is already live on a chain changes only through
//! its governed call (`docs/tokenomics.md` names it); genesis values are read once, when a
//! chain starts, so editing them here changes only new chains.

use crate::{
	currency::BTT,
	governance::{track_ids, TrackSpec},
	time::YEARS,
	Balance, BlockNumber,
};
use pallet_btt_burn::{CategoryRanges, FeeCategory, FeeSplit, Milestone, RateRange};
use pallet_btt_mining::FactorConfig;
use pallet_btt_staking::{Term, Tier};
use pallet_btt_vesting::ReleaseRule;
use polkadot_sdk::sp_runtime::{FixedU128, Perbill, Permill};

/// The one calendar (`docs/tokenomics.md` section 2): a chain day of 14,400 six-second
/// blocks on a production chain; months and years are 30 and 365 days of it.
pub mod calendar {
	use super::*;

	/// Blocks in a production chain's day: 24 hours of 6-second blocks. A dev chain's genesis
	/// sets fewer (`bttGovernance.dayLength`).
	pub const DAY_BLOCKS: BlockNumber = crate::time::DAYS;
	/// Days in a tokenomics month (vesting, programme periods).
	pub const MONTH_DAYS: u32 = 30;
	/// Days in a year (staking APYs, the mining phases' two years).
	pub const YEAR_DAYS: u32 = 365;
}

/// The genesis allocation table (paper section 3): twelve rows, 210,000,000 BTT, 10,000 bps.
pub mod allocation {
	use super::*;

	/// One row of the table: what the paper fixes about it.
	pub struct Row {
		/// The row's number in the paper's table.
		pub id: u8,
		/// Its name.
		pub name: &'static str,
		/// Its share of the supply, in basis points.
		pub bps: u16,
		/// How its tokens are released.
		pub release: ReleaseRule,
	}

	/// Rows 2–5, the institutional investors: a 3-month lock, then 30 months linear.
	pub const INVESTOR_RELEASE: ReleaseRule =
		ReleaseRule::LockThenLinear { lock_months: 3, linear_months: 30 };

	/// The twelve rows, in the paper's order.
	pub const ROWS: [Row; 12] = [
		Row {
			id: 1,
			name: "BitWave Protocol Labs",
			bps: 1_000,
			release: ReleaseRule::LockThenLinear { lock_months: 6, linear_months: 36 },
		},
		Row { id: 2, name: "China Digital Healthcare Group", bps: 500, release: INVESTOR_RELEASE },
		Row { id: 3, name: "M DAO", bps: 300, release: INVESTOR_RELEASE },
		Row { id: 4, name: "Web3 Ventures & KNCapital", bps: 300, release: INVESTOR_RELEASE },
		Row {
			id: 5,
			name: "CryptoSeed Fund & AN Innovators Capital",
			bps: 200,
			release: INVESTOR_RELEASE,
		},
		Row {
			id: 6,
			name: "Team & core advisors",
			bps: 800,
			release: ReleaseRule::LockThenLinear { lock_months: 12, linear_months: 48 },
		},
		Row {
			id: 7,
			name: "Foundation & technical development",
			bps: 1_700,
			release: ReleaseRule::MilestoneTranches { tranches: 48 },
		},
		Row {
			id: 8,
			name: "Compute mining reward pool",
			bps: 3_000,
			release: ReleaseRule::MiningEmission,
		},
		Row {
			id: 9,
			name: "Community incentives",
			bps: 1_200,
			release: ReleaseRule::CommunityProgrammes,
		},
		Row {
			id: 10,
			name: "Ecosystem development fund",
			bps: 700,
			release: ReleaseRule::GovernanceRelease,
		},
		Row { id: 11, name: "Liquidity provision fund", bps: 200, release: ReleaseRule::Unlocked },
		Row { id: 12, name: "Strategic reserve", bps: 100, release: ReleaseRule::ReferendumOnly },
	];

	/// Row 6's sub-rows: name and basis points of the supply.
	pub const TEAM_SUB_ROWS: [(&str, u16); 3] = [
		("Core development team", 500),
		("Technical advisory board", 200),
		("Medical expert advisors", 100),
	];

	/// Row 7's sub-rows: name and basis points of the supply.
	pub const FOUNDATION_SUB_ROWS: [(&str, u16); 4] = [
		("Core protocol development", 700),
		("AI integration framework", 500),
		("Security & compliance", 300),
		("Research partnerships", 200),
	];
}

/// Fixed-term staking (paper section 5).
pub mod staking {
	use super::*;

	/// Each tier: term in days, APY in percent, minimum stake in BTT, share of the reward
	/// burned at close in percent.
	pub const TIERS: [(Tier, u32, u32, Balance, u32); 5] = [
		(Tier::Days30, 30, 3, 1_000, 0),
		(Tier::Days90, 90, 5, 5_000, 0),
		(Tier::Days180, 180, 8, 10_000, 0),
		(Tier::Days365, 365, 12, 50_000, 10),
		(Tier::Days1095, 1_095, 18, 100_000, 20),
	];

	/// The transaction-fee reduction of accounts staking in the 180-day tier or longer: 20%
	/// (btt-staking's `FeeDiscount`; the tip is never reduced).
	pub const FEE_DISCOUNT: Permill = Permill::from_percent(20);

	/// What a vote of an account staking in the 365-day tier or longer adds on top of its
	/// conviction votes: half of them, so the vote weighs 1.5× (btt-governance's
	/// `VoteBoost`).
	pub const VOTE_BOOST: Permill = Permill::from_percent(50);

	/// The tiers as btt-staking's genesis takes them.
	pub fn terms() -> alloc::vec::Vec<(Tier, Term<Balance>)> {
		TIERS
			.iter()
			.map(|&(tier, days, apy, minimum, burn)| {
				let term = Term {
					days,
					apy: Permill::from_percent(apy),
					minimum: minimum * BTT,
					reward_burn: Permill::from_percent(burn),
				};
				(tier, term)
			})
			.collect()
	}
}

/// Burns and fees (paper section 6).
pub mod fees {
	use super::*;

	/// How transaction fees and tips are shared: 40% to the development fund, 30% to
	/// stakers, 20% burned, 10% to the block author.
	pub fn fee_split() -> FeeSplit {
		FeeSplit {
			development: Permill::from_percent(40),
			stakers: Permill::from_percent(30),
			burn: Permill::from_percent(20),
			author: Permill::from_percent(10),
		}
	}

	/// Each payment category's fee rate at genesis: compute trade 2%, asset tokenization 3%,
	/// PayFi settlement 0.5%. Governance may move them within [`CATEGORY_RANGES`].
	pub const CATEGORY_RATES: [(FeeCategory, Permill); 3] = [
		(FeeCategory::ComputeTrade, Permill::from_percent(2)),
		(FeeCategory::AssetTokenization, Permill::from_percent(3)),
		(FeeCategory::PayFiSettlement, Permill::from_parts(5_000)),
	];

	/// The range within which governance may set each category's rate: compute trade 1–3%,
	/// asset tokenization 2–5%, PayFi settlement 0.5–1% (btt-burn's `CategoryRateRanges`).
	/// A rule of the code: only a runtime upgrade changes it.
	pub const CATEGORY_RANGES: CategoryRanges = CategoryRanges {
		compute_trade: RateRange::new(Permill::from_percent(1), Permill::from_percent(3)),
		asset_tokenization: RateRange::new(Permill::from_percent(2), Permill::from_percent(5)),
		pay_fi_settlement: RateRange::new(Permill::from_parts(5_000), Permill::from_percent(1)),
	};

	/// The milestone burns, each executed once by governance: 11M BTT in all.
	pub const MILESTONE_BURNS: [(Milestone, Balance); 4] = [
		(Milestone::MainnetLaunch, 1_000_000 * BTT),
		(Milestone::FirstHundredHospitals, 2_000_000 * BTT),
		(Milestone::ThousandHospitals, 5_000_000 * BTT),
		(Milestone::CrossChainInteroperability, 3_000_000 * BTT),
	];
}

/// Compute mining (paper section 4).
pub mod mining {
	use super::*;

	/// The mining pool's emission per two-year phase: 40%, 30%, 20%, 10% of 63M BTT.
	pub const PHASE_TOTALS: [Balance; 4] =
		[25_200_000 * BTT, 18_900_000 * BTT, 12_600_000 * BTT, 6_300_000 * BTT];
	/// Eras (chain days) in a phase: two years.
	pub const ERAS_PER_PHASE: u32 = 2 * calendar::YEAR_DAYS;
	/// The stake a compute provider needs to earn rewards, at genesis.
	pub const MIN_PROVIDER_STAKE: Balance = 5_000 * BTT;

	/// The reward factors' bounds at genesis: QoS, energy and geography each between 0.5 and
	/// 1.5; a latency target of 100 ms; a region with at most 10% of an era's compute is
	/// scarce, from 50% saturated.
	pub fn factors() -> FactorConfig {
		let half = FixedU128::from_rational(1, 2);
		let one_and_half = FixedU128::from_rational(3, 2);
		FactorConfig {
			qos_min: half,
			qos_max: one_and_half,
			latency_target_ms: 100,
			energy_min: half,
			energy_max: one_and_half,
			geo_min: half,
			geo_max: one_and_half,
			scarce_share: Perbill::from_percent(10),
			saturated_share: Perbill::from_percent(50),
		}
	}
}

/// Governance (paper section 7).
pub mod governance {
	use super::*;

	/// The institutional council acts until two years after genesis (the paper's 2028).
	pub const COUNCIL_SUNSET: BlockNumber = 2 * YEARS;

	/// The referendum tracks: deposits, periods in chain days, and approval and support
	/// curves falling linearly from `ceil` to `floor` over the decision period.
	pub const TRACKS: [TrackSpec; 6] = [
		TrackSpec {
			id: track_ids::ROOT,
			name: "root",
			max_deciding: 1,
			decision_deposit: 100_000 * BTT,
			prepare_days: 2,
			decision_days: 28,
			confirm_days: 3,
			enactment_days: 1,
			// Root can change anything, so it decides at least as strictly as the reserve
			// track.
			approval: (100, 60),
			support_permille: (300, 50),
		},
		TrackSpec {
			id: track_ids::RESERVE_RELEASE,
			name: "reserve_release",
			max_deciding: 2,
			decision_deposit: 50_000 * BTT,
			prepare_days: 2,
			decision_days: 28,
			confirm_days: 3,
			enactment_days: 1,
			approval: (100, 60),
			support_permille: (300, 50),
		},
		TrackSpec {
			id: track_ids::MILESTONES,
			name: "milestones",
			max_deciding: 5,
			decision_deposit: 10_000 * BTT,
			prepare_days: 1,
			decision_days: 14,
			confirm_days: 2,
			enactment_days: 1,
			approval: (100, 50),
			support_permille: (200, 10),
		},
		TrackSpec {
			id: track_ids::TREASURER,
			name: "treasurer",
			max_deciding: 10,
			decision_deposit: 5_000 * BTT,
			prepare_days: 1,
			decision_days: 14,
			confirm_days: 1,
			enactment_days: 1,
			approval: (100, 50),
			support_permille: (150, 5),
		},
		TrackSpec {
			id: track_ids::ECONOMIC_PARAMS,
			name: "economic_params",
			max_deciding: 5,
			decision_deposit: 10_000 * BTT,
			prepare_days: 1,
			decision_days: 14,
			confirm_days: 2,
			enactment_days: 1,
			approval: (100, 50),
			support_permille: (200, 10),
		},
		TrackSpec {
			id: track_ids::VALIDATOR_ADMIN,
			name: "validator_admin",
			max_deciding: 5,
			decision_deposit: 5_000 * BTT,
			prepare_days: 1,
			decision_days: 7,
			confirm_days: 1,
			enactment_days: 1,
			approval: (100, 50),
			support_permille: (100, 5),
		},
	];
}
