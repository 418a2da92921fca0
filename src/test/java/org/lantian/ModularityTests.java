package org.lantian;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure of STYLE §2: every module uses only what its
 * {@code package-info.java} allows, without cycles. Also writes the module diagrams to
 * {@code target/spring-modulith-docs} (copied to {@code docs/modules}).
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(LantianApplication.class);

	@Test
	void modulesRespectTheirDeclaredDependencies() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
