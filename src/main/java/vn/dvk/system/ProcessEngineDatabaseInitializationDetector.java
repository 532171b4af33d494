package vn.dvk.system;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The process engine starts after Flyway has migrated our tables: an empty database must not be
 * seen by Flyway as "not empty" because the engine created its ACT_* tables first.
 * Registered in META-INF/spring.factories.
 */
class ProcessEngineDatabaseInitializationDetector extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

	@Override
	protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
		return Set.of(ProcessEngine.class);
	}

}
