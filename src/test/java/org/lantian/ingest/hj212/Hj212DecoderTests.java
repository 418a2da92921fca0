package org.lantian.ingest.hj212;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.DataFlag;
import org.lantian.domain.Hj212Access;
import org.lantian.ingest.hj212.Hj212FormatException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Hj212DecoderTests {

	private final Hj212Decoder decoder = new Hj212Decoder();

	private final Hj212Decoder legacyDecoder = new Hj212Decoder(new Hj212Decoder.Options(true, 1024));

	@Test
	void decodesTheExamplePacketOfAppendixA() {
		// HJ 212-2017 附录A: ##0101…CP=&&RtdInterval=30&&1C80
		Hj212Frame frame = this.decoder.decode(GoldenFrames.frame("appendix-a-1062.txt"));

		assertThat(frame).isEqualTo(new Hj212Frame("20160801085857223", "32", "1062", "100000",
				"010000A8900016F000169DC0", 5, null, null, "RtdInterval=30"));
		// 表3: Flag=5 is version 1 (HJ 212-2017) with the A bit
		assertThat(frame.version()).isEqualTo(1);
		assertThat(frame.replyRequested()).isTrue();
		assertThat(frame.split()).isFalse();
	}

	@Test
	void decodesAnAmbientRealTimePacket() {
		Hj212Frame frame = this.decoder.decode(GoldenFrames.frame("ambient-2011.txt"));

		assertThat(frame.cn()).isEqualTo("2011");
		assertThat(frame.st()).isEqualTo("22");
		Hj212DataArea area = frame.dataArea();
		assertThat(area.dataTime()).contains(LocalDateTime.of(2018, 4, 27, 12, 58, 9));
		assertThat(area.number("a34004", "Rtd")).contains(new BigDecimal("75600.000"));
		assertThat(area.flag("a34004")).contains(DataFlag.N);
		assertThat(area.factors()).containsOnlyKeys("a34004", "a34002", "a34001", "a01001", "a01002", "a01006",
				"a01007", "a01008", "LA");
	}

	@Test
	void decodesAStackHourlyPacketWithCorrectedValues() {
		Hj212Frame frame = this.decoder.decode(GoldenFrames.frame("cems-2061.txt"));

		Hj212DataArea area = frame.dataArea();
		// 表4: -ZsAvg (折算) is kept beside -Avg; -Cou is the period total
		assertThat(area.number("a21026", "Avg")).contains(new BigDecimal("21.35"));
		assertThat(area.number("a21026", "ZsAvg")).contains(new BigDecimal("23.70"));
		assertThat(area.number("a00000", "Cou")).contains(new BigDecimal("50220.0"));
		assertThat(area.number("a19001", "ZsAvg")).isEmpty();
	}

	@Test
	void acceptsA2005PacketWithoutQnOrFlag() {
		// STANDARDS §3.15 item 3: accept a missing QN and a missing Flag
		Hj212Frame frame = this.decoder.decode(GoldenFrames.frame("legacy-2005-no-qn-no-flag.txt"));

		assertThat(frame.qn()).isNull();
		assertThat(frame.flag()).isNull();
		assertThat(frame.version()).isZero();
		assertThat(frame.replyRequested()).isFalse();
		assertThat(frame.dataArea().number("011", "Rtd")).contains(new BigDecimal("231.0"));
		assertThat(frame.dataArea().number("B01", "Rtd")).contains(new BigDecimal("36.91"));
	}

	@Test
	void decodesASplitPacket() {
		// §3.12: Flag=7 is split and reply, with PNUM and PNO
		Hj212Frame frame = this.decoder.decode(GoldenFrames.frame("split-2051-part-1.txt"));

		assertThat(frame.split()).isTrue();
		assertThat(frame.replyRequested()).isTrue();
		assertThat(frame.pnum()).isEqualTo(2);
		assertThat(frame.pno()).isEqualTo(1);
	}

	@Test
	void countsTheLengthInUtf8Bytes() {
		// 表2 and §6.3: Chinese text is UTF-8; the length and CRC cover bytes
		String text = GoldenFrames.frame("utf8-3020.txt");
		Hj212Frame frame = this.decoder.decode(text);

		assertThat(text.substring(2, 6)).isEqualTo("0148");
		assertThat(frame.dataArea().fields()).containsEntry("PolId", "a21026");
		assertThat(frame.dataArea().text("i12001", "Info")).isEqualTo("仪器正常");
	}

	@Test
	void acceptsTheLegacyPlusSixLengthOnlyWhenAskedTo() {
		// STANDARDS §3.11: the length counts the CRC and CR LF too (104 + 6 = 110)
		String text = GoldenFrames.frame("legacy-plus-six.txt");
		assertThat(text.substring(2, 6)).isEqualTo("0110");

		assertThat(this.legacyDecoder.decode(text).dataArea().number("PM25", "Rtd")).contains(new BigDecimal("135"));
		assertRejected(this.decoder, text, Reason.BAD_LENGTH);
	}

	@Test
	void refusesTheStrictLengthWhenTheLegacyLengthIsConfigured() {
		// never both conventions silently
		assertRejected(this.legacyDecoder, GoldenFrames.frame("appendix-a-1062.txt"), Reason.BAD_LENGTH);
	}

	@Test
	void acceptsLowercaseCrcDigits() {
		// §3.10: compare case-insensitively
		String text = GoldenFrames.frame("appendix-a-1062.txt").replace("&&1C80", "&&1c80");

		assertThat(this.decoder.decode(text).cn()).isEqualTo("1062");
	}

	@Test
	void namesTheExpectedAndReceivedCrc() {
		String text = GoldenFrames.frame("appendix-a-1062.txt").replace("&&1C80", "&&1C81");

		assertThatExceptionOfType(Hj212FormatException.class).isThrownBy(() -> this.decoder.decode(text))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.BAD_CRC))
			.withMessageContaining("1C81")
			.withMessageContaining("1C80");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					# 表2 包头 ##
					BAD_HEADER    | #0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80
					BAD_HEADER    | ``
					# 表2 length: 4 decimal digits equal to the segment's bytes (101)
					BAD_LENGTH    | ##0100QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80
					BAD_LENGTH    | ##01a1QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80
					BAD_LENGTH    | ##101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80
					BAD_LENGTH    | ##00
					# 附录A CRC
					BAD_CRC       | ##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=31&&1C80
					BAD_CRC       | ##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1CG0
					# the data segment is parsed only after length and CRC passed; 表3 required fields
					MISSING_FIELD | ##0093QN=20160801085857223;ST=32;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1400
					MISSING_FIELD | ##0000FFFF
					MISSING_FIELD | ##0099QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=RtdInterval=30&&3300
					# 表3 values: CN is 4 digits, Flag 0-255; unknown and repeated fields
					BAD_FIELD     | ##0101QN=20160801085857223;ST=32;CN=1O62;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&84C1
					BAD_FIELD     | ##0103QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=256;CP=&&RtdInterval=30&&D941
					BAD_FIELD     | ##0106QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;XX=1;CP=&&RtdInterval=30&&CE81
					BAD_FIELD     | ##0102QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;CN=1062;CP=&&RtdInterval=30&&7A80
					# 表3: Flag=7 has the D bit, so PNUM and PNO must follow
					BAD_FIELD     | ##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=7;CP=&&RtdInterval=30&&1A40
					# §6.3.3: name=value items, CP ends with &&, a valid DataTime, no repeated names
					BAD_DATA_AREA | ##0100QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval30&&21C0
					BAD_DATA_AREA | ##0100QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&0880
					BAD_DATA_AREA | ##0110QN=20160801085857223;ST=32;CN=2011;PW=100000;MN=010000A8900016F000169DC0;Flag=4;CP=&&DataTime=20160801250000&&8081
					BAD_DATA_AREA | ##0112QN=20160801085857223;ST=32;CN=2011;PW=100000;MN=010000A8900016F000169DC0;Flag=4;CP=&&a34004-Rtd=1;a34004-Rtd=2&&0F00
					""")
	void refusesMalformedFramesWithTheReason(Reason reason, String frameWithoutTrailer) {
		assertRejected(this.decoder, frameWithoutTrailer + "\r\n", reason);
	}

	@Test
	void refusesAFrameWithoutTheTrailer() {
		// 表2 包尾 CR LF
		String text = GoldenFrames.frame("appendix-a-1062.txt");

		assertRejected(this.decoder, text.substring(0, text.length() - 2), Reason.BAD_TRAILER);
		assertRejected(this.decoder, text.substring(0, text.length() - 2) + "\n", Reason.BAD_TRAILER);
	}

	@Test
	void refusesADataSegmentOver1024Bytes() {
		// 表2: the data segment is 0–1024 characters
		String cp = "DataTime=20260115080000;a34004-Rtd=" + "1".repeat(1024);
		String segment = "ST=22;CN=2011;PW=123456;MN=NM1;CP=&&" + cp + "&&";
		String text = "##" + "%04d".formatted(segment.length()) + segment + Hj212Crc.of(segment) + "\r\n";

		assertRejected(this.decoder, text, Reason.TOO_LONG);
		assertThat(new Hj212Decoder(new Hj212Decoder.Options(false, 2048)).decode(text).mn()).isEqualTo("NM1");
	}

	@Test
	void refusesExactly1025BytesButAccepts1024() {
		String prefix = "ST=22;CN=2011;PW=123456;MN=NM1;CP=&&a34004-Rtd=";
		String at1024 = prefix + "1".repeat(1024 - prefix.length() - 2) + "&&";
		String at1025 = prefix + "1".repeat(1025 - prefix.length() - 2) + "&&";

		assertThat(this.decoder.decode(wrap(at1024)).cp()).endsWith("1");
		assertRejected(this.decoder, wrap(at1025), Reason.TOO_LONG);
	}

	@Test
	void refusesControlCharactersAndLoneSurrogates() {
		assertRejected(this.decoder, wrap("ST=22;CN=2011;PW=1\t3456;MN=NM1;CP=&&&&"), Reason.BAD_CHARACTER);
		assertRejected(this.decoder, wrap("ST=22;CN=2011;PW=123456;MN=NM\uD800;CP=&&&&"), Reason.BAD_CHARACTER);
	}

	@Test
	void acceptsTheSmallestFrame() {
		Hj212Frame frame = this.decoder.decode(wrap("ST=91;CN=9014;PW=;MN=1;CP=&&&&"));

		assertThat(frame).isEqualTo(new Hj212Frame(null, "91", "9014", "", "1", null, null, null, ""));
	}

	@Test
	void acceptsFieldsInAnyOrder() {
		Hj212Frame frame = this.decoder.decode(wrap("MN=NM1;PW=123456;CN=2011;ST=22;Flag=4;QN=1;CP=&&&&"));

		assertThat(frame).isEqualTo(new Hj212Frame("1", "22", "2011", "123456", "NM1", 4, null, null, ""));
	}

	static String wrap(String segment) {
		int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
		return "##" + "%04d".formatted(bytes) + segment + Hj212Crc.of(segment) + "\r\n";
	}

	static void assertRejected(Hj212Decoder decoder, String text, Reason reason) {
		assertThatExceptionOfType(Hj212FormatException.class).isThrownBy(() -> decoder.decode(text))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	@Test
	void aModbusSiteIsCheckedWithCrc16ModbusOnly() {
		// STANDARDS §3.11, §3.15: a device that sends CRC-16/MODBUS; never both accepted
		String segment = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&";
		String modbusFrame = "##0101" + segment + "0759\r\n";
		Hj212Decoder.Options modbus = new Hj212Decoder.Options(false, 1024, Hj212Access.Crc.MODBUS);

		assertThat(this.decoder.decode(modbusFrame, modbus).cn()).isEqualTo("1062");
		assertThatExceptionOfType(Hj212FormatException.class)
			.isThrownBy(() -> this.decoder.decode(GoldenFrames.frame("appendix-a-1062.txt"), modbus))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.BAD_CRC))
			.withMessageContaining("CRC received 1C80, expected 0759 (CRC-16/MODBUS)")
			.withMessageContaining("it is the HJ 212 CRC of the data segment");
		assertThatExceptionOfType(Hj212FormatException.class).isThrownBy(() -> this.decoder.decode(modbusFrame))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.BAD_CRC))
			.withMessageContaining("CRC received 0759, expected 1C80 (HJ 212 CRC)")
			.withMessageContaining("it is the CRC-16/MODBUS of the data segment");
	}

	@Test
	void aSiteTakesItsOwnCrcAndLengthRuleAndThePlatformDefaultOtherwise() {
		Hj212Decoder.Options platform = new Hj212Decoder.Options(true, 1024);

		assertThat(platform.forSite(new Hj212Access("M1", "123456", Map.of())))
			.isEqualTo(new Hj212Decoder.Options(true, 1024, Hj212Access.Crc.HJ212));
		assertThat(platform.forSite(new Hj212Access("M1", "123456", Map.of(), Hj212Access.Crc.MODBUS, false)))
			.isEqualTo(new Hj212Decoder.Options(false, 1024, Hj212Access.Crc.MODBUS));
	}

	@ParameterizedTest(name = "{0} names MN {1}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			##0101QN=1;ST=32;CN=1062;PW=100000;MN=NM01;Flag=5;CP=&&RtdInterval=30&&1C80\\r\\n | NM01
			##0101ST=32;CN=2011;MN=NM02;PW=1;CP=&&MN=NOTTHIS&&0000\\r\\n                  | NM02
			##0101MN=NM03;CP=&&&&0000\\r\\n                                               | NM03
			##0101QN=1;ST=32;CN=1062;PW=100000;Flag=5;CP=&&MN=NM04&&0000\\r\\n             | -
			##0101CP=&&MN=NM05&&0000\\r\\n                                                | -
			##0101QN=1;MN=NM06                                                            | -
			garbage                                                                       | -
			""")
	void peeksTheMnBeforeTheCrcIsChecked(String text, String mn) {
		// only the fields before CP=&& are read, never the data area
		assertThat(Hj212Decoder.peekMn(text.replace("\\r\\n", "\r\n"))).isEqualTo(Optional.ofNullable(mn));
	}

}
