package org.lantian.domain.warning.reduction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantian.domain.SiteId;
import org.lantian.domain.warning.EpisodeDriver;
import org.lantian.domain.warning.WarningLevel;

/**
 * The emergency reduction list: the enterprises, the default cuts per level and the rules
 * per performance grade. An enterprise's cut comes from its own entry, else its grade's
 * rule, else the defaults.
 */
public final class ReductionList {

	private final CutPercents defaults;

	private final Map<PerformanceGrade, GradeRule> grades;

	private final Map<String, ReductionEntry> entries;

	private ReductionList(CutPercents defaults, Map<PerformanceGrade, GradeRule> grades,
			Map<String, ReductionEntry> entries) {
		this.defaults = defaults;
		this.grades = grades;
		this.entries = entries;
	}

	/**
	 * @throws IllegalArgumentException for an enterprise listed twice, a grade ruled
	 * twice, or a stack listed under two enterprises
	 */
	public static ReductionList of(CutPercents defaults, List<GradeRule> grades, List<ReductionEntry> entries) {
		Map<PerformanceGrade, GradeRule> byGrade = new EnumMap<>(PerformanceGrade.class);
		for (GradeRule rule : grades) {
			if (byGrade.put(rule.grade(), rule) != null) {
				throw new IllegalArgumentException("grades." + rule.grade() + ": defined twice");
			}
		}
		Map<String, ReductionEntry> byId = new LinkedHashMap<>();
		Map<SiteId, String> owners = new LinkedHashMap<>();
		for (ReductionEntry entry : entries) {
			if (byId.put(entry.enterpriseId(), entry) != null) {
				throw new IllegalArgumentException("enterprise " + entry.enterpriseId() + " listed twice");
			}
			for (StackBaseline stack : entry.stacks()) {
				String owner = owners.put(stack.site(), entry.enterpriseId());
				if (owner != null) {
					throw new IllegalArgumentException(
							"stack " + stack.site() + " listed under " + owner + " and " + entry.enterpriseId());
				}
			}
		}
		return new ReductionList(defaults, Map.copyOf(byGrade), Collections.unmodifiableMap(byId));
	}

	public List<ReductionEntry> entries() {
		return List.copyOf(this.entries.values());
	}

	public Optional<ReductionEntry> entry(String enterpriseId) {
		return Optional.ofNullable(this.entries.get(enterpriseId));
	}

	/** The entries bound by a region's warning, in list order. */
	public List<ReductionEntry> entriesOf(String region) {
		List<ReductionEntry> found = new ArrayList<>();
		for (ReductionEntry entry : this.entries.values()) {
			if (entry.region().equals(region)) {
				found.add(entry);
			}
		}
		return found;
	}

	public CutPercents defaults() {
		return this.defaults;
	}

	/**
	 * The cut the enterprise owes under a warning of {@code level} driven by
	 * {@code driver}: none unless the episode is PM2.5-driven (STANDARDS §4.1).
	 */
	public RequiredCut requiredCut(ReductionEntry entry, WarningLevel level, EpisodeDriver driver) {
		if (!level.isWarning()) {
			return RequiredCut.none("no warning");
		}
		if (!driver.demandsEmergencyReduction()) {
			return RequiredCut.none(driver.key()
					+ "-driven episode: health advisories, no emergency reduction (STANDARDS §4.1, MEE 2024)");
		}
		Optional<BigDecimal> own = entry.cuts().at(level);
		if (own.isPresent()) {
			return RequiredCut.of(own.get(), entry.enterpriseId() + " 一厂一策 cut at " + level.key());
		}
		GradeRule rule = this.grades.get(entry.grade());
		if (rule != null && rule.exempt()) {
			return RequiredCut.none("grade " + entry.grade() + " exempt (自主减排)");
		}
		if (rule != null && rule.cuts().at(level).isPresent()) {
			return RequiredCut.of(rule.cuts().at(level).get(), "grade " + entry.grade() + " cut at " + level.key());
		}
		return this.defaults.at(level)
			.map((p) -> RequiredCut.of(p, "default cut at " + level.key()))
			.orElseGet(() -> RequiredCut.none("no cut configured at " + level.key()));
	}

	/** Rules per grade, for the report. */
	public Map<PerformanceGrade, GradeRule> grades() {
		return this.grades;
	}

}
