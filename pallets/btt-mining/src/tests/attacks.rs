//! Adversarial simulations over whole eras: honest providers paid by a verified hospital and
//! reported on by honest oracles, with attackers alongside. Each attacker's net result is
//! `rewards − fees − stake cost`; the stake cost is taken as 0 (a stake stays its owner's,
//! frozen until maturity, and is returned whole). Amounts are in mock units (1 unit stands
//! for 1 BTT). The results are printed — run with `--nocapture` to see them — and asserted.

use super::*;
use crate::factors::weighted_compute;
use polkadot_sdk::sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};

/// The honest providers and their regions.
const HONEST: [(AccountId, u16); 3] = [(ALICE, 156), (CHARLIE, 840), (DAVE, 276)];
/// What the hospital pays each honest provider per era.
const HONEST_WORK: Balance = 10_000 * UNIT;

/// An attacker's books.
#[derive(Default, Debug)]
struct Books {
	rewards: u128,
	fees: u128,
}

impl Books {
	/// Rewards − fees (stake cost 0).
	fn net(&self) -> i128 {
		self.rewards as i128 - self.fees as i128
	}
}

/// An amount in units, for printing.
fn units(amount: i128) -> String {
	format!("{:.2}", amount as f64 / UNIT as f64)
}

fn fund(who: AccountId, amount: Balance) {
	assert_ok!(Balances::transfer_allow_death(signed(FUNDER), who, amount));
}

/// A funded, staked, registered provider.
fn attacker_provider(who: AccountId, region: u16) {
	fund(who, 20_000 * UNIT);
	provider(who, region);
}

/// `consumer` pays `provider` `amount`: the fee burned and the amount scored.
fn pay(consumer: AccountId, provider: AccountId, amount: Balance) -> (Balance, Balance) {
	assert_ok!(BttMining::pay_for_job(signed(consumer), provider, amount));
	match System::events().last().map(|record| record.event.clone()) {
		Some(RuntimeEvent::BttMining(Event::JobPaid { fee_burned, scored, .. })) => {
			(fee_burned, scored)
		}
		other => panic!("expected JobPaid, got {other:?}"),
	}
}

/// `from` hands `amount` back to `to` (the round trip of a wash trade).
fn hand_back(from: AccountId, to: AccountId, amount: Balance) {
	assert_ok!(Balances::transfer_allow_death(signed(from), to, amount));
}

/// What `who` is paid for `era` (0 when it has nothing to claim).
fn claim(who: AccountId, era: u32) -> Balance {
	let before = Balances::balance(&who);
	match BttMining::claim(signed(who), era) {
		Ok(_) => Balances::balance(&who) - before,
		Err(e) => {
			assert_eq!(e.error, Error::<Test>::NothingToClaim.into());
			0
		}
	}
}

/// The honest oracles' reports of an honest provider: 98–99% uptime at 60–70 ms, 78–82%
/// efficiency. Medians: QoS 0.5 + 0.99 = 1.49, energy 0.5 + 0.8 = 1.3.
const HONEST_REPORTS: [(AccountId, u32, u32, u32); 3] =
	[(ORACLE, 99, 60, 80), (ORACLE2, 98, 70, 78), (ORACLE3, 99, 60, 82)];

/// `oracle` reports on `who`: uptime and efficiency in percent, latency in ms.
fn report_percent(
	oracle: AccountId,
	who: AccountId,
	uptime: u32,
	latency_ms: u32,
	efficiency: u32,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	BttMining::report(
		signed(oracle),
		who,
		Permill::from_percent(uptime),
		latency_ms,
		Permill::from_percent(efficiency),
	)
}

fn honest_reports(who: AccountId) {
	for (oracle, uptime, latency, efficiency) in HONEST_REPORTS {
		assert_ok!(report_percent(oracle, who, uptime, latency, efficiency));
	}
}

fn honest_setup() {
	for (who, region) in HONEST {
		provider(who, region);
	}
}

/// One era of honest work: the hospital pays each honest provider, the oracles report.
fn honest_era() {
	for (who, _) in HONEST {
		keep_staked(who);
		job(who, HONEST_WORK);
		honest_reports(who);
	}
}

/// What the honest providers claim for `era`.
fn honest_claims(era: u32) -> Balance {
	HONEST.iter().map(|(who, _)| claim(*who, era)).sum()
}

/// An unverified payer (the "shill") pays a provider (the "washer") 100,000 units every era
/// and gets the money back; the oracles even vouch for the washer's machines. The jobs
/// score nothing — no reward — and, unscored, do not count towards the geography of the
/// washer's region (Alice's). The washer's net is minus the fees burned.
#[test]
fn wash_trading_by_an_unverified_payer_earns_nothing() {
	new_test_ext().execute_with(|| {
		const WASHER: AccountId = 300;
		const SHILL: AccountId = 301;
		const VOLUME: Balance = 100_000 * UNIT;
		const ERAS: u32 = 5;
		honest_setup();
		attacker_provider(WASHER, 156);
		fund(SHILL, 2 * VOLUME);
		let mut books = Books::default();
		let mut honest = 0;
		for era in 0..ERAS {
			honest_era();
			keep_staked(WASHER);
			let (fee, scored) = pay(SHILL, WASHER, VOLUME);
			assert_eq!(scored, 0);
			books.fees += fee;
			hand_back(WASHER, SHILL, VOLUME);
			report(WASHER);
			// Region 156's scored compute is Alice's alone.
			assert_eq!(RegionTotals::<Test>::get(era, 156).unwrap().compute, HONEST_WORK);
			next_era();
			books.rewards += claim(WASHER, era);
			honest += honest_claims(era);
		}
		// Nor can the washer pay itself, or be made a verified consumer.
		assert_noop!(
			BttMining::pay_for_job(signed(WASHER), WASHER, UNIT),
			Error::<Test>::SelfPayment
		);
		assert_noop!(
			BttMining::set_consumer_allowance(root(), WASHER, VOLUME),
			Error::<Test>::ConsumerIsProvider
		);
		println!(
			"ATTACK wash trading (unverified payer, {} units round-tripped over {ERAS} eras): \
			 reward {}, fees {}, net {}",
			units((VOLUME * u128::from(ERAS)) as i128),
			units(books.rewards as i128),
			units(books.fees as i128),
			units(books.net()),
		);
		assert_eq!(books.rewards, 0);
		assert_eq!(books.fees, VOLUME / 50 * u128::from(ERAS));
		assert_eq!(books.net(), -(books.fees as i128));
		// The honest providers shared the whole budgets (less rounding).
		let budgets: Balance = (0..ERAS).map(BttMining::era_budget).sum();
		assert!(budgets - honest < 10 * u128::from(ERAS));
		check();
	});
}

/// The allowance granted to the colluding verified consumer.
const ALLOWANCE: Balance = 1_000 * UNIT;

/// A verified consumer (an insider at a hospital, allowance 1,000 units) pays a partner
/// provider `volumes[e]` in era `e` and gets the money back. The partner sits alone in its
/// own region (the scarcest, geography 1.5) and gets perfect reports. Returns the partner's
/// books, its reward per era and the bound.
fn collusion(volumes: &[Balance]) -> (Books, Vec<Balance>, Balance) {
	let mut result = (Books::default(), Vec::new(), 0);
	new_test_ext().execute_with(|| {
		const INSIDER: AccountId = 310;
		const PARTNER: AccountId = 311;
		honest_setup();
		attacker_provider(PARTNER, 392);
		fund(INSIDER, 1_000_000 * UNIT);
		assert_ok!(BttMining::set_consumer_allowance(root(), INSIDER, ALLOWANCE));
		let (books, rewards, _) = &mut result;
		let mut scored_total = 0;
		for (era, volume) in volumes.iter().enumerate() {
			let era = era as u32;
			honest_era();
			keep_staked(PARTNER);
			let (fee, scored) = pay(INSIDER, PARTNER, *volume);
			scored_total += scored;
			books.fees += fee;
			hand_back(PARTNER, INSIDER, *volume);
			report(PARTNER);
			next_era();
			let reward = claim(PARTNER, era);
			books.rewards += reward;
			rewards.push(reward);
			honest_claims(era);
		}
		// The allowance is all the pair could ever score.
		assert_eq!(scored_total, ALLOWANCE.min(volumes.iter().sum()));
		assert_eq!(BttMining::consumer_allowance(INSIDER), ALLOWANCE.saturating_sub(scored_total));
		// The bound. Whatever its reports and region, the partner's score is at most
		// 1.5 (QoS) × 1.5 (energy) × 1.5 (geography) × 1,000 = 3,375; the honest providers'
		// is at least 0.5 (geography floor) × 3 × 10,000 × 1.49 × 1.3 = 29,055. So in era 0
		// it earns at most budget(0) × 3,375 / 32,430 ≈ 34,520.5 × 0.10407 ≈ 3,592.6 units,
		// and nothing in later eras: the allowance is used up.
		let factors = FactorConfig::default();
		let honest_weighted = 3 * weighted_compute(
			HONEST_WORK,
			factors.qos_factor(Permill::from_percent(99), 60),
			factors.energy_factor(Permill::from_percent(80)),
		);
		let attacker_max = ALLOWANCE * 27 / 8;
		result.2 = multiply_by_rational_with_rounding(
			BttMining::era_budget(0),
			attacker_max,
			attacker_max + honest_weighted / 2,
			Rounding::Down,
		)
		.unwrap();
		check();
	});
	result
}

#[test]
fn a_colluding_verified_consumer_earns_at_most_its_allowance_share() {
	// Strategy A: round-trip 100,000 units every era for five eras.
	let (books, rewards, bound) = collusion(&[100_000 * UNIT; 5]);
	println!(
		"ATTACK collusion A (verified consumer, allowance {} units, 100,000 units round-tripped \
		 per era for 5 eras): reward {} (bound {}), fees {}, net {}",
		units(ALLOWANCE as i128),
		units(books.rewards as i128),
		units(bound as i128),
		units(books.fees as i128),
		units(books.net()),
	);
	assert!(books.rewards > 0, "the allowance's share is earned");
	assert!(books.rewards <= bound);
	assert!(rewards[1..].iter().all(|reward| *reward == 0), "nothing once the allowance is spent");
	assert!(books.net() < 0, "round-tripping beyond the allowance only burns fees");
	// Strategy B: spend exactly the allowance, once.
	let (books, _, bound) = collusion(&[ALLOWANCE]);
	println!(
		"ATTACK collusion B (verified consumer spends exactly its {} units once): reward {} \
		 (bound {}), fees {}, net {}",
		units(ALLOWANCE as i128),
		units(books.rewards as i128),
		units(bound as i128),
		units(books.fees as i128),
		units(books.net()),
	);
	assert!(books.rewards <= bound);
	assert_eq!(books.fees, ALLOWANCE / 50);
}

/// `count` providers in region 392 share 10,000 units of the hospital's jobs per era (three
/// eras), all with perfect reports: what they earn together, and their fees (paid by the
/// hospital; counted as theirs, as if they paid for the jobs themselves).
fn sybil_run(count: u64) -> Books {
	let mut books = Books::default();
	new_test_ext().execute_with(|| {
		const WORK: Balance = 10_000 * UNIT;
		honest_setup();
		let sybils: Vec<AccountId> = (0..count).map(|i| 400 + i).collect();
		for who in &sybils {
			attacker_provider(*who, 392);
		}
		for era in 0..3 {
			honest_era();
			for who in &sybils {
				keep_staked(*who);
				let (fee, _) = pay(HOSPITAL, *who, WORK / u128::from(count));
				books.fees += fee;
				report(*who);
			}
			next_era();
			for who in &sybils {
				books.rewards += claim(*who, era);
			}
			honest_claims(era);
		}
		check();
	});
	books
}

/// Ten sybils in made-up regions are refused; in a listed region they split, not multiply,
/// the region's share: together they earn at most what one provider with their combined
/// compute earns (the same up to rounding).
#[test]
fn sybils_are_refused_outside_the_list_and_split_the_share_inside_it() {
	new_test_ext().execute_with(|| {
		for i in 0..10u64 {
			let sybil = 400 + i;
			fund(sybil, 20_000 * UNIT);
			keep_staked(sybil);
			let made_up = 900 + i as u16;
			assert!(!Regions::<Test>::contains_key(made_up));
			assert_noop!(
				BttMining::register(signed(sybil), made_up, vec![]),
				Error::<Test>::UnknownRegion
			);
		}
		assert_noop!(BttMining::register(signed(400), 0, vec![]), Error::<Test>::UnknownRegion);
		assert_eq!(Providers::<Test>::count(), 0);
		check();
	});
	let one = sybil_run(1);
	let ten = sybil_run(10);
	println!(
		"ATTACK sybils (10 providers in one listed region, 10,000 units of jobs per era, 3 \
		 eras): together reward {}, fees {}, net {}; one provider with the same compute: \
		 reward {}, fees {}, net {} (stake cost 0; the sybils lock 10 stakes)",
		units(ten.rewards as i128),
		units(ten.fees as i128),
		units(ten.net()),
		units(one.rewards as i128),
		units(one.fees as i128),
		units(one.net()),
	);
	assert!(ten.rewards <= one.rewards, "sybils split, not multiply");
	assert!(one.rewards - ten.rewards <= 10 * 3, "the same up to a planck per sybil and era");
	assert_eq!(ten.fees, one.fees);
}

/// The friend's reports: the honest oracles see a mediocre machine, the rogue a perfect one.
const FRIEND_HONEST: [(AccountId, u32, u32, u32); 2] =
	[(ORACLE, 60, 300, 30), (ORACLE2, 70, 250, 40)];

/// Three oracles, ORACLE3 rogue when `rogue` (otherwise it reports like ORACLE): it reports
/// the worst on the honest providers and the best on its friend. Three eras; returns the
/// friend's rewards and the honest providers'.
fn oracle_run(rogue: bool) -> (Balance, Balance) {
	let mut result = (0, 0);
	new_test_ext().execute_with(|| {
		const FRIEND: AccountId = 420;
		honest_setup();
		attacker_provider(FRIEND, 392);
		let factors = FactorConfig::default();
		let qos = |(_, up, lat, _): (AccountId, u32, u32, u32)| {
			factors.qos_factor(Permill::from_percent(up), lat)
		};
		let energy = |(_, _, _, eff): (AccountId, u32, u32, u32)| {
			factors.energy_factor(Permill::from_percent(eff))
		};
		for era in 0..3 {
			for (who, _) in HONEST {
				keep_staked(who);
				job(who, HONEST_WORK);
			}
			keep_staked(FRIEND);
			job(FRIEND, HONEST_WORK);
			// The honest oracles.
			for (who, _) in HONEST {
				for (oracle, up, lat, eff) in &HONEST_REPORTS[..2] {
					assert_ok!(report_percent(*oracle, who, *up, *lat, *eff));
				}
			}
			for (oracle, up, lat, eff) in FRIEND_HONEST {
				assert_ok!(report_percent(oracle, FRIEND, up, lat, eff));
			}
			// The third oracle; the rogue reports several times, at both extremes, ending
			// on the extreme that suits it.
			if rogue {
				for (who, _) in HONEST {
					for (up, lat, eff) in [(100, 1, 100), (0, 100_000, 0)] {
						assert_ok!(report_percent(ORACLE3, who, up, lat, eff));
					}
				}
				for (up, lat, eff) in [(0, 100_000, 0), (100, 1, 100)] {
					assert_ok!(report_percent(ORACLE3, FRIEND, up, lat, eff));
				}
			} else {
				for (who, _) in HONEST {
					let (_, up, lat, eff) = HONEST_REPORTS[0];
					assert_ok!(report_percent(ORACLE3, who, up, lat, eff));
				}
				let (_, up, lat, eff) = FRIEND_HONEST[0];
				assert_ok!(report_percent(ORACLE3, FRIEND, up, lat, eff));
			}
			// Every provider's factors lie between its two honest reports.
			let honest_of = |who: AccountId| -> [(AccountId, u32, u32, u32); 2] {
				if who == FRIEND {
					FRIEND_HONEST
				} else {
					[HONEST_REPORTS[0], HONEST_REPORTS[1]]
				}
			};
			for who in [ALICE, CHARLIE, DAVE, FRIEND] {
				let c = Contributions::<Test>::get(era, who).unwrap();
				assert_eq!(Reports::<Test>::get(era, who).len(), 3, "one report per oracle");
				let [a, b] = honest_of(who);
				let (q1, q2) = (qos(a).min(qos(b)), qos(a).max(qos(b)));
				let (e1, e2) = (energy(a).min(energy(b)), energy(a).max(energy(b)));
				assert!(q1 <= c.qos && c.qos <= q2, "QoS inside the honest range");
				assert!(e1 <= c.energy && c.energy <= e2, "energy inside the honest range");
			}
			next_era();
			result.0 += claim(FRIEND, era);
			result.1 += honest_claims(era);
		}
		check();
	});
	result
}

/// One rogue oracle among three cannot move any provider's factors outside the range of
/// the two honest oracles' reports; what it can do is pick within that range.
#[test]
fn one_rogue_oracle_among_three_cannot_leave_the_honest_range() {
	let (friend_honest, others_honest) = oracle_run(false);
	let (friend_rogue, others_rogue) = oracle_run(true);
	let gain = friend_rogue as i128 - friend_honest as i128;
	println!(
		"ATTACK rogue oracle (1 of 3, 3 eras): its friend's reward {} vs {} with an honest \
		 third oracle (gain {}, bounded by the honest reports' range); honest providers {} vs \
		 {} (loss {})",
		units(friend_rogue as i128),
		units(friend_honest as i128),
		units(gain),
		units(others_rogue as i128),
		units(others_honest as i128),
		units(others_honest as i128 - others_rogue as i128),
	);
	// Lifting the friend from the lower honest report to the higher one is all it can do:
	// the friend's factors with the rogue are exactly the higher honest report's.
	assert!(friend_rogue >= friend_honest);
}

/// No call moves the calendar: the pallet has none, and no governance call changes the era
/// of a block or the emission's end.
#[test]
fn no_call_moves_the_emission_calendar() {
	new_test_ext().execute_with(|| {
		let names = crate::Call::<Test>::get_call_names();
		assert!(!names.iter().any(|name| name.contains("era") || name.contains("day")));
		let calendar = || {
			(
				[1u64, 99, 12_345, 29_199, 29_200].map(BttMining::era_of),
				BttMining::emission_end(),
				BttMining::end_era(),
				BttMining::era_budget(0),
			)
		};
		let before = calendar();
		assert_ok!(BttMining::set_factors(root(), FactorConfig::default()));
		assert_ok!(BttMining::set_provider_stake(root(), Tier::Days180, UNIT));
		assert_ok!(BttMining::add_region(root(), 10));
		assert_ok!(BttMining::remove_region(root(), 10));
		assert_ok!(BttMining::set_consumer_allowance(root(), BOB, UNIT));
		assert_ok!(BttMining::add_oracle(root(), CHARLIE));
		assert_ok!(BttMining::remove_oracle(root(), CHARLIE));
		assert_eq!(calendar(), before);
		assert_eq!(before.0, [0, 9, 1_234, 2_919, 2_920]);
	});
}

/// Ten years, block by block, each era committed to the database (so the pruning limit is
/// real): Alice works honestly and is the only provider that scores, so she is paid each
/// era's budget exactly — 63M by the end of year 8 and nothing after. Beside her, a wash
/// trader (Bob pays Charlie and gets it back), a provider without the oracle quorum (Dave,
/// paid by a verified insider, reported on by two oracles only) and a rogue oracle (the
/// worst reports on Alice). Their nets are printed. The mining maps never hold more than
/// the live window of eras: a bound that does not grow with the number of eras; after the
/// emission's end and the last window they are empty.
#[test]
fn ten_years_with_attackers_pay_exactly_63m_and_storage_stays_flat() {
	const INSIDER: AccountId = 330;
	let eras = 5 * ERAS_PER_PHASE;
	let end = 4 * ERAS_PER_PHASE;
	// Per era at most: Contributions (Alice until she claims, Dave), Reports (Alice until
	// she claims, Charlie, Dave), RegionTotals (156, 276), EraTotals.
	let per_era = [2usize, 3, 2, 1];
	let window = CLAIM_WINDOW as usize + 2;
	let bound = per_era.map(|keys| keys * window);
	let mut ext = new_test_ext();
	ext.execute_with(|| {
		provider(ALICE, 156);
		provider(CHARLIE, 840);
		provider(DAVE, 276);
		fund(INSIDER, 1_000_000 * UNIT);
		assert_ok!(BttMining::set_consumer_allowance(root(), INSIDER, HOSPITAL_ALLOWANCE));
	});
	ext.commit_all().unwrap();
	let mut alice_by_phase = [0u128; 5];
	let (mut washer, mut lazy) = (Books::default(), Books::default());
	let mut peak = [0usize; 4];
	for era in 0..eras {
		let keys = ext.execute_with(|| {
			System::reset_events();
			assert_eq!(BttMining::current_era(), era, "the era is the block's day");
			for who in [ALICE, CHARLIE, DAVE] {
				keep_staked(who);
			}
			job(ALICE, 100 * UNIT);
			let (fee, scored) = pay(BOB, CHARLIE, 50 * UNIT);
			assert_eq!(scored, 0);
			washer.fees += fee;
			hand_back(CHARLIE, BOB, 50 * UNIT);
			let (fee, _) = pay(INSIDER, DAVE, 10 * UNIT);
			lazy.fees += fee;
			hand_back(DAVE, INSIDER, 10 * UNIT);
			if era < end {
				// Two honest oracles and the rogue on Alice; all three vouch for the washer;
				// two only on Dave.
				for oracle in [ORACLE, ORACLE2] {
					assert_ok!(BttMining::report(
						signed(oracle),
						ALICE,
						Permill::one(),
						50,
						Permill::one()
					));
				}
				assert_ok!(BttMining::report(
					signed(ORACLE3),
					ALICE,
					Permill::zero(),
					100_000,
					Permill::zero()
				));
				report(CHARLIE);
				for oracle in [ORACLE, ORACLE2] {
					assert_ok!(BttMining::report(
						signed(oracle),
						DAVE,
						Permill::one(),
						50,
						Permill::one()
					));
				}
			} else {
				assert_noop!(
					BttMining::report(signed(ORACLE), ALICE, Permill::one(), 50, Permill::one()),
					Error::<Test>::EmissionEnded
				);
			}
			run_to_next_era();
			let reward = claim(ALICE, era);
			assert_eq!(reward, BttMining::era_budget(era));
			alice_by_phase[(era / ERAS_PER_PHASE) as usize] += reward;
			washer.rewards += claim(CHARLIE, era);
			lazy.rewards += claim(DAVE, era);
			if era % 365 == 0 {
				check();
			}
			[
				Contributions::<Test>::iter().count(),
				Reports::<Test>::iter().count(),
				RegionTotals::<Test>::iter().count(),
				EraTotals::<Test>::iter().count(),
			]
		});
		ext.commit_all().unwrap();
		for (map, count) in keys.iter().enumerate() {
			assert!(*count <= bound[map], "era {era}: map {map} holds {count} keys");
			peak[map] = peak[map].max(*count);
		}
		if era > end + CLAIM_WINDOW + 1 {
			assert_eq!(keys, [0; 4], "nothing recorded after the emission, all pruned");
		}
	}
	ext.execute_with(|| {
		check();
		assert_eq!(
			alice_by_phase,
			[25_200_000 * UNIT, 18_900_000 * UNIT, 12_600_000 * UNIT, 6_300_000 * UNIT, 0]
		);
		assert_eq!(TotalPaid::<Test>::get(), MINING_ROW);
		assert_eq!(Balances::balance(&MINING_POOL), 0);
		// The hospital's allowance was used for the eight years only.
		assert_eq!(
			BttMining::consumer_allowance(HOSPITAL),
			HOSPITAL_ALLOWANCE - 100 * UNIT * u128::from(end)
		);
	});
	println!(
		"ATTACK ten years: Alice paid {} (63M exactly by the end of year 8, 0 after); wash \
		 trader net {} (reward {}, fees {}); provider without quorum net {} (reward {}, fees \
		 {}); rogue oracle moved nothing (Alice paid every budget); peak keys Contributions \
		 {} Reports {} RegionTotals {} EraTotals {} (bounds {:?}, independent of the {eras} \
		 eras)",
		units(alice_by_phase.iter().sum::<u128>() as i128),
		units(washer.net()),
		units(washer.rewards as i128),
		units(washer.fees as i128),
		units(lazy.net()),
		units(lazy.rewards as i128),
		units(lazy.fees as i128),
		peak[0],
		peak[1],
		peak[2],
		peak[3],
		bound,
	);
	assert_eq!((washer.rewards, lazy.rewards), (0, 0));
}
