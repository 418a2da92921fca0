package org.lantian.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code /api/v1} handler of the running application is described in
 * {@code /v3/api-docs} (issue 8, "every endpoint described"; INTERFACES §5 "keep the
 * OpenAPI description in step with the code"). The handlers come from Spring MVC's
 * {@link RequestMappingHandlerMapping}, not from a list, so a new endpoint is covered the
 * day it is added. Each must have a summary, its success response with content, a
 * description of every parameter, the API key requirement (§6), 401 and (unless
 * {@link OpenToEveryRole}) 403, 404 where it takes a path variable (unknown site, city,
 * alert, job) and 400 where it takes a query parameter or a body (exceptions below, with
 * their reason). Error responses must be problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-dl-${random.uuid}")
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class ApiDocumentationIT {

	/**
	 * Operations with query parameters that cannot make the controller answer 400, and
	 * why.
	 */
	private static final Map<String, String> NO_BAD_REQUEST = Map.of("GET /api/v1/warnings",
			"'city' only selects a city; an unknown one is 404");

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void describesEveryApiOperationWithItsParametersErrorsAndKey() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v3/api-docs"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		// the description itself needs no key (the key filter guards /api/* only)
		assertThat(response.statusCode()).isEqualTo(200);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "api-docs.json"), response.body());
		JsonNode docs = JSON.readTree(response.body());
		assertThat(docs.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
		assertThat(docs.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-API-Key");

		List<String> problems = new ArrayList<>();
		Set<String> handled = new HashSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mapping.getHandlerMethods().entrySet()) {
			HandlerMethod handler = entry.getValue();
			for (String path : entry.getKey().getPatternValues()) {
				if (!path.startsWith("/api/v1/")) {
					continue;
				}
				Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
				if (methods.isEmpty()) {
					problems.add(path + " (" + handler.getShortLogMessage() + ") maps every HTTP method");
				}
				for (RequestMethod method : methods) {
					String name = method + " " + path;
					handled.add(name);
					JsonNode operation = docs.path("paths").path(path).path(method.name().toLowerCase(Locale.ROOT));
					if (operation.isMissingNode()) {
						problems.add(name + ": not in /v3/api-docs");
						continue;
					}
					check(name, operation, docs, handler, problems);
				}
			}
		}
		assertThat(handled).as("handlers found").hasSizeGreaterThan(25);
		docs.path("paths").fields().forEachRemaining((path) -> path.getValue().fieldNames().forEachRemaining((m) -> {
			String name = m.toUpperCase(Locale.ROOT) + " " + path.getKey();
			if (path.getKey().startsWith("/api/v1/") && !handled.contains(name)) {
				problems.add(name + ": described, but no handler serves it");
			}
		}));
		assertThat(problems).as("undocumented").isEmpty();
	}

	private static void check(String name, JsonNode operation, JsonNode docs, HandlerMethod handler,
			List<String> problems) {
		if (operation.path("summary").asText().isBlank()) {
			problems.add(name + ": no summary");
		}
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.path("description").asText().isBlank()) {
				problems.add(name + ": parameter '" + parameter.path("name").asText() + "' ("
						+ parameter.path("in").asText() + ") has no description");
			}
		}
		JsonNode security = operation.has("security") ? operation.get("security") : docs.path("security");
		if (!security.toString().contains("\"bearer\"") || !security.toString().contains("\"apiKey\"")) {
			problems.add(name + ": no API key requirement");
		}
		JsonNode responses = operation.path("responses");
		boolean answers = false;
		for (String status : List.of("200", "201", "202")) {
			answers |= !responses.path(status).path("content").isEmpty();
		}
		if (!answers) {
			problems.add(name + ": no 2xx response with its content");
		}
		expect(name, responses, "401", problems);
		if (!handler.hasMethodAnnotation(OpenToEveryRole.class)) {
			expect(name, responses, "403", problems);
		}
		boolean pathVariable = false;
		boolean input = false;
		for (MethodParameter parameter : handler.getMethodParameters()) {
			pathVariable |= parameter.hasParameterAnnotation(PathVariable.class);
			input |= parameter.hasParameterAnnotation(RequestParam.class)
					|| parameter.hasParameterAnnotation(RequestBody.class);
		}
		if (pathVariable) {
			expect(name, responses, "404", problems);
		}
		// a body read from the servlet request (readings, HJ 212 frames) shows as the
		// operation's requestBody
		input |= operation.has("requestBody");
		if (input && !NO_BAD_REQUEST.containsKey(name)) {
			expect(name, responses, "400", problems);
		}
		responses.fields().forEachRemaining((response) -> {
			if (response.getValue().path("description").asText().isBlank()) {
				problems.add(name + ": response " + response.getKey() + " has no description");
			}
			if (response.getKey().matches("[45]\\d\\d") && !response.getValue()
				.at("/content/application~1problem+json/schema/$ref")
				.asText()
				.equals("#/components/schemas/Problem")) {
				problems.add(name + ": response " + response.getKey() + " is not a problem detail");
			}
		});
	}

	private static void expect(String name, JsonNode responses, String status, List<String> problems) {
		if (!responses.has(status)) {
			problems.add(name + ": no " + status + " response");
		}
	}

}
