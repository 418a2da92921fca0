package org.lantian.ingest.hj212;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codec's contract (STYLE S-22): encoding round-trips, a changed character never
 * decodes to a different frame, and nothing but {@link Hj212FormatException} escapes the
 * decoder.
 */
class Hj212CodecPropertyTests {

	private final Hj212Encoder encoder = new Hj212Encoder();

	private final Hj212Decoder decoder = new Hj212Decoder();

	@Property(tries = 1000)
	void decodingAnEncodedFrameGivesTheFrame(@ForAll("frames") Hj212Frame frame) {
		assertThat(this.decoder.decode(this.encoder.encode(frame))).isEqualTo(frame);
	}

	/**
	 * For ASCII frames a changed character is either another single byte, which the HJ
	 * 212 CRC always detects (the high bytes of its table are distinct, so a one-byte
	 * difference survives to the end), or several bytes, which changes the length. Only
	 * the CRC's hex case may change without effect. For non-ASCII text a 16-bit CRC
	 * cannot promise this: one changed character can change two bytes of a UTF-8
	 * sequence.
	 */
	@Property(tries = 3000)
	void aChangedCharacterIsRejectedOrChangesNothing(@ForAll("asciiFrames") Hj212Frame frame,
			@ForAll("positions") double position, @ForAll char replacement) {
		String text = this.encoder.encode(frame);
		int at = (int) (position * text.length());
		if (text.charAt(at) == replacement) {
			return;
		}
		String changed = text.substring(0, at) + replacement + text.substring(at + 1);
		Hj212Frame decoded;
		try {
			decoded = this.decoder.decode(changed);
		}
		catch (Hj212FormatException expected) {
			return;
		}
		assertThat(decoded).isEqualTo(frame);
		assertThat(at).as("only a CRC digit's case may change").isBetween(text.length() - 6, text.length() - 3);
	}

	@Property(tries = 2000)
	void arbitraryTextIsAFrameOrAFormatException(@ForAll String text) {
		try {
			this.decoder.decode(text);
		}
		catch (Hj212FormatException expected) {
			// the only failure a caller must handle; any other exception fails the
			// property
		}
	}

	@Property(tries = 2000)
	void arbitrarySegmentsWithValidLengthAndCrcAreAFrameOrAFormatException(@ForAll("segments") String segment) {
		String text = Hj212DecoderTests.wrap(segment);
		try {
			this.decoder.decode(text);
			new Hj212Decoder(new Hj212Decoder.Options(true, 9000)).decode(text);
		}
		catch (Hj212FormatException expected) {
			// as above
		}
	}

	@Property(tries = 1000)
	void legacyLengthRoundTripsWhenConfigured(@ForAll("frames") Hj212Frame frame) {
		String text = this.encoder.encode(frame);
		int length = Integer.parseInt(text.substring(2, 6)) + 6;
		String legacy = "##" + "%04d".formatted(length) + text.substring(6);

		assertThat(new Hj212Decoder(new Hj212Decoder.Options(true, 1024)).decode(legacy)).isEqualTo(frame);
	}

	@Provide
	Arbitrary<Hj212Frame> frames() {
		return frames(dataAreas(true));
	}

	@Provide
	Arbitrary<Hj212Frame> asciiFrames() {
		return frames(dataAreas(false));
	}

	@Provide
	Arbitrary<Double> positions() {
		return Arbitraries.doubles().between(0, 1).filter((d) -> d < 1);
	}

	@Provide
	Arbitrary<String> segments() {
		Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of("QN=", "ST=", "CN=", "PW=", "MN=", "Flag=", "PNUM=",
				"PNO=", "CP=&&", "&&", ";", ",", "=", "-Rtd", "-Flag", "DataTime=", "a34004", "20260115080000", "7",
				"255", "256", "99999", "N", "&", "仪", "\uD800", "\t"), Arbitraries.strings().ofMaxLength(5));
		return pieces.list().ofMaxSize(30).map((list) -> String.join("", list));
	}

	private static Arbitrary<Hj212Frame> frames(Arbitrary<String> dataAreas) {
		Arbitrary<String> qn = Arbitraries.strings().numeric().ofLength(17).injectNull(0.3);
		Arbitrary<String> st = Arbitraries.of("21", "22", "31", "32", "91", "A0", "Z9");
		Arbitrary<String> cn = Arbitraries.strings().numeric().ofLength(4);
		Arbitrary<String> pw = Arbitraries.strings().alpha().numeric().ofMaxLength(8);
		Arbitrary<String> mn = Arbitraries.strings()
			.alpha()
			.numeric()
			.withChars('_', '-')
			.ofMinLength(1)
			.ofMaxLength(30);
		return Combinators.combine(qn, st, cn, pw, mn, flagsAndParts(), dataAreas)
			.as((q, s, c, p, m, f, cp) -> new Hj212Frame(q, s, c, p, m, f.get1(), f.get2(), f.get3(), cp))
			.filter((frame) -> Hj212Encoder.segment(frame).getBytes(StandardCharsets.UTF_8).length <= 1024);
	}

	/** Flag, PNUM and PNO agree: PNUM/PNO exactly when the D bit is set (表3). */
	private static Arbitrary<Tuple3<Integer, Integer, Integer>> flagsAndParts() {
		Arbitrary<Integer> flag = Arbitraries.integers().between(0, 255).injectNull(0.2);
		return flag.flatMap((f) -> {
			boolean split = (f == null) ? false : (f & 2) != 0;
			if (!split && f != null) {
				return Arbitraries.just(Tuple.of(f, (Integer) null, (Integer) null));
			}
			Arbitrary<Tuple3<Integer, Integer, Integer>> parts = Arbitraries.integers()
				.between(1, 999)
				.flatMap((pnum) -> Arbitraries.integers().between(1, pnum).map((pno) -> Tuple.of(f, pnum, pno)));
			return split ? parts
					: Arbitraries.oneOf(parts, Arbitraries.just(Tuple.of(f, (Integer) null, (Integer) null)));
		});
	}

	private static Arbitrary<String> dataAreas(boolean withChinese) {
		Arbitrary<String> code = Arbitraries.oneOf(
				Arbitraries.of("a34004", "a34002", "a21026", "a21002", "a19001", "a00000", "011", "B02", "SO2", "PM25"),
				Arbitraries.strings()
					.withCharRange('a', 'z')
					.ofLength(1)
					.flatMap((letter) -> Arbitraries.strings().numeric().ofLength(5).map((digits) -> letter + digits)));
		Arbitrary<String> number = Arbitraries.bigDecimals()
			.between(new BigDecimal("-99999"), new BigDecimal("99999"))
			.ofScale(3)
			.map(BigDecimal::toPlainString);
		Arbitrary<String> text = withChinese ? Arbitraries.of("仪器正常", "校准", "OK", "正常运行")
				: Arbitraries.of("OK", "A1", "run");
		Arbitrary<String> factor = Combinators
			.combine(code, number, number, Arbitraries.of("N", "F", "M", "S", "D", "C", "T", "B"), text)
			.as((c, rtd, zs, flag, info) -> c + "-Rtd=" + rtd + "," + c + "-ZsRtd=" + zs + "," + c + "-Flag=" + flag
					+ "," + c + "-Info=" + info);
		Arbitrary<String> dataTime = Arbitraries.of("", "DataTime=20260115080000;", "DataTime=20161231235959;");
		Arbitrary<String> commandFields = Arbitraries.of("", "RtdInterval=30", "SystemTime=20260115080000",
				"BeginTime=20260115000000,EndTime=20260115235959", "QnRtn=1", "ExeRtn=100");
		Arbitrary<String> factors = factor.list()
			.ofMaxSize(8)
			.uniqueElements((f) -> f.substring(0, f.indexOf('-')))
			.map((list) -> list.stream().collect(Collectors.joining(";")));
		return Combinators.combine(dataTime, factors, commandFields).as((t, f, c) -> joinNonEmpty(t, f, c));
	}

	private static String joinNonEmpty(String dataTime, String factors, String commandFields) {
		String body = List.of(factors, commandFields)
			.stream()
			.filter((part) -> !part.isEmpty())
			.collect(Collectors.joining(";"));
		String area = dataTime + body;
		return area.endsWith(";") ? area.substring(0, area.length() - 1) : area;
	}

}
