package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.organization.Unit;

/**
 * The committed Keycloak realm ({@code config/keycloak/dvk-realm.json}) is exactly what
 * {@link KeycloakRealmExport} makes of the unit tree and the demo identity, carries every group of
 * contract.md, and holds no secret. No Keycloak is needed.
 */
class KeycloakRealmTests {

	/** The fixed groups of contract.md, spelled out here so a renamed constant cannot go unnoticed. */
	private static final List<String> CONTRACT_GROUPS = List.of("camunda-admin", "plan-drafters", "plan-approvers",
			"unit-heads", "recognition-council", "award-approvers", "award-clerks");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static OrganizationService organization;

	private static JsonNode realm;

	@BeforeAll
	static void readRealm() throws IOException {
		organization = TestOrganizations.khanhHoa();
		if (Boolean.getBoolean(KeycloakRealmExport.REGENERATE_PROPERTY)) {
			KeycloakRealmExport.write(KeycloakRealmExport.REALM_FILE);
		}
		realm = JSON.readTree(Files.readString(KeycloakRealmExport.REALM_FILE, StandardCharsets.UTF_8));
	}

	@Test
	void committedRealmIsWhatTheGeneratorMakesOfTheUnitTreeAndDemoUsers() throws IOException {
		String committed = Files.readString(KeycloakRealmExport.REALM_FILE, StandardCharsets.UTF_8);
		String generated = KeycloakRealmExport.realmJson(organization);
		assertThat(committed)
			.as("%s is out of date with the unit tree (config/org/) or DemoIdentity; regenerate it with%n  %s%n"
					+ "and commit the result", KeycloakRealmExport.REALM_FILE, KeycloakRealmExport.REGENERATE)
			.isEqualTo(generated);
	}

	@Test
	void generatorIsDeterministic() {
		assertThat(KeycloakRealmExport.realmJson(TestOrganizations.khanhHoa()))
			.isEqualTo(KeycloakRealmExport.realmJson(organization));
	}

	@Test
	void realmIsVietnameseAndProtected() {
		assertThat(realm.path("realm").asText()).isEqualTo("dvk");
		assertThat(realm.path("displayName").asText()).isEqualTo("Dân vận khéo");
		assertThat(realm.path("internationalizationEnabled").asBoolean()).isTrue();
		assertThat(realm.path("defaultLocale").asText()).isEqualTo("vi");
		assertThat(texts(realm.path("supportedLocales"))).containsExactlyInAnyOrder("vi", "en");
		assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
		assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
		assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
		assertThat(realm.path("localizationTexts").path("vi").path("doLogIn").asText()).isEqualTo("Đăng nhập");
	}

	@Test
	void everyGroupOfTheContractIsATopLevelGroupNamedLikeTheEngineGroup() {
		Set<String> groups = groupNames();
		assertThat(groups).containsAll(CONTRACT_GROUPS);
		for (Unit unit : organization.all()) {
			assertThat(groups).as("group of unit %s", unit.code()).contains("unit-" + unit.code());
		}
		for (JsonNode group : realm.path("groups")) {
			assertThat(group.path("path").asText()).isEqualTo("/" + group.path("name").asText());
			assertThat(group.path("subGroups")).isEmpty();
		}
		assertThat(groups).hasSize(realm.path("groups").size());
	}

	@Test
	void everyReviewersGroupBelongsToAUnitThatReviewsAndEveryReviewingUnitHasOne() {
		Set<String> reviewers = new TreeSet<>();
		for (String group : groupNames()) {
			if (group.startsWith("reviewers-")) {
				String code = group.substring("reviewers-".length());
				assertThat(organization.all().stream().filter(unit -> unit.code().equals(code)).findFirst())
					.as("reviewing unit of %s", group)
					.hasValueSatisfying(unit -> assertThat(unit.reviews()).as("%s reviews child units", code).isTrue());
				reviewers.add(code);
			}
		}
		assertThat(reviewers).containsExactlyInAnyOrderElementsOf(
				organization.all().stream().filter(Unit::reviews).map(Unit::code).toList());
		assertThat(reviewers).contains("tinh", "huyen-cam-lam");
	}

	@Test
	void demoUsersHaveVietnameseNamesTheirEmailAPasswordAndOnlyExistingGroups() {
		Set<String> groups = groupNames();
		Map<String, JsonNode> users = people();
		assertThat(users).containsKeys("admin", "drafter", "approver", "head-xa-cam-hai-dong", "reviewer-tinh",
				"reviewer-huyen-cam-lam", "council1", "awardapprover", "clerk");
		users.forEach((id, user) -> {
			assertThat(user.path("enabled").asBoolean()).as(id).isTrue();
			assertThat(user.path("email").asText()).isEqualTo(id + "@dvk.local");
			assertThat(user.path("emailVerified").asBoolean()).as(id).isTrue();
			assertThat(user.path("firstName").asText()).as(id).isNotBlank();
			assertThat(user.path("lastName").asText()).as(id).isNotBlank();
			JsonNode credential = user.path("credentials").path(0);
			assertThat(credential.path("type").asText()).isEqualTo("password");
			assertThat(credential.path("temporary").asBoolean()).isFalse();
			for (String path : texts(user.path("groups"))) {
				assertThat(path).startsWith("/");
				assertThat(groups).as("group of %s", id).contains(path.substring(1));
			}
		});
		assertThat(texts(users.get("head-xa-cam-hai-dong").path("groups")))
			.containsExactly("/unit-heads", "/unit-xa-cam-hai-dong");
		assertThat(texts(users.get("reviewer-huyen-cam-lam").path("groups")))
			.containsExactly("/reviewers-huyen-cam-lam");
		assertThat(users.get("drafter").path("firstName").asText()).isEqualTo("Nguyễn Thị");
	}

	@Test
	void noClientSecretIsALiteralValue() {
		List<String> secrets = new ArrayList<>();
		collect(realm, "secret", secrets);
		assertThat(secrets).isNotEmpty().allSatisfy(secret -> assertThat(secret).matches(PLACEHOLDER));
		assertThat(client(KeycloakRealmExport.PORTAL_CLIENT).path("secret").asText())
			.isEqualTo("${DVK_PORTAL_CLIENT_SECRET}");
		assertThat(client(KeycloakRealmExport.ENGINE_CLIENT).path("secret").asText())
			.isEqualTo("${DVK_ENGINE_CLIENT_SECRET}");
		assertThat(client(KeycloakRealmExport.CLI_CLIENT).has("secret")).isFalse();
	}

	@Test
	void clientsHaveTheirFlowsAndTheGroupsClaim() {
		JsonNode portal = client(KeycloakRealmExport.PORTAL_CLIENT);
		assertThat(portal.path("publicClient").asBoolean()).isFalse();
		assertThat(portal.path("standardFlowEnabled").asBoolean()).isTrue();
		assertThat(portal.path("directAccessGrantsEnabled").asBoolean()).isFalse();
		assertThat(texts(portal.path("redirectUris"))).containsExactly("http://localhost:8080/*", "http://127.0.0.1/*");
		assertThat(portal.path("attributes").path("post.logout.redirect.uris").asText()).isNotBlank();

		JsonNode cli = client(KeycloakRealmExport.CLI_CLIENT);
		assertThat(cli.path("publicClient").asBoolean()).isTrue();
		assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();

		for (JsonNode client : List.of(portal, cli)) {
			JsonNode groups = StreamSupport.stream(client.path("protocolMappers").spliterator(), false)
				.filter(mapper -> mapper.path("protocolMapper").asText().equals("oidc-group-membership-mapper"))
				.findFirst()
				.orElseThrow();
			assertThat(groups.path("config").path("claim.name").asText()).isEqualTo("groups");
			assertThat(groups.path("config").path("full.path").asText()).isEqualTo("false");
			assertThat(groups.path("config").path("access.token.claim").asText()).isEqualTo("true");
		}
	}

	@Test
	void engineClientIsAServiceAccountWithOnlyTheQueryRoles() {
		JsonNode engine = client(KeycloakRealmExport.ENGINE_CLIENT);
		assertThat(engine.path("publicClient").asBoolean()).isFalse();
		assertThat(engine.path("serviceAccountsEnabled").asBoolean()).isTrue();
		assertThat(engine.path("standardFlowEnabled").asBoolean()).isFalse();
		assertThat(engine.path("directAccessGrantsEnabled").asBoolean()).isFalse();
		assertThat(engine.path("implicitFlowEnabled").asBoolean()).isFalse();

		List<JsonNode> accounts = StreamSupport.stream(realm.path("users").spliterator(), false)
			.filter(user -> user.has("serviceAccountClientId"))
			.toList();
		assertThat(accounts).hasSize(1);
		JsonNode account = accounts.get(0);
		assertThat(account.path("serviceAccountClientId").asText()).isEqualTo("dvk-engine");
		assertThat(account.has("realmRoles")).isFalse();
		assertThat(account.has("groups")).isFalse();
		assertThat(account.has("credentials")).isFalse();
		Map<String, JsonNode> clientRoles = new TreeMap<>();
		account.path("clientRoles").fields().forEachRemaining(e -> clientRoles.put(e.getKey(), e.getValue()));
		assertThat(clientRoles).containsOnlyKeys("realm-management");
		assertThat(texts(clientRoles.get("realm-management")))
			.containsExactlyInAnyOrder("view-users", "query-users", "query-groups");
	}

	private static Set<String> groupNames() {
		Set<String> names = new TreeSet<>();
		realm.path("groups").forEach(group -> names.add(group.path("name").asText()));
		return names;
	}

	/** Demo users by username (the engine's service account left out). */
	private static Map<String, JsonNode> people() {
		Map<String, JsonNode> users = new TreeMap<>();
		for (JsonNode user : realm.path("users")) {
			if (!user.has("serviceAccountClientId")) {
				assertThat(users.put(user.path("username").asText(), user)).as("duplicate user").isNull();
			}
		}
		return users;
	}

	private static JsonNode client(String clientId) {
		return StreamSupport.stream(realm.path("clients").spliterator(), false)
			.filter(client -> client.path("clientId").asText().equals(clientId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no client " + clientId));
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(node -> texts.add(node.asText()));
		return texts;
	}

	private static void collect(JsonNode node, String field, List<String> values) {
		if (node.isObject()) {
			node.fields().forEachRemaining(entry -> {
				if (entry.getKey().equalsIgnoreCase(field)) {
					values.add(entry.getValue().asText());
				}
				collect(entry.getValue(), field, values);
			});
		}
		else if (node.isArray()) {
			node.forEach(child -> collect(child, field, values));
		}
	}

}
