package org.lantian.ingest.hj212.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Hj212InspectorCliTests {

	/** HJ 212-2017 附录A's example packet. */
	private static final String APPENDIX = "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;"
			+ "MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80";

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void printsAReadableReportOfAValidFrame() {
		int status = run(InputStream.nullInputStream(), APPENDIX);
		assertThat(status).isZero();
		assertThat(out()).startsWith("HJ 212 frame: VALID (0 error(s), 0 warning(s))")
			.contains("received 1C80, expected 1C80 (附录A), MODBUS 0759, matches")
			.contains("HJ 212-2017, not split (D=0), reply requested (A=1)")
			.contains("PW          ***")
			.contains("INFO NO_TRAILER")
			.doesNotContain("100000;");
	}

	@Test
	void exitsWithOneAndListsEveryProblem() {
		String broken = APPENDIX.replace("##0101", "##0099").replace("&&1C80", "&&1C81");
		int status = run(InputStream.nullInputStream(), broken);
		assertThat(status).isEqualTo(1);
		assertThat(out()).startsWith("HJ 212 frame: INVALID (2 error(s)")
			.contains("ERROR BAD_LENGTH at 2: the length field says 99")
			.contains("ERROR BAD_CRC at 107: the CRC received is 1C81");
	}

	@Test
	void readsStandardInputAndPrintsJson() throws Exception {
		InputStream in = new ByteArrayInputStream((APPENDIX + "\r\n").getBytes(StandardCharsets.UTF_8));
		int status = run(in, "--json", "-");
		assertThat(status).isZero();
		JsonNode json = new ObjectMapper().readTree(out());
		assertThat(json.get("valid").asBoolean()).isTrue();
		assertThat(json.get("trailer").asText()).isEqualTo("CRLF");
		assertThat(json.at("/crc/expected").asText()).isEqualTo("1C80");
		assertThat(json.at("/length/declared").asInt()).isEqualTo(101);
		assertThat(json.at("/flag/replyRequested").asBoolean()).isTrue();
		assertThat(json.at("/fields/PW").asText()).isEqualTo("***");
		assertThat(json.at("/dataArea/fields/RtdInterval").asText()).isEqualTo("30");
	}

	@Test
	void refusesUsageErrorsWithTwo() {
		assertThat(run(InputStream.nullInputStream(), "--bogus")).isEqualTo(2);
		assertThat(run(InputStream.nullInputStream())).isEqualTo(2);
		assertThat(run(new ByteArrayInputStream(new byte[] { (byte) 0xC3, (byte) 0x28 }))).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("usage: hj212-decode").contains("not UTF-8");
	}

	private int run(InputStream in, String... args) {
		return Hj212InspectorCli.run(args, in, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

}
