/**
 * The built-in web dashboard: static HTML, CSS and JavaScript under
 * {@code classpath:/static/dashboard/}, served by Lantian itself at {@code /dashboard/}.
 * The page holds no data of its own: it calls the REST API of INTERFACES §5 with the API
 * key the user enters, and follows {@code /api/v1/alerts/stream}. This module only maps
 * the page's addresses; it depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.lantian.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
