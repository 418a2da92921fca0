package org.lantian.charts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.lantian.airquality.AirQuality;
import org.lantian.alerts.Alert;
import org.lantian.alerts.AlertQuery;
import org.lantian.alerts.AlertView;
import org.lantian.alerts.Alerts;
import org.lantian.charts.render.AqiCalendar;
import org.lantian.charts.render.AqiCalendarRenderer;
import org.lantian.charts.render.DailyReport;
import org.lantian.charts.render.DailyReportRenderer;
import org.lantian.charts.render.RenderedChart;
import org.lantian.charts.render.TrendChart;
import org.lantian.charts.render.TrendChartRenderer;
import org.lantian.domain.Measurand;
import org.lantian.domain.ReadingPeriod;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteKind;
import org.lantian.domain.ambient.AmbientLimit;
import org.lantian.domain.ambient.AmbientLimits;
import org.lantian.domain.ambient.Exceedance;
import org.lantian.domain.ambient.LimitAveraging;
import org.lantian.domain.aqi.AirQualityIndex;
import org.lantian.domain.aqi.AqiIndicator;
import org.lantian.domain.aqi.AqiReport;
import org.lantian.domain.aqi.AqiStandard;
import org.lantian.domain.aqi.Area;
import org.lantian.domain.aqi.AreaReport;
import org.lantian.domain.emission.EmissionLimit;
import org.lantian.domain.emission.EmissionLimitTable;
import org.lantian.domain.emission.OxygenCorrection;
import org.lantian.domain.validity.Average;
import org.lantian.storage.ReadingRepository;
import org.lantian.storage.SeriesPoint;
import org.lantian.storage.SeriesQuery;
import org.lantian.storage.Step;
import org.springframework.stereotype.Component;

/**
 * {@link Charts} of what storage, airquality and alerts hold, drawn by the renderers of
 * {@code charts.render}.
 */
@Component
class StoredDataCharts implements Charts {

	/** The daily-report indicators, in the order printed (HJ 633 daily report). */
	private static final List<AqiIndicator> DAILY_INDICATORS = List.of(AqiIndicator.PM25_24H, AqiIndicator.PM10_24H,
			AqiIndicator.O3_8H, AqiIndicator.NO2_24H, AqiIndicator.SO2_24H, AqiIndicator.CO_24H);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

	private final ReadingRepository readings;

	private final AirQuality airQuality;

	private final Alerts alerts;

	private final SiteCatalogue catalogue;

	private final ZoneId zone;

	private final Labels labels;

	StoredDataCharts(ReadingRepository readings, AirQuality airQuality, Alerts alerts, SiteCatalogue catalogue,
			ZoneId zone) {
		this.readings = readings;
		this.airQuality = airQuality;
		this.alerts = alerts;
		this.catalogue = catalogue;
		this.zone = zone;
		this.labels = Labels.forInstalledFonts();
	}

	@Override
	public boolean chineseLabels() {
		return this.labels.chinese();
	}

	@Override
	public byte[] siteSeries(Site site, Measurand key, Instant from, Instant to, Step step, int width, int height) {
		checkSize(width, height);
		return new TrendChartRenderer(this.labels.font()).render(trend(site, key, from, to, step), width, height).png();
	}

	/** The chart's data: the values and the limit segments. */
	TrendChart trend(Site site, Measurand key, Instant from, Instant to, Step step) {
		if (step != Step.HOUR && step != Step.DAY) {
			throw new IllegalArgumentException("charts take hourly or daily means, not step " + step.key());
		}
		if (site.kind() == SiteKind.STACK && step != Step.HOUR) {
			throw new IllegalArgumentException("stack charts are hourly: emission limits judge hourly means");
		}
		String name = this.labels.name(site.name(), site.id().value());
		String unit = key.unitAt(site.kind()).symbol();
		String period = DAY.format(from.atZone(this.zone)) + " – " + DAY.format(to.atZone(this.zone));
		List<TrendChart.Point> points;
		List<TrendChart.LimitSegment> limits;
		String seriesLabel;
		String limitLabel;
		if (site.kind() == SiteKind.STACK) {
			points = correctedHourlyMeans(site, key, from, to);
			limits = segments(from, to, (date) -> emissionLimit(site, key, date));
			boolean corrected = site.referenceO2() != null;
			seriesLabel = Labels.pollutant(key) + this.labels.pick(corrected ? " 折算小时均值" : " 小时均值", corrected
					? " hourly mean, O2-corrected to " + site.referenceO2().stripTrailingZeros().toPlainString() + " %"
					: " hourly mean");
			limitLabel = this.labels.pick("排放限值 (" + site.limitProfile() + ")",
					"emission limit (" + site.limitProfile() + ")");
		}
		else {
			SeriesQuery query = new SeriesQuery(site.id(), from, to, List.of(key), step, ReadingPeriod.SAMPLE);
			points = this.readings.series(query)
				.getOrDefault(key, List.of())
				.stream()
				.map((p) -> new TrendChart.Point(p.start(), (p.value() != null) ? p.value().doubleValue() : Double.NaN))
				.toList();
			LimitAveraging averaging = ambientAveraging(key, step);
			limits = (averaging != null)
					? segments(from, to,
							(date) -> AmbientLimits.on(date, key, averaging, site.zone()).map(AmbientLimit::value))
					: List.of();
			seriesLabel = Labels.pollutant(key) + ((step == Step.HOUR) ? this.labels.pick(" 小时均值", " hourly mean")
					: this.labels.pick(" 日均值", " daily mean"));
			limitLabel = "GB 3095 " + ((averaging == LimitAveraging.HOURLY)
					? this.labels.pick("1小时平均限值", "1-hour limit") : this.labels.pick("24小时平均限值", "24-hour limit"));
		}
		return new TrendChart(name + "  " + Labels.pollutant(key) + "  " + period,
				Labels.pollutant(key) + " (" + unit + ")", seriesLabel, limitLabel, this.zone, points, limits);
	}

	/**
	 * The GB 3095 averaging drawn: the 1-hour limit on hourly means where the pollutant
	 * has one, else the 24-hour limit (PM2.5 and PM10 have no 1-hour limit, 表1); none for
	 * O₃ daily means, whose limits are the daily maximum 8-hour and the 1-hour means.
	 */
	private static @Nullable LimitAveraging ambientAveraging(Measurand key, Step step) {
		if (step == Step.HOUR && AmbientLimits.all()
			.stream()
			.anyMatch((l) -> l.pollutant() == key && l.averaging() == LimitAveraging.HOURLY)) {
			return LimitAveraging.HOURLY;
		}
		boolean daily = AmbientLimits.all()
			.stream()
			.anyMatch((l) -> l.pollutant() == key && l.averaging() == LimitAveraging.DAILY);
		return daily ? LimitAveraging.DAILY : null;
	}

	private Optional<BigDecimal> emissionLimit(Site site, Measurand key, LocalDate date) {
		String profile = site.limitProfile();
		if (profile == null) {
			return Optional.empty();
		}
		return EmissionLimitTable.limit(profile, key, date).limit().map(EmissionLimit::value);
	}

	/**
	 * Hourly means of a stack corrected to its reference O₂ with the hour's mean O₂
	 * (STANDARDS §5.4); an hour without O₂, or refused by the 19 % guard, is a gap.
	 */
	private List<TrendChart.Point> correctedHourlyMeans(Site site, Measurand key, Instant from, Instant to) {
		BigDecimal reference = site.referenceO2();
		List<Measurand> keys = (reference != null) ? List.of(key, Measurand.O2) : List.of(key);
		Map<Measurand, List<SeriesPoint>> series = this.readings
			.series(new SeriesQuery(site.id(), from, to, keys, Step.HOUR, ReadingPeriod.SAMPLE));
		Map<Instant, BigDecimal> oxygen = new HashMap<>();
		for (SeriesPoint point : series.getOrDefault(Measurand.O2, List.of())) {
			if (point.value() != null) {
				oxygen.put(point.start(), point.value());
			}
		}
		List<TrendChart.Point> points = new ArrayList<>();
		for (SeriesPoint point : series.getOrDefault(key, List.of())) {
			double value = Double.NaN;
			BigDecimal measured = point.value();
			if (measured != null && reference == null) {
				value = measured.doubleValue();
			}
			else if (measured != null && oxygen.containsKey(point.start()) && measured.signum() >= 0) {
				BigDecimal o2 = oxygen.get(point.start());
				if (o2.signum() >= 0 && o2.compareTo(BigDecimal.valueOf(25)) <= 0) {
					value = OxygenCorrection.standard()
						.correct(measured, o2, reference)
						.judgedValue()
						.map(BigDecimal::doubleValue)
						.orElse(Double.NaN);
				}
			}
			points.add(new TrendChart.Point(point.start(), value));
		}
		return points;
	}

	/** The limit by local date over [from, to), merged where it does not change. */
	private List<TrendChart.LimitSegment> segments(Instant from, Instant to,
			Function<LocalDate, Optional<BigDecimal>> limitOn) {
		List<TrendChart.LimitSegment> segments = new ArrayList<>();
		LocalDate date = from.atZone(this.zone).toLocalDate();
		Instant start = from;
		BigDecimal current = null;
		while (start.isBefore(to)) {
			Instant next = date.plusDays(1).atStartOfDay(this.zone).toInstant();
			Instant end = next.isBefore(to) ? next : to;
			BigDecimal limit = limitOn.apply(date).orElse(null);
			if (limit != null && current != null && limit.compareTo(current) == 0 && !segments.isEmpty()) {
				TrendChart.LimitSegment last = segments.remove(segments.size() - 1);
				segments.add(new TrendChart.LimitSegment(last.from(), end, last.value()));
			}
			else if (limit != null) {
				segments.add(new TrendChart.LimitSegment(start, end, limit.doubleValue()));
			}
			current = limit;
			start = end;
			date = date.plusDays(1);
		}
		return segments;
	}

	@Override
	public byte[] aqiCalendar(String city, int year, int width, int height) {
		return calendar(city, year, width, height).png();
	}

	RenderedChart calendar(String city, int year, int width, int height) {
		checkSize(width, height);
		Instant from = LocalDate.of(year, 1, 1).atStartOfDay(this.zone).toInstant();
		Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(this.zone).toInstant();
		Map<LocalDate, Integer> days = new HashMap<>();
		for (AreaReport report : this.airQuality.reports(Area.city(city), AqiReport.DAILY, from, to)) {
			if (report.index().aqi().isPresent()) {
				days.put(report.start().atZone(this.zone).toLocalDate(), report.index().aqi().getAsInt());
			}
		}
		String title = this.labels.name(city, this.labels.pick(city, "City")) + "  "
				+ this.labels.pick(year + "年 每日空气质量指数", "daily AQI " + year);
		AqiCalendar calendar = new AqiCalendar(title, year, this.labels.months(), this.labels.categories(),
				this.labels.pick("无数据", "no data"), days);
		return new AqiCalendarRenderer(this.labels.font()).render(calendar, width, height);
	}

	@Override
	public byte[] dailyReport(String city, LocalDate date, int width) {
		if (width < MIN_WIDTH || width > MAX_WIDTH) {
			throw new IllegalArgumentException("width must be in [" + MIN_WIDTH + ", " + MAX_WIDTH + "]: " + width);
		}
		return new DailyReportRenderer(this.labels.font()).render(report(city, date), width);
	}

	DailyReport report(String city, LocalDate date) {
		Instant from = date.atStartOfDay(this.zone).toInstant();
		Instant to = date.plusDays(1).atStartOfDay(this.zone).toInstant();
		String cityName = this.labels.name(city, "City");
		DailyReport.AqiLine cityLine = line(cityName,
				first(this.airQuality.reports(Area.city(city), AqiReport.DAILY, from, to)));
		List<Site> stations = this.catalogue.sites()
			.stream()
			.filter((s) -> s.kind() == SiteKind.AMBIENT && s.city().equals(city))
			.sorted(Comparator.comparing((Site s) -> s.id().value()))
			.toList();
		List<DailyReport.AqiLine> lines = new ArrayList<>();
		List<String> exceedances = new ArrayList<>();
		for (Site station : stations) {
			AreaReport report = first(this.airQuality.reports(Area.station(station.id()), AqiReport.DAILY, from, to));
			String name = this.labels.name(station.name(), station.id().value());
			lines.add(line(name, report));
			if (report != null) {
				exceedances.addAll(exceedances(name, station, date, report));
			}
		}
		List<String> alertLines = this.alerts.find(new AlertQuery(null, null, from, to, false))
			.stream()
			.filter((alert) -> city.equals(alert.city()))
			.sorted(Comparator.comparing((Alert a) -> a.raisedAt()))
			.map((alert) -> AlertView.from(alert, this.zone))
			.map((view) -> CLOCK.format(view.raisedAt()) + "  " + view.severity() + "  " + view.status() + "  "
					+ view.site() + " " + view.key() + ": " + this.labels.name(view.message(), view.rule()))
			.toList();
		String title = this.labels.pick(cityName + " 空气质量日报", "Daily air quality report  " + cityName);
		String standard = (cityLine.aqi() != null || !lines.isEmpty()) ? AqiStandard.forPeriodStartingOn(date).label()
				: "";
		String subtitle = DAY.format(date) + "  " + standard;
		return new DailyReport(title, subtitle, this.labels.headings(), cityLine, lines, exceedances, alertLines);
	}

	private List<String> exceedances(String name, Site station, LocalDate date, AreaReport report) {
		List<String> lines = new ArrayList<>();
		for (AqiIndicator indicator : DAILY_INDICATORS) {
			Average average = report.averages().get(indicator);
			if (average == null) {
				continue;
			}
			LimitAveraging averaging = (indicator == AqiIndicator.O3_8H) ? LimitAveraging.DAILY_MAX_EIGHT_HOUR
					: LimitAveraging.DAILY;
			Exceedance.judge(date, station.zone(), indicator.pollutant(), averaging, average)
				.ifPresent((e) -> lines.add(name + "  " + Labels.indicator(indicator) + "  " + e.value().toPlainString()
						+ " " + e.limit().unit().symbol() + " > " + e.limit().value().toPlainString() + "  ("
						+ e.limit().standard().label() + ")"));
		}
		return lines;
	}

	private DailyReport.AqiLine line(String name, @Nullable AreaReport report) {
		if (report == null || report.index().aqi().isEmpty()) {
			return new DailyReport.AqiLine(name, null, null, "NA", "—",
					(report == null) ? this.labels.pick("无数据", "no data") : concentrations(report.index()));
		}
		AirQualityIndex index = report.index();
		var category = index.category().orElseThrow();
		List<String> primary = index.primaryPollutants().stream().map(Labels::indicator).toList();
		return new DailyReport.AqiLine(name, index.aqi().getAsInt(), category, this.labels.category(category),
				primary.isEmpty() ? "—" : String.join(", ", primary), concentrations(index));
	}

	private static String concentrations(AirQualityIndex index) {
		List<String> parts = new ArrayList<>();
		Set<AqiIndicator> shown = EnumSet.noneOf(AqiIndicator.class);
		for (AqiIndicator indicator : DAILY_INDICATORS) {
			BigDecimal value = index.concentrations().get(indicator);
			if (value != null && shown.add(indicator)) {
				parts.add(Labels.indicator(indicator) + " " + value.toPlainString());
			}
		}
		return String.join("  ", parts);
	}

	private static @Nullable AreaReport first(List<AreaReport> reports) {
		return reports.isEmpty() ? null : reports.get(0);
	}

	private static void checkSize(int width, int height) {
		if (width < MIN_WIDTH || width > MAX_WIDTH || height < MIN_HEIGHT || height > MAX_HEIGHT) {
			throw new IllegalArgumentException("size must be within [" + MIN_WIDTH + ", " + MAX_WIDTH + "] × ["
					+ MIN_HEIGHT + ", " + MAX_HEIGHT + "] px: " + width + " × " + height);
		}
	}

}
