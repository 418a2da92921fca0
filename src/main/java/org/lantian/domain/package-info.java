/**
 * Lantian's domain in plain Java: sites, readings, measurands, units and data flags, and
 * (later) the standards' tables. Imports {@code java.*} only; no framework, I/O, clock or
 * logging.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.lantian.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
