package org.rabt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.rabt.security.KeyMaterial;
import org.rabt.security.Pem;
import org.rabt.security.signature.DetachedSigner;

/**
 * Distinct signed health referrals, prepared before any clock starts: the referral to the
 * prosecutor from the examples, each with its own Bundle.identifier, signed with the health
 * sector's demo key.
 */
final class CardDeck {

    private static final String TEMPLATE_ID_PREFIX = "urn:uuid:";

    private final byte[] before;
    private final byte[] after;
    private final String[] ids;
    private final String[] signatures;
    private final AtomicInteger next = new AtomicInteger();

    private CardDeck(byte[] before, byte[] after, String[] ids, String[] signatures) {
        this.before = before;
        this.after = after;
        this.ids = ids;
        this.signatures = signatures;
    }

    static CardDeck prepare(Path pkiDir, int count) {
        String template = template();
        int idStart = template.indexOf(TEMPLATE_ID_PREFIX, template.indexOf("\"identifier\"")) + TEMPLATE_ID_PREFIX.length();
        byte[] before = template.substring(0, idStart).getBytes(StandardCharsets.UTF_8);
        byte[] after = template.substring(idStart + 36).getBytes(StandardCharsets.UTF_8);
        Path health = pkiDir.resolve("sectors").resolve("health");
        var chain = Pem.readCertificates(health.resolve("cert.pem"));
        DetachedSigner signer = new DetachedSigner(new KeyMaterial(Pem.readPrivateKey(health.resolve("key.pem")),
                chain.get(0), chain));
        String[] ids = new String[count];
        String[] signatures = new String[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            ids[i] = UUID.randomUUID().toString();
            signatures[i] = signer.signBase64(body(before, ids[i], after));
        });
        return new CardDeck(before, after, ids, signatures);
    }

    /** The next unused card, or {@code null} when the deck is used up; the deck never deals one twice. */
    Card next() {
        int index = next.getAndIncrement();
        if (index >= ids.length) {
            return null;
        }
        return new Card(ids[index], body(before, ids[index], after), signatures[index]);
    }

    int size() {
        return ids.length;
    }

    private static byte[] body(byte[] before, String id, byte[] after) {
        byte[] body = new byte[before.length + 36 + after.length];
        System.arraycopy(before, 0, body, 0, before.length);
        System.arraycopy(id.getBytes(StandardCharsets.US_ASCII), 0, body, before.length, 36);
        System.arraycopy(after, 0, body, before.length + 36, after.length);
        return body;
    }

    /** Deals the same cards again from the top (for the pass-through, which keeps no memory of them). */
    void rewind() {
        next.set(0);
    }

    private static String template() {
        try (InputStream in = CardDeck.class.getResourceAsStream("/health/examples/referral-to-prosecutor.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
