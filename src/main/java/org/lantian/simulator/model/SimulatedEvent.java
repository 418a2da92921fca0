package org.lantian.simulator.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;

/**
 * A scripted event of a scenario: what happens, to which sites, from {@code start}
 * (inclusive) to {@code end} (exclusive).
 *
 * @param pollutant the pollutant an exceedance, flat line or sudden drop acts on, or
 * {@code null} for every concentration (a flat line or drop) or the event's default
 * @param magnitude the event's size: the peak PM2.5 in µg/m³ of a heavy-pollution
 * episode, the peak PM10 in µg/m³ of a sand-dust event, the multiple of the limit of an
 * exceedance, the fraction lost in a sudden drop, the fraction of production cut in an
 * emission cut (between 0 and 1, both excluded); ignored by the other kinds
 */
public record SimulatedEvent(EventKind kind, Set<SiteId> sites, Instant start, Instant end,
		@Nullable Measurand pollutant, double magnitude) {

	public SimulatedEvent {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException(
					kind.key() + " event ends (" + end + ") before it starts (" + start + ")");
		}
		if (!(magnitude >= 0) || Double.isInfinite(magnitude)) {
			throw new IllegalArgumentException(
					kind.key() + " event: magnitude must be finite and not negative: " + magnitude);
		}
		if (kind == EventKind.EMISSION_CUT && !(magnitude > 0 && magnitude < 1)) {
			throw new IllegalArgumentException(
					kind.key() + " event: the cut is a fraction between 0 and 1 (both excluded): " + magnitude);
		}
		sites = Set.copyOf(sites);
	}

	/** The default magnitude of each kind, for scenario files that leave it out. */
	public static double defaultMagnitude(EventKind kind) {
		switch (kind) {
			case HEAVY_POLLUTION:
				return 260;
			case SAND_DUST:
				return 2000;
			case EXCEEDANCE:
				return 1.6;
			case SUDDEN_DROP:
				return 0.8;
			default:
				return 0;
		}
	}

	boolean isActiveAt(long epochSecond) {
		return epochSecond >= this.start.getEpochSecond() && epochSecond < this.end.getEpochSecond();
	}

	/** How far through the event the instant is, 0 at the start and 1 at the end. */
	double progress(long epochSecond) {
		long length = this.end.getEpochSecond() - this.start.getEpochSecond();
		return (double) (epochSecond - this.start.getEpochSecond()) / length;
	}

}
