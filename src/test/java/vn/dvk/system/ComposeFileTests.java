package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} cannot be run on our machines (no Docker engine), so it is checked
 * against what the application really reads: its {@code application*.yaml}, Spring Boot's
 * configuration metadata (relaxed binding of environment variables), the realm file,
 * {@code .ci/keycloak.sh}, {@code .env.example} and the {@code Dockerfile}. The compose file is read
 * as {@code docker compose} would read it with {@code .env} copied from {@code .env.example}.
 */
class ComposeFileTests {

	private static final Path ROOT = Path.of("").toAbsolutePath();

	private static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");

	private static final Path ENV_EXAMPLE = ROOT.resolve(".env.example");

	private static final Path RESOURCES = ROOT.resolve("src/main/resources");

	/** {@code $$}, {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?error}} (and without colon), {@code $NAME}. */
	private static final Pattern COMPOSE_VARIABLE = Pattern
		.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

	/** A Spring placeholder in application*.yaml: {@code ${name}} or {@code ${name:default}}. */
	private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::([^}]*))?}");

	private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

	private static final Pattern REALM_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

	private static final String PROFILE = "keycloak";

	private static Map<String, String> envExample;

	private static Set<String> composeVariables;

	private static Map<String, Object> compose;

	private static Map<String, Object> services;

	/** application.yaml and application-keycloak.yaml: flattened keys and their placeholders. */
	private static Set<String> applicationKeys;

	private static Map<String, String> applicationValues;

	private static Map<String, String> applicationPlaceholders;

	private static JsonNode realm;

	@BeforeAll
	static void read() throws IOException {
		envExample = readEnvFile(ENV_EXAMPLE);
		String raw = Files.readString(COMPOSE_FILE, StandardCharsets.UTF_8);
		composeVariables = new TreeSet<>();
		Matcher variables = COMPOSE_VARIABLE.matcher(raw);
		while (variables.find()) {
			if (!variables.group().equals("$$")) {
				composeVariables.add(variables.group(1) != null ? variables.group(1) : variables.group(4));
			}
		}
		compose = map(interpolate(new Yaml().load(raw), "docker-compose.yml"), "docker-compose.yml");
		services = map(compose.get("services"), "services");

		applicationKeys = new TreeSet<>();
		applicationValues = new TreeMap<>();
		applicationPlaceholders = new TreeMap<>();
		for (Path file : List.of(RESOURCES.resolve("application.yaml"),
				RESOURCES.resolve("application-" + PROFILE + ".yaml"))) {
			assertThat(file).as("the configuration the compose file is checked against").exists();
			String text = Files.readString(file, StandardCharsets.UTF_8);
			flatten("", new Yaml().load(text), applicationValues);
			Matcher placeholders = SPRING_PLACEHOLDER.matcher(text);
			while (placeholders.find()) {
				applicationPlaceholders.merge(placeholders.group(1),
						placeholders.group(2) == null ? "" : placeholders.group(2), (a, b) -> a);
				if (placeholders.group(2) == null) {
					applicationPlaceholders.put(placeholders.group(1), null);
				}
			}
		}
		applicationKeys.addAll(applicationValues.keySet());
		realm = new ObjectMapper().readTree(ROOT.resolve("config/keycloak/dvk-realm.json").toFile());
	}

	// ---------------------------------------------------------------- services, health, volumes

	@Test
	void theFourServicesExistAndEachHasAHealthCheck() {
		List<String> problems = new ArrayList<>();
		for (String name : List.of("postgres", "keycloak", "mail", "app")) {
			if (!services.containsKey(name)) {
				problems.add("service '" + name + "' is missing");
				continue;
			}
			Map<String, Object> health = optionalMap(service(name).get("healthcheck"));
			Object test = health.get("test");
			if (test == null || Boolean.TRUE.equals(health.get("disable"))
					|| (test instanceof List<?> list && (list.isEmpty() || "NONE".equals(list.get(0))))) {
				problems.add("service '" + name + "' has no health check (healthcheck.test)");
			}
		}
		assertThat(problems).as("services of docker-compose.yml").isEmpty();
		assertThat(image("postgres")).as("postgres image").startsWith("postgres:17");
		assertThat(image("mail")).as("mail image").startsWith("axllent/mailpit:");
		assertThat(service("app").get("build")).as("the app service is built from this repository").isNotNull();
	}

	@Test
	void appsHealthCheckAsksTheActuatorWhereItListens() {
		// with a management port of its own the actuator (health included) is served there only
		String managementPort = appEnvironment().get("MANAGEMENT_SERVER_PORT");
		String port = managementPort != null ? managementPort : "8080";
		String test = String.valueOf(optionalMap(service("app").get("healthcheck")).get("test"));
		assertThat(test).as("the app's health check (MANAGEMENT_SERVER_PORT=%s)", managementPort)
			.contains("/" + port + " ")
			.contains("/actuator/health");
	}

	@Test
	void dataLivesInDeclaredNamedVolumesAndEveryBindMountExists() {
		Set<String> declared = optionalMap(compose.get("volumes")).keySet();
		Set<String> used = new TreeSet<>();
		List<String> problems = new ArrayList<>();
		services.keySet().forEach(name -> volumes(name).forEach((source, target) -> {
			if (isBindMount(source)) {
				if (!Files.exists(ROOT.resolve(source).normalize())) {
					problems.add("service '" + name + "' mounts " + source + ", which does not exist");
				}
			}
			else {
				used.add(source);
				if (!declared.contains(source)) {
					problems.add("service '" + name + "' uses volume '" + source
							+ "', not declared under the top-level volumes:");
				}
			}
		}));
		declared.stream()
			.filter(volume -> !used.contains(volume))
			.forEach(volume -> problems.add("volume '" + volume + "' is declared but no service uses it"));
		String postgresData = namedVolumeAt("postgres", "/var/lib/postgresql/data");
		if (postgresData == null) {
			problems.add("postgres keeps /var/lib/postgresql/data in no named volume");
		}
		String mailDatabase = environment("mail").get("MP_DATABASE");
		if (mailDatabase == null || namedVolumeAt("mail", mailDatabase.substring(0, mailDatabase.lastIndexOf('/'))) == null) {
			problems.add("mail keeps its messages (MP_DATABASE=" + mailDatabase + ") in no named volume");
		}
		assertThat(problems).as("volumes of docker-compose.yml").isEmpty();
	}

	@Test
	void servicesStartAfterWhatTheyNeedIsHealthy() {
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("app", "postgres keycloak mail");
		expected.put("keycloak", "postgres");
		List<String> problems = new ArrayList<>();
		expected.forEach((name, needs) -> {
			Map<String, Object> dependsOn = optionalMap(service(name).get("depends_on"));
			for (String need : needs.split(" ")) {
				Object condition = optionalMap(dependsOn.get(need)).get("condition");
				if (!"service_healthy".equals(condition)) {
					problems.add(name + " must depend on " + need + " with condition: service_healthy (found: "
							+ dependsOn.get(need) + ")");
				}
			}
		});
		assertThat(problems).as("depends_on of docker-compose.yml").isEmpty();
	}

	// ---------------------------------------------------------------- the app service against the application

	@Test
	void appRunsTheKeycloakProfile() {
		String profiles = appProperty("spring.profiles.active");
		assertThat(profiles).as("SPRING_PROFILES_ACTIVE of the app service").isNotNull();
		assertThat(List.of(profiles.split("\\s*,\\s*"))).as("SPRING_PROFILES_ACTIVE of the app service")
			.contains(PROFILE);
		assertThat(RESOURCES.resolve("application-" + PROFILE + ".yaml")).exists();
	}

	@Test
	void everyVariableTheAppIsGivenIsAPropertyTheApplicationReads() throws IOException {
		Set<String> bootProperties = springBootMetadataProperties();
		assertThat(bootProperties).as("Spring Boot's configuration metadata on the class path")
			.contains("spring.datasource.url", "spring.mail.host", "spring.profiles.active");
		List<String> problems = new ArrayList<>();
		for (String variable : appEnvironment().keySet()) {
			if (isApplicationPlaceholder(variable)) {
				continue;
			}
			List<String> ownKeys = boundKeys(variable, applicationKeys);
			if (!ownKeys.isEmpty()) {
				continue;
			}
			if (variable.startsWith("DVK_")) {
				problems.add(variable + " is neither a ${" + variable + "} placeholder in application*.yaml nor bound to a"
						+ " dvk.* key there (relaxed binding: dots become _, dashes are dropped, e.g."
						+ " dvk.mail.base-url = DVK_MAIL_BASEURL)");
				continue;
			}
			if (boundKeys(variable, bootProperties).isEmpty()) {
				problems.add(variable + " binds to no property the application reads (no placeholder in"
						+ " application*.yaml, no key there, no property in Spring Boot's configuration metadata)");
			}
		}
		assertThat(problems).as("environment of the app service in docker-compose.yml").isEmpty();
	}

	@Test
	void everyPlaceholderWithoutDefaultIsGivenToTheApp() {
		List<String> missing = applicationPlaceholders.entrySet()
			.stream()
			.filter(placeholder -> placeholder.getValue() == null)
			.map(Map.Entry::getKey)
			.filter(name -> ENVIRONMENT_NAME.matcher(name).matches())
			.filter(name -> isBlank(appEnvironment().get(name)))
			.toList();
		assertThat(missing)
			.as("placeholders without a default in application.yaml / application-%s.yaml that the app service"
					+ " does not set", PROFILE)
			.isEmpty();
	}

	@Test
	void appUsesThePostgresServiceInsteadOfTheEmbeddedDatabase() {
		Map<String, String> postgres = environment("postgres");
		String url = appProperty("spring.datasource.url");
		assertThat(url).as("SPRING_DATASOURCE_URL of the app service").isNotBlank();
		Matcher jdbc = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*").matcher(url);
		assertThat(jdbc.matches()).as("SPRING_DATASOURCE_URL '%s' is a PostgreSQL JDBC URL", url).isTrue();
		assertThat(jdbc.group(1)).as("host of SPRING_DATASOURCE_URL = the postgres service").isEqualTo("postgres");
		assertThat(jdbc.group(2) == null ? "5432" : jdbc.group(2)).as("port of SPRING_DATASOURCE_URL")
			.isEqualTo(postgres.getOrDefault("PGPORT", "5432"));
		assertThat(jdbc.group(3)).as("database of SPRING_DATASOURCE_URL = POSTGRES_DB of the postgres service")
			.isEqualTo(postgres.get("POSTGRES_DB"));
		assertThat(appProperty("spring.datasource.username"))
			.as("SPRING_DATASOURCE_USERNAME = POSTGRES_USER of the postgres service")
			.isEqualTo(postgres.get("POSTGRES_USER"));
		assertThat(appProperty("spring.datasource.password"))
			.as("SPRING_DATASOURCE_PASSWORD = POSTGRES_PASSWORD of the postgres service")
			.isEqualTo(postgres.get("POSTGRES_PASSWORD"));
		// EmbeddedPostgresConfiguration stays off once spring.datasource.url is set; said explicitly as well
		assertThat(appProperty("dvk.embedded.postgres.enabled")).as("DVK_EMBEDDED_POSTGRES_ENABLED of the app service")
			.isEqualTo("false");
	}

	@Test
	void appSendsMailToMailpitInsteadOfTheEmbeddedServer() {
		assertThat(appProperty("dvk.embedded.mail.enabled"))
			.as("DVK_EMBEDDED_MAIL_ENABLED of the app service (GreenMail starts unless it is false)")
			.isEqualTo("false");
		assertThat(appProperty("spring.mail.host")).as("SPRING_MAIL_HOST of the app service = the Mailpit service")
			.isEqualTo("mail");
		String bind = environment("mail").getOrDefault("MP_SMTP_BIND_ADDR", "0.0.0.0:1025");
		assertThat(appProperty("spring.mail.port"))
			.as("SPRING_MAIL_PORT of the app service = Mailpit's SMTP port (MP_SMTP_BIND_ADDR=%s)", bind)
			.isEqualTo(bind.substring(bind.lastIndexOf(':') + 1));
	}

	@Test
	void appIsPublishedOnServerPortWhereTheRealmRedirectsTo() throws IOException {
		String serverPort = appProperty("server.port") != null ? appProperty("server.port")
				: applicationValues.get("server.port");
		List<int[]> ports = ports("app");
		assertThat(ports).as("published ports of the app service").hasSize(1);
		assertThat(ports.get(0)[1]).as("container port of the app service = server.port").isEqualTo(Integer.parseInt(serverPort));
		int published = ports.get(0)[0];
		JsonNode portal = client("dvk-portal");
		List<String> redirects = new ArrayList<>();
		portal.path("redirectUris").forEach(uri -> redirects.add(uri.asText()));
		assertThat(redirects).as("dvk-portal's redirect URIs in the realm cover http://localhost:<published port>")
			.contains("http://localhost:" + published + "/*");
		assertThat(appProperty("dvk.mail.base-url")).as("dvk.mail.base-url (links in emails, DVK_MAIL_BASEURL) of the app service")
			.isEqualTo("http://localhost:" + published);
		String dockerfile = Files.readString(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8);
		assertThat(dockerfile).as("Dockerfile's EXPOSE = server.port").containsPattern("(?m)^EXPOSE " + serverPort + "$");
	}

	// ---------------------------------------------------------------- Keycloak

	@Test
	void keycloakImageIsTheVersionPinnedInTheScript() throws IOException {
		String script = Files.readString(ROOT.resolve(".ci/keycloak.sh"), StandardCharsets.UTF_8);
		Matcher version = Pattern.compile("(?m)^KC_VERSION=([^\\s#]+)").matcher(script);
		assertThat(version.find()).as("KC_VERSION in .ci/keycloak.sh").isTrue();
		assertThat(image("keycloak")).as("keycloak image (KC_VERSION=%s in .ci/keycloak.sh)", version.group(1))
			.isEqualTo("quay.io/keycloak/keycloak:" + version.group(1));
	}

	@Test
	void keycloakImportsTheRealmFileWithTheSecretsTheAppIsGiven() {
		Map<String, String> mounted = volumes("keycloak");
		assertThat(mounted).as("volumes of the keycloak service")
			.containsEntry("./config/keycloak/dvk-realm.json", "/opt/keycloak/data/import/dvk-realm.json");
		assertThat(command("keycloak")).as("command of the keycloak service").contains("--import-realm");
		Matcher placeholders = REALM_PLACEHOLDER.matcher(realm.toString());
		Set<String> names = new TreeSet<>();
		while (placeholders.find()) {
			names.add(placeholders.group(1));
		}
		assertThat(names).as("placeholders of the realm file").isNotEmpty();
		List<String> problems = new ArrayList<>();
		for (String name : names) {
			String keycloak = environment("keycloak").get(name);
			String app = appEnvironment().get(name);
			if (isBlank(keycloak)) {
				problems.add("the realm's ${" + name + "} is not set in the keycloak service");
			}
			else if (!keycloak.equals(app)) {
				problems.add(name + " differs between the keycloak service and the app service");
			}
		}
		assertThat(problems).as("client secrets of the realm file").isEmpty();
	}

	@Test
	void keycloakUrlIsOneUrlForTheBrowserAndTheApp() {
		Map<String, String> keycloak = environment("keycloak");
		Map<String, String> app = appEnvironment();
		String url = app.get("KEYCLOAK_URL");
		assertThat(url).as("KEYCLOAK_URL of the app service").isNotBlank();
		// the issuer in Keycloak's discovery document is built from KC_HOSTNAME; Spring Security
		// refuses a provider whose issuer differs from the configured issuer-uri
		assertThat(keycloak.get("KC_HOSTNAME")).as("KC_HOSTNAME of keycloak = KEYCLOAK_URL of the app (issuer check)")
			.isEqualTo(url);
		URI uri = URI.create(url);
		String host = uri.getHost();
		assertThat(host).as("host of KEYCLOAK_URL: a *.localhost name, which browsers resolve to 127.0.0.1")
			.endsWith(".localhost");
		assertThat(networkAliases("keycloak")).as("network aliases of the keycloak service (the app resolves %s)", host)
			.contains(host);
		int port = uri.getPort();
		assertThat(keycloak.get("KC_HTTP_PORT")).as("KC_HTTP_PORT of keycloak = port of KEYCLOAK_URL")
			.isEqualTo(String.valueOf(port));
		assertThat(ports("keycloak")).as("keycloak publishes the port of KEYCLOAK_URL to the same container port")
			.anyMatch(p -> p[0] == port && p[1] == port);
		String realmName = app.getOrDefault("KEYCLOAK_REALM",
				applicationPlaceholders.getOrDefault("KEYCLOAK_REALM", null));
		assertThat(realmName).as("KEYCLOAK_REALM = the realm imported from config/keycloak/dvk-realm.json")
			.isEqualTo(realm.path("realm").asText());
	}

	// ---------------------------------------------------------------- .env.example, Dockerfile, ignores

	@Test
	void everyVariableOfTheComposeFileIsInTheEnvExampleAndNothingElse() {
		Set<String> notInExample = new TreeSet<>(composeVariables);
		notInExample.removeAll(envExample.keySet());
		Set<String> unused = new TreeSet<>(envExample.keySet());
		unused.removeAll(composeVariables);
		assertThat(notInExample).as("variables docker-compose.yml uses that .env.example does not list").isEmpty();
		assertThat(unused).as("variables of .env.example that docker-compose.yml does not use").isEmpty();
	}

	@Test
	void envExampleHoldsPlaceholdersOnlyAndEnvIsNeverCommittedNorBuiltIn() throws IOException {
		List<String> realLooking = envExample.entrySet()
			.stream()
			.filter(entry -> entry.getKey().matches(".*(PASSWORD|SECRET).*"))
			.filter(entry -> !entry.getValue().startsWith("change-me"))
			.map(entry -> entry.getKey() + "=" + entry.getValue())
			.toList();
		assertThat(realLooking).as("passwords and secrets in .env.example that are not change-me placeholders")
			.isEmpty();
		assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).as(".gitignore").contains(".env");
		assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).as(".dockerignore").contains(".env");
	}

	@Test
	void imageRunsTheJarUnprivilegedWithTheUnitTreeWhereTheApplicationLooks() throws IOException {
		String dockerfile = Files.readString(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8);
		String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
		assertThat(runtime).as("runtime stage of the Dockerfile").contains("FROM eclipse-temurin:17-jre");
		Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(runtime);
		assertThat(user.find()).as("the runtime stage sets a USER").isTrue();
		assertThat(user.group(1)).as("USER of the runtime stage").isNotIn("root", "0");
		Matcher workdir = Pattern.compile("(?m)^WORKDIR (\\S+)").matcher(runtime);
		assertThat(workdir.find()).as("the runtime stage sets a WORKDIR").isTrue();
		// UnitTreeLoader: dvk.org.location, default file:./config/org/, relative to the working directory
		assertThat(applicationValues.get("dvk.org.location")).isEqualTo("file:./config/org/");
		assertThat(appEnvironment()).as("the app service keeps the default unit tree location")
			.doesNotContainKey("DVK_ORG_LOCATION");
		assertThat(runtime).as("the runtime stage copies the unit tree to %s/config/org", workdir.group(1))
			.containsPattern("(?m)^COPY config/org " + Pattern.quote(workdir.group(1)) + "/config/org/?$");
	}

	// ---------------------------------------------------------------- reading

	private static boolean isApplicationPlaceholder(String variable) {
		return applicationPlaceholders.containsKey(variable);
	}

	/**
	 * The value the app service gives a property through any environment variable Spring binds to it
	 * (SPRING_DATASOURCE_URL for spring.datasource.url; DVK_MAIL_BASEURL or DVK_MAIL_BASE_URL for
	 * dvk.mail.base-url), or null.
	 */
	private static String appProperty(String property) {
		List<String> values = appEnvironment().entrySet()
			.stream()
			.filter(variable -> !boundKeys(variable.getKey(), Set.of(property)).isEmpty())
			.map(variable -> variable.getKey() + "=" + variable.getValue())
			.toList();
		assertThat(values).as("variables of the app service that set %s", property).hasSizeLessThan(2);
		return values.isEmpty() ? null : values.get(0).substring(values.get(0).indexOf('=') + 1);
	}

	/** The keys of {@code candidates} an environment variable binds to, by Spring Boot's own relaxed binding. */
	private static List<String> boundKeys(String variable, Set<String> candidates) {
		ConfigurationPropertySource source = ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "value")));
		List<String> bound = new ArrayList<>();
		for (String key : candidates) {
			ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
			if (!name.isEmpty() && source.getConfigurationProperty(name) != null) {
				bound.add(key);
			}
		}
		return bound;
	}

	private static Set<String> springBootMetadataProperties() throws IOException {
		Set<String> names = new TreeSet<>();
		ObjectMapper json = new ObjectMapper();
		Enumeration<URL> files = ComposeFileTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (files.hasMoreElements()) {
			try (InputStream in = files.nextElement().openStream()) {
				json.readTree(in).path("properties").forEach(property -> names.add(property.path("name").asText()));
			}
		}
		return names;
	}

	private static JsonNode client(String clientId) {
		for (JsonNode client : realm.path("clients")) {
			if (clientId.equals(client.path("clientId").asText())) {
				return client;
			}
		}
		throw new AssertionError("client " + clientId + " is not in config/keycloak/dvk-realm.json");
	}

	private static Map<String, Object> service(String name) {
		assertThat(services).as("services of docker-compose.yml").containsKey(name);
		return map(services.get(name), "services." + name);
	}

	private static String image(String name) {
		return String.valueOf(service(name).get("image"));
	}

	private static String command(String name) {
		Object command = service(name).get("command");
		return command instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList())
				: String.valueOf(command);
	}

	private static Map<String, String> appEnvironment() {
		return environment("app");
	}

	/** A service's environment, list ({@code - NAME=value}) or map form, values interpolated. */
	private static Map<String, String> environment(String name) {
		Object environment = service(name).get("environment");
		Map<String, String> result = new TreeMap<>();
		if (environment instanceof Map<?, ?> entries) {
			entries.forEach((key, value) -> result.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
		}
		else if (environment instanceof List<?> entries) {
			for (Object entry : entries) {
				String text = String.valueOf(entry);
				int equals = text.indexOf('=');
				result.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
			}
		}
		return result;
	}

	/** source → target of a service's volumes, short ({@code src:dst[:ro]}) or long syntax. */
	private static Map<String, String> volumes(String name) {
		Map<String, String> result = new LinkedHashMap<>();
		Object volumes = service(name).get("volumes");
		if (volumes instanceof List<?> entries) {
			for (Object entry : entries) {
				if (entry instanceof Map<?, ?> longSyntax) {
					result.put(String.valueOf(longSyntax.get("source")), String.valueOf(longSyntax.get("target")));
				}
				else {
					String[] parts = String.valueOf(entry).split(":");
					result.put(parts[0], parts.length > 1 ? parts[1] : parts[0]);
				}
			}
		}
		return result;
	}

	private static String namedVolumeAt(String name, String target) {
		return volumes(name).entrySet()
			.stream()
			.filter(volume -> !isBindMount(volume.getKey()) && volume.getValue().equals(target))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	private static boolean isBindMount(String source) {
		return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
	}

	/** {published, container} of a service's ports, short ({@code [ip:]published:container}) or long syntax. */
	private static List<int[]> ports(String name) {
		List<int[]> result = new ArrayList<>();
		Object ports = service(name).get("ports");
		if (ports instanceof List<?> entries) {
			for (Object entry : entries) {
				if (entry instanceof Map<?, ?> longSyntax) {
					result.add(new int[] { Integer.parseInt(String.valueOf(longSyntax.get("published"))),
							Integer.parseInt(String.valueOf(longSyntax.get("target"))) });
				}
				else {
					String[] parts = String.valueOf(entry).replaceFirst("/(tcp|udp)$", "").split(":");
					int container = Integer.parseInt(parts[parts.length - 1]);
					result.add(new int[] { parts.length > 1 ? Integer.parseInt(parts[parts.length - 2]) : -1, container });
				}
			}
		}
		return result;
	}

	private static List<String> networkAliases(String name) {
		List<String> aliases = new ArrayList<>();
		Object networks = service(name).get("networks");
		if (networks instanceof Map<?, ?> byName) {
			byName.values().forEach(network -> {
				Object list = optionalMap(network).get("aliases");
				if (list instanceof List<?> entries) {
					entries.forEach(alias -> aliases.add(String.valueOf(alias)));
				}
			});
		}
		return aliases;
	}

	/** Replaces compose variables in every string of the tree, with .env.example as the .env file. */
	private static Object interpolate(Object node, String path) {
		if (node instanceof Map<?, ?> entries) {
			Map<String, Object> result = new LinkedHashMap<>();
			entries.forEach((key, value) -> result.put(String.valueOf(key), interpolate(value, path + "." + key)));
			return result;
		}
		if (node instanceof List<?> entries) {
			List<Object> result = new ArrayList<>();
			entries.forEach(entry -> result.add(interpolate(entry, path)));
			return result;
		}
		if (node instanceof String text) {
			Matcher matcher = COMPOSE_VARIABLE.matcher(text);
			StringBuilder out = new StringBuilder();
			while (matcher.find()) {
				String replacement;
				if (matcher.group().equals("$$")) {
					replacement = "$";
				}
				else {
					String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(4);
					String operator = matcher.group(2);
					String value = envExample.get(name);
					boolean unsetOrEmpty = value == null || (operator != null && operator.startsWith(":") && value.isEmpty());
					if (operator != null && operator.endsWith("?") && unsetOrEmpty) {
						throw new AssertionError(path + " needs " + name + ", which .env.example does not set: "
								+ matcher.group(3));
					}
					replacement = operator != null && operator.endsWith("-") && unsetOrEmpty ? matcher.group(3)
							: value == null ? "" : value;
				}
				matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
			}
			matcher.appendTail(out);
			return out.toString();
		}
		return node;
	}

	private static void flatten(String prefix, Object node, Map<String, String> into) {
		if (node instanceof Map<?, ?> entries) {
			entries.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
					into));
		}
		else {
			into.put(prefix, node == null ? null : String.valueOf(node));
		}
	}

	private static Map<String, String> readEnvFile(Path file) throws IOException {
		Map<String, String> values = new TreeMap<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String trimmed = line.trim();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int equals = trimmed.indexOf('=');
			assertThat(equals).as("a NAME=value line in %s: %s", file.getFileName(), line).isPositive();
			values.put(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim());
		}
		return values;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node, String what) {
		assertThat(node).as("%s is a mapping", what).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> optionalMap(Object node) {
		return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
