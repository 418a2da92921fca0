/**
 * Keeps every refused input (the dead letters) in daily JSON-lines files and the newest
 * in memory, and logs each once. Never throws while recording.
 */
@NullMarked
package org.lantian.ingest.deadletter;

import org.jspecify.annotations.NullMarked;
