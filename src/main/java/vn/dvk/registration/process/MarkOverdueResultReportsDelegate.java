package vn.dvk.registration.process;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.dvk.notification.NotificationService;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanService;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationService;
import vn.dvk.security.Groups;

/**
 * PlanIssuanceProcess, when the result-report deadline passes: every ACCEPTED registration of
 * the plan (no report) is flagged overdue (history REPORT_OVERDUE) and the specialists
 * ({@code plan-drafters}) get one email listing them: template {@code result-reports-overdue},
 * model {@code planCode}, {@code planTitle}, {@code resultReportDeadline} (text),
 * {@code overdueCount}, {@code overdue} (list of {@code code}, {@code name}, {@code unitName},
 * {@code registrationUrl}). Nothing is sent when every report came in.
 */
@Component(MarkOverdueResultReportsDelegate.BEAN)
class MarkOverdueResultReportsDelegate implements JavaDelegate {

	static final String BEAN = "markOverdueResultReportsDelegate";

	static final String TEMPLATE = "result-reports-overdue";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	private final PlanService plans;

	private final RegistrationService registrations;

	private final OrganizationService organization;

	private final NotificationService notifications;

	private final MessageSource messages;

	MarkOverdueResultReportsDelegate(PlanService plans, RegistrationService registrations,
			OrganizationService organization, NotificationService notifications, MessageSource messages) {
		this.plans = plans;
		this.registrations = registrations;
		this.organization = organization;
		this.notifications = notifications;
		this.messages = messages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String planCode = (String) execution.getVariable(OpenEvaluationDelegate.PLAN_CODE);
		Plan plan = plans.require(planCode);
		var deadline = plans.rules(planCode).season().resultReportDeadline();
		String deadlineText = deadline == null ? "" : DATE.format(deadline);
		String comment = messages.getMessage("registration.report.overdueComment", new Object[] { deadlineText },
				java.util.Locale.forLanguageTag("vi"));
		List<Registration> overdue = registrations.markResultReportsOverdue(planCode, comment);
		if (overdue.isEmpty()) {
			return;
		}
		Map<String, Object> model = new HashMap<>();
		model.put("planCode", plan.code());
		model.put("planTitle", plan.title());
		model.put("resultReportDeadline", deadlineText);
		model.put("overdueCount", Integer.toString(overdue.size()));
		model.put("overdue", overdue.stream().map(r -> Map.of("code", r.code(), "name", r.name(), "unitName",
				organization.find(r.unitCode()).map(Unit::name).orElse(r.unitCode()))).toList());
		notifications.enqueue(TEMPLATE + ":" + planCode + ":" + execution.getActivityInstanceId(), TEMPLATE,
				List.of(Groups.PLAN_DRAFTERS), model);
	}

}
