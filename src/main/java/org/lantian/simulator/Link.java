package org.lantian.simulator;

/** How a simulated point sends its data to Lantian (INTERFACES §3.1, §3.2, §4). */
public enum Link {

	/** JSON readings on {@code lantian/v1/readings/{siteId}}, QoS 1. */
	MQTT_JSON,

	/** HJ 212 frames over a TCP connection to the listener, as a data logger (数采仪). */
	HJ212_TCP,

	/** HJ 212 frames on {@code lantian/v1/hj212/{MN}}, replies on {@code …/reply}. */
	HJ212_MQTT

}
