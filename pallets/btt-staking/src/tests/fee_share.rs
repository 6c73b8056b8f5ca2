//! The stakers' share of transaction fees: accrual pro rata to principal, claims, maturity.

use super::*;

#[test]
fn fee_income_is_shared_pro_rata_to_principal() {
	new_test_ext().execute_with(|| {
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 30_000 * UNIT));
		assert_ok!(BttStaking::stake(signed(BOB), Tier::Days30, 10_000 * UNIT));
		fee_income(400 * UNIT);
		assert_eq!(BttStaking::pending_fee_share(&ALICE), 300 * UNIT);
		assert_eq!(BttStaking::pending_fee_share(&BOB), 100 * UNIT);
		let before = Balances::balance(&ALICE);
		assert_ok!(BttStaking::claim_fee_share(signed(ALICE)));
		assert_eq!(Balances::balance(&ALICE) - before, 300 * UNIT);
		System::assert_last_event(Event::FeeSharePaid { who: ALICE, amount: 300 * UNIT }.into());
		assert_noop!(BttStaking::claim_fee_share(signed(ALICE)), Error::<Test>::NothingToClaim);
		check();

		// A later staker does not share income that arrived before it staked.
		assert_ok!(BttStaking::stake(signed(CHARLIE), Tier::Days30, 1_000 * UNIT));
		assert_eq!(BttStaking::pending_fee_share(&CHARLIE), 0);
		assert_eq!(BttStaking::pending_fee_share(&BOB), 100 * UNIT);
		// Closing pays the position's fee share with it.
		fee_income(410 * UNIT);
		go_to(1 + 30 * DAY);
		let before = Balances::balance(&BOB);
		assert_ok!(BttStaking::close(signed(BOB), BOB, 1));
		let reward = 10_000 * UNIT * 3 * 30 / 100 / 365;
		assert_eq!(Balances::balance(&BOB) - before, reward + 200 * UNIT);
		assert_eq!(BttStaking::pending_fee_share(&CHARLIE), 10 * UNIT);
		check();
	});
}

#[test]
fn claims_need_a_position_and_something_owed() {
	new_test_ext().execute_with(|| {
		assert_noop!(BttStaking::claim_fee_share(signed(ALICE)), Error::<Test>::UnknownPosition);
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
		assert_noop!(BttStaking::claim_fee_share(signed(ALICE)), Error::<Test>::NothingToClaim);
	});
}

/// A small deterministic generator (64-bit LCG), so the property test needs no crate.
struct Lcg(u64);
impl Lcg {
	fn next(&mut self, bound: u64) -> u64 {
		self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
		(self.0 >> 33) % bound
	}
}

/// Random stakes, fee income, claims and time: every staker ends up paid what the exact
/// pro-rata split of each income over the stakes active at the time (made and not
/// matured) gives, to within the rounding (a few plancks per income), the stakers
/// together never more than came in, and the pot keeps what was not paid: nothing is
/// lost, and the pot keeps its deposit.
#[test]
fn the_accumulator_pays_what_a_brute_force_split_pays() {
	for seed in 0..20u64 {
		new_test_ext().execute_with(|| {
			let mut rng = Lcg(seed);
			let stakers = [ALICE, BOB, CHARLIE];
			// The exact (rational) share of each staker, in f64: income is at most 10^6
			// plancks per step, far inside f64's exact range.
			let mut exact: [f64; 3] = [0.0; 3];
			let mut paid: [Balance; 3] = [0; 3];
			let mut incomes = 0u32;
			let mut all_income: Balance = 0;
			let mut block = 1;
			// Alice's three-year stake keeps some stake active throughout; the 30-day
			// stakes mature along the way (a time step is three days).
			assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days1095, 100_000 * UNIT));
			for _ in 0..60 {
				match rng.next(4) {
					0 => {
						let i = rng.next(3) as usize;
						let amount = 1_000 * UNIT + u128::from(rng.next(500)) * UNIT;
						let _ = BttStaking::stake(signed(stakers[i]), Tier::Days30, amount);
					}
					1 => {
						let amount = (u128::from(rng.next(1_000_000)) + 1).max(ED);
						fee_income(amount);
						all_income += amount;
						incomes += 1;
						// Brute force: split by the principal active now.
						let open: Vec<Balance> = stakers
							.iter()
							.map(|s| {
								Positions::<Test>::get(s).map_or(0, |ps| {
									ps.iter()
										.filter(|p| p.maturity > block)
										.map(|p| p.principal)
										.sum()
								})
							})
							.collect();
						let total: Balance = open.iter().sum();
						assert!(total > 0, "Alice's stake is active throughout");
						for i in 0..3 {
							exact[i] += amount as f64 * open[i] as f64 / total as f64;
						}
					}
					2 => {
						let i = rng.next(3) as usize;
						let before = Balances::balance(&stakers[i]);
						match BttStaking::claim_fee_share(signed(stakers[i])) {
							Ok(()) => paid[i] += Balances::balance(&stakers[i]) - before,
							// An owed share is always payable.
							Err(e) => assert!(
								e == Error::<Test>::NothingToClaim.into()
									|| e == Error::<Test>::UnknownPosition.into(),
								"seed {seed}: claim failed with {e:?}"
							),
						}
					}
					_ => {
						block += 3 * DAY;
						go_to(block);
					}
				}
				check();
			}
			// Pay out everything still owed (positions stay open: claims only).
			for (i, s) in stakers.iter().enumerate() {
				let before = Balances::balance(s);
				if let Err(e) = BttStaking::claim_fee_share(signed(*s)) {
					assert_eq!(e, Error::<Test>::NothingToClaim.into(), "seed {seed}");
				}
				paid[i] += Balances::balance(s) - before;
				assert_eq!(BttStaking::pending_fee_share(s), 0);
			}
			let positions: u32 =
				stakers.iter().map(|s| Positions::<Test>::decode_len(s).unwrap_or(0) as u32).sum();
			// Each settlement rounds every position's share down (under a planck each) and
			// carries the unshared remainder (under two plancks) to the next settlement,
			// where the stakes of that time share it.
			let tolerance = f64::from(incomes * (positions + 2)) + 1.0;
			for i in 0..3 {
				let exact = exact[i];
				assert!(
					(paid[i] as f64 - exact).abs() < tolerance,
					"seed {seed}: staker {i} paid {} of {exact}",
					paid[i]
				);
			}
			// Every planck that came in was paid or is still in the pot beside its
			// deposit: nothing was reaped or lost, and only rounding is left.
			let pot = Balances::balance(&STAKERS_POT);
			let paid_total: Balance = paid.iter().sum();
			assert_eq!(pot - ED + paid_total, all_income, "seed {seed}: income lost");
			assert!(((pot - ED) as f64) < tolerance, "seed {seed}: income left unshared");
		});
	}
}

#[test]
fn fee_share_accrues_until_maturity_not_after() {
	new_test_ext().execute_with(|| {
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
		assert_ok!(BttStaking::stake(signed(BOB), Tier::Days1095, 100_000 * UNIT));
		let maturity = 1 + 30 * DAY;
		assert_eq!(MaturingStake::<Test>::get(maturity), Some(10_000 * UNIT));
		assert_eq!(TotalActiveStake::<Test>::get(), 110_000 * UNIT);
		fee_income(1_100 * UNIT);
		// The last block before maturity: Alice still earns.
		go_to(maturity - 1);
		fee_income(1_100 * UNIT);
		assert_eq!(BttStaking::pending_fee_share(&ALICE), 200 * UNIT);
		assert_eq!(BttStaking::pending_fee_share(&BOB), 2_000 * UNIT);

		// At maturity the hook shares what came in before it and stops her earning.
		go_to(maturity);
		System::assert_has_event(
			Event::StakesMatured {
				block: maturity,
				principal: 10_000 * UNIT,
				fee_share_per_stake: crate::FeeSharePerStake::<Test>::get(),
			}
			.into(),
		);
		assert_eq!(TotalActiveStake::<Test>::get(), 100_000 * UNIT);
		assert_eq!(TotalStaked::<Test>::get(), 110_000 * UNIT);
		assert!(FeeShareAtMaturity::<Test>::contains_key(maturity));
		check();
		// Income from now on is Bob's alone, although Alice's position is still open.
		fee_income(500 * UNIT);
		assert_eq!(BttStaking::pending_fee_share(&ALICE), 200 * UNIT);
		assert_eq!(BttStaking::pending_fee_share(&BOB), 2_500 * UNIT);
		go_to(maturity + 50 * DAY);
		fee_income(500 * UNIT);
		let before = Balances::balance(&ALICE);
		assert_ok!(BttStaking::claim_fee_share(signed(ALICE)));
		assert_eq!(Balances::balance(&ALICE) - before, 200 * UNIT);
		assert_noop!(BttStaking::claim_fee_share(signed(ALICE)), Error::<Test>::NothingToClaim);
		assert_eq!(BttStaking::pending_fee_share(&BOB), 3_000 * UNIT);
		check();

		// Closing pays no more; the maturity books go with the last position.
		assert_ok!(BttStaking::close(signed(BOB), ALICE, 0));
		System::assert_last_event(
			Event::Closed {
				who: ALICE,
				id: 0,
				principal: 10_000 * UNIT,
				reward_paid: 10_000 * UNIT * 3 * 30 / 100 / 365,
				reward_burned: 0,
				fee_share: 0,
			}
			.into(),
		);
		assert!(MaturingStake::<Test>::get(maturity).is_none());
		assert!(FeeShareAtMaturity::<Test>::get(maturity).is_none());
		assert_ok!(BttStaking::claim_fee_share(signed(BOB)));
		check();
	});
}

#[test]
fn a_matured_position_is_paid_its_share_up_to_maturity_when_closed() {
	new_test_ext().execute_with(|| {
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
		assert_ok!(BttStaking::stake(signed(CHARLIE), Tier::Days30, 2_000 * UNIT));
		assert_ok!(BttStaking::stake(signed(BOB), Tier::Days90, 10_000 * UNIT));
		let maturity = 1 + 30 * DAY;
		fee_income(2_200 * UNIT);
		go_to(maturity + 3);
		fee_income(2_000 * UNIT);
		assert_eq!(BttStaking::pending_fee_share(&ALICE), 1_000 * UNIT);
		assert_eq!(BttStaking::pending_fee_share(&CHARLIE), 200 * UNIT);
		// Two positions share the maturity: its record stays until both are closed.
		let before = Balances::balance(&ALICE);
		assert_ok!(BttStaking::close(signed(ALICE), ALICE, 0));
		let reward = 10_000 * UNIT * 3 * 30 / 100 / 365;
		assert_eq!(Balances::balance(&ALICE) - before, reward + 1_000 * UNIT);
		assert_eq!(MaturingStake::<Test>::get(maturity), Some(2_000 * UNIT));
		assert!(FeeShareAtMaturity::<Test>::contains_key(maturity));
		check();
		assert_ok!(BttStaking::close(signed(ALICE), CHARLIE, 1));
		assert!(MaturingStake::<Test>::get(maturity).is_none());
		assert!(FeeShareAtMaturity::<Test>::get(maturity).is_none());
		// Bob had 1,000 while the others were active and all 2,000 after.
		assert_eq!(BttStaking::pending_fee_share(&BOB), 3_000 * UNIT);
		check();
	});
}

#[test]
fn income_while_no_stake_is_active_waits_in_the_pot() {
	new_test_ext().execute_with(|| {
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
		go_to(1 + 30 * DAY);
		// Alice's position has matured, still open: nobody earns this income.
		fee_income(500 * UNIT);
		assert_eq!(BttStaking::pending_fee_share(&ALICE), 0);
		assert_noop!(BttStaking::claim_fee_share(signed(ALICE)), Error::<Test>::NothingToClaim);
		assert_ok!(BttStaking::close(signed(ALICE), ALICE, 0));
		assert_eq!(Balances::balance(&STAKERS_POT), ED + 500 * UNIT);
		check();
		// It waits in the pot and goes to the next active stake.
		assert_ok!(BttStaking::stake(signed(BOB), Tier::Days30, 10_000 * UNIT));
		assert_eq!(BttStaking::pending_fee_share(&BOB), 500 * UNIT);
		assert_ok!(BttStaking::claim_fee_share(signed(BOB)));
		assert_eq!(Balances::balance(&STAKERS_POT), ED);
		check();
	});
}

#[test]
fn a_missed_maturity_hook_keeps_the_books_consistent() {
	new_test_ext().execute_with(|| {
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
		assert_ok!(BttStaking::stake(signed(BOB), Tier::Days30, 30_000 * UNIT));
		// Jump past the maturity without building its block: the hook never runs.
		System::set_block_number(1 + 40 * DAY);
		// Without its maturity record the positions are still counted active and earn.
		fee_income(400 * UNIT);
		assert_eq!(BttStaking::pending_fee_share(&ALICE), 100 * UNIT);
		check();
		let before = Balances::balance(&ALICE);
		assert_ok!(BttStaking::close(signed(ALICE), ALICE, 0));
		let reward = 10_000 * UNIT * 3 * 30 / 100 / 365;
		assert_eq!(Balances::balance(&ALICE) - before, reward + 100 * UNIT);
		assert_eq!(TotalActiveStake::<Test>::get(), 30_000 * UNIT);
		check();
		assert_ok!(BttStaking::close(signed(BOB), BOB, 1));
		assert_eq!(TotalActiveStake::<Test>::get(), 0);
		assert!(MaturingStake::<Test>::iter().next().is_none());
		// Nothing is owed with no position left: no rounding dust stays accounted.
		assert_eq!(FeeShareAccounted::<Test>::get(), 0);
		check();
	});
}

#[test]
fn the_hook_costs_one_read_unless_positions_mature() {
	use crate::WeightInfo;
	new_test_ext().execute_with(|| {
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
		let maturity = 1 + 30 * DAY;
		go_to(maturity - 1);
		assert_eq!(BttStaking::on_initialize(2), <() as WeightInfo>::on_initialize_idle());
		System::set_block_number(maturity);
		assert_eq!(
			BttStaking::on_initialize(maturity),
			<() as WeightInfo>::on_initialize_maturity()
		);
		assert_eq!(TotalActiveStake::<Test>::get(), 0);
		check();
	});
}

#[test]
fn the_pot_keeps_its_existential_deposit() {
	new_test_ext().execute_with(|| {
		// btt-burn opened the pot at genesis with the deposit; it is never shared.
		assert_eq!(Balances::balance(&STAKERS_POT), ED);
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
		assert_eq!(BttStaking::pending_fee_share(&ALICE), 0);
		fee_income(100 * UNIT);
		assert_eq!(BttStaking::pending_fee_share(&ALICE), 100 * UNIT);
		let before = Balances::balance(&ALICE);
		assert_ok!(BttStaking::claim_fee_share(signed(ALICE)));
		assert_eq!(Balances::balance(&ALICE) - before, 100 * UNIT);
		assert_eq!(Balances::balance(&STAKERS_POT), ED);
		// Small shares are paid, not lost to a reaped pot.
		fee_income(ED);
		assert_ok!(BttStaking::claim_fee_share(signed(ALICE)));
		System::assert_last_event(Event::FeeSharePaid { who: ALICE, amount: ED }.into());
		assert_eq!(Balances::balance(&STAKERS_POT), ED);
		assert!(System::account_exists(&STAKERS_POT));
		check();
	});
}

#[test]
fn a_share_the_pot_cannot_pay_stays_owed() {
	new_test_ext().execute_with(|| {
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 10_000 * UNIT));
		assert_ok!(BttStaking::stake(signed(BOB), Tier::Days30, 10_000 * UNIT));
		fee_income(100 * UNIT);
		// Bob's claim settles the income: 50 paid, 50 accounted for Alice.
		assert_ok!(BttStaking::claim_fee_share(signed(BOB)));
		assert_eq!(FeeShareAccounted::<Test>::get(), 50 * UNIT);
		// Something takes tokens out of the pot (nothing in the runtime can).
		assert_ok!(<Balances as Mutate<_>>::transfer(
			&STAKERS_POT,
			&ECOSYSTEM_FUND,
			30 * UNIT,
			Preservation::Preserve
		));
		assert_noop!(
			BttStaking::claim_fee_share(signed(ALICE)),
			Error::<Test>::FeeShareUnavailable
		);
		go_to(1 + 30 * DAY);
		assert_noop!(
			BttStaking::close(signed(ALICE), ALICE, 0),
			Error::<Test>::FeeShareUnavailable
		);
		assert_eq!(BttStaking::pending_fee_share(&ALICE), 50 * UNIT);
		// New income refills the pot before anything more is shared; the share is paid.
		fee_income(30 * UNIT);
		check();
		let before = Balances::balance(&ALICE);
		assert_ok!(BttStaking::close(signed(ALICE), ALICE, 0));
		let reward = 10_000 * UNIT * 3 * 30 / 100 / 365;
		assert_eq!(Balances::balance(&ALICE) - before, reward + 50 * UNIT);
		assert_eq!(Balances::balance(&STAKERS_POT), ED);
		check();
	});
}
