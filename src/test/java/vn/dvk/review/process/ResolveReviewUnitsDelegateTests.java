package vn.dvk.review.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

import vn.dvk.registration.process.ModelRegistrationProcess;
import vn.dvk.shared.DvkException;
import vn.dvk.testsupport.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ResolveReviewUnitsDelegateTests {

	private final ResolveReviewUnitsDelegate delegate = new ResolveReviewUnitsDelegate(Fixtures.organization());

	@Test
	void usesTheVariableNamesOfModelRegistrationProcess() {
		assertThat(List.of(ResolveReviewUnitsDelegate.UNIT_CODE, ResolveReviewUnitsDelegate.UNIT_LEVEL,
				ResolveReviewUnitsDelegate.REVIEW_MODE, ResolveReviewUnitsDelegate.REVIEW_LEVELS,
				ResolveReviewUnitsDelegate.REVIEW_UNIT_CODES))
			.containsExactly(ModelRegistrationProcess.Vars.UNIT_CODE, ModelRegistrationProcess.Vars.UNIT_LEVEL,
					ModelRegistrationProcess.Vars.REVIEW_MODE, ModelRegistrationProcess.Vars.REVIEW_LEVELS,
					ModelRegistrationProcess.Vars.REVIEW_UNIT_CODES);
	}

	@Test
	void districtThenProvinceForACommuneUnderADistrict() {
		DelegateExecution execution = execution(Fixtures.COMMUNE_UNDER_DISTRICT, List.of("DISTRICT", "PROVINCE"));

		delegate.execute(execution);

		verify(execution).setVariable("reviewUnitCodes", new ArrayList<>(List.of(Fixtures.DISTRICT, Fixtures.PROVINCE)));
	}

	@Test
	void parentIsTheDirectParent() {
		assertThat(delegate.resolve(Fixtures.COMMUNE_UNDER_DISTRICT, List.of("PARENT"))).containsExactly(Fixtures.DISTRICT);
		assertThat(delegate.resolve(Fixtures.DEPARTMENT, List.of("PARENT"))).containsExactly(Fixtures.PROVINCE);
	}

	@Test
	void provinceLevelUnitIsReviewedByItsProvince() {
		assertThat(delegate.resolve(Fixtures.DEPARTMENT, List.of("PROVINCE"))).containsExactly(Fixtures.PROVINCE);
	}

	@Test
	void sameUnitReachedTwiceReviewsOnce() {
		assertThat(delegate.resolve(Fixtures.COMMUNE_UNDER_PROVINCE, List.of("PARENT", "PROVINCE")))
			.containsExactly(Fixtures.PROVINCE);
	}

	@Test
	void noLevelFailsClearly() {
		DelegateExecution execution = execution(Fixtures.PROVINCE, List.of());

		assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(DvkException.class)
			.satisfies(e -> assertThat(((DvkException) e).messageKey()).isEqualTo("review.route.empty"));
		verify(execution, never()).setVariable(anyString(), any());
	}

	@Test
	void levelWithoutAnAncestorFailsClearly() {
		assertThatThrownBy(() -> delegate.resolve(Fixtures.COMMUNE_UNDER_PROVINCE, List.of("DISTRICT")))
			.isInstanceOf(DvkException.class)
			.satisfies(e -> assertThat(((DvkException) e).messageKey()).isEqualTo("review.route.noUnitAtLevel"));
	}

	private static DelegateExecution execution(String unitCode, List<String> levels) {
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getVariable("unitCode")).thenReturn(unitCode);
		when(execution.getVariable("reviewLevels")).thenReturn(new ArrayList<>(levels));
		return execution;
	}

}
