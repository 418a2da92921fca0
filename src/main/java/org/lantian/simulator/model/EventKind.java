package org.lantian.simulator.model;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a scripted scenario event does to the points it names.
 */
public enum EventKind {

	/**
	 * 重污染过程: PM2.5 builds up over days under stagnant air, stays high, then clears with
	 * wind (ambient stations).
	 */
	HEAVY_POLLUTION("heavy-pollution", true, false),

	/**
	 * 沙尘: very high PM10 with a low PM2.5/PM10 ratio, strong north-west wind (ambient).
	 */
	SAND_DUST("sand-dust", true, false),

	/** 停运 with start-up and shutdown: flag F, low flow, O₂ near air (stacks). */
	SHUTDOWN("shutdown", false, true),

	/** 维护: flag M on every value. */
	MAINTENANCE("maintenance", true, true),

	/** 校准: flag C on every value. */
	CALIBRATION("calibration", true, true),

	/** 故障: flag D on every value. */
	FAULT("fault", true, true),

	/** 通讯中断: the point sends nothing. */
	COMMUNICATION_GAP("communication-gap", true, true),

	/**
	 * A real exceedance: the corrected concentration of one pollutant at {@code factor}
	 * times its limit, flag N (stacks).
	 */
	EXCEEDANCE("exceedance", false, true),

	/**
	 * Tampering: one pollutant (or every concentration) reports the same value sample
	 * after sample (stacks).
	 */
	FLATLINE("flatline", false, true),

	/**
	 * Tampering: one pollutant (or every concentration) falls by {@code drop} (a
	 * fraction) while the load stays (stacks).
	 */
	SUDDEN_DROP("sudden-drop", false, true),

	/**
	 * 应急减排: the unit's production falls by {@code cut} (a fraction), reached over the
	 * first hour; the flue gas flow falls with it while the treatment holds the
	 * concentrations, so the emission in kg/h falls by the cut, flag N (stacks).
	 */
	EMISSION_CUT("emission-cut", false, true);

	private final String key;

	private final boolean ambient;

	private final boolean stack;

	EventKind(String key, boolean ambient, boolean stack) {
		this.key = key;
		this.ambient = ambient;
		this.stack = stack;
	}

	/** The scenario file's spelling, e.g. {@code sand-dust}. */
	public String key() {
		return this.key;
	}

	public boolean appliesToAmbient() {
		return this.ambient;
	}

	public boolean appliesToStacks() {
		return this.stack;
	}

	/**
	 * @throws IllegalArgumentException naming the key and the known ones
	 */
	public static EventKind fromKey(String key) {
		for (EventKind kind : values()) {
			if (kind.key.equals(key)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown event type '" + key + "' (one of "
				+ Stream.of(values()).map(EventKind::key).collect(Collectors.joining(", ")) + ")");
	}

	@Override
	public String toString() {
		return this.key.toUpperCase(Locale.ROOT);
	}

}
