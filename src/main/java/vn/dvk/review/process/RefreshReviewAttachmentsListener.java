package vn.dvk.review.process;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.dvk.registration.RegistrationAttachmentAdded;
import vn.dvk.registration.RegistrationService;
import vn.dvk.review.process.LevelReviewProcess.Vars;

/**
 * A file added while a level is reviewing appears in that review's form at once: the
 * attachment links of every running LevelReviewProcess of the registration are rewritten, in the
 * transaction that added the file.
 */
@Component
class RefreshReviewAttachmentsListener {

	private final RuntimeService runtime;

	private final RegistrationService registrations;

	RefreshReviewAttachmentsListener(RuntimeService runtime, RegistrationService registrations) {
		this.runtime = runtime;
		this.registrations = registrations;
	}

	@EventListener
	void on(RegistrationAttachmentAdded event) {
		String code = event.registrationCode();
		String links = PrepareReviewDelegate.attachmentLinks(code, registrations.attachments(code));
		for (ProcessInstance review : runtime.createProcessInstanceQuery()
			.processDefinitionKey(LevelReviewProcess.KEY)
			.processInstanceBusinessKey(code)
			.active()
			.unlimitedList()) {
			runtime.setVariable(review.getId(), Vars.ATTACHMENT_LINKS, links);
		}
	}

}
