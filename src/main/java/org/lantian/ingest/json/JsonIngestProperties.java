package org.lantian.ingest.json;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on JSON readings (INTERFACES §3.1, §5.1), the same for every transport.
 *
 * @param maxPayloadSize larger payloads are refused unread ({@code OVERSIZED})
 * @param maxBatchItems larger batches are refused as a whole ({@code OVERSIZED})
 * @param maxFutureSkew how far ahead of the server's clock a reading's {@code time} may
 * lie ({@code BAD_TIME})
 */
@Validated
@ConfigurationProperties("lantian.ingest.json")
record JsonIngestProperties(@DefaultValue("1MB") @NotNull DataSize maxPayloadSize,
		@DefaultValue("10000") @Min(1) int maxBatchItems, @DefaultValue("10m") @NotNull Duration maxFutureSkew) {

	JsonReadingParser.Limits limits() {
		return new JsonReadingParser.Limits(this.maxPayloadSize.toBytes(), this.maxBatchItems, this.maxFutureSkew);
	}

}
