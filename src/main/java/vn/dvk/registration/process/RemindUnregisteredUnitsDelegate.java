package vn.dvk.registration.process;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.dvk.notification.NotificationService;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanService;
import vn.dvk.registration.RegistrationService;
import vn.dvk.security.Groups;

/**
 * PlanIssuanceProcess, before the registration deadline: emails the heads ({@code unit-<code>})
 * of the plan's units in scope that have no registration yet (drafts do not count), one message
 * per unit so it can address the unit by name. Template {@code registration-reminder}; model
 * {@code planCode}, {@code planTitle}, {@code registrationDeadline} (text, dd/MM/yyyy HH:mm in
 * Vietnam time), {@code unitCode}, {@code unitName}; dedup key
 * {@code registration-reminder:<plan>:<activity instance>:<unit>}, so a retried job queues nothing twice.
 */
@Component("remindUnregisteredUnitsDelegate")
class RemindUnregisteredUnitsDelegate implements JavaDelegate {

	static final String TEMPLATE = "registration-reminder";

	/** PlanIssuanceProcess.Vars.PLAN_CODE (that class is internal to the plan module). */
	static final String PLAN_CODE = "planCode";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	private final PlanService plans;

	private final RegistrationService registrations;

	private final OrganizationService organization;

	private final NotificationService notifications;

	RemindUnregisteredUnitsDelegate(PlanService plans, RegistrationService registrations,
			OrganizationService organization, NotificationService notifications) {
		this.plans = plans;
		this.registrations = registrations;
		this.organization = organization;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String planCode = (String) execution.getVariable(PLAN_CODE);
		Plan plan = plans.require(planCode);
		List<String> scope = plan.scopeUnitCodes() == null || plan.scopeUnitCodes().isEmpty()
				? organization.registeringUnits().stream().map(Unit::code).toList() : plan.scopeUnitCodes();
		Set<String> registered = registrations.registeredUnitCodes(planCode);
		for (String unitCode : scope) {
			if (registered.contains(unitCode)) {
				continue;
			}
			Map<String, Object> model = new HashMap<>();
			model.put("planCode", plan.code());
			model.put("planTitle", plan.title());
			model.put("registrationDeadline",
					plan.registrationDeadline() == null ? null : DATE.format(plan.registrationDeadline()));
			model.put("unitCode", unitCode);
			model.put("unitName", organization.find(unitCode).map(Unit::name).orElse(null));
			notifications.enqueue(TEMPLATE + ":" + planCode + ":" + execution.getActivityInstanceId() + ":" + unitCode,
					TEMPLATE, List.of(Groups.unit(unitCode)), model);
		}
	}

}
