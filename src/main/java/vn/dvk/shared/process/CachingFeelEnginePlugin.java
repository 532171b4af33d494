package vn.dvk.shared.process;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's DMN engine the {@link CachingFeelEngine} (a ProcessEnginePlugin bean: the
 * Camunda starter adds it to the engine). Without a FEEL engine factory of its own the DMN engine
 * would build Camunda's default, which parses every expression at every evaluation.
 */
@Component
class CachingFeelEnginePlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
		if (dmn == null) {
			dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
			configuration.setDmnEngineConfiguration(dmn);
		}
		dmn.setFeelEngineFactory(new CachingFeelEngine.Factory(configuration.getDmnFeelCustomFunctionProviders() == null
				? List.of() : List.copyOf(configuration.getDmnFeelCustomFunctionProviders())));
	}

}
