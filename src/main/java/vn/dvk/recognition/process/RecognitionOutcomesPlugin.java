package vn.dvk.recognition.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts {@link RecognitionOutcomesInterceptor} into the engine's command chain (after the review
 * module's own check, which ignores these tasks) so that bad {@code outcomes}, and an assessment
 * task completed with models left to assess, give a 400.
 */
@Component
class RecognitionOutcomesPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
		interceptors.add(new RecognitionOutcomesInterceptor());
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

}
