package org.lantian.storage.influx;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.influxdb.dto.QueryResult;
import org.jspecify.annotations.Nullable;
import org.lantian.domain.warning.AqiForecast;
import org.lantian.domain.warning.DayAqi;
import org.lantian.domain.warning.EpisodeDriver;
import org.lantian.domain.warning.ForecastDay;
import org.lantian.domain.warning.Grading;
import org.lantian.domain.warning.WarningBasis;
import org.lantian.domain.warning.WarningLevel;
import org.lantian.domain.warning.WarningState;
import org.lantian.domain.warning.WarningTransition;
import org.lantian.storage.StorageUnavailableException;
import org.lantian.storage.WarningJournal;
import org.lantian.storage.WarningJournal.WarningChange;

/**
 * The warning history in InfluxDB.
 * <ul>
 * <li>{@code aqi_forecast}: one point per forecast day, stamped with the forecast's issue
 * instant, tagged {@code city} and {@code day} (ISO date); fields {@code aqi} and, if
 * stated, {@code driver}. Every forecast stays (history); a forecast issued again at the
 * same instant replaces its days.</li>
 * <li>{@code warning_event}: one point per level change, stamped with its instant, tagged
 * {@code city} and {@code kind} (raised, upgraded, downgraded, released); fields
 * {@code warning} (the episode's id), {@code from}, {@code to}, {@code reason},
 * {@code episode_start} and {@code since} (epoch ms), and the basis: {@code scheme},
 * {@code rule}, {@code driver}, {@code evidence} ({@code date aqi F|O driver} per day,
 * {@code ;} between days), {@code forecast_issued}, {@code zone}, {@code leader}.</li>
 * </ul>
 */
final class InfluxWarningJournal implements WarningJournal {

	static final String FORECASTS = "aqi_forecast";

	static final String EVENTS = "warning_event";

	private final InfluxHttp influx;

	InfluxWarningJournal(InfluxHttp influx) {
		this.influx = influx;
	}

	@Override
	public void appendForecast(AqiForecast forecast) {
		write(encode(forecast), "forecast of " + forecast.city());
	}

	@Override
	public void appendChange(WarningChange change) {
		write(encode(change), "warning change of " + change.transition().state().region());
	}

	private void write(String lines, String what) {
		try {
			this.influx.write(lines);
		}
		catch (InfluxWriteException ex) {
			throw new StorageUnavailableException("InfluxDB refused the " + what + ": " + ex.getMessage(), ex);
		}
	}

	static String encode(AqiForecast forecast) {
		StringBuilder lines = new StringBuilder(forecast.days().size() * 80);
		for (ForecastDay day : forecast.days()) {
			lines.append(LineProtocol.measurement(FORECASTS))
				.append(",city=")
				.append(LineProtocol.key(forecast.city()))
				.append(",day=")
				.append(day.date())
				.append(" aqi=")
				.append(day.aqi())
				.append('i');
			day.driver().ifPresent((d) -> lines.append(",driver=").append(LineProtocol.stringField(d.key())));
			lines.append(' ').append(forecast.issued().toEpochMilli()).append('\n');
		}
		return lines.toString();
	}

	static String encode(WarningChange change) {
		WarningTransition transition = change.transition();
		WarningState state = transition.state();
		StringBuilder line = new StringBuilder(400);
		line.append(LineProtocol.measurement(EVENTS))
			.append(",city=")
			.append(LineProtocol.key(state.region()))
			.append(",kind=")
			.append(transition.kind().name().toLowerCase(Locale.ROOT))
			.append(" warning=")
			.append(text(change.warningId()))
			.append(",from=")
			.append(text(transition.from().key()))
			.append(",to=")
			.append(text(transition.to().key()))
			.append(",reason=")
			.append(text(transition.reason()));
		state.episodeStart().ifPresent((at) -> line.append(",episode_start=").append(at.toEpochMilli()).append('i'));
		state.since().ifPresent((at) -> line.append(",since=").append(at.toEpochMilli()).append('i'));
		state.basis().ifPresent((basis) -> {
			line.append(",scheme=")
				.append(text(basis.schemeId()))
				.append(",rule=")
				.append(text(basis.rule()))
				.append(",driver=")
				.append(text(basis.driver().key()))
				.append(",evidence=")
				.append(text(evidence(basis.evidence())));
			basis.forecastIssued()
				.ifPresent((at) -> line.append(",forecast_issued=").append(at.toEpochMilli()).append('i'));
			basis.jointZone()
				.ifPresent((zone) -> line.append(",zone=")
					.append(text(zone.zone()))
					.append(",leader=")
					.append(text(zone.leader())));
		});
		return line.append(' ').append(transition.at().toEpochMilli()).append('\n').toString();
	}

	static String evidence(List<DayAqi> days) {
		StringBuilder out = new StringBuilder();
		for (DayAqi day : days) {
			if (out.length() > 0) {
				out.append(';');
			}
			out.append(day.date())
				.append(' ')
				.append(day.aqi())
				.append(' ')
				.append((day.source() == DayAqi.Source.FORECAST) ? 'F' : 'O')
				.append(' ')
				.append(day.driver().map(EpisodeDriver::key).orElse("-"));
		}
		return out.toString();
	}

	static List<DayAqi> evidence(String text) {
		List<DayAqi> days = new ArrayList<>();
		if (text.isBlank()) {
			return days;
		}
		for (String day : text.split(";")) {
			String[] parts = day.split(" ");
			days.add(new DayAqi(LocalDate.parse(parts[0]), Integer.parseInt(parts[1]),
					"F".equals(parts[2]) ? DayAqi.Source.FORECAST : DayAqi.Source.OBSERVED,
					"-".equals(parts[3]) ? Optional.empty() : Optional.of(EpisodeDriver.fromKey(parts[3]))));
		}
		return days;
	}

	private static String text(String value) {
		// InfluxDB 1.x line protocol cannot carry a line break, even in a string field
		return LineProtocol.stringField(value.replace('\n', ' ').replace('\r', ' '));
	}

	@Override
	public List<AqiForecast> forecastsIssuedSince(Instant since) {
		Map<String, Map<Instant, List<ForecastDay>>> byCity = new LinkedHashMap<>();
		for (QueryRow row : rows(select(FORECASTS, since, "city", "day"))) {
			String city = row.tag("city");
			String day = row.tag("day");
			BigDecimal aqi = row.decimal("aqi");
			if (city == null || day == null || aqi == null) {
				continue;
			}
			String driver = row.text("driver");
			byCity.computeIfAbsent(city, (c) -> new LinkedHashMap<>())
				.computeIfAbsent(row.time(), (t) -> new ArrayList<>())
				.add(new ForecastDay(LocalDate.parse(day), aqi.intValueExact(),
						(driver != null) ? Optional.of(EpisodeDriver.fromKey(driver)) : Optional.empty()));
		}
		List<AqiForecast> forecasts = new ArrayList<>();
		byCity.forEach((city, issues) -> issues.forEach((issued, days) -> {
			days.sort(Comparator.comparing(ForecastDay::date));
			forecasts.add(new AqiForecast(city, issued, days));
		}));
		forecasts.sort(Comparator.comparing(AqiForecast::issued));
		return forecasts;
	}

	@Override
	public List<WarningChange> changesSince(Instant since) {
		List<WarningChange> transitions = new ArrayList<>();
		for (QueryRow row : rows(select(EVENTS, since, "city", "kind"))) {
			String city = row.tag("city");
			String kind = row.tag("kind");
			if (city == null || kind == null) {
				continue;
			}
			WarningLevel to = WarningLevel.fromKey(required(row, "to"));
			Optional<WarningBasis> basis = Optional.empty();
			String scheme = row.text("scheme");
			if (scheme != null) {
				String zone = row.text("zone");
				String leader = row.text("leader");
				basis = Optional.of(new WarningBasis(scheme, required(row, "rule"),
						evidence(Optional.ofNullable(row.text("evidence")).orElse("")),
						EpisodeDriver.fromKey(required(row, "driver")), instant(row, "forecast_issued"),
						(zone != null && leader != null) ? Optional.of(new Grading.JointRaise(zone, leader))
								: Optional.empty()));
			}
			WarningState state = new WarningState(city, to, instant(row, "episode_start"), instant(row, "since"),
					basis);
			WarningTransition.Kind change = WarningTransition.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
			transitions.add(new WarningChange(required(row, "warning"), new WarningTransition(change,
					WarningLevel.fromKey(required(row, "from")), to, row.time(), required(row, "reason"), state)));
		}
		transitions.sort(Comparator.comparing((WarningChange c) -> c.transition().at()));
		return transitions;
	}

	private static String select(String measurement, Instant since, String... tags) {
		StringBuilder group = new StringBuilder();
		for (String tag : tags) {
			group.append((group.length() == 0) ? " GROUP BY " : ",").append(InfluxQl.identifier(tag));
		}
		return "SELECT * FROM " + InfluxQl.identifier(measurement) + " WHERE time >= " + InfluxQl.time(since) + group;
	}

	private static Optional<Instant> instant(QueryRow row, String column) {
		BigDecimal ms = row.decimal(column);
		return (ms != null) ? Optional.of(Instant.ofEpochMilli(ms.longValueExact())) : Optional.empty();
	}

	private List<QueryRow> rows(String query) {
		List<QueryResult.Result> results = this.influx.query(query);
		return results.isEmpty() ? List.of() : QueryRow.of(results.get(0));
	}

	private static String required(QueryRow row, String column) {
		@Nullable String value = row.text(column);
		if (value == null) {
			throw new IllegalStateException("warning point without " + column + ": " + row.values());
		}
		return value;
	}

}
