package org.lantian.ingest.hj212.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.lantian.ingest.hj212.Hj212Inspection;
import org.lantian.ingest.hj212.Hj212Inspection.Problem;
import org.lantian.ingest.hj212.Hj212Inspector;

/**
 * {@code scripts/hj212-decode}: inspects one HJ 212 frame given as an argument or on
 * standard input and prints the report, readable or as the JSON of
 * {@code POST /api/v1/hj212/decode}. Starts no Spring context. Exit status 0 for a valid
 * frame, 1 for an invalid one, 2 for a usage error.
 */
public final class Hj212InspectorCli {

	/** The longest input read, as for the REST endpoint. */
	static final int MAX_INPUT_BYTES = 64 * 1024;

	static final String USAGE = """
			usage: hj212-decode [--json] [--zone ZONE] [FRAME | -]
			  Inspects one HJ 212 frame (the argument, or standard input when it is '-' or absent)
			  and prints every problem found. --json prints the REST endpoint's JSON.
			  --zone: the zone of DataTime (default Asia/Shanghai).
			  Exit status: 0 valid, 1 invalid, 2 usage error.""";

	private Hj212InspectorCli() {
	}

	/** The only place that touches the standard streams (ArchitectureTests). */
	public static void main(String[] args) {
		System.exit(run(args, System.in, System.out, System.err));
	}

	static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
		boolean json = false;
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		String frame = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--json")) {
				json = true;
			}
			else if (arg.equals("--zone") && i + 1 < args.length) {
				try {
					zone = ZoneId.of(args[++i]);
				}
				catch (DateTimeException ex) {
					err.println("hj212-decode: unknown zone '" + args[i] + "'");
					return 2;
				}
			}
			else if (arg.equals("-h") || arg.equals("--help")) {
				out.println(USAGE);
				return 0;
			}
			else if (frame == null && (arg.equals("-") || !arg.startsWith("-"))) {
				frame = arg;
			}
			else {
				err.println("hj212-decode: unexpected argument '" + arg + "'");
				err.println(USAGE);
				return 2;
			}
		}
		String text;
		if (frame == null || frame.equals("-")) {
			try {
				text = readUtf8(in);
			}
			catch (IOException ex) {
				err.println("hj212-decode: " + ex.getMessage());
				return 2;
			}
		}
		else {
			text = frame;
		}
		if (text.isEmpty()) {
			err.println("hj212-decode: no frame given");
			err.println(USAGE);
			return 2;
		}
		Hj212Inspection inspection = new Hj212Inspector(zone).inspect(text);
		if (json) {
			try {
				out.println(
						new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(inspection));
			}
			catch (JsonProcessingException ex) {
				err.println("hj212-decode: " + ex.getMessage());
				return 2;
			}
		}
		else {
			out.print(render(inspection));
		}
		return inspection.valid() ? 0 : 1;
	}

	private static String readUtf8(InputStream in) throws IOException {
		byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
		if (bytes.length > MAX_INPUT_BYTES) {
			throw new IOException("the input is longer than " + MAX_INPUT_BYTES + " bytes; give one frame");
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IOException("the input is not UTF-8 (HJ 212 text is ASCII, Chinese in UTF-8)");
		}
	}

	/** The readable report. */
	static String render(Hj212Inspection inspection) {
		StringBuilder text = new StringBuilder();
		long errors = count(inspection, Hj212Inspection.Severity.ERROR);
		long warnings = count(inspection, Hj212Inspection.Severity.WARNING);
		text.append("HJ 212 frame: ")
			.append(inspection.valid() ? "VALID" : "INVALID")
			.append(" (")
			.append(errors)
			.append(" error(s), ")
			.append(warnings)
			.append(" warning(s))\n");
		line(text, "trailer", inspection.trailer());
		Hj212Inspection.Length length = inspection.length();
		if (length != null) {
			line(text, "length",
					"field '" + length.field() + "', data segment " + length.segmentBytes() + " bytes ("
							+ length.segmentCharacters() + " characters)" + (length.matches() ? ", matches"
									: length.matchesLegacyPlusSix() ? ", legacy +6" : ", DOES NOT MATCH"));
		}
		Hj212Inspection.Crc crc = inspection.crc();
		if (crc != null) {
			line(text, "CRC", "received " + crc.received() + ", expected " + crc.expected() + " (附录A), MODBUS "
					+ crc.modbus() + (crc.matches() ? ", matches" : crc.matchesModbus() ? ", is MODBUS" : ", WRONG"));
		}
		for (Map.Entry<String, String> field : inspection.fields().entrySet()) {
			String meaning = switch (field.getKey()) {
				case "ST" -> inspection.system();
				case "CN" -> inspection.command();
				default -> null;
			};
			line(text, field.getKey(), field.getValue() + ((meaning != null) ? "  " + meaning : ""));
		}
		Hj212Inspection.FlagBits flag = inspection.flag();
		if (flag != null) {
			line(text, "Flag bits", flag.version() + ", " + (flag.split() ? "split (D=1)" : "not split (D=0)") + ", "
					+ (flag.replyRequested() ? "reply requested (A=1)" : "no reply (A=0)"));
		}
		if (inspection.site() != null) {
			line(text, "site", inspection.site().id() + " " + inspection.site().name());
		}
		Hj212Inspection.DataArea area = inspection.dataArea();
		if (area != null) {
			for (Map.Entry<String, String> field : area.fields().entrySet()) {
				line(text, "CP " + field.getKey(), field.getValue());
			}
			for (Hj212Inspection.Factor factor : area.factors()) {
				line(text, "CP " + factor.code(),
						factor.values() + ((factor.key() != null) ? " → " + factor.key() : ""));
			}
		}
		for (Hj212Inspection.ReadingPreview reading : inspection.readings()) {
			line(text, "reading", reading.period() + " at " + reading.time() + " ("
					+ ((reading.site() != null) ? "site " + reading.site() : reading.siteKind() + ", assumed from ST")
					+ ")");
			for (Hj212Inspection.Value value : reading.values()) {
				line(text, "  " + value.key(), value.value() + " " + value.unit() + " " + value.flag());
			}
		}
		if (!inspection.problems().isEmpty()) {
			text.append("problems:\n");
			for (Problem problem : inspection.problems()) {
				text.append("  ")
					.append(problem.severity())
					.append(' ')
					.append(problem.code())
					.append((problem.offset() != null) ? " at " + problem.offset() : "")
					.append(": ")
					.append(problem.message())
					.append('\n');
			}
		}
		return text.toString();
	}

	private static long count(Hj212Inspection inspection, Hj212Inspection.Severity severity) {
		return inspection.problems().stream().filter((p) -> p.severity() == severity).count();
	}

	private static void line(StringBuilder text, String name, String value) {
		text.append("  ").append(name).append(" ".repeat(Math.max(1, 12 - name.length()))).append(value).append('\n');
	}

}
