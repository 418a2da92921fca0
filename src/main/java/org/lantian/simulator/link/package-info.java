/**
 * The simulator's I/O: an MQTT connection (Paho mqttv3) for JSON readings and HJ 212
 * frames, and HJ 212 data loggers over TCP or MQTT that resend what is not answered.
 */
@NullMarked
package org.lantian.simulator.link;

import org.jspecify.annotations.NullMarked;
