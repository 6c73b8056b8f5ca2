//! Tests of every burn path, the fee split and the supply rule.
//!
//! `check()` asserts the pallet's invariants — `total_issuance + total_burned == supply`
//! first — and is called after every step.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::{
	fees::split_amounts, mock::*, BurnSource, BurnedBySource, CategoryRates, Error, Event,
	FeeCategory, FeeSplit, FeeSplitConfig, Milestone, MilestoneBurns, MilestoneSource,
	MilestoneSourceChoice, RateRange, TotalBurned,
};
use polkadot_sdk::sp_runtime::BuildStorage;
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{
			fungible::{Balanced, Inspect, Mutate},
			tokens::{Fortitude, Precision, Preservation},
			Hooks, OnUnbalanced,
		},
	},
	frame_system::RawOrigin,
	sp_runtime::{DispatchError, Permill, TokenError},
};

fn check() {
	BttBurn::do_try_state().expect("invariants hold");
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

fn burned(source: BurnSource) -> Balance {
	BurnedBySource::<Test>::get(source)
}

// --- voluntary burns ---------------------------------------------------------------------

#[test]
fn anyone_burns_their_own_tokens() {
	with_invariants(|| {
		assert_ok!(BttBurn::burn(signed(ALICE), 1_000 * UNIT, true));
		check();
		assert_eq!(Balances::balance(&ALICE), 999_000 * UNIT);
		assert_eq!(Balances::total_issuance(), SUPPLY - 1_000 * UNIT);
		assert_eq!(TotalBurned::<Test>::get(), 1_000 * UNIT);
		assert_eq!(burned(BurnSource::Voluntary), 1_000 * UNIT);
		System::assert_last_event(
			Event::Burned {
				from: Some(ALICE),
				amount: 1_000 * UNIT,
				source: BurnSource::Voluntary,
			}
			.into(),
		);
	});
}

#[test]
fn burning_everything_needs_keep_alive_off() {
	with_invariants(|| {
		let all = Balances::balance(&BOB);
		assert_noop!(BttBurn::burn(signed(BOB), all, true), Error::<Test>::InsufficientBalance);
		check();
		assert_ok!(BttBurn::burn(signed(BOB), all, false));
		check();
		assert_eq!(Balances::balance(&BOB), 0);
		assert!(!System::account_exists(&BOB));
	});
}

#[test]
fn burn_errors_change_nothing() {
	with_invariants(|| {
		assert_noop!(BttBurn::burn(signed(ALICE), 0, true), Error::<Test>::ZeroAmount);
		assert_noop!(
			BttBurn::burn(signed(ALICE), 2_000_000 * UNIT, false),
			Error::<Test>::InsufficientBalance
		);
		// An account that does not exist has nothing to burn.
		assert_noop!(BttBurn::burn(signed(999), 1, false), Error::<Test>::InsufficientBalance);
		assert_noop!(BttBurn::burn(RawOrigin::Root.into(), 1, false), DispatchError::BadOrigin);
	});
}

// --- category fee burns ------------------------------------------------------------------

#[test]
fn a_payment_moves_the_amount_and_burns_the_fee_on_top() {
	with_invariants(|| {
		let amount = 10_000 * UNIT;
		assert_ok!(BttBurn::pay(signed(ALICE), FeeCategory::ComputeTrade, BOB, amount));
		check();
		let fee = 200 * UNIT; // 2% by default
		assert_eq!(Balances::balance(&BOB), 1_000_000 * UNIT + amount);
		assert_eq!(Balances::balance(&ALICE), 1_000_000 * UNIT - amount - fee);
		assert_eq!(Balances::total_issuance(), SUPPLY - fee);
		assert_eq!(burned(BurnSource::CategoryFee(FeeCategory::ComputeTrade)), fee);
		System::assert_has_event(
			Event::Burned {
				from: Some(ALICE),
				amount: fee,
				source: BurnSource::CategoryFee(FeeCategory::ComputeTrade),
			}
			.into(),
		);
		assert_eq!(
			last_event(),
			Event::PaymentSettled {
				payer: ALICE,
				dest: BOB,
				category: FeeCategory::ComputeTrade,
				amount,
				fee
			}
			.into()
		);
	});
}

#[test]
fn each_category_charges_its_rate() {
	with_invariants(|| {
		let amount = 1_000 * UNIT;
		// Genesis set asset tokenization to 4%; PayFi keeps its 0.5% default.
		assert_ok!(BttBurn::pay(signed(ALICE), FeeCategory::AssetTokenization, BOB, amount));
		check();
		assert_ok!(BttBurn::pay(signed(ALICE), FeeCategory::PayFiSettlement, BOB, amount));
		check();
		assert_eq!(burned(BurnSource::CategoryFee(FeeCategory::AssetTokenization)), 40 * UNIT);
		assert_eq!(burned(BurnSource::CategoryFee(FeeCategory::PayFiSettlement)), 5 * UNIT);
		assert_eq!(TotalBurned::<Test>::get(), 45 * UNIT);
	});
}

#[test]
fn a_fee_is_rounded_up_so_tiny_payments_still_pay() {
	with_invariants(|| {
		// 0.5% of 11 plancks is 0.055: rounded up to 1 planck. (Bob already exists, so a
		// payment below the existential deposit is fine.)
		assert_ok!(BttBurn::pay(signed(ALICE), FeeCategory::PayFiSettlement, BOB, 11));
		check();
		assert_eq!(burned(BurnSource::CategoryFee(FeeCategory::PayFiSettlement)), 1);
	});
}

#[test]
fn payment_errors_change_nothing() {
	with_invariants(|| {
		let c = FeeCategory::ComputeTrade;
		assert_noop!(BttBurn::pay(signed(ALICE), c, BOB, 0), Error::<Test>::ZeroAmount);
		assert_noop!(BttBurn::pay(signed(ALICE), c, ALICE, UNIT), Error::<Test>::PaymentToSelf);
		// Alice can pay 1M only without the 2% fee.
		assert_noop!(
			BttBurn::pay(signed(ALICE), c, BOB, 1_000_000 * UNIT),
			Error::<Test>::InsufficientBalance
		);
		// The amount fits but amount + fee does not: nothing moves.
		let just_too_much = 1_000_000 * UNIT * 100 / 102;
		assert_noop!(
			BttBurn::pay(signed(ALICE), c, BOB, just_too_much),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			BttBurn::pay(signed(ALICE), c, 555, ED - 1),
			Error::<Test>::DestinationBelowMinimum
		);
		assert_noop!(BttBurn::pay(signed(ALICE), c, BOB, Balance::MAX), Error::<Test>::Overflow);
		assert_noop!(BttBurn::pay(RawOrigin::Root.into(), c, BOB, UNIT), DispatchError::BadOrigin);
	});
}

#[test]
fn other_pallets_charge_the_same_fee_through_the_trait() {
	use crate::CategoryFeeBurner;
	with_invariants(|| {
		assert_eq!(
			<BttBurn as CategoryFeeBurner<_, _>>::fee_for(FeeCategory::ComputeTrade, 500 * UNIT),
			10 * UNIT
		);
		let fee = <BttBurn as CategoryFeeBurner<_, _>>::pay_with_fee(
			&ALICE,
			&BOB,
			FeeCategory::ComputeTrade,
			500 * UNIT,
		)
		.unwrap();
		check();
		assert_eq!(fee, 10 * UNIT);
		assert_eq!(burned(BurnSource::CategoryFee(FeeCategory::ComputeTrade)), 10 * UNIT);
	});
}

#[test]
fn governance_sets_rates_inside_the_papers_ranges() {
	with_invariants(|| {
		for category in FeeCategory::ALL {
			let RateRange { min: low, max: high } = BttBurn::rate_range(category);
			assert_ok!(BttBurn::set_category_rate(RawOrigin::Root.into(), category, low));
			assert_ok!(BttBurn::set_category_rate(RawOrigin::Root.into(), category, high));
			check();
			assert_eq!(CategoryRates::<Test>::get(category), Some(high));
			System::assert_last_event(Event::CategoryRateSet { category, rate: high }.into());
			assert_noop!(
				BttBurn::set_category_rate(
					RawOrigin::Root.into(),
					category,
					high + Permill::from_parts(1)
				),
				Error::<Test>::RateOutOfRange
			);
			assert_noop!(
				BttBurn::set_category_rate(
					RawOrigin::Root.into(),
					category,
					low - Permill::from_parts(1)
				),
				Error::<Test>::RateOutOfRange
			);
		}
		assert_noop!(
			BttBurn::set_category_rate(
				signed(ALICE),
				FeeCategory::ComputeTrade,
				Permill::from_percent(2)
			),
			DispatchError::BadOrigin
		);
	});
}

// --- milestone burns ---------------------------------------------------------------------

#[test]
fn a_milestone_burns_once_from_the_ecosystem_fund() {
	with_invariants(|| {
		let milestone = Milestone::MainnetLaunch;
		assert_ok!(BttBurn::execute_milestone_burn(RawOrigin::Root.into(), milestone));
		check();
		assert_eq!(Balances::balance(&ECOSYSTEM_FUND), 3_999_000 * UNIT);
		assert_eq!(burned(BurnSource::Milestone(milestone)), 1_000 * UNIT);
		assert_eq!(MilestoneBurns::<Test>::get(milestone).unwrap().executed_at, Some(1));
		System::assert_last_event(
			Event::MilestoneBurnExecuted {
				milestone,
				source: ECOSYSTEM_FUND,
				amount: 1_000 * UNIT,
			}
			.into(),
		);
		assert_noop!(
			BttBurn::execute_milestone_burn(RawOrigin::Root.into(), milestone),
			Error::<Test>::MilestoneAlreadyExecuted
		);
		check();
	});
}

#[test]
fn an_empty_source_fails_cleanly_and_the_milestone_stays_pending() {
	with_invariants(|| {
		// The development fund spends all but a little (as the treasury would).
		let dev = Balances::balance(&DEVELOPMENT_FUND);
		assert_ok!(<Balances as Mutate<_>>::transfer(
			&DEVELOPMENT_FUND,
			&BOB,
			dev - 100 * UNIT,
			Preservation::Preserve
		));
		assert_ok!(BttBurn::set_milestone_source(
			RawOrigin::Root.into(),
			MilestoneSource::DevelopmentFund
		));
		check();
		System::assert_last_event(
			Event::MilestoneSourceSet {
				source: MilestoneSource::DevelopmentFund,
				account: DEVELOPMENT_FUND,
			}
			.into(),
		);
		assert_noop!(
			BttBurn::execute_milestone_burn(RawOrigin::Root.into(), Milestone::ThousandHospitals),
			Error::<Test>::MilestoneSourceInsufficient
		);
		assert_eq!(
			MilestoneBurns::<Test>::get(Milestone::ThousandHospitals).unwrap().executed_at,
			None
		);
		// Governance chooses the ecosystem fund again and the burn goes through.
		assert_ok!(BttBurn::set_milestone_source(
			RawOrigin::Root.into(),
			MilestoneSource::EcosystemFund
		));
		assert_eq!(MilestoneSourceChoice::<Test>::get(), MilestoneSource::EcosystemFund);
		assert_eq!(BttBurn::milestone_source(), ECOSYSTEM_FUND);
		assert_ok!(BttBurn::execute_milestone_burn(
			RawOrigin::Root.into(),
			Milestone::ThousandHospitals
		));
		check();
		assert_eq!(burned(BurnSource::Milestone(Milestone::ThousandHospitals)), 5_000 * UNIT);
	});
}

#[test]
fn governance_may_burn_a_milestone_from_the_development_fund() {
	with_invariants(|| {
		assert_eq!(BttBurn::milestone_source(), ECOSYSTEM_FUND);
		assert_ok!(BttBurn::set_milestone_source(
			RawOrigin::Root.into(),
			MilestoneSource::DevelopmentFund
		));
		assert_eq!(BttBurn::milestone_source(), DEVELOPMENT_FUND);
		assert_ok!(BttBurn::execute_milestone_burn(
			RawOrigin::Root.into(),
			Milestone::FirstHundredHospitals
		));
		check();
		assert_eq!(Balances::balance(&DEVELOPMENT_FUND), 3_998_000 * UNIT);
		assert_eq!(Balances::balance(&ECOSYSTEM_FUND), 4_000_000 * UNIT);
		System::assert_last_event(
			Event::MilestoneBurnExecuted {
				milestone: Milestone::FirstHundredHospitals,
				source: DEVELOPMENT_FUND,
				amount: 2_000 * UNIT,
			}
			.into(),
		);
	});
}

/// Security review, item 2: the source was any account, so governance could burn the
/// strategic reserve, the mining pool or a user's tokens. Only the two funds can be chosen
/// now: a call naming any other account does not even decode.
#[test]
fn no_call_can_point_milestone_burns_at_another_account() {
	use codec::{Decode, DecodeAll, Encode};
	with_invariants(|| {
		let call =
			crate::Call::<Test>::set_milestone_source { source: MilestoneSource::DevelopmentFund };
		let encoded = call.encode();
		assert_eq!(crate::Call::<Test>::decode(&mut &encoded[..]).unwrap(), call);
		// The old call's encoding: `Some(ALICE)`, an account. A third variant does not
		// exist, and an account after a valid choice is left over.
		let call_index = encoded[0];
		let mut naming_alice = vec![call_index, 1];
		naming_alice.extend(ALICE.encode());
		assert!(crate::Call::<Test>::decode_all(&mut &naming_alice[..]).is_err());
		assert!(crate::Call::<Test>::decode(&mut &[call_index, 2][..]).is_err());

		// Whatever governance chooses, a milestone burns only one of the two funds.
		for source in [MilestoneSource::EcosystemFund, MilestoneSource::DevelopmentFund] {
			assert_ok!(BttBurn::set_milestone_source(RawOrigin::Root.into(), source));
			assert!([ECOSYSTEM_FUND, DEVELOPMENT_FUND].contains(&BttBurn::milestone_source()));
		}
		let alice = Balances::balance(&ALICE);
		assert_ok!(BttBurn::execute_milestone_burn(
			RawOrigin::Root.into(),
			Milestone::MainnetLaunch
		));
		check();
		assert_eq!(Balances::balance(&ALICE), alice);
		assert_noop!(
			BttBurn::set_milestone_source(signed(ALICE), MilestoneSource::EcosystemFund),
			DispatchError::BadOrigin
		);
	});
}

/// Security review, item 4 (burn side): what the funds must keep back for the milestone
/// burns still pending.
#[test]
fn pending_milestone_burns_are_what_the_ecosystem_fund_keeps_back() {
	with_invariants(|| {
		let all = 11_000 * UNIT;
		assert_eq!(BttBurn::pending_milestone_burns(), all);
		assert_eq!(BttBurn::pending_burns_from(&ECOSYSTEM_FUND), all);
		// Other accounts keep nothing back; the development fund only while it is the source.
		assert_eq!(BttBurn::pending_burns_from(&DEVELOPMENT_FUND), 0);
		assert_eq!(BttBurn::pending_burns_from(&ALICE), 0);

		assert_ok!(BttBurn::execute_milestone_burn(
			RawOrigin::Root.into(),
			Milestone::ThousandHospitals
		));
		check();
		assert_eq!(BttBurn::pending_milestone_burns(), all - 5_000 * UNIT);
		assert_eq!(BttBurn::pending_burns_from(&ECOSYSTEM_FUND), all - 5_000 * UNIT);

		// With the development fund chosen, both funds keep the rest back: the ecosystem fund
		// still, so that choosing it again can never find it spent.
		assert_ok!(BttBurn::set_milestone_source(
			RawOrigin::Root.into(),
			MilestoneSource::DevelopmentFund
		));
		assert_eq!(BttBurn::pending_burns_from(&DEVELOPMENT_FUND), all - 5_000 * UNIT);
		assert_eq!(BttBurn::pending_burns_from(&ECOSYSTEM_FUND), all - 5_000 * UNIT);
		for milestone in [
			Milestone::MainnetLaunch,
			Milestone::FirstHundredHospitals,
			Milestone::CrossChainInteroperability,
		] {
			assert_ok!(BttBurn::execute_milestone_burn(RawOrigin::Root.into(), milestone));
			check();
		}
		assert_eq!(BttBurn::pending_milestone_burns(), 0);
		assert_eq!(BttBurn::pending_burns_from(&ECOSYSTEM_FUND), 0);
	});
}

#[test]
fn milestone_errors_change_nothing() {
	with_invariants(|| {
		MilestoneBurns::<Test>::remove(Milestone::CrossChainInteroperability);
		assert_noop!(
			BttBurn::execute_milestone_burn(
				RawOrigin::Root.into(),
				Milestone::CrossChainInteroperability
			),
			Error::<Test>::UnknownMilestone
		);
		assert_noop!(
			BttBurn::execute_milestone_burn(signed(ALICE), Milestone::MainnetLaunch),
			DispatchError::BadOrigin
		);
		assert_noop!(
			BttBurn::set_milestone_source(signed(ALICE), MilestoneSource::DevelopmentFund),
			DispatchError::BadOrigin
		);
	});
}

// --- staking reward burns ----------------------------------------------------------------

#[test]
fn a_share_of_a_reward_is_burned_under_its_own_source() {
	use crate::RewardBurner;
	with_invariants(|| {
		let burned_now = <BttBurn as RewardBurner<_, _>>::burn_reward(
			&ECOSYSTEM_FUND,
			1_000 * UNIT,
			Permill::from_percent(20),
		)
		.unwrap();
		check();
		assert_eq!(burned_now, 200 * UNIT);
		assert_eq!(burned(BurnSource::StakingReward), 200 * UNIT);
		// A pool that cannot cover the burn fails and burns nothing.
		assert_eq!(
			<BttBurn as RewardBurner<_, _>>::burn_reward(
				&999,
				1_000 * UNIT,
				Permill::from_percent(10)
			),
			Err(TokenError::FundsUnavailable.into())
		);
		check();
	});
}

// --- the transaction-fee split -----------------------------------------------------------

/// Withdraws `amount` from Bob as a fee would be, and hands it to the fee handler.
fn charge_fee(amount: Balance) {
	let credit = <Balances as Balanced<AccountId>>::withdraw(
		&BOB,
		amount,
		Precision::Exact,
		Preservation::Preserve,
		Fortitude::Polite,
	)
	.unwrap();
	FeeHandler::on_unbalanceds([credit].into_iter());
}

#[test]
fn fees_are_split_40_30_20_10() {
	with_invariants(|| {
		let dev = Balances::balance(&DEVELOPMENT_FUND);
		charge_fee(1_000 * UNIT);
		check();
		assert_eq!(Balances::balance(&DEVELOPMENT_FUND), dev + 400 * UNIT);
		assert_eq!(Balances::balance(&STAKERS_POT), 300 * UNIT);
		assert_eq!(Balances::balance(&AUTHOR), 100 * UNIT);
		assert_eq!(burned(BurnSource::TransactionFee), 200 * UNIT);
		assert_eq!(Balances::total_issuance(), SUPPLY - 200 * UNIT);
	});
}

#[test]
fn the_burn_takes_the_rounding_remainder() {
	with_invariants(|| {
		// A fee that does not divide evenly: each share rounds down, the burn takes the rest.
		let fee = 20 * UNIT + 9;
		let [development, stakers, author, burn] = split_amounts(&FeeSplit::default(), fee);
		assert_eq!(development + stakers + author + burn, fee);
		let dev_before = Balances::balance(&DEVELOPMENT_FUND);
		charge_fee(fee);
		check();
		assert_eq!(Balances::balance(&DEVELOPMENT_FUND) - dev_before, development);
		assert_eq!(Balances::balance(&STAKERS_POT), stakers);
		assert_eq!(Balances::balance(&AUTHOR), author);
		assert_eq!(burned(BurnSource::TransactionFee), burn);
		assert_eq!(burn, fee - development - stakers - author);
	});
}

#[test]
fn shares_too_small_to_open_an_account_are_burned() {
	with_invariants(|| {
		// 20 plancks: stakers' 6 and author's 2 are below the existential deposit of their
		// new accounts, so they are burned with the burn's 4. The development fund exists.
		charge_fee(20);
		check();
		assert_eq!(Balances::balance(&STAKERS_POT), 0);
		assert_eq!(Balances::balance(&AUTHOR), 0);
		assert_eq!(burned(BurnSource::TransactionFee), 12);
	});
}

#[test]
fn without_an_author_the_author_share_goes_to_the_development_fund() {
	with_invariants(|| {
		BlockAuthor::set(None);
		let dev = Balances::balance(&DEVELOPMENT_FUND);
		charge_fee(1_000 * UNIT);
		check();
		assert_eq!(Balances::balance(&DEVELOPMENT_FUND), dev + 500 * UNIT);
		BlockAuthor::set(Some(AUTHOR));
	});
}

#[test]
fn governance_changes_the_split_which_must_be_whole() {
	with_invariants(|| {
		let split = FeeSplit {
			development: Permill::from_percent(50),
			stakers: Permill::from_percent(25),
			burn: Permill::from_percent(25),
			author: Permill::zero(),
		};
		assert_ok!(BttBurn::set_fee_split(RawOrigin::Root.into(), split));
		check();
		assert_eq!(FeeSplitConfig::<Test>::get(), split);
		System::assert_last_event(Event::FeeSplitSet { split }.into());
		charge_fee(1_000 * UNIT);
		check();
		assert_eq!(burned(BurnSource::TransactionFee), 250 * UNIT);

		let not_whole = FeeSplit { author: Permill::from_parts(1), ..split };
		assert_noop!(
			BttBurn::set_fee_split(RawOrigin::Root.into(), not_whole),
			Error::<Test>::SplitNotWhole
		);
		assert_noop!(BttBurn::set_fee_split(signed(ALICE), split), DispatchError::BadOrigin);
	});
}

// --- dust and the supply rule ------------------------------------------------------------

#[test]
fn dust_is_booked_as_a_burn() {
	with_invariants(|| {
		// Bob sends all but 5 plancks away without keep-alive: the 5 are dust.
		let all = Balances::balance(&BOB);
		assert_ok!(<Balances as Mutate<_>>::transfer(
			&BOB,
			&ALICE,
			all - 5,
			Preservation::Expendable
		));
		check();
		assert_eq!(burned(BurnSource::Dust), 5);
	});
}

#[test]
fn the_supply_rule_catches_an_unbooked_burn() {
	new_test_ext().execute_with(|| {
		// Burning behind the pallet's back breaks the rule, and try_state says so.
		<Balances as Mutate<_>>::burn_from(
			&ALICE,
			UNIT,
			Preservation::Preserve,
			Precision::Exact,
			Fortitude::Polite,
		)
		.unwrap();
		assert!(BttBurn::do_try_state().is_err());
	});
}

#[test]
fn the_runtime_api_view_lists_every_source() {
	with_invariants(|| {
		assert_ok!(BttBurn::burn(signed(ALICE), 7, true));
		assert_ok!(BttBurn::pay(signed(ALICE), FeeCategory::ComputeTrade, BOB, 100 * UNIT));
		check();
		let mut by_source = BttBurn::burned_by_source();
		by_source.sort();
		assert_eq!(
			by_source,
			vec![
				(BurnSource::Voluntary, 7),
				(BurnSource::CategoryFee(FeeCategory::ComputeTrade), 2 * UNIT)
			]
		);
	});
}

#[test]
fn integrity_test_passes() {
	new_test_ext().execute_with(|| {
		<BttBurn as Hooks<u64>>::integrity_test();
	});
}

#[test]
fn genesis_opens_the_fee_accounts_out_of_the_milestone_source() {
	let storage = RuntimeGenesisConfig {
		balances: polkadot_sdk::pallet_balances::GenesisConfig {
			balances: vec![(ALICE, 1_000_000 * UNIT), (ECOSYSTEM_FUND, 4_000_000 * UNIT)],
			..Default::default()
		},
		btt_burn: crate::GenesisConfig { open_fee_accounts: true, ..Default::default() },
		..Default::default()
	}
	.build_storage()
	.unwrap();
	polkadot_sdk::sp_io::TestExternalities::new(storage).execute_with(|| {
		let deposit = ED;
		assert_eq!(Balances::free_balance(DEVELOPMENT_FUND), deposit);
		assert_eq!(Balances::free_balance(STAKERS_POT), deposit);
		assert_eq!(Balances::free_balance(ECOSYSTEM_FUND), 4_000_000 * UNIT - 2 * deposit);
		// Nothing was minted.
		assert_eq!(Balances::total_issuance(), 5_000_000 * UNIT);
	});
}

/// Security review, item 12: a fee account that genesis cannot open (the ecosystem fund is
/// missing or too poor) would let the treasury mint its deposit. Genesis refuses to build.
#[test]
#[should_panic(
	expected = "btt-burn genesis: cannot open fee account 101 with the existential deposit 10 out of the ecosystem fund 100"
)]
fn genesis_refuses_fee_accounts_the_ecosystem_fund_cannot_open() {
	let _ = RuntimeGenesisConfig {
		balances: polkadot_sdk::pallet_balances::GenesisConfig {
			// The ecosystem fund holds nothing.
			balances: vec![(ALICE, 1_000_000 * UNIT)],
			..Default::default()
		},
		btt_burn: crate::GenesisConfig { open_fee_accounts: true, ..Default::default() },
		..Default::default()
	}
	.build_storage();
}

#[test]
fn try_state_catches_a_milestone_booked_but_pending() {
	new_test_ext().execute_with(|| {
		check();
		// A milestone burn's total booked while the milestone still says pending.
		BurnedBySource::<Test>::insert(BurnSource::Milestone(Milestone::MainnetLaunch), UNIT);
		TotalBurned::<Test>::put(UNIT);
		<Balances as Mutate<_>>::burn_from(
			&ECOSYSTEM_FUND,
			UNIT,
			Preservation::Preserve,
			Precision::Exact,
			Fortitude::Polite,
		)
		.unwrap();
		assert_eq!(
			BttBurn::do_try_state(),
			Err("a milestone's booked burn differs from its state".into())
		);
	});
}

mod stored_fee_parameters;
