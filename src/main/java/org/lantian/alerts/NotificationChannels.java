package org.lantian.alerts;

import java.util.List;

/**
 * The state of the notification channels (MQTT, webhook, e-mail), for operators.
 */
public interface NotificationChannels {

	List<ChannelStatus> statuses();

}
