package org.lantian.api.auth;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The API keys (INTERFACES §6). Keys are secrets: give them through the environment
 * ({@code LANTIAN_API_KEYS_0_KEY}, {@code LANTIAN_API_KEYS_0_ROLE},
 * {@code LANTIAN_API_KEYS_0_ENTERPRISE}, ...), never in a committed file.
 */
@Validated
@ConfigurationProperties("lantian.api")
public record ApiKeyProperties(@DefaultValue List<@Valid Key> keys) {

	/**
	 * One key.
	 *
	 * @param name a label for logs; defaults to the role (and enterprise)
	 */
	public record Key(@NotBlank @Size(min = 16, message = "API keys must have at least 16 characters") String key,
			@NotBlank String role, @Nullable String enterprise, @Nullable String name) {

		@Override
		public String toString() {
			return "Key[role=" + this.role + ", enterprise=" + this.enterprise + ", name=" + this.name + "]";
		}

	}

}
