package vn.dvk.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The unit tree: lookups, ancestors and descendants. The tree is small (a few hundred units
 * per province) and changes only with the configuration, so it is held in memory.
 */
@Service
public class OrganizationService {

	private final Map<String, Unit> units;

	private final List<Unit> ordered;

	@Autowired
	OrganizationService(UnitTreeLoader loader) {
		this(loader.load());
	}

	OrganizationService(List<Unit> units) {
		Map<String, Unit> byCode = new LinkedHashMap<>();
		units.forEach(unit -> byCode.put(unit.code(), unit));
		this.units = Map.copyOf(byCode);
		this.ordered = List.copyOf(units);
	}

	/** Every unit, roots first, each followed by its subtree (depth first, file order). */
	public List<Unit> all() {
		return ordered;
	}

	public List<Unit> roots() {
		return ordered.stream().filter(Unit::isRoot).toList();
	}

	public Optional<Unit> find(String code) {
		return Optional.ofNullable(code).map(units::get);
	}

	public Unit require(String code) {
		return find(code).orElseThrow(() -> new UnitNotFoundException(code));
	}

	public boolean exists(String code) {
		return code != null && units.containsKey(code);
	}

	public Optional<Unit> parent(String code) {
		return find(require(code).parentCode());
	}

	public List<Unit> children(String code) {
		return require(code).childCodes().stream().map(units::get).toList();
	}

	/** Ancestors of a unit, nearest first, up to and including its root. */
	public List<Unit> ancestors(String code) {
		List<Unit> result = new ArrayList<>();
		Unit current = require(code);
		while (current.parentCode() != null) {
			current = units.get(current.parentCode());
			result.add(current);
		}
		return result;
	}

	/** The nearest ancestor at the given level, if any. */
	public Optional<Unit> nearestAncestorAt(String code, UnitLevel level) {
		return ancestors(code).stream().filter(unit -> unit.level() == level).findFirst();
	}

	/** All units below the given one (not including it), depth first. */
	public List<Unit> descendants(String code) {
		List<Unit> result = new ArrayList<>();
		collectDescendants(require(code), result);
		return result;
	}

	/** Codes of all units below any of the given units. */
	public Set<String> descendantCodes(Collection<String> codes) {
		return codes.stream()
			.filter(this::exists)
			.flatMap(code -> descendants(code).stream())
			.map(Unit::code)
			.collect(Collectors.toUnmodifiableSet());
	}

	public boolean isDescendant(String code, String ancestorCode) {
		return exists(code) && ancestors(code).stream().anyMatch(unit -> unit.code().equals(ancestorCode));
	}

	/** Units that register models. */
	public List<Unit> registeringUnits() {
		return ordered.stream().filter(Unit::registering).toList();
	}

	/** Units whose committee reviews the registrations of the units below. */
	public List<Unit> reviewingUnits() {
		return ordered.stream().filter(Unit::reviews).toList();
	}

	private void collectDescendants(Unit unit, List<Unit> into) {
		for (String childCode : unit.childCodes()) {
			Unit child = units.get(childCode);
			into.add(child);
			collectDescendants(child, into);
		}
	}

}
