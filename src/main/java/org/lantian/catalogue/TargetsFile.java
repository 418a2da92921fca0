package org.lantian.catalogue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteKind;
import org.lantian.domain.evaluation.AirQualityTarget;
import org.lantian.domain.evaluation.AirQualityTargets;
import org.lantian.domain.evaluation.Baseline;

/**
 * Reads the air-quality targets file: {@code targets:} followed by a list of areas with
 * their criteria (SEEDS-BRIEF §2.1; the bundled file documents the fields). Every invalid
 * entry is reported, by position and area, in one exception. Member cities the site
 * catalogue does not know are a warning, not an error: see
 * {@link #unknownCities(AirQualityTargets, SiteCatalogue)}.
 */
public final class TargetsFile {

	/** The bundled targets of SEEDS-BRIEF §2.1 (A1–A8), on the classpath. */
	public static final String BUNDLED = "airquality/targets.yaml";

	private TargetsFile() {
	}

	/**
	 * Parses the targets file.
	 * @param name the file's name for error messages
	 * @throws InvalidTargetsException naming every problem found
	 */
	public static AirQualityTargets read(InputStream in, String name) {
		Document document = YamlDocuments.read(in, Document.class,
				(problems) -> new InvalidTargetsException(name, problems));
		if (document == null || document.targets() == null || document.targets().isEmpty()) {
			throw new InvalidTargetsException(name,
					List.of("no targets: the file must have a non-empty 'targets:' list"));
		}
		List<String> problems = new ArrayList<>();
		List<AirQualityTarget> targets = new ArrayList<>();
		for (int i = 0; i < document.targets().size(); i++) {
			Entry entry = document.targets().get(i);
			try {
				targets.add(entry.toTarget());
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				problems.add("targets[" + i + "]" + ((entry.area() != null) ? " (" + entry.area() + ")" : "") + ": "
						+ ex.getMessage());
			}
		}
		if (problems.isEmpty()) {
			try {
				return AirQualityTargets.of(targets);
			}
			catch (IllegalArgumentException ex) {
				problems.add(ex.getMessage());
			}
		}
		throw new InvalidTargetsException(name, problems);
	}

	/**
	 * The member cities of the targets that no ambient site of the catalogue lies in: a
	 * warning for the caller (the scorecard of such a city has no daily results), in file
	 * order.
	 */
	public static List<String> unknownCities(AirQualityTargets targets, SiteCatalogue catalogue) {
		Set<String> cities = catalogue.sites()
			.stream()
			.filter((site) -> site.kind() == SiteKind.AMBIENT)
			.map((site) -> site.city())
			.collect(Collectors.toSet());
		return targets.unknownCities(cities);
	}

	record Document(@Nullable List<Entry> targets) {
	}

	record Entry(@Nullable String area, @Nullable List<String> members, @Nullable Integer year,
			@Nullable BigDecimal goodDaysPercentAtLeast, @Nullable BigDecimal heavyDaysPercentAtMost,
			@Nullable BigDecimal pm25AnnualMeanAtMost, @Nullable BigDecimal pm25ChangePercentAtMost,
			@Nullable BigDecimal pm10ChangePercentAtMost, @Nullable BaselineEntry baseline, @Nullable String source,
			@Nullable String quote) {

		AirQualityTarget toTarget() {
			if (this.area == null || this.area.isBlank()) {
				throw new IllegalArgumentException("no area");
			}
			if (this.year == null) {
				throw new IllegalArgumentException("no year");
			}
			if (this.members != null && this.members.contains(null)) {
				throw new IllegalArgumentException("a member city has no name");
			}
			List<String> cities = (this.members != null) ? this.members : List.of(this.area);
			return new AirQualityTarget(this.area, cities, this.year, Optional.ofNullable(this.goodDaysPercentAtLeast),
					Optional.ofNullable(this.heavyDaysPercentAtMost), Optional.ofNullable(this.pm25AnnualMeanAtMost),
					Optional.ofNullable(this.pm25ChangePercentAtMost),
					Optional.ofNullable(this.pm10ChangePercentAtMost),
					Optional.ofNullable(this.baseline).map(BaselineEntry::toBaseline), this.source,
					(this.quote != null) ? this.quote : "");
		}

	}

	record BaselineEntry(@Nullable Integer year, @Nullable BigDecimal pm25, @Nullable BigDecimal pm10,
			@Nullable BigDecimal goodDaysPercent) {

		Baseline toBaseline() {
			if (this.year == null) {
				throw new IllegalArgumentException("baseline has no year");
			}
			return new Baseline(this.year, Optional.ofNullable(this.pm25), Optional.ofNullable(this.pm10),
					Optional.ofNullable(this.goodDaysPercent));
		}

	}

}
