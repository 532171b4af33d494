package vn.dvk.recognition;

import java.util.Map;

/**
 * The chair's decision values of contract.md ({@code RECOGNIZE}, {@code RECOGNIZE_TYPICAL},
 * {@code NOT_RECOGNIZE}) and the outcomes they give (RECOGNIZED, RECOGNIZED_TYPICAL, NOT_RECOGNIZED).
 */
public final class RecognitionDecisions {

	public static final String RECOGNIZE = "RECOGNIZE";

	public static final String RECOGNIZE_TYPICAL = "RECOGNIZE_TYPICAL";

	public static final String NOT_RECOGNIZE = "NOT_RECOGNIZE";

	private static final Map<String, RecognitionOutcome> OUTCOMES = Map.of(RECOGNIZE, RecognitionOutcome.RECOGNIZED,
			RECOGNIZE_TYPICAL, RecognitionOutcome.RECOGNIZED_TYPICAL, NOT_RECOGNIZE, RecognitionOutcome.NOT_RECOGNIZED);

	private RecognitionDecisions() {
	}

	/** @throws IllegalArgumentException for a value outside the contract */
	public static RecognitionOutcome outcomeOf(String decision) {
		RecognitionOutcome outcome = OUTCOMES.get(decision);
		if (outcome == null) {
			throw new IllegalArgumentException("Not a recognition decision: " + decision);
		}
		return outcome;
	}

}
