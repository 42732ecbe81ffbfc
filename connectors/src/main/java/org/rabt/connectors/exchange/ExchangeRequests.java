package org.rabt.connectors.exchange;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.security.pki.SectorIdentity;

/**
 * Reads a request of the exchange API ({@code POST /exchange/v1/<sector>/cards}) into an
 * {@link InboundCard}: the sector is the one the TLS client certificate names, and it must be
 * the sector of the path.
 */
public final class ExchangeRequests {

    /** Request attribute where the servlet container puts the verified client certificate chain. */
    private static final String CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";
    /** Request attribute set by the body limit when a chunked body ran past {@code maxBodyBytes}. */
    public static final String BODY_TOO_LARGE_ATTRIBUTE = "org.rabt.exchange.bodyTooLarge";
    /** An Idempotency-Key is an opaque token: visible ASCII, at most 200 characters. */
    private static final java.util.regex.Pattern IDEMPOTENCY_KEY = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final Set<SectorId> knownSectors;
    private final Set<String> knownSectorCodes;
    private final long maxBodyBytes;

    public ExchangeRequests(Set<SectorId> knownSectors, long maxBodyBytes) {
        this.knownSectors = Set.copyOf(knownSectors);
        this.knownSectorCodes = knownSectors.stream().map(SectorId::code).collect(Collectors.toUnmodifiableSet());
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The sector the request is authenticated as, checked against the path's sector. */
    public SectorId authenticatedSector(Exchange exchange) {
        X509Certificate certificate = clientCertificate(exchange.getIn());
        String pathSector = exchange.getIn().getHeader("sector", String.class);
        SectorId sector = sectorOf(pathSector);
        SectorIdentity.requireSector(certificate, sector.code(), knownSectorCodes);
        return sector;
    }

    /**
     * For endpoints served outside Camel (batches, streamed to disk): the client certificate of
     * the request, which must be {@code sector}'s.
     */
    public X509Certificate requireSector(HttpServletRequest request, SectorId sector) {
        X509Certificate certificate = clientCertificate(request);
        if (certificate == null) {
            throw new IntakeException(IntakeError.NO_CLIENT_CERTIFICATE,
                    "connect to the exchange port with your sector's client certificate (mutual TLS)");
        }
        SectorIdentity.requireSector(certificate, sector.code(), knownSectorCodes);
        return certificate;
    }

    /** The certificate the client presented in the TLS handshake, or {@code null}. */
    public static X509Certificate clientCertificate(HttpServletRequest request) {
        return request.getAttribute(CERTIFICATE_ATTRIBUTE) instanceof X509Certificate[] chain && chain.length > 0
                ? chain[0] : null;
    }

    /** The media types of documents attached to cards (a scan, a photograph of a certificate). */
    public static final Set<String> ATTACHMENT_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

    public InboundCard read(Exchange exchange) {
        Message in = exchange.getIn();
        SectorId sender = authenticatedSector(exchange);
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null && contentType.length() > 100 || !SectorFormats.accepts(sender, contentType)) {
            throw new IntakeException(IntakeError.UNSUPPORTED_CONTENT_TYPE, "cards from " + sender.code()
                    + " must be sent as " + SectorFormats.mediaType(sender) + " (UTF-8), not "
                    + (contentType == null ? "without a Content-Type" : abbreviate(contentType)));
        }
        return withBody(in, sender, contentType);
    }

    /**
     * A document attached to a card ({@code PUT /exchange/v1/<sector>/attachments/<sha256>}): the
     * same checks as a card's (sender, size, signature header), with the media types of documents.
     */
    public InboundCard readAttachment(Exchange exchange) {
        Message in = exchange.getIn();
        SectorId sender = authenticatedSector(exchange);
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        String bare = contentType == null ? null : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (bare == null || !ATTACHMENT_TYPES.contains(bare)) {
            throw new IntakeException(IntakeError.UNSUPPORTED_CONTENT_TYPE, "attachments are sent as one of "
                    + ATTACHMENT_TYPES.stream().sorted().collect(Collectors.joining(", ")) + ", not "
                    + (contentType == null ? "without a Content-Type" : abbreviate(contentType)));
        }
        return withBody(in, sender, bare);
    }

    private InboundCard withBody(Message in, SectorId sender, String contentType) {
        Long declaredLength = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declaredLength != null && declaredLength > maxBodyBytes) {
            throw tooLarge(declaredLength);
        }
        byte[] body = in.getBody(byte[].class);
        if (body != null && body.length > maxBodyBytes || truncated(in)) {
            throw tooLarge(body == null ? maxBodyBytes + 1 : body.length);
        }
        if (body == null || body.length == 0) {
            throw new IntakeException(IntakeError.EMPTY_BODY, "the request has no body; send the card in it");
        }
        String idempotencyKey = in.getHeader("Idempotency-Key", String.class);
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new IntakeException(IntakeError.INVALID_IDEMPOTENCY_KEY, "an Idempotency-Key is 1 to 200 visible "
                    + "ASCII characters (a UUID is a good choice)");
        }
        return new InboundCard(sender, clientCertificate(in), contentType,
                in.getHeader("Rabt-Signature", String.class), idempotencyKey, body);
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    private SectorId sectorOf(String code) {
        for (SectorId sector : knownSectors) {
            if (sector.code().equals(code)) {
                return sector;
            }
        }
        throw new IntakeException(IntakeError.UNKNOWN_SECTOR, "'" + code + "' is not a sector of this hub; known: "
                + knownSectorCodes.stream().sorted().collect(Collectors.joining(", ")));
    }

    private IntakeException tooLarge(long length) {
        return new IntakeException(IntakeError.BODY_TOO_LARGE, "the body has more than " + maxBodyBytes
                + " bytes, the limit (send attachments by reference)");
    }

    private static boolean truncated(Message in) {
        return in instanceof PlatformHttpMessage http
                && Boolean.TRUE.equals(http.getRequest().getAttribute(BODY_TOO_LARGE_ATTRIBUTE));
    }

    private static X509Certificate clientCertificate(Message in) {
        X509Certificate certificate = in instanceof PlatformHttpMessage http ? clientCertificate(http.getRequest()) : null;
        if (certificate != null) {
            return certificate;
        }
        throw new IntakeException(IntakeError.NO_CLIENT_CERTIFICATE,
                "connect to the exchange port with your sector's client certificate (mutual TLS)");
    }
}
