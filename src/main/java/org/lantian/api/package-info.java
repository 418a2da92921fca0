/**
 * The REST API of INTERFACES §5 under {@code /api/v1}, guarded by API keys with roles
 * (§6). Controllers only translate: they call other modules' query interfaces and map
 * results and errors to JSON and problem details.
 */
@ApplicationModule(allowedDependencies = { "domain", "ingest", "storage" })
@NullMarked
package org.lantian.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
