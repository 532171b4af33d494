package vn.dvk.award.process;

import java.time.LocalDate;

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
		LocalDate decisionDate = RecordAwardDecisionDelegate.date(execution.getVariable(Vars.DECISION_DATE));
		byte[] pdf = documents.pdf(AwardDocuments.CERTIFICATE,
				AwardDocuments.certificate(n, (String) execution.getVariable(Vars.RECIPIENT_UNIT_NAME),
						(String) execution.getVariable(Vars.DECISION_NUMBER),
						decisionDate == null ? nominations.today() : decisionDate,
						(String) execution.getVariable(Vars.DECISION_AUTHORITY)));
		nominations.storeDocument(n.code(), CERTIFICATE,
				title.charAt(0) + title.substring(1).toLowerCase(java.util.Locale.forLanguageTag("vi")) + ": "
						+ n.recipientName(),
				pdf);
	}

}
