package vn.dvk.organization;

import java.util.List;

/**
 * One unit of the organisation tree.
 *
 * @param code        short ASCII slug, stable across runs ({@code xa-cam-hai-dong})
 * @param name        Vietnamese name
 * @param level       administrative level
 * @param type        kind of body
 * @param parentCode  code of the parent unit, {@code null} for a province
 * @param registering whether the unit registers models (the province board itself does not)
 * @param childCodes  codes of the direct children, in file order
 */
public record Unit(String code, String name, UnitLevel level, UnitType type, String parentCode,
		boolean registering, List<String> childCodes) {

	public boolean reviews() {
		return !childCodes.isEmpty();
	}

	public boolean isRoot() {
		return parentCode == null;
	}
}
