package vn.dvk.registration.process;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Puts ResultReportGuardInterceptor into the shared process-test engine for one test, as
 * ResultReportGuardPlugin does in the application, while process-test.camunda.cfg.xml does not
 * list the plugin (that file is shared; once it lists the plugin, this does nothing). The
 * interceptor is linked in after the last custom post interceptor of the configuration and
 * unlinked again on close, so other test classes on the same cached engine never see it.
 */
final class ResultReportGuardInstaller implements AutoCloseable {

	private final CommandInterceptor after;

	private final CommandInterceptor guard;

	private ResultReportGuardInstaller(CommandInterceptor after, CommandInterceptor guard) {
		this.after = after;
		this.guard = guard;
	}

	static ResultReportGuardInstaller install(ProcessEngine engine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired();
		boolean registered = configuration.getProcessEnginePlugins()
			.stream()
			.anyMatch(ResultReportGuardPlugin.class::isInstance);
		if (registered || post == null || post.isEmpty()) {
			if (!registered) {
				throw new IllegalStateException("The process-test engine has no custom post command interceptor "
						+ "to link the result report guard after; list ResultReportGuardPlugin in its configuration");
			}
			return new ResultReportGuardInstaller(null, null);
		}
		CommandInterceptor after = post.get(post.size() - 1);
		CommandInterceptor guard = new ResultReportGuardInterceptor();
		guard.setNext(after.getNext());
		after.setNext(guard);
		return new ResultReportGuardInstaller(after, guard);
	}

	@Override
	public void close() {
		if (after != null) {
			after.setNext(guard.getNext());
		}
	}

}
