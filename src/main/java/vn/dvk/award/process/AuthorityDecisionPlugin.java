package vn.dvk.award.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts {@link AuthorityDecisionInterceptor} into the engine's command chain so that a clerk's
 * completion without a valid outcome, decision number or date fails with 400 on engine-rest and
 * in Tasklist. Spring Boot's Camunda starter adds every ProcessEnginePlugin bean to the engine.
 */
@Component
class AuthorityDecisionPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
		interceptors.add(new AuthorityDecisionInterceptor());
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

}
