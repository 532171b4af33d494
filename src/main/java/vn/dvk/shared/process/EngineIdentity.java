package vn.dvk.shared.process;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Who the engine acts for. Our services call the engine as the signed-in person so that history
 * names them (start user, task completer, operation log) and process steps read that person back
 * as the actor of what they record.
 * <p>
 * The engine's own authorization checks guard what people reach directly ({@code /engine-rest},
 * Tasklist, Cockpit, Admin). Our services decide access themselves (a unit head acts only for
 * their unit, see each service) and then run their engine work as one command with the engine's
 * checks switched off, the way the engine runs delegates: nobody holds engine permissions to
 * start our processes, so they can only be started through the services that keep our records.
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
			return trusted(identity, work);
		}
		identity.setAuthentication(userId, groups == null ? List.of() : List.copyOf(groups));
		try {
			return trusted(identity, work);
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

	/**
	 * Runs engine work that a service has already authorized: one engine command (engine calls
	 * inside it join it) with the engine's authorization checks off.
	 */
	public static <T> T trusted(IdentityService identity, Supplier<T> work) {
		return ((ServiceImpl) identity).getCommandExecutor().execute(commandContext -> {
			boolean checking = commandContext.isAuthorizationCheckEnabled();
			commandContext.disableAuthorizationCheck();
			try {
				return work.get();
			}
			finally {
				restore(commandContext, checking);
			}
		});
	}

	private static void restore(CommandContext commandContext, boolean checking) {
		if (checking) {
			commandContext.enableAuthorizationCheck();
		}
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
