package org.lantian.ingest.hj212;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.lantian.domain.Hj212Access;

/**
 * The HJ 212 CRC16 of 附录A (STANDARDS §3.10): not CRC-16/MODBUS, because each byte
 * replaces the register with {@code (register >> 8) ^ byte} instead of being XORed into
 * it. Plain CRC-16/MODBUS is here too, for the devices that send it instead (§3.11),
 * chosen per site and never tried as a fallback.
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

	/**
	 * CRC-16/MODBUS (poly 0x8005 reflected = 0xA001, init 0xFFFF, reflected in and out,
	 * no final XOR): each byte is XORed into the register's low byte.
	 */
	static int modbus(byte[] bytes) {
		int register = 0xFFFF;
		for (byte b : bytes) {
			register ^= (b & 0xFF);
			for (int bit = 0; bit < 8; bit++) {
				boolean carry = (register & 1) != 0;
				register >>>= 1;
				if (carry) {
					register ^= POLYNOMIAL;
				}
			}
		}
		return register;
	}

	/** The CRC of the given kind, as an unsigned 16-bit value. */
	static int compute(byte[] bytes, Hj212Access.Crc kind) {
		return (kind == Hj212Access.Crc.MODBUS) ? modbus(bytes) : compute(bytes);
	}

	static String hex(int crc) {
		String digits = Integer.toHexString(crc).toUpperCase(Locale.ROOT);
		return "0000".substring(digits.length()) + digits;
	}

}
