package org.rabt.security.pki;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityViolation;

/**
 * Which sector a TLS client certificate belongs to. The certificate's chain has already been
 * validated by TLS; this reads the sector from its subject (CN=&lt;sector&gt;, OU=sector) and keeps
 * each sector on its own exchange path. Deny by default: anything unexpected is rejected.
 */
public final class SectorIdentity {

    private SectorIdentity() {
    }

    /**
     * The sector named by {@code clientCert}: its only CN, which must be one of {@code knownSectors},
     * with exactly one OU, {@code sector}.
     *
     * @throws SecurityViolation RABT-A003 when the certificate names no known sector
     */
    public static String sectorOf(X509Certificate clientCert, Set<String> knownSectors) {
        Objects.requireNonNull(clientCert, "clientCert");
        Objects.requireNonNull(knownSectors, "knownSectors");
        X500Name subject = X500Name.getInstance(clientCert.getSubjectX500Principal().getEncoded());
        String commonName = singleValue(subject, BCStyle.CN);
        String unit = singleValue(subject, BCStyle.OU);
        if (commonName == null || !CertificateIssuer.SECTOR_UNIT.equals(unit) || !knownSectors.contains(commonName)) {
            throw new SecurityViolation(SecurityError.CERTIFICATE_NAMES_NO_SECTOR, "The client certificate '"
                    + clientCert.getSubjectX500Principal().getName() + "' (serial "
                    + clientCert.getSerialNumber().toString(16) + ") names no known sector: its subject must be "
                    + "CN=<your sector id>,OU=sector. Connect with the certificate the hub issued to your sector.");
        }
        return commonName;
    }

    /**
     * The sector of {@code clientCert}, provided it is {@code pathSector}: a sector posts and reads
     * only under its own id.
     *
     * @throws SecurityViolation RABT-A003 when the certificate names no known sector, RABT-A002 when it
     *                           names another sector than {@code pathSector}
     */
    public static String requireSector(X509Certificate clientCert, String pathSector, Set<String> knownSectors) {
        String sector = sectorOf(clientCert, knownSectors);
        if (!sector.equals(pathSector)) {
            throw new SecurityViolation(SecurityError.CERTIFICATE_OF_OTHER_SECTOR, "The client certificate belongs to "
                    + "sector '" + sector + "' but was used on the exchange path of sector '" + pathSector
                    + "'. Each sector uses only its own path: /exchange/v1/" + sector + "/...");
        }
        return sector;
    }

    /** The value of the only attribute of {@code type}, or null when there is none, several, or a multi-valued RDN. */
    private static String singleValue(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length != 1 || rdns[0].isMultiValued()) {
            return null;
        }
        AttributeTypeAndValue value = rdns[0].getFirst();
        return value.getValue() instanceof ASN1String string ? string.getString() : null;
    }
}
