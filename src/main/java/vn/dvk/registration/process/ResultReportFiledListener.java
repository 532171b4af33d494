package vn.dvk.registration.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.dvk.registration.RegistrationService;
import vn.dvk.shared.DvkException;

/**
 * On completion of UserTask_FileResultReport: refuses when no result report is stored (the task
 * is completed by {@code POST /api/registrations/{code}/result-report}, not from Tasklist alone).
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
		String code = task.getExecution().getProcessBusinessKey();
		if (registrations.resultReport(code).isEmpty()) {
			throw DvkException.conflict("registration.report.notFiled");
		}
	}

}
