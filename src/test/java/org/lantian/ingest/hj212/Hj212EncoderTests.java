package org.lantian.ingest.hj212;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantian.domain.Hj212Access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Hj212EncoderTests {

	private final Hj212Encoder encoder = new Hj212Encoder();

	@Test
	void encodesTheExamplePacketOfAppendixA() {
		Hj212Frame frame = new Hj212Frame("20160801085857223", "32", "1062", "100000", "010000A8900016F000169DC0", 5,
				null, null, "RtdInterval=30");

		assertThat(this.encoder.encode(frame)).isEqualTo(GoldenFrames.frame("appendix-a-1062.txt"));
	}

	@Test
	void encodesA2005PacketWithoutQnOrFlag() {
		Hj212Frame frame = new Hj212Frame(null, "32", "2011", "123456", "LD130133000015", null, null, null,
				"DataTime=20160824003817;B01-Rtd=36.91;011-Rtd=231.0,011-Flag=N;060-Rtd=1.803,060-Flag=N");

		assertThat(this.encoder.encode(frame)).isEqualTo(GoldenFrames.frame("legacy-2005-no-qn-no-flag.txt"));
	}

	@Test
	void repliesToADataUploadWith9014() {
		// §3.12: same QN, ST=91, CN=9014, Flag=4, CP=&&&&
		Hj212Frame upload = new Hj212Decoder().decode(GoldenFrames.frame("ambient-2011.txt"));

		Hj212Frame reply = Hj212Encoder.dataReply(upload);

		assertThat(this.encoder.encode(reply)).isEqualTo(Hj212DecoderTests
			.wrap("QN=20180427125809000;ST=91;CN=9014;PW=123456;MN=LXHB0CS0306310;Flag=4;CP=&&&&"));
		assertThat(reply.replyRequested()).isFalse();
	}

	@Test
	void repliesToEachPartOfASplitUpload() {
		// §3.12: with Flag=7 the platform answers 9014 for each part, without PNUM/PNO
		Hj212Frame part = new Hj212Decoder().decode(GoldenFrames.frame("split-2051-part-1.txt"));

		Hj212Frame reply = Hj212Encoder.dataReply(part);

		assertThat(reply)
			.isEqualTo(new Hj212Frame("20260115081000001", "91", "9014", "123456", "NM150203001", 4, null, null, ""));
	}

	@Test
	void repliesToATimeCalibrationRequestWith9013() {
		// §3.12: 1013 (site → platform) is answered with 9013
		Hj212Frame request = new Hj212Frame("20260115080000000", "31", "1013", "123456", "NM1", 5, null, null, "");

		assertThat(Hj212Encoder.notificationReply(request))
			.isEqualTo(new Hj212Frame("20260115080000000", "91", "9013", "123456", "NM1", 4, null, null, ""));
	}

	@Test
	void refusesToReplyWhenTheABitIsClear() {
		// §3.12: A = 0, no reply
		Hj212Frame upload = new Hj212Frame("20260115080000000", "22", "2011", "123456", "NM1", 4, null, null, "");

		assertThatIllegalArgumentException().isThrownBy(() -> Hj212Encoder.dataReply(upload));
	}

	@Test
	void refusesADataSegmentOver1024Bytes() {
		// 表2
		Hj212Frame frame = new Hj212Frame(null, "22", "2011", "123456", "NM1", 4, null, null,
				"a34004-Rtd=" + "1".repeat(1024));

		assertThatIllegalArgumentException().isThrownBy(() -> this.encoder.encode(frame)).withMessageContaining("1024");
	}

	@ParameterizedTest(name = "CN {0} Flag {1} -> {2}")
	@CsvSource(nullValues = "-", textBlock = """
			# STANDARDS §3.12 upload commands (现场机 → 上位机, 表9): 9014 数据应答 when the A bit is set
			2011, 5, 9014
			2051, 5, 9014
			2061, 5, 9014
			2031, 5, 9014
			2041, 5, 9014
			2081, 5, 9014
			# a split part with Flag=7 is answered too, each part on its own (§3.12)
			2051, 7, 9014
			# §3.12 notify command 1013 (site → platform, 现场机时间校准请求): 9013 通知应答
			1013, 5, 9013
			# A = 0: no reply (§3.12), whatever the CN
			2061, 4, -
			1013, 4, -
			2051, 6, -
			# replies and results are never answered; nor a CN the platform did not ask for
			9011, 5, -
			9012, 5, -
			9014, 5, -
			9013, 5, -
			3020, 5, -
			""")
	void repliesAsTable9AndTheExchangeFlowsPrescribe(String cn, int flag, String replyCn) {
		boolean split = (flag & 2) != 0;
		Hj212Frame request = new Hj212Frame("20260115080000123", "31", cn, "123456", "NM1", flag, split ? 2 : null,
				split ? 1 : null, "DataTime=20260115070000");

		Optional<Hj212Frame> reply = Hj212Encoder.replyTo(request);

		if (replyCn == null) {
			assertThat(reply).isEmpty();
		}
		else {
			// same QN, PW and MN; ST=91 系统交互 (表5); Flag=4; an empty data area (§3.12)
			assertThat(reply)
				.contains(new Hj212Frame("20260115080000123", "91", replyCn, "123456", "NM1", 4, null, null, ""));
		}
	}

	@Test
	void encodesRepliesInTheSendersConventions() {
		// a device that sends CRC-16/MODBUS with the +6 length gets its reply that way
		Hj212Decoder.Options device = new Hj212Decoder.Options(true, 1024, Hj212Access.Crc.MODBUS);
		Hj212Frame reply = new Hj212Frame("20260115080000123", "91", "9014", "123456", "NM1", 4, null, null, "");

		String text = this.encoder.encode(reply, device);

		String segment = "QN=20260115080000123;ST=91;CN=9014;PW=123456;MN=NM1;Flag=4;CP=&&&&";
		assertThat(text).startsWith("##%04d".formatted(segment.length() + 6) + segment);
		assertThat(new Hj212Decoder().decode(text, device)).isEqualTo(reply);
		assertThatExceptionOfType(Hj212FormatException.class).isThrownBy(() -> new Hj212Decoder().decode(text));
	}

}
