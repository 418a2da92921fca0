package org.lantian.ingest.tcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lantian.domain.Measurand;
import org.lantian.domain.SiteId;
import org.lantian.ingest.hj212.Hj212Decoder;
import org.lantian.ingest.hj212.Hj212Encoder;
import org.lantian.ingest.hj212.Hj212Frame;
import org.lantian.infra.LocalInfrastructure;
import org.lantian.infra.LocalInfrastructureConfiguration;
import org.lantian.storage.LatestValue;
import org.lantian.storage.ReadingRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HJ 212 statistics and per-site units against the real listener and InfluxDB: a 2061
 * hourly upload with 折算, minimum, maximum and total values, and a 2011 upload in ng/m³
 * (catalogue {@code sites/hj212-units.yaml}).
 */
@SpringBootTest(properties = { "lantian.deadletters.dir=${java.io.tmpdir}/lantian-it-dl-${random.uuid}",
		"lantian.sites=classpath:sites/hj212-units.yaml" })
@Import(LocalInfrastructureConfiguration.class)
@DirtiesContext
class Hj212StatisticsIT {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	// yesterday, so that latest() finds it within its lookback
	private static final String DAY = LocalDate.now(SHANGHAI).minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);

	private final Hj212Encoder encoder = new Hj212Encoder();

	@Autowired
	private Hj212TcpListener listener;

	@Autowired
	private ReadingRepository readings;

	@Value("${lantian.influx.database}")
	private String database;

	@Test
	void hourlyStatisticsLandAsFieldsOfTheSamePoint() throws IOException {
		// CN 2061 (表9) with the sub-fields of 表4; particulate sent in µg/m³ and flow in
		// m³/h
		// as the site's hj212.units say
		send(new Hj212Frame(DAY + "080000000", "31", "2061", "123456", "ITSTACK0000000000000S001", 5, null, null,
				"DataTime=" + DAY + "080000;"
						+ "a21026-Avg=20.5,a21026-ZsAvg=35.1,a21026-Min=18,a21026-Max=24.2,a21026-Cou=1.25,"
						+ "a21026-ZsMin=30.2,a21026-ZsMax=41.5,a21026-Flag=M;"
						+ "a34013-Avg=4200,a34013-ZsAvg=6300,a34013-Min=3100,a34013-Max=5000,a34013-Cou=0.9,a34013-Flag=N;"
						+ "a00000-Avg=541800,a00000-Cou=541800,a00000-Flag=N;a19001-Avg=16.3,a19001-Flag=N"));

		Map<String, Object> point = single("IT-STACK-01", "hour");
		assertThat(point).containsEntry("so2", new BigDecimal("20.5"))
			.containsEntry("so2_zs", new BigDecimal("35.1"))
			.containsEntry("so2_min", new BigDecimal("18"))
			.containsEntry("so2_max", new BigDecimal("24.2"))
			.containsEntry("so2_cou", new BigDecimal("1.25"))
			.containsEntry("so2_zsmin", new BigDecimal("30.2"))
			.containsEntry("so2_zsmax", new BigDecimal("41.5"))
			// µg/m³ → mg/m³, statistics alike; the total stays kg (表B.2)
			.containsEntry("pm", new BigDecimal("4.2"))
			.containsEntry("pm_zs", new BigDecimal("6.3"))
			.containsEntry("pm_min", new BigDecimal("3.1"))
			.containsEntry("pm_max", new BigDecimal("5"))
			.containsEntry("pm_cou", new BigDecimal("0.9"))
			.containsEntry("flow", new BigDecimal("541800"))
			.containsEntry("flow_cou", new BigDecimal("541800"))
			.containsEntry("o2", new BigDecimal("16.3"))
			// one flag for so2 and its statistics
			.containsEntry("flags", "so2:M");
		assertThat(point.get("o2_cou")).isNull();

		// latest() reports measurands only, with the measured (not the corrected) value
		Map<Measurand, LatestValue> latest = this.readings.latest(SiteId.of("IT-STACK-01"));
		assertThat(latest).containsOnlyKeys(Measurand.SO2, Measurand.PM, Measurand.FLOW, Measurand.O2);
		assertThat(latest.get(Measurand.SO2).value()).isEqualByComparingTo("20.5");
		assertThat(latest.get(Measurand.PM).value()).isEqualByComparingTo("4.2");
	}

	@Test
	void ambientPmSentInNanogramsIsStoredInMicrograms() throws IOException {
		// 表B.2 prints a34004 in ng/m³; INTERFACES §3.1 stores pm25 in µg/m³
		send(new Hj212Frame(DAY + "090000000", "22", "2011", "654321", "ITAIR00000000000000A001", 5, null, null,
				"DataTime=" + DAY + "090000;a34004-Rtd=35200.000,a34004-Flag=N;a21026-Rtd=20,a21026-Flag=N"));

		Map<String, Object> point = single("IT-AIR-01", "sample");
		assertThat(point).containsEntry("pm25", new BigDecimal("35.2")).containsEntry("so2", new BigDecimal("20"));
		assertThat(point.get("pm25_zs")).isNull();
	}

	/** Sends a frame that asks for a reply and waits for it: the reply means "stored". */
	private void send(Hj212Frame frame) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.listener.localPort())) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(this.encoder.encode(frame).getBytes(StandardCharsets.UTF_8));
			out.flush();
			String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
				.readLine();
			assertThat(reply).as("9014 reply").isNotNull();
			assertThat(new Hj212Decoder().decode(reply + "\r\n").qn()).isEqualTo(frame.qn());
		}
	}

	private Map<String, Object> single(String site, String period) {
		List<Map<String, Object>> rows = LocalInfrastructure.shared()
			.influxd()
			.rows("SELECT * FROM reading WHERE site = '" + site + "' AND period = '" + period + "'", this.database);
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

}
