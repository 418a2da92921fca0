package org.lantian.api;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lantian.api.auth.ApiCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: who the presented key is, so that a client (the dashboard) can
 * show what the role may do. An extension of INTERFACES §6; never echoes the key.
 */
@RestController
@Tag(name = "Keys")
class CallerController {

	@GetMapping("/api/v1/me")
	@Operation(summary = "The caller behind the API key: its name, role and bound enterprise")
	@OpenToEveryRole
	CallerResponse me(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller) {
		return new CallerResponse(caller.name(), caller.role().name().toLowerCase(Locale.ROOT), caller.enterprise());
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CallerResponse(String name, String role, @Nullable String enterprise) {
	}

}
