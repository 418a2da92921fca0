package org.lantian.catalogue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Measurand;
import org.lantian.domain.Site;
import org.lantian.domain.SiteCatalogue;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.domain.warning.WarningLevel;
import org.lantian.domain.warning.reduction.CutPercents;
import org.lantian.domain.warning.reduction.GradeRule;
import org.lantian.domain.warning.reduction.PerformanceGrade;
import org.lantian.domain.warning.reduction.ReductionEntry;
import org.lantian.domain.warning.reduction.ReductionList;
import org.lantian.domain.warning.reduction.StackBaseline;

/**
 * Reads the emergency reduction list ({@code lantian.reductions.file}, SEEDS-BRIEF §3):
 * the default cuts per level, the rules per performance grade, and each enterprise with
 * its grade and listed stacks. Every stack must be a stack site of the same enterprise in
 * the site catalogue; the enterprise's name and region (its stacks' city) come from
 * there. Every invalid entry is reported, by position and enterprise, in one exception.
 */
public final class ReductionsFile {

	/**
	 * The bundled list for the enterprises of the bundled site catalogue (sample data).
	 */
	public static final String BUNDLED = "warnings/reductions.yaml";

	private ReductionsFile() {
	}

	/**
	 * @param name the file's name for error messages
	 * @throws InvalidWarningsException naming every problem found
	 */
	public static ReductionList read(InputStream in, String name, SiteCatalogue catalogue) {
		Document document = YamlDocuments.read(in, Document.class,
				(problems) -> new InvalidWarningsException(name, problems));
		if (document == null || document.enterprises() == null) {
			throw new InvalidWarningsException(name,
					List.of("no enterprises: the file must have an 'enterprises:' list"));
		}
		List<String> problems = new ArrayList<>();
		CutPercents defaults = CutPercents.seedDefault();
		if (document.defaults() != null && document.defaults().cuts() != null) {
			try {
				defaults = cuts(document.defaults().cuts());
			}
			catch (IllegalArgumentException ex) {
				problems.add("defaults." + ex.getMessage());
			}
		}
		List<GradeRule> grades = new ArrayList<>();
		List<GradeEntry> gradeEntries = (document.grades() != null) ? document.grades() : List.of();
		for (int i = 0; i < gradeEntries.size(); i++) {
			GradeEntry entry = gradeEntries.get(i);
			try {
				grades.add(entry.toRule());
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				problems.add("grades[" + i + "]" + ((entry.grade() != null) ? " (" + entry.grade() + ")" : "") + ": "
						+ ex.getMessage());
			}
		}
		List<ReductionEntry> entries = new ArrayList<>();
		for (int i = 0; i < document.enterprises().size(); i++) {
			EnterpriseEntry entry = document.enterprises().get(i);
			try {
				entries.add(entry.toEntry(catalogue));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				problems.add(
						"enterprises[" + i + "]" + ((entry.enterprise() != null) ? " (" + entry.enterprise() + ")" : "")
								+ ": " + ex.getMessage());
			}
		}
		if (problems.isEmpty()) {
			try {
				return ReductionList.of(defaults, grades, entries);
			}
			catch (IllegalArgumentException ex) {
				problems.add(ex.getMessage());
			}
		}
		throw new InvalidWarningsException(name, problems);
	}

	static CutPercents cuts(Map<String, BigDecimal> raw) {
		Map<WarningLevel, BigDecimal> percents = new EnumMap<>(WarningLevel.class);
		for (Map.Entry<String, BigDecimal> entry : raw.entrySet()) {
			WarningLevel level;
			try {
				level = WarningLevel.fromKey(entry.getKey());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("cuts." + entry.getKey() + ": " + ex.getMessage());
			}
			if (entry.getValue() == null) {
				throw new IllegalArgumentException("cuts." + entry.getKey() + ": missing percent");
			}
			percents.put(level, entry.getValue());
		}
		return new CutPercents(percents);
	}

	record Document(@Nullable DefaultsEntry defaults, @Nullable List<GradeEntry> grades,
			@Nullable List<EnterpriseEntry> enterprises) {
	}

	record DefaultsEntry(@Nullable Map<String, BigDecimal> cuts) {
	}

	record GradeEntry(@Nullable String grade, @Nullable Boolean exempt, @Nullable Map<String, BigDecimal> cuts,
			@Nullable String note) {

		GradeRule toRule() {
			if (this.grade == null) {
				throw new IllegalArgumentException("grade: missing");
			}
			return new GradeRule(PerformanceGrade.fromKey(this.grade), Boolean.TRUE.equals(this.exempt),
					(this.cuts != null) ? ReductionsFile.cuts(this.cuts) : CutPercents.none());
		}

	}

	record EnterpriseEntry(@Nullable String enterprise, @Nullable String grade, @Nullable Boolean sample,
			@Nullable Map<String, BigDecimal> cuts, @Nullable List<StackEntry> stacks, @Nullable String note) {

		ReductionEntry toEntry(SiteCatalogue catalogue) {
			if (this.enterprise == null || this.enterprise.isBlank()) {
				throw new IllegalArgumentException("enterprise: missing (the enterprise id of the site catalogue)");
			}
			if (this.grade == null) {
				throw new IllegalArgumentException("grade: missing (A, B, C, D, leading or ungraded)");
			}
			PerformanceGrade performance;
			try {
				performance = PerformanceGrade.fromKey(this.grade);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("grade: " + ex.getMessage());
			}
			if (this.stacks == null || this.stacks.isEmpty()) {
				throw new IllegalArgumentException("stacks: empty, list at least one stack");
			}
			List<StackBaseline> baselines = new ArrayList<>();
			Set<String> cities = new LinkedHashSet<>();
			String name = null;
			for (int i = 0; i < this.stacks.size(); i++) {
				StackEntry stack = this.stacks.get(i);
				String at = "stacks[" + i + "]";
				if (stack.site() == null) {
					throw new IllegalArgumentException(at + ".site: missing");
				}
				Optional<Site> site = SiteId.isWellFormed(stack.site()) ? catalogue.find(SiteId.of(stack.site()))
						: Optional.empty();
				if (site.isEmpty()) {
					throw new IllegalArgumentException(at + ".site: " + stack.site() + " is not in the site catalogue");
				}
				if (site.get().kind() != SiteKind.STACK || site.get().enterprise() == null) {
					throw new IllegalArgumentException(at + ".site: " + stack.site() + " is not a stack");
				}
				if (!site.get().enterprise().id().equals(this.enterprise)) {
					throw new IllegalArgumentException(at + ".site: " + stack.site() + " belongs to "
							+ site.get().enterprise().id() + ", not " + this.enterprise);
				}
				name = site.get().enterprise().name();
				cities.add(site.get().city());
				baselines.add(stack.toBaseline(site.get().id(), at));
			}
			if (cities.size() > 1) {
				throw new IllegalArgumentException("stacks: in several cities " + cities + ", list them separately");
			}
			return new ReductionEntry(this.enterprise, name, cities.iterator().next(), performance, baselines,
					(this.cuts != null) ? ReductionsFile.cuts(this.cuts) : CutPercents.none(),
					Boolean.TRUE.equals(this.sample));
		}

	}

	/**
	 * {@code baseline}: kg/h per pollutant key ({@code so2}, {@code nox}, {@code pm}, …).
	 */
	record StackEntry(@Nullable String site, @Nullable Map<String, BigDecimal> baseline) {

		StackBaseline toBaseline(SiteId id, String at) {
			if (this.baseline == null || this.baseline.isEmpty()) {
				throw new IllegalArgumentException(at + ".baseline: empty (kg/h per pollutant)");
			}
			Map<Measurand, BigDecimal> rates = new EnumMap<>(Measurand.class);
			for (Map.Entry<String, BigDecimal> entry : this.baseline.entrySet()) {
				Measurand pollutant = Measurand.fromKey(entry.getKey())
					.orElseThrow(() -> new IllegalArgumentException(
							at + ".baseline." + entry.getKey() + ": unknown pollutant key"));
				rates.put(pollutant, entry.getValue());
			}
			try {
				return new StackBaseline(id, rates);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(at + ": " + ex.getMessage());
			}
		}

	}

}
