package vn.dvk.recognition.process;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.recognition.ItemScore;
import vn.dvk.recognition.RecognitionDecisions;
import vn.dvk.recognition.RecognitionOutcome;
import vn.dvk.recognition.RecognitionSessionService;
import vn.dvk.recognition.SessionItem;
import vn.dvk.recognition.process.RecognitionReviewProcess.Vars;
import vn.dvk.shared.FormText;

/**
 * {@code BusinessRuleTask_DetermineOutcomes}: every model's score from the assessments, then
 * RecognitionDecision (DMN) with the plan's thresholds proposes its outcome. Sets {@code outcomes}
 * (what the chair confirms unless they change it), {@code proposedOutcomes} and the form's text.
 */
@Component("proposeRecognitionOutcomesDelegate")
class ProposeRecognitionOutcomesDelegate implements JavaDelegate {

	private static final Map<String, String> LABELS = Map.of(RecognitionDecisions.RECOGNIZE,
			RecognitionOutcome.RECOGNIZED.label(), RecognitionDecisions.RECOGNIZE_TYPICAL,
			RecognitionOutcome.RECOGNIZED_TYPICAL.label(), RecognitionDecisions.NOT_RECOGNIZE,
			RecognitionOutcome.NOT_RECOGNIZED.label());

	private final RecognitionSessionService sessions;

	private final PlanService plans;

	ProposeRecognitionOutcomesDelegate(RecognitionSessionService sessions, PlanService plans) {
		this.sessions = sessions;
		this.plans = plans;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String key = execution.getProcessBusinessKey();
		PlanRules rules = plans.rules((String) execution.getVariable(Vars.PLAN_CODE));
		boolean typicalInUse = rules.recognitionOutcomes() == null || rules.recognitionOutcomes().isEmpty()
				|| rules.recognitionOutcomes().contains(RecognitionOutcome.RECOGNIZED_TYPICAL.name());
		List<ItemScore> scores = sessions.scores(key);
		Map<String, String> proposal = new LinkedHashMap<>();
		for (ItemScore score : scores) {
			String outcome = (String) execution.getProcessEngineServices()
				.getDecisionService()
				.evaluateDecisionTableByKey(RecognitionReviewProcess.DECISION_KEY, Variables.createVariables()
					.putValue(Vars.SCORE, score.score())
					.putValue(Vars.REQUIRED_MET, score.requiredMet())
					.putValue(Vars.RECOGNIZE_MIN_SCORE, rules.recognizeMinScore())
					.putValue(Vars.TYPICAL_MIN_SCORE, rules.typicalMinScore()))
				.getSingleResult()
				.getSingleEntry();
			if (!typicalInUse && RecognitionDecisions.RECOGNIZE_TYPICAL.equals(outcome)) {
				outcome = RecognitionDecisions.RECOGNIZE;
			}
			proposal.put(score.registrationCode(), outcome);
		}
		sessions.propose(key, scores, proposal);
		String json = RecognitionOutcomesContract.toJson(proposal);
		execution.setVariable(Vars.OUTCOMES, outcomesValue(json));
		execution.setVariable(Vars.PROPOSED_OUTCOMES, outcomesValue(json));
		execution.setVariable(Vars.PROPOSAL_TEXT,
				FormText.fit(text(key, scores, proposal, rules), sessionLink(key)));
	}

	/** A String while it fits the engine's limit; a large session's map is stored as JSON. */
	static Object outcomesValue(String json) {
		return json.length() <= FormText.VARIABLE_MAX ? json : SpinValues.jsonValue(json).create();
	}

	static String sessionLink(String key) {
		return "[trang phiên bình xét](/recognition-sessions/" + key + ")";
	}

	private String text(String key, List<ItemScore> scores, Map<String, String> proposal, PlanRules rules) {
		DecimalFormat number = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi")));
		Map<String, SessionItem> items = new LinkedHashMap<>();
		sessions.items(key).forEach(item -> items.put(item.registrationCode(), item));
		StringBuilder text = new StringBuilder("Mức công nhận: " + rules.recognizeMinScore() + " điểm; mức tiêu biểu: "
				+ rules.typicalMinScore() + " điểm.\n\n");
		for (ItemScore score : scores) {
			SessionItem item = items.get(score.registrationCode());
			String outcome = proposal.get(score.registrationCode());
			text.append("- **").append(score.registrationCode()).append("** ")
				.append(item == null ? "" : item.name() + " — " + sessions.unitName(item.unitCode()))
				.append(": ").append(number.format(score.score())).append(" điểm, ")
				.append(score.assessments()).append(" thành viên đánh giá, tiêu chí bắt buộc ")
				.append(score.requiredMet() ? "đạt" : "không đạt")
				.append(" → **").append(LABELS.get(outcome)).append("** (").append(outcome).append(")\n");
		}
		return text.toString();
	}

}
