package vn.dvk.award.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.dvk.award.AwardNominationService;
import vn.dvk.award.NominationStatus;
import vn.dvk.award.process.AwardNominationProcess.Vars;
import vn.dvk.shared.process.EngineIdentity;

/**
 * {@code ${updateNominationStatusDelegate}}: records the status of the local input {@code status}
 * with the history action {@code action}; approval outcomes carry the approver's {@code comment}.
 * Entering approval again after a return also saves the drafters' revised {@code achievement}.
 */
@Component("updateNominationStatusDelegate")
class UpdateNominationStatusDelegate implements JavaDelegate {

	private static final Set<String> WITH_COMMENT = Set.of("APPROVED", "RETURNED", "REJECTED");

	private final AwardNominationService nominations;

	UpdateNominationStatusDelegate(AwardNominationService nominations) {
		this.nominations = nominations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String code = (String) execution.getVariable(Vars.NOMINATION_CODE);
		NominationStatus status = NominationStatus.valueOf((String) execution.getVariableLocal(Vars.STATUS));
		Object action = execution.getVariableLocal(Vars.ACTION);
		String actionName = action == null ? status.name() : action.toString();
		if (status == NominationStatus.IN_APPROVAL) {
			nominations.reviseAchievement(code, (String) execution.getVariable(Vars.ACHIEVEMENT));
		}
		String comment = WITH_COMMENT.contains(actionName) ? (String) execution.getVariable(Vars.COMMENT) : null;
		nominations.changeStatus(code, status, actionName, EngineIdentity.actor(execution.getProcessEngineServices()), comment);
	}

}
