package vn.dvk.award.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who the engine acts for (Tasklist, REST, or the API around a start), or null for a job. */
final class EngineActor {

	private EngineActor() {
	}

	static String of(DelegateExecution execution) {
		if (execution.getProcessEngineServices() == null) {
			return null;
		}
		Authentication authentication = execution.getProcessEngineServices()
			.getIdentityService()
			.getCurrentAuthentication();
		return authentication == null ? null : authentication.getUserId();
	}

}
