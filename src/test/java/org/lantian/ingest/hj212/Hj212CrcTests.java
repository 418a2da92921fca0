package org.lantian.ingest.hj212;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.lantian.domain.Hj212Access;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class Hj212CrcTests {

	@ParameterizedTest(name = "{1} for {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# HJ 212-2017 附录A worked example: the CRC printed in the example packet (the prose transposes two digits, STANDARDS §3.10)
					QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&           | 1C80
					# ambient 2011 packet from public code (STANDARDS §3.11), CRC recomputed
					QN=20180427125809000;ST=22;CN=2011;PW=123456;MN=LXHB0CS0306310;Flag=5;CP=&&DataTime=20180427125809;a34004-Rtd=75600.000,a34004-Flag=N;a34002-Rtd=140600.000,a34002-Flag=N;a34001-Rtd=178000.000,a34001-Flag=N;a01001-Rtd=24.8,a01001-Flag=N;a01002-Rtd=46.8,a01002-Flag=N;a01006-Rtd=101.380,a01006-Flag=N;a01007-Rtd=0.0,a01007-Flag=N;a01008-Rtd=25,a01008-Flag=N;LA-Rtd=57.9,LA-Flag=N&& | 5440
					# a non-standard ST=91;CN=9021 packet from public code (STANDARDS §3.7), CRC recomputed
					QN=20120416225111069;ST=91;CN=9021;PW=122333;MN=88888880000006;Flag=1;CP=&&&&                                    | 4100
					""")
	void computesTheCrcOfAppendixA(String segment, String crc) {
		assertThat(Hj212Crc.of(segment)).isEqualTo(crc);
	}

	@Test
	void startsFromFfffWithNoFinalXor() {
		// 附录A steps 1 and 10: nothing fed, the register is returned as initialised
		assertThat(Hj212Crc.of("")).isEqualTo("FFFF");
	}

	@Test
	void isNotCrc16Modbus() {
		// §3.10: CRC-16/MODBUS of "123456789" is 4B37; the HJ 212 variant replaces the
		// register with (register >> 8) ^ byte
		assertThat(Hj212Crc.of("123456789")).isEqualTo("2F80").isNotEqualTo("4B37");
	}

	@Test
	void computesCrc16ModbusForDevicesThatSendIt() {
		// check value of CRC-16/MODBUS (width 16, poly 0x8005 reflected, init 0xFFFF, no
		// final XOR) in Greg Cook's "Catalogue of parametrised CRC algorithms" (reveng):
		// 0x4B37 for the ASCII string "123456789"
		assertThat(Hj212Crc.modbus("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x4B37);
		assertThat(Hj212Crc.compute("123456789".getBytes(StandardCharsets.US_ASCII), Hj212Access.Crc.MODBUS))
			.isEqualTo(0x4B37);
		// the same init and polynomial from no bytes: the register as initialised
		assertThat(Hj212Crc.modbus(new byte[0])).isEqualTo(0xFFFF);
	}

	@Test
	void theTwoCrcsDifferForTheExamplePacketOfAppendixA() {
		// §3.10: same polynomial and init, different byte step; a site is checked with
		// one
		byte[] segment = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&"
			.getBytes(StandardCharsets.UTF_8);
		assertThat(Hj212Crc.compute(segment, Hj212Access.Crc.HJ212)).isEqualTo(0x1C80);
		assertThat(Hj212Crc.compute(segment, Hj212Access.Crc.MODBUS)).isEqualTo(0x0759);
	}

	@Test
	void iteratesUtf8BytesNotJavaChars() {
		// §3.10: iterating UTF-16 chars would give 3C00 for this segment
		String segment = "CP=&&i12001-Info=仪器正常&&";
		assertThat(Hj212Crc.of(segment)).isEqualTo("6D40");
		assertThat(Hj212Crc.compute(segment.getBytes(StandardCharsets.UTF_8))).isEqualTo(0x6D40);
	}

	@Test
	void printsFourUppercaseDigitsHighByteFirst() {
		assertThat(Hj212Crc.hex(0x0A0B)).isEqualTo("0A0B");
		assertThat(Hj212Crc.hex(0x1C80)).isEqualTo("1C80");
		assertThat(Hj212Crc.hex(0xABCD)).isEqualTo("ABCD");
	}

}
