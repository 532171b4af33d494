package vn.dvk.award.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.dvk.award.AwardNominationService;
import vn.dvk.award.Nomination;
import vn.dvk.award.process.AwardNominationProcess.Vars;
import vn.dvk.document.DocumentService;

/**
 * {@code ${issueAwardCertificatesDelegate}}: one certificate PDF per recipient (a nomination has
 * one recipient: stored as {@code chung-nhan}) with the decision's number and date.
 */
@Component("issueAwardCertificatesDelegate")
class IssueAwardCertificatesDelegate implements JavaDelegate {

	static final String CERTIFICATE = "chung-nhan";

	private final AwardNominationService nominations;

	private final DocumentService documents;

	IssueAwardCertificatesDelegate(AwardNominationService nominations, DocumentService documents) {
		this.nominations = nominations;
		this.documents = documents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Nomination n = nominations.require((String) execution.getVariable(Vars.NOMINATION_CODE));
		String title = AwardDocuments.certificateTitle(n.awardName());
		byte[] pdf = documents.pdf(AwardDocuments.CERTIFICATE,
				AwardDocuments.certificate(n, (String) execution.getVariable(Vars.RECIPIENT_UNIT_NAME),
						(String) execution.getVariable(Vars.DECISION_NUMBER),
						(String) execution.getVariable(Vars.DECISION_DATE_TEXT),
						(String) execution.getVariable(Vars.DECISION_AUTHORITY)));
		nominations.storeDocument(n.code(), CERTIFICATE,
				title.charAt(0) + title.substring(1).toLowerCase(java.util.Locale.forLanguageTag("vi")) + ": "
						+ n.recipientName(),
				pdf);
	}

}
