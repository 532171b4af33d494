package vn.dvk.organization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Reads unit trees from YAML files ({@code *.yaml}, one root each) under {@code dvk.org.location}.
 */
@Component
class UnitTreeLoader {

	private static final Logger log = LoggerFactory.getLogger(UnitTreeLoader.class);

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

	private final String location;

	UnitTreeLoader(@Value("${dvk.org.location:file:./config/org/}") String location) {
		this.location = location.endsWith("/") ? location : location + "/";
	}

	List<Unit> load() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(location + "*.yaml");
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			if (files.length == 0) {
				throw new IllegalStateException("Không có tệp cây đơn vị (*.yaml) tại " + location);
			}
			List<Unit> units = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (Resource file : files) {
				try (InputStream in = file.getInputStream()) {
					UnitNode root = YAML.readValue(in, UnitNode.class);
					flatten(root, null, units, seen, file.getFilename());
				}
			}
			log.info("Loaded {} units from {} file(s) under {}", units.size(), files.length, location);
			return units;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read unit trees from " + location, ex);
		}
	}

	private static void flatten(UnitNode node, UnitNode parent, List<Unit> into, Set<String> seen, String file) {
		if (node.code() == null || !node.code().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			throw new IllegalStateException(file + ": unit code must be a lower-case ASCII slug: " + node.code());
		}
		if (!seen.add(node.code())) {
			throw new IllegalStateException(file + ": duplicate unit code " + node.code());
		}
		if (node.name() == null || node.level() == null || node.type() == null) {
			throw new IllegalStateException(file + ": unit " + node.code() + " needs name, level and type");
		}
		List<UnitNode> children = node.children() == null ? List.of() : node.children();
		boolean registering = node.registering() != null ? node.registering() : parent != null;
		into.add(new Unit(node.code(), node.name(), node.level(), node.type(),
				parent == null ? null : parent.code(), registering,
				children.stream().map(UnitNode::code).toList()));
		for (UnitNode child : children) {
			flatten(child, node, into, seen, file);
		}
	}

	/** The YAML shape of one unit. */
	record UnitNode(String code, String name, UnitLevel level, UnitType type, Boolean registering,
			List<UnitNode> children) {
	}

}
