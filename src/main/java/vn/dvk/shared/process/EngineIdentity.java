package vn.dvk.shared.process;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who the engine acts for. Our services call the engine as the signed-in person so that history
 * names them (start user, task completer) and the engine's checks apply to them; process steps
 * read that person back as the actor of what they record.
 */
public final class EngineIdentity {

	private EngineIdentity() {
	}

	/**
	 * Runs the work as the given user with the given groups. An authentication already set for
	 * that user (by the web layer, with their groups) is kept as it is; any other is restored
	 * afterwards.
	 */
	public static <T> T callAs(IdentityService identity, String userId, Collection<String> groups, Supplier<T> work) {
		Authentication previous = identity.getCurrentAuthentication();
		if (previous != null && userId != null && userId.equals(previous.getUserId())) {
			return work.get();
		}
		identity.setAuthentication(userId, groups == null ? List.of() : List.copyOf(groups));
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				identity.clearAuthentication();
			}
			else {
				identity.setAuthentication(previous);
			}
		}
	}

	public static void runAs(IdentityService identity, String userId, Collection<String> groups, Runnable work) {
		callAs(identity, userId, groups, () -> {
			work.run();
			return null;
		});
	}

	/** The user the engine acts for, or null in a job (timer, asynchronous step). */
	public static String actor(IdentityService identity) {
		Authentication authentication = identity.getCurrentAuthentication();
		return authentication == null ? null : authentication.getUserId();
	}

	/** The same from a delegate or listener (null when the engine's services are not at hand). */
	public static String actor(ProcessEngineServices services) {
		return services == null ? null : actor(services.getIdentityService());
	}

}
