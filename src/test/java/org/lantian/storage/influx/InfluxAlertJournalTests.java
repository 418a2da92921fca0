package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lantian.storage.AlertRecord;

import static org.assertj.core.api.Assertions.assertThat;

class InfluxAlertJournalTests {

	@Test
	void encodesAChangeAsOneAlertEventPoint() {
		AlertRecord record = new AlertRecord("a 1", 2, "acknowledged", Instant.ofEpochMilli(1768435500000L), "王工",
				"on it,\n\"now\"", "stack-so2-hourly", "BT-STEEL-S1", "包头市", null, "so2", "acknowledged", "high",
				Instant.ofEpochMilli(1768435200000L), new BigDecimal("57.30"), null, "SO₂ 57.3");

		assertThat(InfluxAlertJournal.encode(record)).isEqualTo("alert_event,alert=a\\ 1,change=acknowledged,key=so2,"
				+ "rule=stack-so2-hourly,site=BT-STEEL-S1 seq=2i,status=\"acknowledged\",severity=\"high\","
				+ "by=\"王工\",raised_at=1768435200000i,message=\"SO₂ 57.3\",comment=\"on it, \\\"now\\\"\","
				+ "city=\"包头市\",value=57.30 1768435500000");
	}

}
