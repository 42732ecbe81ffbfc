package org.rabt.config.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.rabt.mappings.cpm.SectorId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated sector systems of {@code --demo}: once the hub is ready, they post the
 * {@link DemoScenario}'s cards through the real exchange port, as real systems would (mutual TLS,
 * signed, each in its own format), the receivers report on the referrals in their own words, and
 * a follow-up card comes every {@link #FOLLOW_UP_EVERY_SECONDS} seconds until the scenario's are
 * all sent. The card ids and bytes are fixed by the scenario and the demo's first start, so a
 * restart on the same data directory finds its cards in the hub and does not send them again (and
 * were one sent again, the hub would answer with its first answer); status reports already made
 * are not made again.
 *
 * <p>It runs on one daemon thread and stops with the application. The hub treats it as it treats
 * any sector system: a refusal is logged with its problem code and the demo goes on.
 */
final class DemoSectors implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSectors.class);

    static final int FOLLOW_UP_EVERY_SECONDS = 30;
    /** The exchange answers 503 until its routes run; a connection may also be refused for a moment. */
    private static final int ATTEMPTS = 30;

    private final Path dataDir;
    private final String exchangeHost;
    private final IntSupplier exchangePort;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private ScheduledExecutorService executor;

    /**
     * @param exchangeHost a name of the exchange port that its server certificate carries
     * @param exchangePort read once the hub is ready (it may have picked a free port)
     */
    DemoSectors(Path dataDir, String exchangeHost, IntSupplier exchangePort, Clock clock) {
        this.dataDir = dataDir;
        this.exchangeHost = exchangeHost;
        this.exchangePort = exchangePort;
        this.clock = clock;
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rabt-demo-sectors");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(guarded(this::start));
    }

    /**
     * The task, reporting why it stopped: an executor would keep its exception to itself, and the
     * demo must never take the hub down with it.
     */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Rabt demo: the simulated sector systems stopped: {}", e.toString(), e);
            }
        };
    }

    @Override
    public synchronized void destroy() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void start() {
        DemoCalendar calendar = DemoCalendarFile.loadOrCreate(dataDir, clock);
        DemoDocuments documents = new DemoDocuments(calendar);
        Map<SectorId, DemoSectorClient> clients = clients();
        try {
            firstWave(calendar, documents, clients);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        List<DemoCard> followUps = DemoScenario.followUps();
        for (int i = 0; i < followUps.size(); i++) {
            DemoCard card = followUps.get(i);
            executor.schedule(guarded(() -> sendQuietly(card, documents, clients)),
                    (long) FOLLOW_UP_EVERY_SECONDS * (i + 1), TimeUnit.SECONDS);
        }
    }

    private Map<SectorId, DemoSectorClient> clients() {
        Path pkiDir = dataDir.resolve("pki");
        URI exchange = URI.create("https://" + exchangeHost + ":" + exchangePort.getAsInt());
        Map<SectorId, DemoSectorClient> clients = new EnumMap<>(SectorId.class);
        for (SectorId sector : SectorId.values()) {
            if (sector == SectorId.CENTRE) {
                continue; // the centre is the hub's own case record
            }
            DemoSectorClient client = DemoSectorClient.of(sector, pkiDir, exchange);
            if (client == null) {
                LOG.warn("Rabt demo: no demo key for {} under {}; its simulated system stays silent", sector.code(),
                        pkiDir.resolve("sectors"));
            } else {
                clients.put(sector, client);
            }
        }
        return clients;
    }

    private void firstWave(DemoCalendar calendar, DemoDocuments documents, Map<SectorId, DemoSectorClient> clients)
            throws InterruptedException {
        int posted = 0;
        int earlier = 0;
        Set<SectorId> senders = EnumSet.noneOf(SectorId.class);
        // in the order the systems sent them, so that a child's file ends with its latest card
        List<DemoCard> wave = DemoScenario.firstWave().stream().sorted(Comparator.comparing(calendar::sentAt)).toList();
        for (DemoCard card : wave) {
            Sent sent = send(card, documents, clients);
            if (sent == Sent.POSTED) {
                posted++;
                senders.add(card.sender());
            } else if (sent == Sent.AT_AN_EARLIER_START) {
                earlier++;
            }
        }
        int reports = 0;
        for (DemoCard card : wave) {
            reports += report(card, documents, clients);
        }
        LOG.info("Rabt demo: {} cards posted by {} simulated sectors, {} status reports{}", posted, senders.size(),
                reports, earlier == 0 ? "" : " (" + earlier + " cards were sent at an earlier start)");
    }

    private void sendQuietly(DemoCard card, DemoDocuments documents, Map<SectorId, DemoSectorClient> clients) {
        try {
            if (send(card, documents, clients) == Sent.POSTED) {
                LOG.info("Rabt demo: {} sent a {} card to {}", card.sender().code(), card.type().code(),
                        card.receiver().code());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private enum Sent {
        POSTED, AT_AN_EARLIER_START, NOT_TAKEN
    }

    /**
     * Posts the card as its sender, unless the hub already holds it from an earlier start on this data
     * directory. Posting it again would be harmless (the hub answers a repeated card with its first
     * answer) but would queue it again for the broker to drop as a duplicate, with a warning.
     */
    private Sent send(DemoCard card, DemoDocuments documents, Map<SectorId, DemoSectorClient> clients)
            throws InterruptedException {
        DemoSectorClient sender = clients.get(card.sender());
        if (sender == null) {
            return Sent.NOT_TAKEN;
        }
        String cardId = card.id().toString();
        HttpResponse<String> known = exchange(() -> sender.card(cardId), "card " + card.key());
        if (known != null && known.statusCode() == 200) {
            return Sent.AT_AN_EARLIER_START;
        }
        byte[] body = documents.card(card);
        HttpResponse<String> answer = exchange(() -> sender.postCard(body), "card " + card.key());
        return accepted(answer, "card " + card.key() + " from " + card.sender().code()) ? Sent.POSTED : Sent.NOT_TAKEN;
    }

    /**
     * The receiver's status reports about the card, unless it reported at an earlier start (the
     * card's task status is no longer {@code requested}). Returns how many the hub took.
     */
    private int report(DemoCard card, DemoDocuments documents, Map<SectorId, DemoSectorClient> clients)
            throws InterruptedException {
        DemoSectorClient receiver = clients.get(card.receiver());
        if (card.statuses().isEmpty() || receiver == null) {
            return 0;
        }
        String cardId = card.id().toString();
        HttpResponse<String> current = exchange(() -> receiver.card(cardId), "status of " + card.key());
        if (current == null || current.statusCode() != 200 || !"requested".equals(field(current.body(), "taskStatus"))) {
            return 0;
        }
        int taken = 0;
        for (DemoStatus status : card.statuses()) {
            byte[] body = documents.status(card, status);
            HttpResponse<String> answer = exchange(() -> receiver.postStatus(cardId, body), "status of " + card.key());
            if (accepted(answer, "status '" + status.word() + "' of card " + card.key())) {
                taken++;
            }
        }
        return taken;
    }

    /** A call to the exchange API. */
    @FunctionalInterface
    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /**
     * The call's answer, tried again while the exchange is not up yet (503, connection refused);
     * {@code null} if it never answered.
     */
    private static HttpResponse<String> exchange(Call call, String what) throws InterruptedException {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> answer = call.send();
                if (answer.statusCode() != 503) {
                    return answer;
                }
            } catch (IOException e) {
                last = e;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        LOG.warn("Rabt demo: the exchange did not take the {} after {} attempts{}", what, ATTEMPTS,
                last == null ? "" : ": " + last.getMessage());
        return null;
    }

    private boolean accepted(HttpResponse<String> answer, String what) {
        if (answer == null) {
            return false;
        }
        if (answer.statusCode() / 100 == 2) {
            return true;
        }
        LOG.warn("Rabt demo: the hub refused the {}: HTTP {} {}", what, answer.statusCode(),
                field(answer.body(), "code"));
        return false;
    }

    /** A member of the hub's JSON answer, or {@code ""}. */
    private String field(String body, String name) {
        try {
            JsonNode tree = json.readTree(body.getBytes(StandardCharsets.UTF_8));
            return tree.path(name).asString("");
        } catch (JacksonException e) {
            return "";
        }
    }
}
