package vn.dvk.registration.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ResultReportGuardInterceptor} into the engine's command chain, so that completing
 * UserTask_FileResultReport without a filed report is a 400 on engine-rest and in Tasklist.
 * Spring Boot's Camunda starter adds every ProcessEnginePlugin bean to the engine; the process
 * tests' engine configuration lists it as a bean.
 */
@Component
class ResultReportGuardPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
		interceptors.add(new ResultReportGuardInterceptor());
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

}
