package vn.dvk.registration;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.notification.NotificationService;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanStatus;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.Groups;
import vn.dvk.shared.DvkException;

/**
 * The units in a plan's scope that have not registered yet (drafts do not count) and the email
 * that reminds them (template {@code registration-reminder}, one message per unit to its heads
 * {@code unit-<code>}, through the notification outbox). Used by PlanIssuanceProcess's reminder
 * timer and by the specialists' "remind them" button on the season board.
 */
@Service
public class UnregisteredUnits {

	public static final String TEMPLATE = "registration-reminder";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	private final RegistrationService registrations;

	private final OrganizationService organization;

	private final NotificationService notifications;

	public UnregisteredUnits(RegistrationService registrations, OrganizationService organization,
			NotificationService notifications) {
		this.registrations = registrations;
		this.organization = organization;
		this.notifications = notifications;
	}

	/** The plan's units in scope (every registering unit when the scope is empty) without a registration. */
	@Transactional(readOnly = true)
	public List<Unit> of(Plan plan) {
		Set<String> registered = registrations.registeredUnitCodes(plan.code());
		return scope(plan).stream().filter(u -> !registered.contains(u.code())).toList();
	}

	/**
	 * Queues the reminder to every unit of {@link #of(Plan)}. {@code occasion} makes the
	 * messages' dedup keys ({@code registration-reminder:<plan>:<occasion>:<unit>}): the same
	 * occasion twice queues nothing twice.
	 *
	 * @return the units reminded
	 */
	@Transactional
	public List<Unit> remind(Plan plan, String occasion) {
		List<Unit> units = of(plan);
		for (Unit unit : units) {
			Map<String, Object> model = new HashMap<>();
			model.put("planCode", plan.code());
			model.put("planTitle", plan.title());
			model.put("registrationDeadline",
					plan.registrationDeadline() == null ? null : DATE.format(plan.registrationDeadline()));
			model.put("unitCode", unit.code());
			model.put("unitName", unit.name());
			notifications.enqueue(TEMPLATE + ":" + plan.code() + ":" + occasion + ":" + unit.code(), TEMPLATE,
					List.of(Groups.unit(unit.code())), model);
		}
		return units;
	}

	/**
	 * A specialist's reminder from the season board: drafters only (403), while the plan is open
	 * for registration (409). At most one such reminder per unit and day ({@code day} is part of
	 * the dedup key, e.g. {@code 2026-03-28}).
	 */
	@Transactional
	public List<Unit> remindNow(Plan plan, String day, CurrentUser user) {
		if (!user.isMemberOf(Groups.PLAN_DRAFTERS)) {
			throw DvkException.forbidden("season.forbidden.drafter");
		}
		if (plan.status() != PlanStatus.REGISTRATION_OPEN) {
			throw DvkException.conflict("season.board.remind.notOpen", plan.code(), plan.status().label());
		}
		return remind(plan, "portal-" + day);
	}

	private List<Unit> scope(Plan plan) {
		if (plan.scopeUnitCodes() == null || plan.scopeUnitCodes().isEmpty()) {
			return organization.registeringUnits();
		}
		return plan.scopeUnitCodes().stream().map(code -> organization.find(code).orElse(null))
			.filter(java.util.Objects::nonNull)
			.toList();
	}

}
