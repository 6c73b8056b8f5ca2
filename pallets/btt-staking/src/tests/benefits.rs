//! The tier benefits: compute priority, the fee discount, the vote boost, special access.

use super::*;

#[test]
fn the_tier_is_the_highest_unmatured_position() {
	new_test_ext().execute_with(|| {
		assert_eq!(BttStaking::tier(&ALICE), None);
		assert!(!BttStaking::has_compute_priority(&ALICE));
		assert_eq!(BttStaking::fee_discount(&ALICE), Permill::zero());
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days30, 1_000 * UNIT));
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days180, 10_000 * UNIT));
		assert_eq!(BttStaking::tier(&ALICE), Some(Tier::Days180));
		assert!(BttStaking::has_compute_priority(&ALICE));
		assert_eq!(BttStaking::fee_discount(&ALICE), FeeDiscount::get());
		assert!(!BttStaking::has_governance_boost(&ALICE));
		// The 180-day benefits end when that stake matures, even before it is closed.
		go_to(1 + 180 * DAY);
		assert_eq!(BttStaking::tier(&ALICE), None);
		assert_eq!(BttStaking::fee_discount(&ALICE), Permill::zero());
		assert_ok!(BttStaking::stake(signed(ALICE), Tier::Days1095, 100_000 * UNIT));
		assert!(BttStaking::has_governance_boost(&ALICE));
		assert!(BttStaking::has_special_access(&ALICE));
	});
}
