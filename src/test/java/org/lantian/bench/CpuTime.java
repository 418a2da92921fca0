package org.lantian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of processes on this Linux machine, from {@code /proc/<pid>/stat} (user +
 * system, in clock ticks of 1/100 s, the kernel's USER_HZ): how the two cores were shared
 * during a benchmark phase.
 */
final class CpuTime {

	private static final double TICKS_PER_SECOND = 100.0;

	private final Map<String, Long> pids;

	/**
	 * @param pids the processes to watch, by the name to report them under
	 */
	CpuTime(Map<String, Long> pids) {
		this.pids = new LinkedHashMap<>(pids);
	}

	/** CPU seconds used so far, per process; absent where it cannot be read. */
	Map<String, Double> sample() {
		Map<String, Double> seconds = new LinkedHashMap<>();
		this.pids.forEach((name, pid) -> {
			double used = seconds(pid);
			if (used >= 0) {
				seconds.put(name, used);
			}
		});
		return seconds;
	}

	/**
	 * Microseconds of CPU per item between two samples, per process.
	 */
	static Map<String, Double> perItem(Map<String, Double> before, Map<String, Double> after, long items) {
		Map<String, Double> micros = new LinkedHashMap<>();
		after.forEach((name, used) -> {
			Double start = before.get(name);
			if (start != null && items > 0) {
				micros.put(name, (used - start) * 1e6 / items);
			}
		});
		return micros;
	}

	/**
	 * The children's user + system seconds from the output of bash's {@code times} (two
	 * lines, the shell's then its children's: {@code 0m1.234s 0m0.567s}), or -1.
	 */
	static double childrenSeconds(String times) {
		String[] lines = times.strip().split("\n");
		if (lines.length < 2) {
			return -1;
		}
		double total = 0;
		for (String field : lines[lines.length - 1].trim().split("\\s+")) {
			int m = field.indexOf('m');
			if (m < 0 || !field.endsWith("s")) {
				return -1;
			}
			try {
				total += Integer.parseInt(field.substring(0, m)) * 60
						+ Double.parseDouble(field.substring(m + 1, field.length() - 1));
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}
		return total;
	}

	/** User + system CPU seconds of a process, or -1. */
	static double seconds(long pid) {
		if (pid <= 0) {
			return -1;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// the command name (field 2) is in parentheses and may hold spaces
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields 14 and 15 of the file (utime, stime) are 11 and 12 after the name
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
