package org.lantian.ingest.hj212;

import org.jspecify.annotations.Nullable;

/**
 * One HJ 212 data segment (表3, STANDARDS §3.3): {@code QN} and {@code Flag} may be absent
 * (2005-style senders), {@code PNUM}/{@code PNO} are present exactly for split packets,
 * and {@code cp} is the raw data area between {@code CP=&&} and {@code &&}.
 */
public record Hj212Frame(@Nullable String qn, String st, String cn, String pw, String mn, @Nullable Integer flag,
		@Nullable Integer pnum, @Nullable Integer pno, String cp) {

	/** ST 91 系统交互, the system code of replies (表5). */
	public static final String ST_SYSTEM_INTERACTION = "91";

	/** Flag bit A: a reply is required (表3). */
	private static final int REPLY_BIT = 1;

	/** Flag bit D: the packet is split and carries PNUM/PNO (表3). */
	private static final int SPLIT_BIT = 2;

	public Hj212Frame {
		// QN is YYYYMMDDhhmmsszzz; senders vary in the digit count, so only digits are
		// required
		if (qn != null && !Hj212Text.isDigits(qn, 1, 20)) {
			throw new IllegalArgumentException("QN is not 1-20 digits: '" + qn + "'");
		}
		if (st == null || !st.matches("[0-9A-Z]{2}")) {
			throw new IllegalArgumentException("ST is not 2 characters 0-9 or A-Z: '" + st + "'");
		}
		if (cn == null || !Hj212Text.isDigits(cn, 4, 4)) {
			throw new IllegalArgumentException("CN is not 4 digits: '" + cn + "'");
		}
		requireFieldValue("PW", pw, true);
		// §3.3: MNs of any length and free-form MNs are common; do not enforce 24 hex
		requireFieldValue("MN", mn, false);
		if (flag != null && (flag < 0 || flag > 255)) {
			throw new IllegalArgumentException("Flag is not 0-255: " + flag);
		}
		if ((pnum == null) != (pno == null)) {
			throw new IllegalArgumentException("PNUM and PNO come together: PNUM=" + pnum + ", PNO=" + pno);
		}
		if (pnum != null && pno != null && (pnum < 1 || pno < 1 || pno > pnum)) {
			throw new IllegalArgumentException("PNO is not 1..PNUM: PNUM=" + pnum + ", PNO=" + pno);
		}
		if (flag != null && ((flag & SPLIT_BIT) != 0) != (pnum != null)) {
			throw new IllegalArgumentException(
					"Flag=" + flag + " D bit disagrees with " + ((pnum != null) ? "PNUM/PNO present" : "no PNUM/PNO"));
		}
		if (cp == null || cp.contains("&&") || hasControlOrLoneSurrogate(cp)) {
			throw new IllegalArgumentException("CP contains '&&' or a control character: '" + cp + "'");
		}
		try {
			Hj212DataArea.parse(cp);
		}
		catch (Hj212FormatException ex) {
			throw new IllegalArgumentException("CP is not a data area (§6.3.3): " + ex.getMessage());
		}
	}

	/** Whether the sender asks for a reply (Flag bit A, §3.3). */
	public boolean replyRequested() {
		return this.flag != null && (this.flag & REPLY_BIT) != 0;
	}

	/** Whether this is one part of a split message (Flag bit D, §3.3). */
	public boolean split() {
		return this.flag != null && (this.flag & SPLIT_BIT) != 0;
	}

	/**
	 * The version bits V5…V0 of Flag (§3.3): 0 = HJ/T 212-2005 (also when Flag is
	 * absent), 1 = HJ 212-2017, 2 = HJ 212-2025.
	 */
	public int version() {
		return (this.flag != null) ? this.flag >> 2 : 0;
	}

	/** The data area parsed per §6.3.3. */
	public Hj212DataArea dataArea() {
		return Hj212DataArea.parse(this.cp);
	}

	private static void requireFieldValue(String name, @Nullable String value, boolean mayBeEmpty) {
		if (value == null || (!mayBeEmpty && value.isEmpty())) {
			throw new IllegalArgumentException(name + " is empty");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ';' || c == '=' || c == '&' || c == ',') {
				throw new IllegalArgumentException(name + " contains '" + c + "': '" + value + "'");
			}
		}
		if (hasControlOrLoneSurrogate(value)) {
			throw new IllegalArgumentException(name + " contains a control character: '" + value + "'");
		}
	}

	/**
	 * Control characters break TCP framing, and a lone surrogate has no UTF-8 form, so
	 * two texts with different lone surrogates would share bytes, length and CRC.
	 */
	static boolean hasControlOrLoneSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7F) {
				return true;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return true;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

}
