package vn.dvk.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in person as our services see them: a user id and Camunda group ids.
 * Spring Security authorities carry the groups as {@code GROUP_<groupId>}.
 */
public record CurrentUser(String id, Set<String> groups) {

	public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

	/** The caller of the current request; fails when nobody is signed in. */
	public static CurrentUser get() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
			throw new IllegalStateException("No signed-in user");
		}
		return of(auth.getName(), auth.getAuthorities());
	}

	public static CurrentUser of(String id, Collection<? extends GrantedAuthority> authorities) {
		return new CurrentUser(id, authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith(GROUP_AUTHORITY_PREFIX))
			.map(a -> a.substring(GROUP_AUTHORITY_PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet()));
	}

	public boolean isMemberOf(String group) {
		return groups.contains(group);
	}

	/** Units this person heads ({@code unit-<code>} groups). */
	public Set<String> ownUnitCodes() {
		return groups.stream().flatMap(g -> Groups.unitCodeOf(g).stream()).collect(Collectors.toUnmodifiableSet());
	}

	/** Units whose committee this person sits on ({@code reviewers-<code>} groups). */
	public Set<String> reviewerUnitCodes() {
		return groups.stream()
			.flatMap(g -> Groups.reviewedUnitCodeOf(g).stream())
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Specialists, leadership, award staff and operators see every unit's records. The council
	 * sees only what is put before it (the registration module's {@code putBeforeCouncil}).
	 */
	public boolean seesAllUnits() {
		return groups.contains(Groups.CAMUNDA_ADMIN) || groups.contains(Groups.PLAN_DRAFTERS)
				|| groups.contains(Groups.PLAN_APPROVERS) || groups.contains(Groups.AWARD_APPROVERS)
				|| groups.contains(Groups.AWARD_CLERKS);
	}

}
