package org.lantian.ingest.hj212;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantian.domain.Enterprise;
import org.lantian.domain.Hj212Access;
import org.lantian.domain.Site;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.ingest.hj212.Hj212Inspection.Problem;
import org.lantian.ingest.hj212.Hj212Inspection.Severity;

import static org.assertj.core.api.Assertions.assertThat;

class Hj212InspectorTests {

	private static final String APPENDIX = "appendix-a-1062.txt";

	/** 附录A's example: the CRC sits after the 101-byte data segment. */
	private static final int APPENDIX_CRC_AT = 6 + 101;

	private final Hj212Inspector inspector = new Hj212Inspector(ZoneId.of("Asia/Shanghai"));

	@ParameterizedTest
	@ValueSource(strings = { "ambient-2011.txt", APPENDIX, "cems-2061.txt", "legacy-2005-no-qn-no-flag.txt",
			"split-2051-part-1.txt", "utf8-3020.txt" })
	void goldenFramesHaveNoErrors(String name) {
		Hj212Inspection inspection = this.inspector.inspect(GoldenFrames.frame(name));
		assertThat(errors(inspection)).isEmpty();
		assertThat(inspection.valid()).isTrue();
		assertThat(inspection.trailer()).isEqualTo("CRLF");
		assertThat(inspection.crc().matches()).isTrue();
		assertThat(inspection.length().matches()).isTrue();
	}

	@Test
	void decodesTheExampleOfAppendixA() {
		Hj212Inspection inspection = this.inspector.inspect(GoldenFrames.frame(APPENDIX));
		assertThat(inspection.fields()).containsExactly(Map.entry("QN", "20160801085857223"), Map.entry("ST", "32"),
				Map.entry("CN", "1062"), Map.entry("PW", "***"), Map.entry("MN", "010000A8900016F000169DC0"),
				Map.entry("Flag", "5"));
		// 附录A: the example packet's own CRC, and its length 0101
		assertThat(inspection.crc()).isEqualTo(new Hj212Inspection.Crc("1C80", "1C80", "0759", true, false));
		assertThat(inspection.length()).isEqualTo(new Hj212Inspection.Length("0101", 101, 101, 101, true, false, 1024));
		// 表3: Flag=5 is version 000001 (HJ 212-2017), D=0, A=1
		assertThat(inspection.flag()).isEqualTo(new Hj212Inspection.FlagBits(5, 1, "HJ 212-2017", false, true));
		assertThat(inspection.system()).startsWith("地表水体环境污染源");
		assertThat(inspection.command()).isEqualTo("设置实时数据间隔");
		assertThat(inspection.dataArea().fields()).containsExactly(Map.entry("RtdInterval", "30"));
		assertThat(inspection.readings()).isEmpty();
		assertThat(inspection.problems()).extracting(Problem::code, Problem::severity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("NOT_DATA_UPLOAD", Severity.INFO));
	}

	@Test
	void reportsWrongCrcAndWrongLengthTogether() {
		String text = GoldenFrames.frame(APPENDIX).replace("##0101", "##0099").replace("&&1C80", "&&1C81");
		Hj212Inspection inspection = this.inspector.inspect(text);
		assertThat(inspection.valid()).isFalse();
		assertThat(errors(inspection)).extracting(Problem::code, Problem::offset)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("BAD_LENGTH", 2),
					org.assertj.core.groups.Tuple.tuple("BAD_CRC", APPENDIX_CRC_AT));
		assertThat(inspection.length().declared()).isEqualTo(99);
		assertThat(inspection.length().segmentBytes()).isEqualTo(101);
		assertThat(inspection.crc().received()).isEqualTo("1C81");
		assertThat(inspection.crc().expected()).isEqualTo("1C80");
		// the fields are still read and shown
		assertThat(inspection.fields()).containsEntry("CN", "1062");
	}

	@Test
	void recognisesAModbusCrc() {
		// 0759: CRC-16/MODBUS of 附录A's data segment, computed outside this code base
		String text = GoldenFrames.frame(APPENDIX).replace("&&1C80", "&&0759");
		Hj212Inspection inspection = this.inspector.inspect(text);
		assertThat(inspection.crc().matchesModbus()).isTrue();
		assertThat(inspection.crc().matches()).isFalse();
		assertThat(errors(inspection)).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo("BAD_CRC");
			assertThat(problem.message()).contains("CRC-16/MODBUS");
		});
	}

	@Test
	void recognisesTheLegacyPlusSixLength() {
		Hj212Inspection inspection = this.inspector.inspect(GoldenFrames.frame("legacy-plus-six.txt"));
		assertThat(inspection.length().declared()).isEqualTo(110);
		assertThat(inspection.length().segmentBytes()).isEqualTo(104);
		assertThat(inspection.length().matchesLegacyPlusSix()).isTrue();
		assertThat(inspection.crc().matches()).isTrue();
		assertThat(errors(inspection)).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo("BAD_LENGTH");
			assertThat(problem.message()).contains("legacy");
		});
	}

	@Test
	void namesACharacterCountWhereBytesAreDue() {
		// utf8-3020: 148 bytes, of which 仪器正常 is 4 characters and 12 bytes
		String text = GoldenFrames.frame("utf8-3020.txt").replace("##0148", "##0140");
		Hj212Inspection inspection = this.inspector.inspect(text);
		assertThat(inspection.length().segmentCharacters()).isEqualTo(140);
		assertThat(errors(inspection)).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("character count"));
	}

	@Test
	void acceptsATextWithoutItsTrailerAndSaysSo() {
		String frame = GoldenFrames.frame(APPENDIX);
		Hj212Inspection bare = this.inspector.inspect(frame.substring(0, frame.length() - 2));
		assertThat(bare.valid()).isTrue();
		assertThat(bare.trailer()).isEqualTo("none");
		assertThat(bare.problems()).extracting(Problem::code).contains("NO_TRAILER");
		Hj212Inspection lf = this.inspector.inspect(frame.substring(0, frame.length() - 2) + "\n");
		assertThat(lf.trailer()).isEqualTo("LF");
		assertThat(lf.problems()).filteredOn((p) -> p.code().equals("BAD_TRAILER"))
			.singleElement()
			.satisfies((problem) -> assertThat(problem.severity()).isEqualTo(Severity.WARNING));
	}

	@Test
	void reportsEveryFieldProblemOfOneSegment() {
		// no MN, Flag=7 (D=1) without PNUM/PNO, an unknown field, an impossible DataTime
		String segment = "QN=20260115081000001;ST=22;CN=2051;PW=123456;Flag=7;Foo=1;"
				+ "CP=&&DataTime=20261315080000;a34004-Avg=135,a34004-Flag=N&&";
		Hj212Inspection inspection = this.inspector.inspect(frame(segment));
		assertThat(inspection.valid()).isFalse();
		assertThat(errors(inspection)).extracting(Problem::code)
			.containsExactly("BAD_FIELD", "MISSING_FIELD", "BAD_FIELD", "BAD_DATA_AREA");
		assertThat(errors(inspection)).extracting(Problem::message)
			.anyMatch((m) -> m.contains("'Foo'"))
			.anyMatch((m) -> m.contains("MN is missing"))
			.anyMatch((m) -> m.contains("D bit set"))
			.anyMatch((m) -> m.contains("DataTime"));
		assertThat(inspection.crc().matches()).isTrue();
		assertThat(inspection.length().matches()).isTrue();
		// offset of "Foo=1" in the text: ## + 4 digits + the fields before it
		assertThat(errors(inspection).get(0).offset()).isEqualTo(6 + segment.indexOf("Foo=1"));
	}

	@Test
	void previewsTheReadingsOfAnHourlyStackFrame() {
		Hj212Inspection inspection = this.inspector.inspect(GoldenFrames.frame("cems-2061.txt"));
		assertThat(inspection.readings()).singleElement().satisfies((reading) -> {
			assertThat(reading.period()).isEqualTo("hour");
			// DataTime 20260115080000 local (UTC+8) is the period start (STANDARDS §3.5)
			assertThat(reading.time()).isEqualTo("2026-01-15T08:00+08:00");
			assertThat(reading.siteKind()).isEqualTo("stack");
			assertThat(reading.siteKindAssumed()).isTrue();
			assertThat(reading.values()).extracting(Hj212Inspection.Value::key, Hj212Inspection.Value::value)
				.contains(org.assertj.core.groups.Tuple.tuple("pm", "8.2"),
						org.assertj.core.groups.Tuple.tuple("so2", "21.35"),
						// a00000 13.95 m³/s × 3600 = 50220 m³/h (表B.2 unit → INTERFACES
						// §3.1)
						org.assertj.core.groups.Tuple.tuple("flow", "50220.00"));
		});
		assertThat(inspection.dataArea().factors())
			.extracting(Hj212Inspection.Factor::code, Hj212Inspection.Factor::key)
			.startsWith(org.assertj.core.groups.Tuple.tuple("a34013", "pm"));
		assertThat(inspection.dataArea().dataTime()).isEqualTo("2026-01-15T08:00");
	}

	@Test
	void warnsAboutFactorsIngestWouldRefuse() {
		// ambient-2011 carries a34001 (TSP) and LA (noise), which Lantian does not map
		Hj212Inspection inspection = this.inspector.inspect(GoldenFrames.frame("ambient-2011.txt"));
		String text = GoldenFrames.frame("ambient-2011.txt");
		assertThat(inspection.problems()).filteredOn((p) -> p.code().equals("UNKNOWN_KEY"))
			.extracting(Problem::offset)
			.containsExactly(text.indexOf("a34001-Rtd"), text.indexOf("LA-Rtd"));
		assertThat(inspection.valid()).isTrue();
	}

	@Test
	void warnsAboutANonNumericValueAndABadFlag() {
		String segment = "QN=20260115081000001;ST=22;CN=2051;PW=123456;MN=NM150203001;Flag=4;"
				+ "CP=&&DataTime=20260115080000;a34004-Avg=1x5,a34004-Flag=N;a34002-Avg=180,a34002-Flag=Q&&";
		Hj212Inspection inspection = this.inspector.inspect(frame(segment));
		assertThat(inspection.valid()).isTrue();
		assertThat(inspection.problems()).filteredOn((p) -> p.severity() == Severity.WARNING)
			.extracting(Problem::code, Problem::offset)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("NON_NUMERIC", 6 + segment.indexOf("1x5")),
					org.assertj.core.groups.Tuple.tuple("BAD_FLAG", 6 + segment.indexOf("Q&&")));
	}

	@ParameterizedTest
	@ValueSource(ints = { 8, 9 })
	void decodesTheVersionBitsOf2025(int flag) {
		// STANDARDS §3.3: version bits 000010 = HJ 212-2025 (Flag 8 or 9)
		String segment = "QN=20260115081000001;ST=22;CN=9015;PW=123456;MN=NM150203001;Flag=" + flag + ";CP=&&&&";
		Hj212Inspection inspection = this.inspector.inspect(frame(segment));
		assertThat(inspection.flag().version()).isEqualTo("HJ 212-2025");
		assertThat(inspection.flag().replyRequested()).isEqualTo(flag == 9);
		assertThat(inspection.command()).contains("心跳");
	}

	@Test
	void neverShowsThePassword() {
		String segment = "QN=20260115081000001;ST=22;CN=2051;PW=Zq7#x;MN=NM150203001;Flag=4;"
				+ "CP=&&DataTime=20260115080000;a34004-Avg=135&&";
		String broken = frame(segment).replace("##", "#!");
		for (String text : List.of(frame(segment), broken, frame(segment.replace("Flag=4", "Flag=4;PW=Zq7#x")))) {
			Hj212Inspection inspection = this.inspector.inspect(text);
			assertThat(inspection.toString()).doesNotContain("Zq7#x");
		}
	}

	@Test
	void namesTheCatalogueSiteOfTheMn() {
		Site site = new Site(SiteId.of("BT-STEEL-S1"), "包钢烧结机头", SiteKind.STACK, "包头市", "昆都仑区", null, null, true,
				new Enterprise("baotou-steel", "包钢"), null, null, BigDecimal.valueOf(16), null,
				new Hj212Access("150200A1B2C3D4E5F6A7B8C9", "123456", Map.of()));
		String frame = GoldenFrames.frame("cems-2061.txt");
		Hj212Inspection known = this.inspector.inspect(frame,
				(mn) -> Optional.of(site).filter((s) -> s.hj212().mn().equals(mn)));
		assertThat(known.site()).isEqualTo(new Hj212Inspection.SiteRef("BT-STEEL-S1", "包钢烧结机头"));
		assertThat(known.readings().get(0).site()).isEqualTo("BT-STEEL-S1");
		assertThat(known.readings().get(0).siteKindAssumed()).isFalse();
		Hj212Inspection unknown = this.inspector.inspect(frame, (mn) -> Optional.empty());
		assertThat(unknown.site()).isNull();
		assertThat(unknown.problems()).extracting(Problem::code).contains("UNKNOWN_SITE");
	}

	@Test
	void survivesTextsThatAreNoFrameAtAll() {
		for (String text : List.of("", "#", "##", "\r\n", "##0000", "##abcd&&&&XXXX\r\n", "hello world")) {
			Hj212Inspection inspection = this.inspector.inspect(text);
			assertThat(inspection.valid()).as(text).isFalse();
			assertThat(errors(inspection)).as(text).isNotEmpty();
		}
	}

	/**
	 * The inspector never throws, and its verdict is the decoder's for any text ending in
	 * CR LF.
	 */
	@Property(tries = 500)
	void agreesWithTheDecoderOnArbitraryText(@ForAll("framesAndMutations") String text) {
		Hj212Inspection inspection = this.inspector.inspect(text);
		boolean decodes;
		try {
			new Hj212Decoder().decode(text);
			decodes = true;
		}
		catch (Hj212FormatException ex) {
			decodes = false;
		}
		assertThat(inspection.valid()).isEqualTo(decodes);
	}

	@Provide
	Arbitrary<String> framesAndMutations() {
		Arbitrary<String> golden = Arbitraries
			.of("ambient-2011.txt", APPENDIX, "cems-2061.txt", "legacy-2005-no-qn-no-flag.txt", "legacy-plus-six.txt",
					"split-2051-part-1.txt", "utf8-3020.txt")
			.map(GoldenFrames::frame);
		Arbitrary<String> mutated = Combinators
			.combine(golden, Arbitraries.integers().between(0, 2000),
					Arbitraries.chars().with(';', ',', '=', '&', '#', '0', '9', 'A', 'a', '-', '\r'))
			.as((frame, at, c) -> {
				int i = at % frame.length();
				return frame.substring(0, i) + c + frame.substring(Math.min(frame.length(), i + 1));
			});
		Arbitrary<String> arbitrary = Arbitraries.strings().ofMaxLength(60).map((s) -> s + "\r\n");
		return Arbitraries.oneOf(golden, mutated, arbitrary);
	}

	private static List<Problem> errors(Hj212Inspection inspection) {
		return inspection.problems().stream().filter((p) -> p.severity() == Severity.ERROR).toList();
	}

	/** A well-formed envelope around a data segment: right length, right CRC. */
	private static String frame(String segment) {
		int bytes = segment.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
		return "##%04d".formatted(bytes) + segment + Hj212Crc.of(segment) + "\r\n";
	}

}
