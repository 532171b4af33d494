package vn.dvk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(DvkApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
	}

}
