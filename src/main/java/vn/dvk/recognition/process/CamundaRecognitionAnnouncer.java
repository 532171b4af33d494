package vn.dvk.recognition.process;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

import vn.dvk.recognition.RecognitionOutcome;
import vn.dvk.recognition.process.RecognitionReviewProcess.Vars;

/**
 * Correlates {@code Msg_RecognitionDecided} with the registration's process (business key =
 * registration code), variables {@code recognitionOutcome} and {@code decisionNumber}. A registration
 * whose process is not waiting (e.g. already ended) is logged, not failed: the decision stands.
 */
@Component
class CamundaRecognitionAnnouncer implements RecognitionAnnouncer {

	private static final Logger log = LoggerFactory.getLogger(CamundaRecognitionAnnouncer.class);

	private final RuntimeService runtime;

	CamundaRecognitionAnnouncer(RuntimeService runtime) {
		this.runtime = runtime;
	}

	@Override
	public void recognitionDecided(String registrationCode, RecognitionOutcome outcome, String decisionNumber) {
		List<MessageCorrelationResult> results = runtime
			.createMessageCorrelation(RecognitionReviewProcess.MSG_RECOGNITION_DECIDED)
			.processInstanceBusinessKey(registrationCode)
			.setVariable(Vars.RECOGNITION_OUTCOME, outcome.name())
			.setVariable(Vars.DECISION_NUMBER, decisionNumber)
			.correlateAllWithResult();
		if (results.isEmpty()) {
			log.warn("{} for {} ({}, decision {}) found no waiting process", RecognitionReviewProcess.MSG_RECOGNITION_DECIDED,
					registrationCode, outcome, decisionNumber);
		}
	}

}
