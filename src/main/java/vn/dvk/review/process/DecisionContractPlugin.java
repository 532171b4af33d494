package vn.dvk.review.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts {@link DecisionContractInterceptor} into the engine's command chain so that a completion
 * breaking the decision contract fails with a 400 on engine-rest and in Tasklist (see there).
 * Spring Boot's Camunda starter adds every ProcessEnginePlugin bean to the engine.
 */
@Component
class DecisionContractPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
		interceptors.add(new DecisionContractInterceptor());
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

}
