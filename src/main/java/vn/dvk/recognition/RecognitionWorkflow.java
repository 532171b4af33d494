package vn.dvk.recognition;

import vn.dvk.security.CurrentUser;

/**
 * What {@link RecognitionSessionService} asks of the workflow engine; the engine implementation
 * lives in {@code process}, tests use a fake.
 */
public interface RecognitionWorkflow {

	/** Starts RecognitionReviewProcess for a new session (business key = session key). */
	void start(RecognitionSession session, String planTitle, int planYear, int modelCount, CurrentUser actor);

	/** Completes the member's open assessment task of the session, if there is one. */
	void completeAssessment(String sessionKey, CurrentUser member);

}
