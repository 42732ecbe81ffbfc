package org.rabt.config.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;
import org.rabt.config.wiring.DeliveryProperties;
import org.rabt.mappings.cpm.SectorId;

/**
 * The broker properties the hub gives its embedded broker and prints for an external one: read
 * back by Artemis's own parser, they say what the delivery route relies on.
 */
class BrokerSettingsTest {

    static final DeliveryProperties DELIVERY = new DeliveryProperties(7, Duration.ofSeconds(2), 3.0,
            Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(30));

    static ConfigurationImpl parsed(Map<String, String> settings) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        BrokerSettings.apply(configuration, settings);
        return configuration;
    }

    @Test
    void everySectorHasADurableOutboundQueueRetriedAsConfiguredThenDeadLettered() throws Exception {
        ConfigurationImpl configuration = parsed(BrokerSettings.of(DELIVERY, List.of(SectorId.POLICE)));
        for (SectorId sector : SectorId.values()) {
            String outbound = "rabt." + sector.code() + ".outbound";
            AddressSettings retries = configuration.getAddressSettings().get(outbound);
            assertThat(retries.getMaxDeliveryAttempts()).isEqualTo(7);
            assertThat(retries.getRedeliveryDelay()).isEqualTo(2000);
            assertThat(retries.getRedeliveryMultiplier()).isEqualTo(3.0);
            assertThat(retries.getMaxRedeliveryDelay()).isEqualTo(300_000);
            assertThat(retries.getDeadLetterAddress().toString()).isEqualTo(outbound + ".dlq");
            assertThat(retries.getRedistributionDelay()).isZero();
            assertThat(configuration.getAddressSettings().get(outbound + ".dlq").getMaxDeliveryAttempts()).isEqualTo(-1);
            assertThat(durableAnycastQueue(configuration, outbound)).isTrue();
            assertThat(durableAnycastQueue(configuration, outbound + ".dlq")).isTrue();
        }
    }

    @Test
    void amqpSendersGetTheirInboundAndRepliesQueuesOnly() throws Exception {
        ConfigurationImpl configuration = parsed(BrokerSettings.of(DELIVERY, List.of(SectorId.POLICE)));
        assertThat(durableAnycastQueue(configuration, "rabt.police.inbound")).isTrue();
        assertThat(durableAnycastQueue(configuration, "rabt.police.replies")).isTrue();
        assertThat(configuration.getAddressSettings().get("rabt.police.inbound").getDeadLetterAddress().toString())
                .isEqualTo("rabt.police.inbound.dlq");
        assertThat(configuration.getAddressConfigurations()).extracting(CoreAddressConfiguration::getName)
                .doesNotContain("rabt.gendarmerie.inbound");
    }

    /** A flooding sender is held back by AMQP flow control once its address holds the bound, not refused. */
    @Test
    void anAmqpSendersInboundAddressIsBoundedAndBlocksItsSenderPastTheBound() throws Exception {
        ConfigurationImpl configuration = parsed(BrokerSettings.of(DELIVERY, List.of(SectorId.POLICE), 8_388_608));
        AddressSettings inbound = configuration.getAddressSettings().get("rabt.police.inbound");
        assertThat(inbound.getMaxSizeBytes()).isEqualTo(8_388_608);
        assertThat(inbound.getAddressFullMessagePolicy()).isEqualTo(AddressFullMessagePolicy.BLOCK);
        assertThat(inbound.getMaxSizeBytesRejectThreshold()).isEqualTo(2 * 8_388_608);
        assertThat(configuration.getAddressSettings().get("rabt.police.replies").getMaxSizeBytes())
                .as("the hub's own answers are not bounded by the sender's limit").isEqualTo(AddressSettings.DEFAULT_MAX_SIZE_BYTES);
        assertThat(parsed(BrokerSettings.of(DELIVERY, List.of(SectorId.POLICE))).getAddressSettings()
                .get("rabt.police.inbound").getMaxSizeBytes()).as("64 MiB by default").isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void duplicateDetectionSurvivesARestartAndEveryDurableWriteIsSynced() throws Exception {
        ConfigurationImpl configuration = parsed(BrokerSettings.of(DELIVERY, List.of()));
        assertThat(configuration.isPersistIDCache()).isTrue();
        assertThat(configuration.getIDCacheSize()).isEqualTo(BrokerSettings.DUPLICATE_ID_CACHE);
        assertThat(configuration.isJournalSyncTransactional()).isTrue();
        assertThat(configuration.isJournalSyncNonTransactional()).isTrue();
    }

    @Test
    void theFileForAnExternalBrokerHoldsTheSameProperties() throws Exception {
        Map<String, String> settings = BrokerSettings.of(DELIVERY, List.of(SectorId.POLICE));
        java.util.Properties reread = new java.util.Properties();
        reread.load(new java.io.StringReader(BrokerSettings.file(settings)));
        assertThat(reread).isEqualTo(BrokerSettings.asProperties(settings));
    }

    @Test
    void aSettingTheBrokerDoesNotKnowStopsTheStartInsteadOfBeingIgnored() {
        assertThatThrownBy(() -> BrokerSettings.apply(new ConfigurationImpl(),
                Map.of("addressSettings.\"rabt.justice.outbound\".maxDeliveryAtempts", "3")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maxDeliveryAtempts");
    }

    private static boolean durableAnycastQueue(ConfigurationImpl configuration, String name) {
        return configuration.getAddressConfigurations().stream()
                .filter(address -> address.getName().equals(name))
                .flatMap(address -> address.getQueueConfigs().stream())
                .anyMatch(queue -> queue.getName().toString().equals(name) && queue.isDurable()
                        && queue.getRoutingType() == RoutingType.ANYCAST
                        && queue.getAddress().toString().equals(name));
    }
}
