package org.lantian.domain.warning;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured joint zones, and raising their members together.
 * <p>
 * [interpretation] The 2020 Inner Mongolia plan makes 呼和浩特+包头+巴彦淖尔+达拉特旗+准格尔旗 and 乌海及周边
 * each "one pollution-control zone" (STANDARDS §4.3 [P]); the seeds ask for "区域联合预警"
 * (S001) and "协同落实重污染天气应急管控措施" with 呼包鄂乌 neighbours (S000 task 47) but give no rule.
 * Lantian reads it as: when any member is warned, every member is warned at the highest
 * member's level (never lowered). The plan's third clause — three or more
 * <em>adjacent</em> leagues/cities meeting the conditions also form a zone — needs an
 * adjacency map the plans do not give; it is not modelled, configure such zones
 * explicitly.
 */
public final class JointZones {

	private final List<JointZone> zones;

	private JointZones(List<JointZone> zones) {
		this.zones = zones;
	}

	/**
	 * @throws IllegalArgumentException for two zones of the same name
	 */
	public static JointZones of(List<JointZone> zones) {
		Set<String> names = new HashSet<>();
		for (JointZone zone : zones) {
			if (!names.add(zone.name())) {
				throw new IllegalArgumentException("zone " + zone.name() + " defined twice");
			}
		}
		return new JointZones(List.copyOf(zones));
	}

	public static JointZones none() {
		return new JointZones(List.of());
	}

	public List<JointZone> zones() {
		return this.zones;
	}

	/** The zones a region belongs to. */
	public List<JointZone> zonesOf(String region) {
		return this.zones.stream().filter((z) -> z.members().contains(region)).toList();
	}

	/**
	 * The gradings with every member of a warned zone raised to the zone's highest member
	 * level. A member already at that level keeps its own grading; a member of several
	 * zones takes the highest. Members without a grading are not invented: the caller
	 * grades every member it knows.
	 */
	public Map<String, Grading> raise(Map<String, Grading> gradings) {
		Map<String, Grading> raised = new LinkedHashMap<>(gradings);
		for (JointZone zone : this.zones) {
			Optional<Grading> leader = zone.members()
				.stream()
				.map(gradings::get)
				.filter((g) -> g != null && g.level().isWarning())
				.max(Comparator.comparing(Grading::level));
			if (leader.isEmpty()) {
				continue;
			}
			for (String member : zone.members()) {
				Grading own = raised.get(member);
				if (own != null && leader.get().level().isHigherThan(own.level())) {
					raised.put(member, own.raisedBy(zone.name(), leader.get()));
				}
			}
		}
		return Map.copyOf(raised);
	}

}
