package vn.dvk.registration.process;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * UserTask_FileResultReport completed from Tasklist or engine-rest while no result report is
 * stored. A FormFieldValidationException, so that engine-rest and Tasklist answer 400 with the
 * Vietnamese message when ResultReportGuardInterceptor throws it before the task completes.
 */
class ResultReportNotFiledException extends FormFieldValidationException {

	private static final long serialVersionUID = 1L;

	static final String KEY = "registration.report.notFiled";

	private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("messages.registration", Locale.ROOT,
			ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

	ResultReportNotFiledException(String registrationCode) {
		super("resultReport", new MessageFormat(MESSAGES.getString(KEY), Locale.forLanguageTag("vi"))
			.format(new Object[] { registrationCode }));
	}

}
