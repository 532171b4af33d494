package vn.dvk.system;

import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes and statistics of DVK's own on the engine's tables, created at start-up when missing (under the start-up
 * lock, before seeding). The engine's scripts do not have them; an engine upgrade leaves them alone.
 * <p>
 * Every task list in Tasklist and {@code /engine-rest} joins the person's task authorizations
 * ({@code ACT_RU_AUTHORIZATION}, resource TASK or PROCESS_DEFINITION) for their user id or groups.
 * The engine's single-column indexes lead PostgreSQL to the group's every authorization, which
 * includes a HISTORIC_TASK row for every task the group ever had. These partial indexes hold only
 * the two resource types the task query reads: at 10^5 registrations the reviewer's list went from
 * a scan of the group's history to a few index pages (docs/benchmarks.md). Statistics on the
 * permission bits the checks test let PostgreSQL count a reviewer's permissions right. Both are
 * created without an exclusive lock on reads; the index build briefly blocks writes to the table.
 */
@Component
class EngineQueryIndexes {

	private static final Logger log = LoggerFactory.getLogger(EngineQueryIndexes.class);

	private final JdbcTemplate jdbc;

	private final String prefix;

	EngineQueryIndexes(DataSource dataSource, ProcessEngine engine) {
		this.jdbc = new JdbcTemplate(dataSource);
		String tablePrefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getDatabaseTablePrefix();
		this.prefix = tablePrefix == null ? "" : tablePrefix;
	}

	/** The statements, each {@code create ... if not exists}. */
	List<String> statements() {
		String taskResources = "resource_type_ in (" + Resources.PROCESS_DEFINITION.resourceType() + ", "
				+ Resources.TASK.resourceType() + ")";
		String table = prefix + "act_ru_authorization";
		return List.of(
				"create index if not exists dvk_auth_task_group_idx on " + table + " (group_id_, resource_id_) where "
						+ taskResources,
				"create index if not exists dvk_auth_task_user_idx on " + table + " (user_id_, resource_id_) where "
						+ taskResources,
				// the checks test permission bits (perms_ & 2 = 2): without statistics on those
				// expressions PostgreSQL guesses 0.5 % of the rows and plans the task list for a
				// handful of permissions where a reviewer has hundreds
				"create statistics if not exists dvk_auth_perms_read on (perms_ & " + Permissions.READ.getValue()
						+ ") from " + table,
				"create statistics if not exists dvk_auth_perms_read_task on (perms_ & "
						+ ProcessDefinitionPermissions.READ_TASK.getValue() + ") from " + table);
	}

	void create() {
		for (String sql : statements()) {
			jdbc.execute(sql);
		}
		log.debug("Engine query indexes in place");
	}

}
