package org.lantian.charts.render;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Optional;

/**
 * Which font family draws the labels. Chinese labels need a CJK font (on Debian the
 * package {@code fonts-wqy-zenhei}, which {@code scripts/install-deps.sh} installs);
 * without one the charts fall back to English labels in the JDK's {@code SansSerif}.
 */
public final class Fonts {

	/** The font used when no CJK font is installed. */
	public static final String FALLBACK = Font.SANS_SERIF;

	/** Characters every Chinese label of the charts uses at least once. */
	static final String PROBE = "日报空气质量指数优良轻度中重严污染首要物超标告警站点市";

	private static final List<String> PREFERRED = List.of("WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
			"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "AR PL UMing CN", "Droid Sans Fallback");

	private static final Optional<String> CJK = find();

	private Fonts() {
	}

	/** The installed CJK family the charts use, if there is one. */
	public static Optional<String> cjk() {
		return CJK;
	}

	/** Whether a family draws every character of a text. */
	public static boolean canDisplay(String family, String text) {
		return new Font(family, Font.PLAIN, 12).canDisplayUpTo(text) == -1;
	}

	private static Optional<String> find() {
		List<String> installed = List
			.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
		for (String family : PREFERRED) {
			if (installed.contains(family) && canDisplay(family, PROBE)) {
				return Optional.of(family);
			}
		}
		return installed.stream()
			.filter((family) -> !family.startsWith("Dialog") && !family.equals(Font.SANS_SERIF)
					&& !family.equals(Font.SERIF) && !family.equals(Font.MONOSPACED))
			.filter((family) -> canDisplay(family, PROBE))
			.findFirst();
	}

}
