package vn.dvk.recognition.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.dvk.recognition.RecognitionSession;
import vn.dvk.recognition.RecognitionWorkflow;
import vn.dvk.recognition.process.RecognitionReviewProcess.Vars;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.process.EngineIdentity;

/** {@link RecognitionWorkflow} on Camunda 7, run as the caller (see {@link EngineIdentity}). */
@Component
class CamundaRecognitionWorkflow implements RecognitionWorkflow {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final IdentityService identity;

	CamundaRecognitionWorkflow(RuntimeService runtime, TaskService tasks, IdentityService identity) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.identity = identity;
	}

	@Override
	public void start(RecognitionSession session, String planTitle, int planYear, int modelCount, CurrentUser actor) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Vars.SESSION_KEY, session.key());
		variables.put(Vars.PLAN_CODE, session.planCode());
		variables.put(Vars.PLAN_TITLE, planTitle);
		variables.put(Vars.PLAN_YEAR, planYear);
		variables.put(Vars.FIELD, session.field());
		variables.put(Vars.MODEL_COUNT, modelCount);
		EngineIdentity.runAs(identity, actor.id(), actor.groups(), () -> runtime
			.createProcessInstanceByKey(RecognitionReviewProcess.KEY)
			.businessKey(session.key())
			.setVariables(variables)
			.execute());
	}

	@Override
	public void completeAssessment(String sessionKey, CurrentUser member) {
		EngineIdentity.runAs(identity, member.id(), member.groups(), () -> {
			for (Task task : tasks.createTaskQuery()
				.processDefinitionKey(RecognitionReviewProcess.KEY)
				.processInstanceBusinessKey(sessionKey)
				.taskDefinitionKey(RecognitionReviewProcess.Ids.ASSESS_MODELS)
				.taskAssignee(member.id())
				.active()
				.unlimitedList()) {
				tasks.complete(task.getId());
			}
		});
	}

}
