package org.lantian.domain.warning;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A configured joint pollution-control zone (联防联控区): its members (cities or 旗县, named as
 * the regions graded) are warned together (STANDARDS §4.3, 《内蒙古自治区重污染天气应急预案（2020年版）》).
 *
 * @param source the plan that forms the zone
 */
public record JointZone(String name, List<String> members, String source) {

	public JointZone {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name: blank");
		}
		Objects.requireNonNull(source, "source");
		if (members == null || members.size() < 2) {
			throw new IllegalArgumentException("zone " + name + ": members: a zone needs at least two members");
		}
		for (int i = 0; i < members.size(); i++) {
			if (members.get(i) == null || members.get(i).isBlank()) {
				throw new IllegalArgumentException("zone " + name + ": members[" + i + "]: blank");
			}
		}
		if (new HashSet<>(members).size() != members.size()) {
			throw new IllegalArgumentException("zone " + name + ": members: a member is listed twice: " + members);
		}
		members = List.copyOf(members);
	}

}
