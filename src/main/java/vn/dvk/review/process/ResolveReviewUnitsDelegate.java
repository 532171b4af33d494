package vn.dvk.review.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.organization.UnitLevel;
import vn.dvk.shared.DvkException;

/**
 * Turns the levels chosen by ReviewRouteDecision ({@code reviewLevels}, bottom-up) into the
 * codes of the units whose committees review ({@code reviewUnitCodes}): the nearest ancestor
 * at each level, or the parent for {@code PARENT}. Duplicates are dropped, the order is kept.
 */
@Component("resolveReviewUnitsDelegate")
class ResolveReviewUnitsDelegate implements JavaDelegate {

	static final String PARENT = "PARENT";

	// variables of ModelRegistrationProcess (names fixed in its constants class; the registration
	// module's process package is not part of its API, ProcessNamesTests keeps them in step)
	static final String UNIT_CODE = "unitCode";

	static final String UNIT_LEVEL = "unitLevel";

	static final String REVIEW_MODE = "reviewMode";

	static final String REVIEW_LEVELS = "reviewLevels";

	static final String REVIEW_UNIT_CODES = "reviewUnitCodes";

	private final OrganizationService organization;

	ResolveReviewUnitsDelegate(OrganizationService organization) {
		this.organization = organization;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String unitCode = (String) execution.getVariable(UNIT_CODE);
		Object levels = execution.getVariable(REVIEW_LEVELS);
		List<String> codes = resolve(unitCode, levels instanceof Collection<?> c ? c : List.of());
		if (codes.isEmpty()) {
			throw new DvkException(HttpStatus.CONFLICT, "review.route.empty", unitCode,
					execution.getVariable(UNIT_LEVEL),
					execution.getVariable(REVIEW_MODE));
		}
		// an ArrayList: stored as JSON and accepted by the engine's deserialization type check
		execution.setVariable(REVIEW_UNIT_CODES, new ArrayList<>(codes));
	}

	List<String> resolve(String unitCode, Collection<?> levels) {
		Set<String> codes = new LinkedHashSet<>();
		for (Object level : levels) {
			String name = String.valueOf(level);
			Optional<Unit> reviewer = PARENT.equals(name) ? organization.parent(unitCode)
					: organization.nearestAncestorAt(unitCode, UnitLevel.valueOf(name));
			codes.add(reviewer.map(Unit::code)
				.orElseThrow(() -> new DvkException(HttpStatus.CONFLICT, "review.route.noUnitAtLevel", unitCode, name)));
		}
		return List.copyOf(codes);
	}

}
