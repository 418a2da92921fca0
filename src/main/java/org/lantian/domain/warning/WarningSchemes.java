package org.lantian.domain.warning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grading schemes and which one applies where and when (STANDARDS §4.4:
 * effective-dated, region-specific, a national default, the old schemes for replay). A
 * region's latest adoption on or before the date wins; without one, the latest national
 * adoption.
 */
public final class WarningSchemes {

	private final Map<String, WarningScheme> schemes;

	private final List<SchemeAdoption> adoptions;

	private WarningSchemes(Map<String, WarningScheme> schemes, List<SchemeAdoption> adoptions) {
		this.schemes = schemes;
		this.adoptions = adoptions;
	}

	/**
	 * @throws IllegalArgumentException for duplicate scheme ids, an adoption naming an
	 * unknown scheme, two adoptions of the same region and date, or no national adoption
	 */
	public static WarningSchemes of(List<WarningScheme> schemes, List<SchemeAdoption> adoptions) {
		Map<String, WarningScheme> byId = new LinkedHashMap<>();
		for (WarningScheme scheme : schemes) {
			if (byId.put(scheme.id(), scheme) != null) {
				throw new IllegalArgumentException("scheme " + scheme.id() + " defined twice");
			}
		}
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < adoptions.size(); i++) {
			SchemeAdoption adoption = adoptions.get(i);
			if (!byId.containsKey(adoption.schemeId())) {
				throw new IllegalArgumentException("adoptions[" + i + "].scheme: unknown scheme '" + adoption.schemeId()
						+ "' (known: " + byId.keySet() + ")");
			}
			for (String region : adoption.isNational() ? List.of("") : adoption.regions()) {
				String key = region + "@" + adoption.from();
				if (seen.contains(key)) {
					throw new IllegalArgumentException(
							"adoptions[" + i + "]: " + (region.isEmpty() ? "national" : region)
									+ " already adopts a scheme from " + adoption.from());
				}
				seen.add(key);
			}
		}
		if (adoptions.stream().noneMatch(SchemeAdoption::isNational)) {
			throw new IllegalArgumentException("adoptions: no national default (an adoption without regions)");
		}
		List<SchemeAdoption> sorted = new ArrayList<>(adoptions);
		sorted.sort(Comparator.comparing(SchemeAdoption::from));
		return new WarningSchemes(Map.copyOf(byId), List.copyOf(sorted));
	}

	/** The national schemes of STANDARDS §4 with their national adoptions only. */
	public static WarningSchemes national() {
		return of(List.of(WarningScheme.fourLevel2017(), WarningScheme.threeLevel2019(), WarningScheme.mee2024()),
				List.of(new SchemeAdoption("four-level-2017", LocalDate.of(2017, 9, 20), List.of(), "环大气〔2017〕86号"),
						new SchemeAdoption("three-level-2019", LocalDate.of(2019, 7, 31), List.of(),
								"环办大气函〔2019〕648号 [M]"),
						new SchemeAdoption("mee-2024", LocalDate.of(2024, 1, 23), List.of(), "环大气〔2024〕6号")));
	}

	/** The adoption in force for the region on the date, if any. */
	public Optional<SchemeAdoption> adoptionFor(String region, LocalDate date) {
		Optional<SchemeAdoption> regional = latest(date, (a) -> a.regions().contains(region));
		return regional.isPresent() ? regional : latest(date, SchemeAdoption::isNational);
	}

	/**
	 * The scheme in force for the region on the date.
	 * @throws IllegalArgumentException if the date is before every adoption
	 */
	public WarningScheme schemeFor(String region, LocalDate date) {
		return adoptionFor(region, date).map((a) -> this.schemes.get(a.schemeId()))
			.orElseThrow(() -> new IllegalArgumentException("no warning scheme for " + region + " on " + date
					+ " (the earliest adoption is " + this.adoptions.get(0).from() + ")"));
	}

	public Optional<WarningScheme> scheme(String id) {
		return Optional.ofNullable(this.schemes.get(id));
	}

	public List<SchemeAdoption> adoptions() {
		return this.adoptions;
	}

	private Optional<SchemeAdoption> latest(LocalDate date, java.util.function.Predicate<SchemeAdoption> which) {
		SchemeAdoption found = null;
		for (SchemeAdoption adoption : this.adoptions) {
			if (!adoption.from().isAfter(date) && which.test(adoption)) {
				found = adoption;
			}
		}
		return Optional.ofNullable(found);
	}

}
