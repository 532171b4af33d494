package vn.dvk.security;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager, with one query changed. Before each authorization check the
 * engine keeps only those of the person's groups that hold any authorization at all. Camunda
 * finds them by reading every distinct group of {@code ACT_RU_AUTHORIZATION} (a scan of the whole
 * table, at every command of a signed-in person). That table grows with every task ever opened:
 * the engine writes a HISTORIC_TASK authorization per candidate group and task, kept as long as
 * the history ({@code enable-historic-instance-permissions}). At 10^5 registrations it holds
 * hundreds of thousands of rows, and the scan became the largest share of PostgreSQL's time
 * during a deadline rush (docs/benchmarks.md).
 * <p>
 * Here the same answer comes from one index probe per group of the person
 * ({@code ACT_IDX_AUTH_GROUP_ID}): the person's groups that have at least one authorization row.
 * It runs on the command's own connection, in its transaction, like the query it replaces, and
 * its answer is kept for the rest of the command (a manager lives as long as one command), as the
 * engine keeps its own.
 */
class AuthorizedGroupsManager extends AuthorizationManager {

	static final String SQL = "select g from unnest(?) as g where exists "
			+ "(select 1 from %sACT_RU_AUTHORIZATION a where a.GROUP_ID_ = g)";

	private List<String> askedFor;

	private List<String> answer;

	@Override
	public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
		if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
			return List.of();
		}
		if (!authenticatedGroupIds.equals(askedFor)) {
			answer = authorizedAmong(authenticatedGroupIds);
			askedFor = new ArrayList<>(authenticatedGroupIds);
		}
		return new ArrayList<>(answer);
	}

	private static List<String> authorizedAmong(List<String> authenticatedGroupIds) {
		String sql = SQL.formatted(Context.getProcessEngineConfiguration().getDatabaseTablePrefix());
		Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			Array groups = connection.createArrayOf("varchar",
					authenticatedGroupIds.stream().filter(Objects::nonNull).distinct().toArray());
			statement.setArray(1, groups);
			List<String> authorized = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					authorized.add(rows.getString(1));
				}
			}
			return authorized;
		}
		catch (SQLException ex) {
			throw new ProcessEngineException("Could not read which groups hold authorizations", ex);
		}
	}

}
