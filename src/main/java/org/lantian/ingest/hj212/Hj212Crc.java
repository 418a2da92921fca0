package org.lantian.ingest.hj212;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The HJ 212 CRC16 of 附录A (STANDARDS §3.10): not CRC-16/MODBUS, because each byte
 * replaces the register with {@code (register >> 8) ^ byte} instead of being XORed into
 * it.
 */
final class Hj212Crc {

	private static final int POLYNOMIAL = 0xA001;

	private Hj212Crc() {
	}

	/**
	 * The CRC of the data segment's UTF-8 bytes, as 4 uppercase hex digits, high byte
	 * first.
	 */
	static String of(String segment) {
		return hex(compute(segment.getBytes(StandardCharsets.UTF_8)));
	}

	static int compute(byte[] bytes) {
		int register = 0xFFFF; // 附录A step 1
		for (byte b : bytes) {
			register = (register >>> 8) ^ (b & 0xFF); // step 3: XOR with the high byte
			for (int bit = 0; bit < 8; bit++) { // steps 4-7
				boolean carry = (register & 1) != 0;
				register >>>= 1;
				if (carry) {
					register ^= POLYNOMIAL;
				}
			}
		}
		return register; // no final XOR
	}

	static String hex(int crc) {
		String digits = Integer.toHexString(crc).toUpperCase(Locale.ROOT);
		return "0000".substring(digits.length()) + digits;
	}

}
