package org.lantian.simulator.link;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;

import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttPersistable;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal Paho keeps the simulator's unacknowledged QoS 1 messages in: what was put
 * and not removed is there at the next open with the same client id, as Paho stores it
 * (its own {@link MqttPublish} is written and read back).
 */
class JournalFilePersistenceTests {

	private static final String CLIENT = "lantian-sim-live";

	private static final String SERVER = "tcp://127.0.0.1:1883";

	@TempDir
	Path directory;

	@Test
	void whatWasNotAcknowledgedIsThereAfterARestart() throws Exception {
		JournalFilePersistence first = opened();
		first.put("s-1", publish(1, "{\"site\":\"A\"}"));
		first.put("s-2", publish(2, "{\"site\":\"B\"}"));
		first.put("s-3", publish(3, "{\"site\":\"C\"}"));
		first.remove("s-2");
		first.close();

		JournalFilePersistence second = opened();
		assertThat(keys(second)).containsExactly("s-1", "s-3");
		MqttPublish restored = (MqttPublish) MqttWireMessage.createWireMessage(second.get("s-3"));
		assertThat(restored.getTopicName()).isEqualTo("lantian/v1/readings/C");
		assertThat(restored.getMessageId()).isEqualTo(3);
		assertThat(new String(restored.getMessage().getPayload(), StandardCharsets.UTF_8))
			.isEqualTo("{\"site\":\"C\"}");
		assertThat(restored.getMessage().getQos()).isEqualTo(1);
	}

	@Test
	void aSimulatorKilledWhileWritingLosesOnlyTheTornRecord() throws Exception {
		JournalFilePersistence killed = opened();
		killed.put("s-1", publish(1, "first"));
		killed.put("s-2", publish(2, "second"));
		// no close: the process died in the middle of writing the second record
		Path journal = this.directory.resolve(JournalFilePersistence.fileName(CLIENT, SERVER));
		try (FileChannel file = FileChannel.open(journal, StandardOpenOption.WRITE)) {
			file.truncate(file.size() - 3);
		}

		assertThat(keys(opened())).containsExactly("s-1");
	}

	@Test
	void anOpenBeforeEachConnectionAttemptLosesNothing() throws Exception {
		JournalFilePersistence persistence = opened();
		persistence.put("s-7", publish(7, "x"));
		persistence.open(CLIENT, SERVER);
		assertThat(persistence.containsKey("s-7")).isTrue();
	}

	@Test
	void theJournalIsCompactedWhileItGrows() throws Exception {
		JournalFilePersistence persistence = opened();
		persistence.put("s-1", publish(1, "still waiting for its PUBACK"));
		String kilobyte = "x".repeat(1024);
		int messages = (int) (3 * JournalFilePersistence.COMPACT_AFTER_BYTES / 1024);
		for (int i = 0; i < messages; i++) {
			int id = 2 + i % 60_000;
			persistence.put("s-" + id, publish(id, kilobyte));
			persistence.remove("s-" + id);
		}
		Path journal = this.directory.resolve(JournalFilePersistence.fileName(CLIENT, SERVER));
		// 3 × the threshold went through; a journal never compacted would hold all of it
		assertThat(Files.size(journal)).isLessThanOrEqualTo(JournalFilePersistence.COMPACT_AFTER_BYTES + 2048);

		persistence.close();
		assertThat(keys(opened())).containsExactly("s-1");
	}

	@Test
	void nothingLeftAtCloseLeavesNoJournal() throws Exception {
		JournalFilePersistence persistence = opened();
		persistence.put("s-1", publish(1, "acknowledged"));
		persistence.remove("s-1");
		persistence.close();

		assertThat(this.directory.resolve(JournalFilePersistence.fileName(CLIENT, SERVER))).doesNotExist();
		assertThat(keys(opened())).isEmpty();
	}

	@Test
	void aCleanSessionClearsTheJournal() throws Exception {
		JournalFilePersistence persistence = opened();
		persistence.put("s-1", publish(1, "old session"));
		persistence.clear();
		persistence.close();

		assertThat(keys(opened())).isEmpty();
	}

	@Test
	void eachClientIdAndServerHasItsOwnJournal() throws Exception {
		JournalFilePersistence persistence = opened();
		persistence.put("s-1", publish(1, "for the live scenario"));
		persistence.close();

		JournalFilePersistence other = new JournalFilePersistence(this.directory);
		other.open("lantian-sim-winter-episode", SERVER);
		assertThat(keys(other)).isEmpty();
	}

	private JournalFilePersistence opened() throws Exception {
		JournalFilePersistence persistence = new JournalFilePersistence(this.directory);
		persistence.open(CLIENT, SERVER);
		return persistence;
	}

	private static MqttPersistable publish(int id, String payload) {
		MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		String site = payload.startsWith("{") ? payload.substring(9, 10) : "X";
		MqttPublish publish = new MqttPublish("lantian/v1/readings/" + site, message);
		publish.setMessageId(id);
		return publish;
	}

	private static List<String> keys(JournalFilePersistence persistence) {
		return Collections.list(persistence.keys());
	}

}
