/**
 * The REST API of INTERFACES §5 under {@code /api/v1}, guarded by API keys with roles
 * (§6). Controllers only translate: they call other modules' query interfaces and map
 * results and errors to JSON and problem details. The HJ 212 frame inspector uses the
 * codec's named interface {@code ingest :: hj212}.
 */
@ApplicationModule(allowedDependencies = { "domain", "ingest", "ingest :: hj212", "storage", "airquality", "alerts",
		"warnings", "charts" })
@NullMarked
package org.lantian.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
