package vn.dvk.recognition.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.dvk.recognition.process.RecognitionReviewProcess.Vars;
import vn.dvk.shared.FormText;

/**
 * Create listener of each {@code UserTask_AssessModels}: gives the member's task its own
 * {@code modelCount} and {@code modelList} (task-local, shown by {@code Form_AssessModels}).
 */
@Component("assessModelsTaskListener")
class AssessModelsTaskListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		String member = (String) task.getVariable(Vars.COUNCIL_MEMBER);
		task.setVariableLocal(Vars.MODEL_COUNT, ((Map<?, ?>) task.getVariable(Vars.ASSESS_COUNTS)).get(member));
		Object list = ((Map<?, ?>) task.getVariable(Vars.ASSESS_LISTS)).get(member);
		task.setVariableLocal(Vars.MODEL_LIST, FormText.fit(list == null ? null : list.toString(),
				ProposeRecognitionOutcomesDelegate.sessionLink((String) task.getVariable(Vars.SESSION_KEY))));
	}

}
