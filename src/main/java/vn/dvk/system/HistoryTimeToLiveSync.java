package vn.dvk.system;

import java.util.Objects;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The history time-to-live of every deployed process and decision definition (every version) is
 * the operator's {@code DVK_HISTORY_TTL} ({@code dvk.history.time-to-live}, days), set at every
 * start-up where it differs: the BPMN and DMN files carry 3650 because the engine requires a value
 * at deployment. The engine stamps a finished instance's history with its removal time (end +
 * time-to-live) when it ends, so a change applies to instances that end afterwards (docs/operations.md,
 * "History clean-up").
 */
@Component
class HistoryTimeToLiveSync {

	private static final Logger log = LoggerFactory.getLogger(HistoryTimeToLiveSync.class);

	private final RepositoryService repository;

	private final int days;

	HistoryTimeToLiveSync(RepositoryService repository, @Value("${dvk.history.time-to-live}") int days) {
		if (days < 1) {
			throw new IllegalStateException("DVK_HISTORY_TTL (dvk.history.time-to-live) must be a number of days >= 1");
		}
		this.repository = repository;
		this.days = days;
	}

	@EventListener(ApplicationReadyEvent.class)
	void sync() {
		int changed = 0;
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery().unlimitedList()) {
			if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
				repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
				changed++;
			}
		}
		for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().unlimitedList()) {
			if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
				repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
				changed++;
			}
		}
		log.info("History time-to-live {} days: {} definitions changed", days, changed);
	}

	int days() {
		return days;
	}

}
