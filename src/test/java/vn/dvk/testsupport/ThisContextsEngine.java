package vn.dvk.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Makes the test's own application context's engine the one {@code /engine-rest} and the
 * Camunda webapps use. They find their engine by name in Camunda's static {@link ProcessEngines}
 * registry, where the context started last wins; the Failsafe JVM keeps every context it
 * started, so without this a test that reuses an older cached context talks to another context's
 * engine and database. Register after the Spring extension: {@code @ExtendWith(ThisContextsEngine.class)}.
 */
public final class ThisContextsEngine implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		ProcessEngines.registerProcessEngine(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
	}

}
