package org.rabt.config.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rabt.mappings.cpm.SectorId;

/** What an operator is told when the broker cannot be reached, and how a listing's limit is read. */
class DeadLetterQueuesTest {

    @Test
    void aBrokerThatCannotBeReachedIsRefusedAs503WithItsCodeAndNothingMoves() throws Exception {
        ConnectionFactory unreachable = mock(ConnectionFactory.class);
        when(unreachable.createConnection()).thenThrow(new JMSException("AMQ219007: Cannot connect to server(s)"));
        DeadLetterQueues queues = new DeadLetterQueues(unreachable, Clock.systemUTC());

        assertThatThrownBy(() -> queues.browse(SectorId.JUSTICE, 10))
                .isInstanceOfSatisfying(OperationsException.class, refused -> {
                    assertThat(refused.problem()).isEqualTo(OperationsProblem.BROKER_UNREACHABLE);
                    assertThat(refused.problem().status()).isEqualTo(503);
                    assertThat(refused.problem().code()).isEqualTo("RABT-O003");
                });
        assertThatThrownBy(() -> queues.replay(SectorId.JUSTICE, UUID.randomUUID()))
                .isInstanceOfSatisfying(OperationsException.class,
                        refused -> assertThat(refused.problem()).isEqualTo(OperationsProblem.BROKER_UNREACHABLE));
    }

    @Test
    void aListingsLimitIsOneToAThousandAndAHundredWhenAbsent() {
        assertThat(DeadLetters.limit(null)).isEqualTo(100);
        assertThat(DeadLetters.limit("1")).isEqualTo(1);
        assertThat(DeadLetters.limit("1000")).isEqualTo(1000);
        for (String bad : new String[] {"0", "1001", "-5", "ten", "1e3"}) {
            assertThatThrownBy(() -> DeadLetters.limit(bad)).as(bad)
                    .isInstanceOfSatisfying(OperationsException.class,
                            refused -> assertThat(refused.problem()).isEqualTo(OperationsProblem.INVALID_LIMIT));
        }
    }

    @Test
    void aSectorIsOneOfTheHubsSectorIds() {
        assertThat(DeadLetters.sector("justice")).isEqualTo(SectorId.JUSTICE);
        assertThatThrownBy(() -> DeadLetters.sector("Justice")).isInstanceOfSatisfying(OperationsException.class,
                refused -> assertThat(refused.problem()).isEqualTo(OperationsProblem.NO_SUCH_SECTOR));
    }
}
