/**
 * The simulated monitoring network of Inner Mongolia (issue 4): ambient stations and
 * enterprises' stacks whose data look like real data, sent to Lantian over the real
 * protocols (MQTT JSON, HJ 212 over TCP, HJ 212 over MQTT).
 * <p>
 * Plain Java with its own entry point, not part of the service's Spring context: a
 * {@link org.lantian.simulator.Plan} (read from a scenario file in {@code simulators/})
 * lists the {@link org.lantian.simulator.SimulatedPoint}s, each a
 * {@link org.lantian.simulator.model.PointModel} and the link it sends over.
 */
@ApplicationModule(allowedDependencies = { "domain", "catalogue", "ingest :: hj212" })
@NullMarked
package org.lantian.simulator;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
