package vn.dvk.award.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.dvk.award.AwardNominationService;
import vn.dvk.award.Nomination;
import vn.dvk.award.NominationStatus;
import vn.dvk.award.process.AwardNominationProcess.Vars;
import vn.dvk.document.DocumentService;
import vn.dvk.registration.AttachmentInfo;
import vn.dvk.registration.RegistrationService;
import vn.dvk.shared.process.EngineIdentity;

/**
 * {@code ${prepareAwardDossierDelegate}}: the dossier of an external award as PDF (cover memo
 * {@code to-trinh}, list {@code danh-sach}; the memo lists the model's minutes and achievement
 * report among its attachments) and the status AWAITING_AUTHORITY.
 */
@Component("prepareAwardDossierDelegate")
class PrepareAwardDossierDelegate implements JavaDelegate {

	static final String COVER_MEMO = "to-trinh";

	static final String NOMINEE_LIST = "danh-sach";

	private final AwardNominationService nominations;

	private final RegistrationService registrations;

	private final DocumentService documents;

	PrepareAwardDossierDelegate(AwardNominationService nominations, RegistrationService registrations,
			DocumentService documents) {
		this.nominations = nominations;
		this.registrations = registrations;
		this.documents = documents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Nomination n = nominations.require((String) execution.getVariable(Vars.NOMINATION_CODE));
		String unitName = (String) execution.getVariable(Vars.RECIPIENT_UNIT_NAME);
		List<String> attachments = n.registrationCode() == null ? List.of()
				: registrations.attachments(n.registrationCode()).stream().map(AttachmentInfo::fileName).toList();
		nominations.storeDocument(n.code(), COVER_MEMO, "Tờ trình đề nghị khen thưởng",
				documents.pdf(AwardDocuments.COVER_MEMO,
						AwardDocuments.coverMemo(n, unitName, attachments, nominations.today())));
		nominations.storeDocument(n.code(), NOMINEE_LIST, "Danh sách đề nghị khen thưởng",
				documents.pdf(AwardDocuments.NOMINEE_LIST, AwardDocuments.nomineeList(n, unitName, nominations.today())));
		nominations.changeStatus(n.code(), NominationStatus.AWAITING_AUTHORITY, "DOSSIER_PREPARED",
				EngineIdentity.actor(execution.getProcessEngineServices()), null);
	}

}
