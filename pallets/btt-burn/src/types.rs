//! The kinds of burn the BTT economy knows, and the transaction-fee split.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::sp_runtime::Permill;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// A category of payment whose fee is burned (tokenomics section 6).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
pub enum FeeCategory {
	/// Hospitals buying AI compute: 1–3%, 2% by default.
	ComputeTrade,
	/// Tokenization of medical data assets: 2–5%, 3% by default.
	AssetTokenization,
	/// PayFi payment settlement: 0.5–1%, 0.5% by default.
	PayFiSettlement,
}

impl FeeCategory {
	/// Every category.
	pub const ALL: [Self; 3] = [Self::ComputeTrade, Self::AssetTokenization, Self::PayFiSettlement];

	/// The rate genesis stores for a category it is not told about, and the rate storage
	/// version 0 charged before governance set one: the paper's default. (The BTT runtime's
	/// genesis names every category's rate from its parameter sheet.)
	pub fn default_rate(self) -> Permill {
		match self {
			Self::ComputeTrade => Permill::from_percent(2),
			Self::AssetTokenization => Permill::from_percent(3),
			Self::PayFiSettlement => Permill::from_parts(5_000),
		}
	}
}

/// The lowest and highest fee rate governance may set for one category (bounds included).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct RateRange {
	/// The lowest rate governance may set.
	pub min: Permill,
	/// The highest rate governance may set.
	pub max: Permill,
}

impl RateRange {
	/// The range from `min` to `max`.
	pub const fn new(min: Permill, max: Permill) -> Self {
		Self { min, max }
	}

	/// Whether `rate` lies inside the range (bounds included).
	pub fn contains(&self, rate: Permill) -> bool {
		self.min <= rate && rate <= self.max
	}
}

/// Each category's [`RateRange`]: the bounds within which governance moves the rates
/// (`Config::CategoryRateRanges`; the BTT runtime takes the paper's 1–3%, 2–5% and 0.5–1%
/// from its parameter sheet).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct CategoryRanges {
	/// The range of [`FeeCategory::ComputeTrade`].
	pub compute_trade: RateRange,
	/// The range of [`FeeCategory::AssetTokenization`].
	pub asset_tokenization: RateRange,
	/// The range of [`FeeCategory::PayFiSettlement`].
	pub pay_fi_settlement: RateRange,
}

impl CategoryRanges {
	/// Every rate from 0% to 100% allowed, in every category: for a runtime (or a test) that
	/// does not bound governance's rates.
	pub const UNRESTRICTED: Self = {
		let any = RateRange::new(Permill::from_percent(0), Permill::from_percent(100));
		Self { compute_trade: any, asset_tokenization: any, pay_fi_settlement: any }
	};

	/// The range of `category`.
	pub fn of(&self, category: FeeCategory) -> RateRange {
		match category {
			FeeCategory::ComputeTrade => self.compute_trade,
			FeeCategory::AssetTokenization => self.asset_tokenization,
			FeeCategory::PayFiSettlement => self.pay_fi_settlement,
		}
	}
}

/// A milestone of the network whose reaching governance marks with a one-off burn.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
pub enum Milestone {
	/// Mainnet launch (2025): 1,000,000 BTT.
	MainnetLaunch,
	/// The first 100 hospitals (2026): 2,000,000 BTT.
	FirstHundredHospitals,
	/// 1,000 hospitals (2027): 5,000,000 BTT.
	ThousandHospitals,
	/// Cross-chain interoperability (2028): 3,000,000 BTT.
	CrossChainInteroperability,
}

impl Milestone {
	/// Every milestone.
	pub const ALL: [Self; 4] = [
		Self::MainnetLaunch,
		Self::FirstHundredHospitals,
		Self::ThousandHospitals,
		Self::CrossChainInteroperability,
	];
}

/// The account milestone burns take their tokens from (tokenomics section 6): the ecosystem
/// development fund, or the development fund when governance says so — no other account.
///
/// The runtime resolves each choice to its account through the pallet's `Config`
/// (`DefaultMilestoneSource`, `DevelopmentFund`); see `Pallet::milestone_source`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum MilestoneSource {
	/// The ecosystem development fund (row 10 of the allocation table): the source until
	/// governance chooses otherwise.
	#[default]
	EcosystemFund,
	/// The development fund, which receives the development share of transaction fees.
	DevelopmentFund,
}

/// Where a burn came from; the totals are kept per source.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum BurnSource {
	/// An account burned its own tokens.
	Voluntary,
	/// The fee of a categorised payment.
	CategoryFee(FeeCategory),
	/// A milestone burn executed by governance.
	Milestone(Milestone),
	/// The burned part of a staking reward.
	StakingReward,
	/// The burned share of transaction fees and tips.
	TransactionFee,
	/// Dust: balances below the existential deposit removed by the balances pallet.
	Dust,
}

/// How transaction fees (with tips) are shared. The four parts add up to 100%.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
pub struct FeeSplit {
	/// To the development fund (40% by default).
	pub development: Permill,
	/// To the stakers' pot, shared among stakers (30% by default).
	pub stakers: Permill,
	/// Burned (20% by default); it also takes the rounding remainder of the other parts.
	pub burn: Permill,
	/// To the author of the block (10% by default).
	pub author: Permill,
}

impl FeeSplit {
	/// Whether the four parts add up to exactly 100%.
	pub fn is_whole(&self) -> bool {
		[self.development, self.stakers, self.burn, self.author]
			.iter()
			.map(|part| u64::from(part.deconstruct()))
			.sum::<u64>()
			== u64::from(Permill::one().deconstruct())
	}
}

impl Default for FeeSplit {
	/// The paper's split: 40% development, 30% stakers, 20% burned, 10% block author.
	fn default() -> Self {
		Self {
			development: Permill::from_percent(40),
			stakers: Permill::from_percent(30),
			burn: Permill::from_percent(20),
			author: Permill::from_percent(10),
		}
	}
}
