package org.lantian.domain.warning;

import java.util.Locale;

/**
 * What drives a heavy-pollution episode. MEE 2024 guidance (STANDARDS §4.1): only
 * PM2.5-driven episodes demand emergency emission reductions (大气法 第九十六条); O₃ episodes get
 * health advisories and routine VOC/NOx enforcement; sand-dust (and wildfire, local
 * blowing sand, transboundary transport) get health advisories only.
 */
public enum EpisodeDriver {

	/** 细颗粒物 PM2.5 (the usual winter episode). */
	PM25("pm25"),
	/** 臭氧 O₃. */
	O3("o3"),
	/** 沙尘 sand and dust (also local blowing sand). */
	SAND_DUST("sandDust");

	private final String key;

	EpisodeDriver(String key) {
		this.key = key;
	}

	public String key() {
		return this.key;
	}

	/** Whether listed enterprises must cut their emissions (STANDARDS §4.1). */
	public boolean demandsEmergencyReduction() {
		return this == PM25;
	}

	/**
	 * The driver of a key ({@code pm25}, {@code o3}, {@code sandDust}), case-insensitive.
	 * @throws IllegalArgumentException naming the key
	 */
	public static EpisodeDriver fromKey(String key) {
		for (EpisodeDriver driver : values()) {
			if (driver.key.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
				return driver;
			}
		}
		throw new IllegalArgumentException("unknown episode driver '" + key + "' (expected pm25, o3 or sandDust)");
	}

}
