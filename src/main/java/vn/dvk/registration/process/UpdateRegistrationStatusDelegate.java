package vn.dvk.registration.process;

import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.registration.process.ModelRegistrationProcess.Vars;

/**
 * Sets a registration's status from the process and records it in the history.
 * Input parameters of the service task (local variables):
 * <ul>
 * <li>{@code status}: a {@link RegistrationStatus} name (required);</li>
 * <li>{@code historyAction} (or {@code action}, as the BPMN of the processes branch names it):
 * the history action, defaults to the status name.</li>
 * </ul>
 * The registration is {@code registrationCode} (else the business key); for RETURNED and
 * REJECTED the history comment is the {@code comment} variable; the review level is the
 * {@code reviewUnitCode} variable when one is visible; the actor is the engine's authenticated
 * user, or null for the system.
 */
@Component("updateRegistrationStatusDelegate")
class UpdateRegistrationStatusDelegate implements JavaDelegate {

	static final String STATUS = "status";

	static final String HISTORY_ACTION = "historyAction";

	static final String ACTION = "action";

	private static final Set<RegistrationStatus> WITH_COMMENT = EnumSet.of(RegistrationStatus.RETURNED,
			RegistrationStatus.REJECTED);

	private final RegistrationService registrations;

	UpdateRegistrationStatusDelegate(RegistrationService registrations) {
		this.registrations = registrations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object statusValue = execution.getVariableLocal(STATUS);
		if (!(statusValue instanceof String statusName) || statusName.isBlank()) {
			throw new IllegalStateException("Service task " + execution.getCurrentActivityId()
					+ " needs the input parameter 'status' (a RegistrationStatus name)");
		}
		RegistrationStatus status = RegistrationStatus.valueOf(statusName.strip());
		String action = string(execution.getVariableLocal(HISTORY_ACTION));
		if (action == null) {
			action = string(execution.getVariableLocal(ACTION));
		}
		if (action == null) {
			action = status.name();
		}
		String comment = WITH_COMMENT.contains(status) ? string(execution.getVariable(Vars.COMMENT)) : null;
		String code = string(execution.getVariable(Vars.REGISTRATION_CODE));
		if (code == null) {
			code = execution.getProcessBusinessKey();
		}
		Authentication authentication = execution.getProcessEngineServices()
			.getIdentityService()
			.getCurrentAuthentication();
		String actor = authentication == null ? null : authentication.getUserId();
		registrations.changeStatus(code, status, action, string(execution.getVariable(Vars.REVIEW_UNIT_CODE)),
				actor, comment);
	}

	private static String string(Object value) {
		return value instanceof String s && !s.isBlank() ? s.strip() : null;
	}

}
