package vn.dvk.recognition.process;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import vn.dvk.shared.process.TaskCompletionInterceptor;

/**
 * Checks two completions before the task completes, the same way the review module's
 * DecisionContractInterceptor checks {@code decision}: a member's {@code UserTask_AssessModels}
 * while models are left to assess ({@link AssessModelsGuard}), and the chair's {@code outcomes} of
 * {@code UserTask_ConfirmOutcomes}. It runs inside the command context, outside any listener, so the
 * FormFieldValidationException reaches engine-rest and Tasklist unwrapped: 400 with the Vietnamese
 * message, the transaction rolled back, the task still open. A confirmation without
 * {@code outcomes} confirms the proposal (the variable the proposal step set).
 */
class RecognitionOutcomesInterceptor extends TaskCompletionInterceptor {

	@Override
	protected void check(TaskEntity task, Completion completion) {
		if (AssessModelsGuard.isAssessTask(task)) {
			AssessModelsGuard.check(task);
		}
		else if (isConfirmTask(task)) {
			RecognitionOutcomesContract.validate(completion.value(RecognitionReviewProcess.Vars.OUTCOMES),
					completion.value(RecognitionReviewProcess.Vars.COMMENT), sessionCodes(task));
		}
	}

	static boolean isConfirmTask(TaskEntity task) {
		return task != null
				&& isTask(task, RecognitionReviewProcess.KEY, RecognitionReviewProcess.Ids.CONFIRM_OUTCOMES);
	}

	static List<String> sessionCodes(TaskEntity task) {
		Object codes = task.getVariable(RecognitionReviewProcess.Vars.REGISTRATION_CODES);
		return codes instanceof Collection<?> collection ? collection.stream().map(String::valueOf).toList() : List.of();
	}

}
