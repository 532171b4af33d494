package vn.dvk.security;

import java.util.Optional;

/**
 * Camunda group ids of contract.md (the same names are Keycloak groups).
 */
public final class Groups {

	public static final String CAMUNDA_ADMIN = "camunda-admin";
	public static final String PLAN_DRAFTERS = "plan-drafters";
	public static final String PLAN_APPROVERS = "plan-approvers";
	public static final String UNIT_HEADS = "unit-heads";
	public static final String RECOGNITION_COUNCIL = "recognition-council";
	public static final String AWARD_APPROVERS = "award-approvers";
	public static final String AWARD_CLERKS = "award-clerks";

	static final String UNIT_PREFIX = "unit-";
	static final String REVIEWERS_PREFIX = "reviewers-";

	private Groups() {
	}

	/** The group of one unit's head(s): {@code unit-<unitCode>}. */
	public static String unit(String unitCode) {
		return UNIT_PREFIX + unitCode;
	}

	/** The committee of a unit that reviews its child units' registrations: {@code reviewers-<unitCode>}. */
	public static String reviewers(String unitCode) {
		return REVIEWERS_PREFIX + unitCode;
	}

	/** The unit code of a {@code unit-<code>} group ({@code unit-heads} is not one). */
	public static Optional<String> unitCodeOf(String group) {
		if (group.startsWith(UNIT_PREFIX) && !UNIT_HEADS.equals(group)) {
			return Optional.of(group.substring(UNIT_PREFIX.length()));
		}
		return Optional.empty();
	}

	/** The unit code of a {@code reviewers-<code>} group. */
	public static Optional<String> reviewedUnitCodeOf(String group) {
		return group.startsWith(REVIEWERS_PREFIX) ? Optional.of(group.substring(REVIEWERS_PREFIX.length()))
				: Optional.empty();
	}

}
