/**
 * Loads and validates the site catalogue (INTERFACES §2) at start and provides it, with
 * the reporting time zone, as a {@link org.lantian.domain.SiteCatalogue} bean; likewise
 * the air-quality targets, the heavy-pollution warning rules
 * ({@code lantian.warnings.file}) and the emergency reduction list
 * ({@code lantian.reductions.file}). Fails the start with every problem of a file named.
 */
@ApplicationModule(allowedDependencies = "domain")
@NullMarked
package org.lantian.catalogue;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
