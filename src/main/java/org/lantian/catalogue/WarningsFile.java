package org.lantian.catalogue;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.warning.Criterion;
import org.lantian.domain.warning.JointZone;
import org.lantian.domain.warning.JointZones;
import org.lantian.domain.warning.LevelRule;
import org.lantian.domain.warning.SchemeAdoption;
import org.lantian.domain.warning.WarningLevel;
import org.lantian.domain.warning.WarningRules;
import org.lantian.domain.warning.WarningScheme;
import org.lantian.domain.warning.WarningSchemes;

/**
 * Reads the warnings file ({@code lantian.warnings.file}): grading schemes as data, their
 * effective-dated adoptions (national and per region), the joint zones and the release
 * duration (STANDARDS §4; the bundled file documents the fields). Every invalid entry is
 * reported, by position and name, in one exception.
 */
public final class WarningsFile {

	/** The bundled national schemes, Inner Mongolia adoptions and joint zones. */
	public static final String BUNDLED = "warnings/warnings.yaml";

	private WarningsFile() {
	}

	/**
	 * @param name the file's name for error messages
	 * @throws InvalidWarningsException naming every problem found
	 */
	public static WarningRules read(InputStream in, String name) {
		Document document = YamlDocuments.read(in, Document.class,
				(problems) -> new InvalidWarningsException(name, problems));
		if (document == null || document.schemes() == null || document.schemes().isEmpty()) {
			throw new InvalidWarningsException(name,
					List.of("no schemes: the file must have a non-empty 'schemes:' list"));
		}
		List<String> problems = new ArrayList<>();
		List<WarningScheme> schemes = new ArrayList<>();
		for (int i = 0; i < document.schemes().size(); i++) {
			SchemeEntry entry = document.schemes().get(i);
			try {
				schemes.add(entry.toScheme());
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				problems.add("schemes[" + i + "]" + ((entry.id() != null) ? " (" + entry.id() + ")" : "") + ": "
						+ ex.getMessage());
			}
		}
		List<SchemeAdoption> adoptions = new ArrayList<>();
		List<AdoptionEntry> adoptionEntries = (document.adoptions() != null) ? document.adoptions() : List.of();
		for (int i = 0; i < adoptionEntries.size(); i++) {
			AdoptionEntry entry = adoptionEntries.get(i);
			try {
				adoptions.add(entry.toAdoption());
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				problems.add("adoptions[" + i + "]" + ((entry.scheme() != null) ? " (" + entry.scheme() + ")" : "")
						+ ": " + ex.getMessage());
			}
		}
		List<JointZone> zones = new ArrayList<>();
		List<ZoneEntry> zoneEntries = (document.jointZones() != null) ? document.jointZones() : List.of();
		for (int i = 0; i < zoneEntries.size(); i++) {
			ZoneEntry entry = zoneEntries.get(i);
			try {
				zones.add(new JointZone(entry.name(), entry.members(), (entry.source() != null) ? entry.source() : ""));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				problems.add("jointZones[" + i + "]" + ((entry.name() != null) ? " (" + entry.name() + ")" : "") + ": "
						+ ex.getMessage());
			}
		}
		int releaseAfterHours = (document.releaseAfterHours() != null) ? document.releaseAfterHours() : 36;
		if (releaseAfterHours < 0) {
			problems.add("releaseAfterHours: must be ≥ 0, got " + releaseAfterHours);
		}
		if (problems.isEmpty()) {
			try {
				return new WarningRules(WarningSchemes.of(schemes, adoptions), JointZones.of(zones),
						Duration.ofHours(releaseAfterHours));
			}
			catch (IllegalArgumentException ex) {
				problems.add(ex.getMessage());
			}
		}
		throw new InvalidWarningsException(name, problems);
	}

	record Document(@Nullable Integer releaseAfterHours, @Nullable List<SchemeEntry> schemes,
			@Nullable List<AdoptionEntry> adoptions, @Nullable List<ZoneEntry> jointZones) {
	}

	record SchemeEntry(@Nullable String id, @Nullable String name, @Nullable String source,
			@Nullable List<LevelEntry> levels) {

		WarningScheme toScheme() {
			if (this.levels == null || this.levels.isEmpty()) {
				throw new IllegalArgumentException("levels: empty");
			}
			List<LevelRule> rules = new ArrayList<>();
			for (int i = 0; i < this.levels.size(); i++) {
				rules.add(this.levels.get(i).toRule("levels[" + i + "]"));
			}
			return new WarningScheme(this.id, (this.name != null) ? this.name : this.id,
					(this.source != null) ? this.source : "", rules);
		}

	}

	/**
	 * {@code anyOf}: alternatives ("或"), each a list of criteria that must all hold
	 * ("且").
	 */
	record LevelEntry(@Nullable String level, @Nullable List<List<CriterionEntry>> anyOf) {

		LevelRule toRule(String where) {
			if (this.level == null) {
				throw new IllegalArgumentException(where + ".level: missing");
			}
			WarningLevel warningLevel;
			try {
				warningLevel = WarningLevel.fromKey(this.level);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(where + ".level: " + ex.getMessage());
			}
			if (this.anyOf == null || this.anyOf.isEmpty()) {
				throw new IllegalArgumentException(where + " (" + this.level + ").anyOf: empty");
			}
			List<List<Criterion>> alternatives = new ArrayList<>();
			for (int a = 0; a < this.anyOf.size(); a++) {
				List<CriterionEntry> all = this.anyOf.get(a);
				if (all == null || all.isEmpty()) {
					throw new IllegalArgumentException(where + " (" + this.level + ").anyOf[" + a + "]: empty");
				}
				List<Criterion> criteria = new ArrayList<>();
				for (int c = 0; c < all.size(); c++) {
					String at = where + " (" + this.level + ").anyOf[" + a + "][" + c + "]";
					try {
						criteria.add(all.get(c).toCriterion());
					}
					catch (IllegalArgumentException ex) {
						throw new IllegalArgumentException(at + "." + ex.getMessage());
					}
				}
				alternatives.add(criteria);
			}
			return new LevelRule(warningLevel, alternatives);
		}

	}

	/**
	 * {@code {above: 200, days: 2}} (日AQI&gt;200持续48小时) or {@code {atLeast: 500, days:
	 * 1}}.
	 */
	record CriterionEntry(@Nullable Integer above, @Nullable Integer atLeast, @Nullable Integer days) {

		Criterion toCriterion() {
			if ((this.above == null) == (this.atLeast == null)) {
				throw new IllegalArgumentException("above/atLeast: give exactly one threshold");
			}
			if (this.days == null) {
				throw new IllegalArgumentException("days: missing");
			}
			return (this.above != null) ? Criterion.above(this.above, this.days)
					: Criterion.atLeast(this.atLeast, this.days);
		}

	}

	record AdoptionEntry(@Nullable String scheme, @Nullable String from, @Nullable List<String> regions,
			@Nullable String source) {

		SchemeAdoption toAdoption() {
			if (this.from == null) {
				throw new IllegalArgumentException("from: missing (a date, e.g. 2024-01-23)");
			}
			LocalDate date;
			try {
				date = LocalDate.parse(this.from);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("from: '" + this.from + "' is not a date (yyyy-mm-dd)");
			}
			return new SchemeAdoption(this.scheme, date, this.regions, (this.source != null) ? this.source : "");
		}

	}

	record ZoneEntry(@Nullable String name, @Nullable List<String> members, @Nullable String source) {
	}

}
