package org.lantian.api;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} (INTERFACES §5): the two ways to
 * present an API key (§6), required by every operation, and the error responses every
 * {@code /api/v1} operation shares: 401 from the key filter and, unless the operation is
 * {@link OpenToEveryRole}, 403 for a role that may not call it. The 400 and 404 answers
 * are declared on each controller method, where the reasons are known. The browsable
 * reference at {@code /dashboard/api.html} renders this document.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BEARER = "bearer";

	static final String API_KEY = "apiKey";

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	@Bean
	OpenAPI lantianOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Lantian 蓝天 API")
				.version("v1")
				.description("Air-quality and emissions monitoring: readings, AQI (HJ 633), alerts, heavy-pollution "
						+ "warnings and charts. Every /api/v1 call needs an API key, as 'Authorization: Bearer <key>' "
						+ "or 'X-API-Key: <key>'; errors are RFC 7807 problem details."))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("Authorization: Bearer <key> (INTERFACES §6)"))
				.addSecuritySchemes(API_KEY,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("X-API-Key")
							.description("X-API-Key: <key>, the same keys (INTERFACES §6)"))
				.addSchemas(PROBLEM, problemSchema()))
			.security(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(API_KEY)));
	}

	@Bean
	OperationCustomizer sharedErrorResponses() {
		return (operation, handler) -> {
			if (operation.getResponses() == null) {
				operation.setResponses(new ApiResponses());
			}
			ApiResponses responses = operation.getResponses();
			if (!responses.containsKey("401")) {
				responses.addApiResponse("401", problem("No API key, or an unknown one"));
			}
			if (!handler.hasMethodAnnotation(OpenToEveryRole.class) && !responses.containsKey("403")) {
				responses.addApiResponse("403", problem("The key's role (or enterprise) may not do this"));
			}
			responses.forEach((status, response) -> {
				if (status.startsWith("4") || status.startsWith("5")) {
					response.setContent(new Content().addMediaType(PROBLEM_JSON,
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
				}
			});
			return operation;
		};
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description);
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("RFC 7807 problem detail")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().example("Not Found"))
			.addProperty("status", new IntegerSchema().example(404))
			.addProperty("detail", new StringSchema().example("no site 'BT-XX-01' in the catalogue"))
			.addProperty("instance", new StringSchema().example("/api/v1/sites/BT-XX-01"));
	}

}
