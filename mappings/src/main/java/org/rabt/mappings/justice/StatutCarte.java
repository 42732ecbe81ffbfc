package org.rabt.mappings.justice;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The status report justice sends about a card it received, element for element as
 * {@code justice/statut-carte-v1.xsd} describes it.
 *
 * @param statut       the status in the prosecutor's and the juvenile judge's words ({@link StatutJustice})
 * @param observations why a card is refused, or what came of it
 */
@JacksonXmlRootElement(namespace = StatutCarte.NAMESPACE, localName = "statutCarte")
record StatutCarte(
        @JacksonXmlProperty(isAttribute = true) String version,
        UUID identifiantCarte,
        String statut,
        String observations,
        Instant dateStatut) {

    static final String NAMESPACE = "https://rabt.ma/ns/justice/statut-carte/1";
}
