package vn.dvk.award.process;

import java.time.LocalDate;

import vn.dvk.award.Nomination;

/** The award module's use of the engine: starting a nomination's process and completing its clerk task. */
public interface NominationWorkflow {

	/** Starts {@code AwardNominationProcess} (business key = nomination code) as the nominating user. */
	void start(Nomination nomination, String actor);

	/**
	 * Completes the open {@code UserTask_RecordAuthorityDecision} of the nomination as the clerk.
	 *
	 * @param outcome AWARDED or DECLINED
	 */
	void completeAuthorityDecision(String nominationCode, String outcome, String number, LocalDate date,
			String authority, String actor);

}
