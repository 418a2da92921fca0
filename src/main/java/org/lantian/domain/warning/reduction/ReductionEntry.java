package org.lantian.domain.warning.reduction;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.lantian.domain.SiteId;

/**
 * One enterprise on the emergency reduction list (应急减排清单): its grade, its listed stacks
 * with their baselines, and its own cuts if its 一厂一策 plan sets them.
 *
 * @param region the city (or 旗县) whose warning binds it
 * @param cuts its own cuts per level; empty = the grade's or the list's
 * @param sample whether the baselines are invented sample data
 */
public record ReductionEntry(String enterpriseId, String name, String region, PerformanceGrade grade,
		List<StackBaseline> stacks, CutPercents cuts, boolean sample) {

	public ReductionEntry {
		if (enterpriseId == null || enterpriseId.isBlank()) {
			throw new IllegalArgumentException("enterprise: blank");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name: blank");
		}
		if (region == null || region.isBlank()) {
			throw new IllegalArgumentException("region: blank");
		}
		Objects.requireNonNull(grade, "grade");
		Objects.requireNonNull(cuts, "cuts");
		if (stacks == null || stacks.isEmpty()) {
			throw new IllegalArgumentException("stacks: empty, an entry needs at least one stack");
		}
		Set<SiteId> seen = new HashSet<>();
		for (StackBaseline stack : stacks) {
			if (!seen.add(stack.site())) {
				throw new IllegalArgumentException("stacks: " + stack.site() + " listed twice");
			}
		}
		stacks = List.copyOf(stacks);
	}

}
