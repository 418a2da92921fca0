package org.lantian.simulator.model;

/**
 * Deterministic value noise: a pseudo-random value at each point of a time grid, hashed
 * from (seed, key, grid index), and a smooth interpolation between grid points. Nothing
 * is carried between calls, so any instant can be asked in any order and gives the same
 * value.
 */
public final class Noise {

	private Noise() {
	}

	/**
	 * A well-mixed 64-bit hash of the inputs (the SplitMix64 finaliser applied to a
	 * combination).
	 */
	public static long hash(long seed, long key, long index) {
		long h = seed * 0x9E3779B97F4A7C15L + key;
		h = mix(h) + index * 0xC2B2AE3D27D4EB4FL;
		return mix(h);
	}

	/** A stable 64-bit key for a name (FNV-1a over its characters). */
	public static long key(String name) {
		long h = 0xCBF29CE484222325L;
		for (int i = 0; i < name.length(); i++) {
			h ^= name.charAt(i);
			h *= 0x100000001B3L;
		}
		return mix(h);
	}

	/** Combines two keys into one, for a (site, quantity) pair. */
	public static long key(long first, long second) {
		return mix(first * 31 + second);
	}

	/** A uniform value in [0, 1) for the inputs. */
	public static double uniform(long seed, long key, long index) {
		return (hash(seed, key, index) >>> 11) * 0x1.0p-53;
	}

	/**
	 * Smooth noise in [-1, 1] at {@code t}, measured in grid steps: the values at the
	 * neighbouring grid points, joined by a smoothstep (continuous with a continuous
	 * slope at the grid points).
	 */
	public static double smooth(long seed, long key, double t) {
		double floor = Math.floor(t);
		long index = (long) floor;
		double f = t - floor;
		double a = uniform(seed, key, index) * 2 - 1;
		double b = uniform(seed, key, index + 1) * 2 - 1;
		double s = f * f * (3 - 2 * f);
		return a + (b - a) * s;
	}

	/**
	 * Two octaves of smooth noise, roughly in [-1, 1]: a slow one with grid step
	 * {@code hours} and a faster one at a third of it.
	 */
	public static double smoothHours(long seed, long key, double epochHours, double hours) {
		return 0.75 * smooth(seed, key, epochHours / hours)
				+ 0.25 * smooth(seed, key ^ 0x5DEECE66DL, epochHours * 3 / hours);
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
