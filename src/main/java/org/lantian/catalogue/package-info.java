/**
 * Loads and validates the site catalogue (INTERFACES §2) at start and provides it, with
 * the reporting time zone, as a {@link org.lantian.domain.SiteCatalogue} bean. Fails the
 * start with every problem of the file named.
 */
@ApplicationModule(allowedDependencies = "domain")
@NullMarked
package org.lantian.catalogue;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
