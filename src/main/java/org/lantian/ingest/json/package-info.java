/**
 * Reads the JSON readings of INTERFACES §3.1 into validated
 * {@link org.lantian.domain.Reading}s, refusing each invalid item with a reason. Pure
 * apart from Jackson: no I/O, no logging, no metrics.
 */
@NullMarked
package org.lantian.ingest.json;

import org.jspecify.annotations.NullMarked;
