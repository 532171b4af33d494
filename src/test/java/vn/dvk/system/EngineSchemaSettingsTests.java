package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EngineSchemaSettingsTests {

	static final String EXTERNAL = "jdbc:postgresql://db.example:5432/dvk";

	@Test
	void withoutAChoiceTheEmbeddedDatabaseGetsItsTablesCreatedAndAnExternalOneIsOnlyChecked() {
		assertThat(EngineSchemaSettings.resolve(null, null, true)).isEqualTo("true");
		assertThat(EngineSchemaSettings.resolve("", "", true)).isEqualTo("true");
		assertThat(EngineSchemaSettings.resolve(" ", EXTERNAL, true)).isEqualTo("false");
		assertThat(EngineSchemaSettings.resolve(null, null, false)).isEqualTo("false");
	}

	@Test
	void theOperatorsChoiceWins() {
		assertThat(EngineSchemaSettings.resolve("true", EXTERNAL, true)).isEqualTo("true");
		assertThat(EngineSchemaSettings.resolve("FALSE", null, true)).isEqualTo("false");
		assertThat(EngineSchemaSettings.resolve("create-drop", EXTERNAL, true)).isEqualTo("create-drop");
	}

	@Test
	void anUnknownChoiceStopsStartUpNamingTheValidOnes() {
		assertThatThrownBy(() -> EngineSchemaSettings.resolve("yes", EXTERNAL, true))
			.hasMessageContaining("DVK_ENGINE_SCHEMA_UPDATE")
			.hasMessageContaining("[true, false, create-drop]");
	}

	@Test
	void onlyMajorAndMinorVersionsOfTheEngineTablesCount() {
		assertThat(EngineSchemaCheck.compareMinor("7.23.0", "7.24.0")).isNegative();
		assertThat(EngineSchemaCheck.compareMinor("7.24.3", "7.24.0")).isZero();
		assertThat(EngineSchemaCheck.compareMinor("7.9.0", "7.24.0")).isNegative();
		assertThat(EngineSchemaCheck.compareMinor("7.25.0", "7.24.0")).isPositive();
	}

}
