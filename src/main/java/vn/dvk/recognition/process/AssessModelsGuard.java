package vn.dvk.recognition.process;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import vn.dvk.recognition.RecognitionSessionService;
import vn.dvk.recognition.process.RecognitionReviewProcess.Vars;
import vn.dvk.security.Groups;

/**
 * A member's {@code UserTask_AssessModels} completes only when the member has assessed every model
 * of the session they may assess (RecognitionSessionService#unassessed): the assessment service
 * completes it then by itself, and a completion from Tasklist or engine-rest before that is refused
 * with a Vietnamese message (400, nothing changes). Called by {@link RecognitionOutcomesInterceptor}
 * inside the command, before the task completes.
 */
final class AssessModelsGuard {

	/** The session service, resolved like the process's delegates: a Spring bean, or a Mocks entry in process tests. */
	static final String SESSIONS_BEAN = "${recognitionSessionService}";

	private AssessModelsGuard() {
	}

	static boolean isAssessTask(TaskEntity task) {
		return task != null && RecognitionReviewProcess.Ids.ASSESS_MODELS.equals(task.getTaskDefinitionKey())
				&& task.getProcessDefinitionId() != null
				&& task.getProcessDefinitionId().startsWith(RecognitionReviewProcess.KEY + ":");
	}

	/** @throws AssessmentsIncompleteException while the member has models left to assess */
	static void check(TaskEntity task) {
		Object member = task.getVariable(Vars.COUNCIL_MEMBER);
		String memberId = member != null ? member.toString() : task.getAssignee();
		Object sessionKey = task.getVariable(Vars.SESSION_KEY);
		String key = sessionKey != null ? sessionKey.toString() : task.getProcessInstance().getBusinessKey();
		if (memberId == null || key == null) {
			return;
		}
		ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
		Set<String> ownUnits = configuration.getIdentityService()
			.createGroupQuery()
			.groupMember(memberId)
			.unlimitedList()
			.stream()
			.map(Group::getId)
			.flatMap(group -> Groups.unitCodeOf(group).stream())
			.collect(Collectors.toSet());
		RecognitionSessionService sessions = (RecognitionSessionService) configuration.getExpressionManager()
			.createExpression(SESSIONS_BEAN)
			.getValue(StartProcessVariableScope.getSharedInstance());
		List<String> missing = sessions.unassessed(key, memberId, ownUnits);
		if (!missing.isEmpty()) {
			throw new AssessmentsIncompleteException(RecognitionOutcomesContract.message(
					"recognition.assessModels.incomplete", missing.size(), key, String.join(", ", missing)));
		}
	}

	/**
	 * A member completing the assessment task with models left: a {@link FormFieldValidationException},
	 * which engine-rest and Tasklist answer with 400.
	 */
	public static class AssessmentsIncompleteException extends FormFieldValidationException {

		private static final long serialVersionUID = 1L;

		AssessmentsIncompleteException(String message) {
			super("assessments", message);
		}

	}

}
