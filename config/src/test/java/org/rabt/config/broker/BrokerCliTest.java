package org.rabt.config.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code broker properties}: what an operator installs on an external broker. */
class BrokerCliTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return BrokerCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    Properties printed() throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(out.toString(StandardCharsets.UTF_8)));
        return properties;
    }

    @Test
    void printsTheDefaultRetryPolicyForEverySector() throws Exception {
        assertThat(run("broker", "properties")).isZero();
        Properties properties = printed();
        assertThat(properties.getProperty("addressSettings.\"rabt.justice.outbound\".maxDeliveryAttempts")).isEqualTo("30");
        assertThat(properties.getProperty("addressSettings.\"rabt.justice.outbound\".deadLetterAddress"))
                .isEqualTo("rabt.justice.outbound.dlq");
        assertThat(properties.getProperty("addressSettings.\"rabt.police.inbound\".deadLetterAddress"))
                .isEqualTo("rabt.police.inbound.dlq");
    }

    @Test
    void takesTheSameDeliverySettingsAsTheHub() throws Exception {
        assertThat(run("broker", "properties", "--rabt.delivery.max-attempts=5", "--rabt.delivery.max-delay=2m",
                "--rabt.amqp.sectors=police", "--rabt.amqp.max-inbound-bytes=1048576")).isZero();
        Properties properties = printed();
        assertThat(properties.getProperty("addressSettings.\"rabt.police.inbound\".maxSizeBytes")).isEqualTo("1048576");
        assertThat(properties.getProperty("addressSettings.\"rabt.social.outbound\".maxDeliveryAttempts")).isEqualTo("5");
        assertThat(properties.getProperty("addressSettings.\"rabt.social.outbound\".maxRedeliveryDelay")).isEqualTo("120000");
        assertThat(properties.getProperty("addressSettings.\"rabt.gendarmerie.inbound\".deadLetterAddress")).isNull();
    }

    @Test
    void refusesWhatIsNotABrokerSetting() {
        assertThat(run("broker", "properties", "--server.port=1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a setting of the broker");
        assertThat(run("broker", "properties", "--rabt.delivery.max-attempts=many")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("rabt.delivery.max-attempts");
        assertThat(run("broker")).isEqualTo(2);
        assertThat(out.size()).isZero();
    }
}
