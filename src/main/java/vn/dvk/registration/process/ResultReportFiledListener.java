package vn.dvk.registration.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.dvk.registration.RegistrationService;

/**
 * On completion of UserTask_FileResultReport: refuses when no result report is stored (the task
 * is completed by {@code POST /api/registrations/{code}/result-report}, not from Tasklist alone).
 * ResultReportGuardInterceptor calls {@link #requireFiled} before the completion, so the refusal
 * is a 400 there; here it stays as the last line of defence.
 */
@Component(ResultReportFiledListener.BEAN)
class ResultReportFiledListener implements TaskListener {

	static final String BEAN = "resultReportFiledListener";

	private final RegistrationService registrations;

	ResultReportFiledListener(RegistrationService registrations) {
		this.registrations = registrations;
	}

	@Override
	public void notify(DelegateTask task) {
		requireFiled(task.getExecution().getProcessBusinessKey());
	}

	/** Throws ResultReportNotFiledException when the registration has no stored result report. */
	void requireFiled(String registrationCode) {
		if (registrationCode == null || registrations.resultReport(registrationCode).isEmpty()) {
			throw new ResultReportNotFiledException(registrationCode);
		}
	}

}
