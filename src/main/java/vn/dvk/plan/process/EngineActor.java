package vn.dvk.plan.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who the engine is acting for: the user authenticated at the engine (Tasklist, REST, or set by
 * {@link CamundaPlanWorkflow} around a submission), or null for a job (timer, async step).
 */
final class EngineActor {

	private EngineActor() {
	}

	static String of(IdentityService identity) {
		Authentication authentication = identity.getCurrentAuthentication();
		return authentication == null ? null : authentication.getUserId();
	}

}
