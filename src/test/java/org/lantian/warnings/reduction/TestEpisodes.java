package org.lantian.warnings.reduction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lantian.domain.warning.DayAqi;
import org.lantian.domain.warning.EpisodeDriver;
import org.lantian.domain.warning.WarningBasis;
import org.lantian.domain.warning.WarningLevel;
import org.lantian.domain.warning.WarningState;
import org.lantian.domain.warning.WarningTransition;
import org.lantian.warnings.CityWarning;
import org.lantian.warnings.WarningEpisode;

/** Warning episodes built change by change, for the reduction tests. */
final class TestEpisodes {

	private final String city;

	private final Instant start;

	private final List<WarningTransition> changes = new ArrayList<>();

	private WarningLevel level = WarningLevel.NONE;

	private TestEpisodes(String city, Instant start) {
		this.city = city;
		this.start = start;
	}

	/** An episode raised at {@code at} to {@code level}, PM2.5-driven. */
	static TestEpisodes raised(String city, String at, WarningLevel level) {
		TestEpisodes episode = new TestEpisodes(city, Instant.parse(at));
		episode.change(WarningTransition.Kind.RAISED, Instant.parse(at), level, EpisodeDriver.PM25);
		return episode;
	}

	TestEpisodes then(String at, WarningLevel level) {
		return then(at, level, EpisodeDriver.PM25);
	}

	TestEpisodes then(String at, WarningLevel level, EpisodeDriver driver) {
		WarningTransition.Kind kind = level.isHigherThan(this.level) ? WarningTransition.Kind.UPGRADED
				: WarningTransition.Kind.DOWNGRADED;
		change(kind, Instant.parse(at), level, driver);
		return this;
	}

	TestEpisodes released(String at) {
		change(WarningTransition.Kind.RELEASED, Instant.parse(at), WarningLevel.NONE, EpisodeDriver.PM25);
		return this;
	}

	WarningEpisode episode() {
		return new WarningEpisode(CityWarning.idOf(this.city, this.start), this.city, this.changes);
	}

	private void change(WarningTransition.Kind kind, Instant at, WarningLevel to, EpisodeDriver driver) {
		WarningBasis basis = new WarningBasis("mee-2024", "test",
				List.of(DayAqi.forecast(LocalDate.of(2025, 1, 15), 230)), driver, Optional.empty(), Optional.empty());
		WarningState state = to.isWarning()
				? new WarningState(this.city, to, Optional.of(this.start), Optional.of(at), Optional.of(basis))
				: new WarningState(this.city, to, Optional.empty(), Optional.empty(), Optional.of(basis));
		this.changes.add(new WarningTransition(kind, this.level, to, at, "test", state));
		this.level = to;
	}

}
