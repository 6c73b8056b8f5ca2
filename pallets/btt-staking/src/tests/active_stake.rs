//! `ActiveStake`: the unmatured principal other pallets (mining providers) require.

use super::*;
use crate::ActiveStake;

#[test]
fn only_unmatured_positions_in_the_tier_or_above_count() {
	new_test_ext().execute_with(|| {
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days90, 5_000 * UNIT));
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days180, 10_000 * UNIT));
		assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days30), 16_000 * UNIT);
		assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days90), 15_000 * UNIT);
		assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 0);
		go_to(1 + 90 * DAY);
		assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days90), 10_000 * UNIT);
		assert_eq!(BttStaking::active_stake(&BOB, Tier::Days30), 0);
	});
}

/// Governance caps a voter's 1.5× boost at `active_stake(who, Days365)`: a position
/// stops counting at the block of its maturity, whether closed or not.
#[test]
fn the_boost_stake_excludes_positions_from_their_maturity_block() {
	new_test_ext().execute_with(|| {
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days180, 10_000 * UNIT));
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days365, 50_000 * UNIT));
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days1095, 100_000 * UNIT));
		assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 150_000 * UNIT);
		go_to(365 * DAY);
		assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 150_000 * UNIT);
		assert_eq!(BttStaking::tier(&ALICE), Some(Tier::Days1095));
		// The 365-day position matures at 1 + 365 days: from that block it counts no more.
		go_to(1 + 365 * DAY);
		assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 100_000 * UNIT);
		go_to(2 + 365 * DAY);
		assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 100_000 * UNIT);
		assert!(BttStaking::has_governance_boost(&ALICE));
		go_to(1095 * DAY);
		assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 100_000 * UNIT);
		go_to(1 + 1095 * DAY);
		assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 0);
		assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days30), 0);
		assert_eq!(BttStaking::tier(&ALICE), None);
		assert!(!BttStaking::has_governance_boost(&ALICE));
		// Open but matured positions are still frozen until closed.
		assert_eq!(frozen(ALICE), 160_000 * UNIT);
		go_to(5 + 1095 * DAY);
		assert_eq!(BttStaking::active_stake(&ALICE, Tier::Days365), 0);
		check();
	});
}
