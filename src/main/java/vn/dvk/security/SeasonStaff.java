package vn.dvk.security;

import vn.dvk.shared.DvkException;

/**
 * Who may use the specialists' season pages ({@code /season/**}): the drafters run the season;
 * leadership ({@code plan-approvers}) and operators ({@code camunda-admin}) may look. Anyone else
 * gets a 403 with a Vietnamese message.
 */
public final class SeasonStaff {

	private SeasonStaff() {
	}

	/** The caller, if they may see the season pages; 403 otherwise. */
	public static CurrentUser viewer() {
		CurrentUser user = CurrentUser.get();
		if (!mayView(user)) {
			throw DvkException.forbidden("season.forbidden");
		}
		return user;
	}

	/** The caller, if they draft plans and run the season; 403 otherwise. */
	public static CurrentUser drafter() {
		CurrentUser user = CurrentUser.get();
		if (!user.isMemberOf(Groups.PLAN_DRAFTERS)) {
			throw DvkException.forbidden("season.forbidden.drafter");
		}
		return user;
	}

	public static boolean mayView(CurrentUser user) {
		return user.isMemberOf(Groups.PLAN_DRAFTERS) || user.isMemberOf(Groups.PLAN_APPROVERS)
				|| user.isMemberOf(Groups.CAMUNDA_ADMIN);
	}

}
