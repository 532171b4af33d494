package vn.dvk.recognition.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.dvk.recognition.RecognitionSession;
import vn.dvk.recognition.RecognitionWorkflow;
import vn.dvk.recognition.process.RecognitionReviewProcess.Vars;

/** {@link RecognitionWorkflow} on Camunda 7. */
@Component
class CamundaRecognitionWorkflow implements RecognitionWorkflow {

	private final RuntimeService runtime;

	private final TaskService tasks;

	CamundaRecognitionWorkflow(RuntimeService runtime, TaskService tasks) {
		this.runtime = runtime;
		this.tasks = tasks;
	}

	@Override
	public void start(RecognitionSession session, String planTitle, int planYear, int modelCount) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Vars.SESSION_KEY, session.key());
		variables.put(Vars.PLAN_CODE, session.planCode());
		variables.put(Vars.PLAN_TITLE, planTitle);
		variables.put(Vars.PLAN_YEAR, planYear);
		variables.put(Vars.FIELD, session.field());
		variables.put(Vars.MODEL_COUNT, modelCount);
		runtime.createProcessInstanceByKey(RecognitionReviewProcess.KEY)
			.businessKey(session.key())
			.setVariables(variables)
			.execute();
	}

	@Override
	public void completeAssessment(String sessionKey, String memberId) {
		for (Task task : tasks.createTaskQuery()
			.processDefinitionKey(RecognitionReviewProcess.KEY)
			.processInstanceBusinessKey(sessionKey)
			.taskDefinitionKey(RecognitionReviewProcess.Ids.ASSESS_MODELS)
			.taskAssignee(memberId)
			.active()
			.unlimitedList()) {
			tasks.complete(task.getId());
		}
	}

}
