package vn.dvk.system;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;

/**
 * Writes {@code config/keycloak/dvk-realm.json}, the Keycloak realm {@code dvk}, from the unit tree
 * of {@code config/org/} and the demo identity of the default profile ({@link DemoIdentity}), so the
 * Keycloak groups and users are exactly the engine's groups and users of contract.md.
 * <p>
 * Regenerate from the project directory with
 * {@code ./mvnw -q -B test -Dtest=KeycloakRealmTests -Ddvk.keycloak.regenerate=true} (or run {@link #main}
 * with the project directory as working directory). {@code KeycloakRealmTests} fails when the committed
 * file differs from what this class produces.
 * <p>
 * Deterministic: fields in a fixed order, lists in the order of {@link DemoIdentity} (which follows the
 * unit tree), two-space indentation, {@code \n} line ends, a final newline. Client secrets are
 * placeholders ({@code ${DVK_PORTAL_CLIENT_SECRET}}, {@code ${DVK_ENGINE_CLIENT_SECRET}}) that Keycloak
 * resolves from environment variables when it imports the realm at start-up ({@code --import-realm}).
 */
public final class KeycloakRealmExport {

	static final Path REALM_FILE = Path.of("config/keycloak/dvk-realm.json");

	/** System property that makes {@code KeycloakRealmTests} rewrite the file instead of comparing. */
	static final String REGENERATE_PROPERTY = "dvk.keycloak.regenerate";

	static final String REGENERATE = "./mvnw -q -B test -Dtest=KeycloakRealmTests -D" + REGENERATE_PROPERTY + "=true";

	static final String REALM = "dvk";

	static final String PORTAL_CLIENT = "dvk-portal";

	static final String ENGINE_CLIENT = "dvk-engine";

	static final String CLI_CLIENT = "dvk-cli";

	static final String PORTAL_SECRET_VARIABLE = "DVK_PORTAL_CLIENT_SECRET";

	static final String ENGINE_SECRET_VARIABLE = "DVK_ENGINE_CLIENT_SECRET";

	/** What camunda-platform-7-keycloak needs to read users and groups, and nothing more. */
	static final List<String> ENGINE_QUERY_ROLES = List.of("view-users", "query-users", "query-groups");

	static final String DEMO_PASSWORD = "demo";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private KeycloakRealmExport() {
	}

	public static void main(String[] args) throws IOException {
		Path file = write(args.length > 0 ? Path.of(args[0]) : REALM_FILE);
		System.out.println("Wrote " + file.toAbsolutePath());
	}

	static Path write(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, realmJson(TestOrganizations.khanhHoa()), StandardCharsets.UTF_8);
		return file;
	}

	/** The realm file's exact text. */
	static String realmJson(OrganizationService organization) {
		return write(realm(organization));
	}

	static ObjectNode realm(OrganizationService organization) {
		ObjectNode realm = NODES.objectNode();
		realm.put("realm", REALM);
		realm.put("displayName", "Dân vận khéo");
		realm.put("displayNameHtml", "<b>Dân vận khéo</b>");
		realm.put("enabled", true);
		realm.put("sslRequired", "external");
		realm.put("registrationAllowed", false);
		realm.put("loginWithEmailAllowed", true);
		realm.put("duplicateEmailsAllowed", false);
		realm.put("resetPasswordAllowed", false);
		realm.put("editUsernameAllowed", false);
		realm.put("rememberMe", false);
		realm.put("verifyEmail", false);
		// brute-force protection: temporary lockout after 5 failures, growing wait, permanent lockout off
		realm.put("bruteForceProtected", true);
		realm.put("permanentLockout", false);
		realm.put("failureFactor", 5);
		realm.put("waitIncrementSeconds", 60);
		realm.put("maxFailureWaitSeconds", 900);
		realm.put("minimumQuickLoginWaitSeconds", 60);
		realm.put("quickLoginCheckMilliSeconds", 1000);
		realm.put("maxDeltaTimeSeconds", 43200);
		// a user disabled in Keycloak keeps a valid access token at most this long (issue 4 states it)
		realm.put("accessTokenLifespan", 300);
		realm.put("ssoSessionIdleTimeout", 1800);
		realm.put("ssoSessionMaxLifespan", 36000);
		realm.put("internationalizationEnabled", true);
		realm.putArray("supportedLocales").add("en").add("vi");
		realm.put("defaultLocale", "vi");
		// Keycloak ships no Vietnamese theme messages: the texts of the sign-in and sign-out pages
		realm.putObject("localizationTexts").set("vi", vietnameseLoginTexts());
		realm.set("groups", groups(organization));
		realm.set("users", users(organization));
		realm.set("clients", clients());
		return realm;
	}

	private static ObjectNode vietnameseLoginTexts() {
		Map<String, String> texts = new TreeMap<>();
		texts.put("accountDisabledMessage", "Tài khoản đã bị khóa, xin liên hệ quản trị hệ thống.");
		texts.put("accountPermanentlyDisabledMessage", "Tên đăng nhập hoặc mật khẩu không đúng.");
		texts.put("accountTemporarilyDisabledMessage", "Tên đăng nhập hoặc mật khẩu không đúng.");
		texts.put("alreadyLoggedIn", "Bạn đã đăng nhập.");
		texts.put("backToApplication", "« Quay lại ứng dụng");
		texts.put("cookieNotFoundMessage",
				"Không tìm thấy cookie đăng nhập: có thể đã hết hạn, bị xóa hoặc trình duyệt đang tắt cookie. "
						+ "Hãy bật cookie rồi bấm Quay lại ứng dụng để đăng nhập lại.");
		texts.put("doBack", "Quay lại");
		texts.put("doCancel", "Hủy");
		texts.put("doContinue", "Tiếp tục");
		texts.put("doLogIn", "Đăng nhập");
		texts.put("doLogout", "Đăng xuất");
		texts.put("errorTitle", "Rất tiếc…");
		texts.put("expiredActionMessage", "Thao tác đã hết hạn. Xin tiếp tục đăng nhập.");
		texts.put("expiredCodeMessage", "Phiên đăng nhập đã hết hạn. Xin đăng nhập lại.");
		texts.put("hidePassword", "Ẩn mật khẩu");
		texts.put("invalidUserMessage", "Tên đăng nhập hoặc mật khẩu không đúng.");
		texts.put("invalidUsernameOrEmailMessage", "Tên đăng nhập hoặc email không đúng.");
		texts.put("loginAccountTitle", "Đăng nhập tài khoản");
		texts.put("loginTimeout", "Quá thời gian đăng nhập. Xin đăng nhập lại từ đầu.");
		texts.put("loginTitle", "Đăng nhập {0}");
		texts.put("logoutConfirmHeader", "Bạn có muốn đăng xuất?");
		texts.put("logoutConfirmTitle", "Đăng xuất");
		texts.put("missingPasswordMessage", "Xin nhập mật khẩu.");
		texts.put("missingUsernameMessage", "Xin nhập tên đăng nhập.");
		texts.put("pageExpiredTitle", "Trang đã hết hạn");
		texts.put("password", "Mật khẩu");
		texts.put("requiredFields", "Thông tin bắt buộc");
		texts.put("showPassword", "Hiện mật khẩu");
		texts.put("staleCodeMessage", "Trang này không còn hiệu lực, xin quay lại ứng dụng và đăng nhập lại.");
		texts.put("username", "Tên đăng nhập");
		texts.put("usernameOrEmail", "Tên đăng nhập hoặc email");
		ObjectNode node = NODES.objectNode();
		texts.forEach(node::put);
		return node;
	}

	private static ArrayNode groups(OrganizationService organization) {
		ArrayNode groups = NODES.arrayNode();
		for (DemoIdentity.DemoGroup group : DemoIdentity.groups(organization)) {
			ObjectNode node = groups.addObject();
			node.put("name", group.id());
			node.put("path", "/" + group.id());
			node.put("description", group.name());
			ObjectNode attributes = node.putObject("attributes");
			attributes.putArray("displayName").add(group.name());
			attributes.putArray("type").add(group.type());
			node.putArray("subGroups");
		}
		return groups;
	}

	private static ArrayNode users(OrganizationService organization) {
		ArrayNode users = NODES.arrayNode();
		for (DemoIdentity.DemoUser user : DemoIdentity.users(organization)) {
			ObjectNode node = users.addObject();
			node.put("username", user.id());
			node.put("enabled", true);
			node.put("email", user.email());
			node.put("emailVerified", true);
			// lastName holds the given name, as in the engine's demo identity: "first last" reads Vietnamese
			node.put("firstName", user.firstName());
			node.put("lastName", user.lastName());
			ObjectNode credential = node.putArray("credentials").addObject();
			credential.put("type", "password");
			credential.put("value", DEMO_PASSWORD);
			credential.put("temporary", false);
			ArrayNode memberships = node.putArray("groups");
			user.groups().forEach(group -> memberships.add("/" + group));
		}
		// the engine's service account: only the query roles of realm-management
		ObjectNode serviceAccount = users.addObject();
		serviceAccount.put("username", "service-account-" + ENGINE_CLIENT);
		serviceAccount.put("enabled", true);
		serviceAccount.put("serviceAccountClientId", ENGINE_CLIENT);
		ArrayNode roles = serviceAccount.putObject("clientRoles").putArray("realm-management");
		ENGINE_QUERY_ROLES.forEach(roles::add);
		return users;
	}

	private static ArrayNode clients() {
		ArrayNode clients = NODES.arrayNode();

		ObjectNode portal = client(clients, PORTAL_CLIENT, "Cổng Dân vận khéo và Camunda (Tasklist, Cockpit, Admin)");
		portal.put("publicClient", false);
		portal.put("clientAuthenticatorType", "client-secret");
		portal.put("secret", "${" + PORTAL_SECRET_VARIABLE + "}");
		portal.put("standardFlowEnabled", true);
		portal.put("directAccessGrantsEnabled", false);
		portal.put("serviceAccountsEnabled", false);
		portal.put("rootUrl", "http://localhost:8080");
		portal.put("baseUrl", "/");
		// "http://127.0.0.1/*" matches any port: Keycloak ignores the port of loopback-IP redirect URIs
		// (RFC 8252); "http://127.0.0.1:*/*" would not match (measured on 26.5.6: 400)
		portal.putArray("redirectUris").add("http://localhost:8080/*").add("http://127.0.0.1/*");
		portal.putArray("webOrigins").add("+");
		ObjectNode portalAttributes = portal.putObject("attributes");
		portalAttributes.put("pkce.code.challenge.method", "S256");
		// "+": the same URIs as the redirect URIs
		portalAttributes.put("post.logout.redirect.uris", "+");
		portal.set("protocolMappers", userMappers());

		ObjectNode engine = client(clients, ENGINE_CLIENT, "Camunda engine: đọc người dùng và nhóm (camunda-platform-7-keycloak)");
		engine.put("publicClient", false);
		engine.put("clientAuthenticatorType", "client-secret");
		engine.put("secret", "${" + ENGINE_SECRET_VARIABLE + "}");
		engine.put("standardFlowEnabled", false);
		engine.put("directAccessGrantsEnabled", false);
		engine.put("serviceAccountsEnabled", true);
		engine.putArray("redirectUris");
		engine.putArray("webOrigins");

		ObjectNode cli = client(clients, CLI_CLIENT, "Công cụ API và kiểm thử (mật khẩu trực tiếp)");
		cli.put("publicClient", true);
		cli.put("standardFlowEnabled", false);
		cli.put("directAccessGrantsEnabled", true);
		cli.put("serviceAccountsEnabled", false);
		cli.putArray("redirectUris");
		cli.putArray("webOrigins");
		cli.set("protocolMappers", userMappers());
		return clients;
	}

	private static ObjectNode client(ArrayNode clients, String clientId, String name) {
		ObjectNode client = clients.addObject();
		client.put("clientId", clientId);
		client.put("name", name);
		client.put("enabled", true);
		client.put("protocol", "openid-connect");
		client.put("bearerOnly", false);
		client.put("consentRequired", false);
		client.put("implicitFlowEnabled", false);
		client.put("frontchannelLogout", true);
		client.put("fullScopeAllowed", true);
		return client;
	}

	/**
	 * The claims DVK reads besides the defaults ({@code preferred_username} comes from the built-in
	 * {@code profile} scope): {@code groups}, the names of the user's groups (not paths, so they equal the
	 * engine's group ids), and the audience {@code dvk-portal}, the application that accepts the token.
	 */
	private static ArrayNode userMappers() {
		ArrayNode mappers = NODES.arrayNode();
		ObjectNode groups = mappers.addObject();
		groups.put("name", "groups");
		groups.put("protocol", "openid-connect");
		groups.put("protocolMapper", "oidc-group-membership-mapper");
		groups.put("consentRequired", false);
		ObjectNode groupsConfig = groups.putObject("config");
		groupsConfig.put("claim.name", "groups");
		groupsConfig.put("full.path", "false");
		groupsConfig.put("id.token.claim", "true");
		groupsConfig.put("access.token.claim", "true");
		groupsConfig.put("userinfo.token.claim", "true");
		groupsConfig.put("introspection.token.claim", "true");

		ObjectNode username = mappers.addObject();
		username.put("name", "preferred_username");
		username.put("protocol", "openid-connect");
		username.put("protocolMapper", "oidc-usermodel-attribute-mapper");
		username.put("consentRequired", false);
		ObjectNode usernameConfig = username.putObject("config");
		usernameConfig.put("user.attribute", "username");
		usernameConfig.put("claim.name", "preferred_username");
		usernameConfig.put("jsonType.label", "String");
		usernameConfig.put("id.token.claim", "true");
		usernameConfig.put("access.token.claim", "true");
		usernameConfig.put("userinfo.token.claim", "true");
		usernameConfig.put("introspection.token.claim", "true");

		ObjectNode audience = mappers.addObject();
		audience.put("name", "audience " + PORTAL_CLIENT);
		audience.put("protocol", "openid-connect");
		audience.put("protocolMapper", "oidc-audience-mapper");
		audience.put("consentRequired", false);
		ObjectNode audienceConfig = audience.putObject("config");
		audienceConfig.put("included.client.audience", PORTAL_CLIENT);
		audienceConfig.put("id.token.claim", "false");
		audienceConfig.put("access.token.claim", "true");
		audienceConfig.put("introspection.token.claim", "true");
		return mappers;
	}

	private static String write(ObjectNode realm) {
		DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
			.withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
		printer.indentObjectsWith(indenter);
		printer.indentArraysWith(indenter);
		ObjectMapper mapper = new ObjectMapper();
		StringWriter out = new StringWriter();
		try (JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
			generator.setPrettyPrinter(printer);
			mapper.writeTree(generator, realm);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out + "\n";
	}

}
