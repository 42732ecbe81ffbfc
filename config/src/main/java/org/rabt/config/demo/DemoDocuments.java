package org.rabt.config.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.rabt.config.demo.DemoOrganisations.Organisation;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.french.FrenchCodes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a demo card, and the receiver's status reports about it, the way each sector's own
 * system would: health a FHIR R4 message Bundle (from the shape of its published example),
 * justice the XML of its schema, education its school card, the free line its call report, and
 * police, gendarmerie, social services and labour inspection their French JSON cards. Nothing
 * here knows the hub's CPM: the hub reads these documents with the sector's own format, as it
 * reads a real system's.
 */
final class DemoDocuments {

    private static final String HEALTH_TEMPLATE = "/health/examples/referral-to-prosecutor.json";
    private static final String FHIR_CASE_SYSTEM = "https://rabt.ma/fhir/sid/case";
    private static final String ETAT_CIVIL_SYSTEM = "https://rabt.ma/fhir/sid/etat-civil";

    private final JsonMapper json = JsonMapper.builder().build();
    private final DemoCalendar calendar;
    private final JsonNode healthTemplate;

    DemoDocuments(DemoCalendar calendar) {
        this.calendar = calendar;
        try (InputStream template = DemoDocuments.class.getResourceAsStream(HEALTH_TEMPLATE)) {
            if (template == null) {
                throw new IllegalStateException(HEALTH_TEMPLATE + " is not on the class path");
            }
            this.healthTemplate = json.readTree(template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code Content-Type} of {@code sector}'s cards and status reports on the exchange API. */
    static String mediaType(SectorId sector) {
        return switch (sector) {
            case HEALTH -> "application/fhir+json";
            case JUSTICE -> "application/xml";
            default -> "application/json";
        };
    }

    /** The card as its sender's system writes it. */
    byte[] card(DemoCard card) {
        return switch (card.sender()) {
            case HEALTH -> fhirMessage(card);
            case JUSTICE -> justiceXml(card).getBytes(StandardCharsets.UTF_8);
            case EDUCATION -> write(schoolCard(card));
            case FREELINE -> write(callReport(card));
            case POLICE, GENDARMERIE, SOCIAL, LABOUR -> write(frenchCard(card));
            case CENTRE -> throw new IllegalArgumentException("the centre is the hub's own case record, not a simulated system");
        };
    }

    /** A status report of the card's receiver, in the receiver's format and words. */
    byte[] status(DemoCard card, DemoStatus status) {
        Instant at = calendar.reportedAt(card, status);
        if (card.receiver() == SectorId.HEALTH) {
            return write(fhirTask(card, status, at));
        }
        if (card.receiver() == SectorId.JUSTICE) {
            return justiceStatus(card, status, at).getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode report = json.createObjectNode();
        report.put("identifiantCarte", card.id().toString());
        if (card.receiver() == SectorId.POLICE || card.receiver() == SectorId.GENDARMERIE) {
            report.put("secteur", card.receiver().code());
        }
        report.put("statut", status.word());
        if (status.observation() != null) {
            // the school's word for it is singular
            report.put(card.receiver() == SectorId.EDUCATION ? "observation" : "observations", status.observation());
        }
        report.put("dateStatut", at.toString());
        return write(report);
    }

    // ------------------------------------------------------------------ police, gendarmerie, social, labour

    private ObjectNode frenchCard(DemoCard card) {
        ObjectNode root = json.createObjectNode();
        root.put("version", "1.0");
        root.put("identifiantCarte", card.id().toString());
        root.put("typeCarte", FrenchCodes.typeCarte(card.type()));
        root.put("dateEnvoi", calendar.sentAt(card).toString());
        putDate(root, "dateEcheance", calendar.dueBy(card));
        root.put("priorite", FrenchCodes.priorite(card.priority()));
        partie(root.putObject("emetteur"), card.sender());
        partie(root.putObject("destinataire"), card.receiver());
        root.put("finalite", FrenchCodes.finalite(card.purpose()));
        root.put("baseLegale", FrenchCodes.baseLegale(card.legalBasis()));
        root.put("confidentialite", "tres-restreinte");
        DemoChild child = card.child();
        ObjectNode enfant = root.putObject("enfant");
        enfant.put("sexe", FrenchCodes.sexe(child.sex()));
        enfant.put("trancheAge", FrenchCodes.trancheAge(ageBand(card)));
        enfant.put("anneeNaissance", child.birthYear());
        enfant.put("province", DemoOrganisations.PROVINCE);
        enfant.put("handicap", false);
        ObjectNode identite = enfant.putObject("identite");
        putText(identite, "nomLatin", child.familyLatin());
        putText(identite, "prenomLatin", child.givenLatin());
        putText(identite, "nomArabe", child.familyArabic());
        putText(identite, "prenomArabe", child.givenArabic());
        putDate(identite, "dateNaissance", child.birthDate());
        putText(identite, "numeroEtatCivil", child.civilStatusNumber());
        if (child.addressLine() != null) {
            ObjectNode adresse = identite.putObject("adresse");
            adresse.put("ligne", child.addressLine());
            adresse.put("ville", "Salé");
            adresse.put("province", DemoOrganisations.PROVINCE);
        }
        if (child.guardianRelation() != null) {
            ObjectNode guardian = identite.putArray("representantsLegaux").addObject();
            guardian.put("lien", child.guardianRelation());
            putText(guardian, "nom", child.guardianName());
            putText(guardian, "telephone", child.guardianPhone());
        }
        ArrayNode motifs = root.putArray("motifs");
        for (DemoConcern concern : card.concerns()) {
            ObjectNode motif = motifs.addObject();
            motif.put("code", FrenchCodes.motif(concern.code()));
            motif.put("certitude", FrenchCodes.certitude(concern.certainty()));
            motif.put("cadre", FrenchCodes.cadre(concern.setting()));
            motif.put("niveauRisque", FrenchCodes.niveauRisque(concern.risk()));
            motif.put("urgence", concern.emergency());
        }
        ObjectNode parcours = root.putObject("parcours");
        parcours.put("etape", card.stage());
        parcours.put("canalEntree", FrenchCodes.canalEntree(card.channel()));
        if (card.service() != null) {
            ObjectNode service = root.putArray("servicesDemandes").addObject();
            service.put("code", card.service());
            partie(service.putObject("cible"), card.receiver());
            service.put("motif", card.narrative());
            putDate(service, "dateEcheance", calendar.dueBy(card));
        }
        return root;
    }

    private static void partie(ObjectNode partie, SectorId sector) {
        Organisation organisation = DemoOrganisations.of(sector);
        partie.put("secteur", FrenchCodes.secteur(sector));
        partie.put("organisme", organisation.name());
        partie.put("service", organisation.service());
        partie.put("province", organisation.province());
    }

    // ------------------------------------------------------------------ education

    private ObjectNode schoolCard(DemoCard card) {
        ObjectNode root = json.createObjectNode();
        root.put("identifiantCarte", card.id().toString());
        root.put("typeCarte", FrenchCodes.typeCarte(card.type()));
        root.put("dateEnvoi", calendar.sentAt(card).toString());
        putDate(root, "echeance", calendar.dueBy(card));
        root.put("priorite", FrenchCodes.priorite(card.priority()));
        etablissement(root.putObject("emetteur"), card.sender());
        etablissement(root.putObject("destinataire"), card.receiver());
        root.put("baseLegale", FrenchCodes.baseLegale(card.legalBasis()));
        root.put("finalite", FrenchCodes.finalite(card.purpose()));
        root.put("confidentialite", "restreinte");
        DemoChild child = card.child();
        ObjectNode eleve = root.putObject("eleve");
        putText(eleve, "nom", child.familyLatin());
        putText(eleve, "prenom", child.givenLatin());
        putText(eleve, "nomArabe", child.familyArabic());
        putText(eleve, "prenomArabe", child.givenArabic());
        putDate(eleve, "dateNaissance", child.birthDate());
        eleve.put("anneeNaissance", child.birthYear());
        eleve.put("trancheAge", FrenchCodes.trancheAge(ageBand(card)));
        eleve.put("sexe", FrenchCodes.sexe(child.sex()));
        eleve.put("province", DemoOrganisations.PROVINCE);
        if (child.guardianRelation() != null) {
            ObjectNode guardian = root.putArray("representantsLegaux").addObject();
            guardian.put("lien", child.guardianRelation());
            putText(guardian, "nom", child.guardianName());
            putText(guardian, "telephone", child.guardianPhone());
        }
        ArrayNode motifs = root.putArray("motifs");
        for (DemoConcern concern : card.concerns()) {
            ObjectNode motif = motifs.addObject();
            motif.put("code", FrenchCodes.motif(concern.code()));
            motif.put("certitude", FrenchCodes.certitude(concern.certainty()));
            motif.put("cadre", FrenchCodes.cadre(concern.setting()));
            motif.put("niveauRisque", FrenchCodes.niveauRisque(concern.risk()));
            motif.put("urgence", concern.emergency());
        }
        root.put("etapeParcours", card.stage());
        root.put("canalEntree", FrenchCodes.canalEntree(card.channel()));
        if (card.service() != null) {
            ObjectNode service = root.putArray("servicesDemandes").addObject();
            service.put("code", card.service());
            etablissement(service.putObject("prestataire"), card.receiver());
            service.put("motif", card.narrative());
            putDate(service, "echeance", calendar.dueBy(card));
        }
        return root;
    }

    private static void etablissement(ObjectNode partie, SectorId sector) {
        Organisation organisation = DemoOrganisations.of(sector);
        partie.put("secteur", FrenchCodes.secteur(sector));
        partie.put("etablissement", organisation.name());
        partie.put("service", organisation.service());
        partie.put("province", organisation.province());
    }

    // ------------------------------------------------------------------ free line

    private ObjectNode callReport(DemoCard card) {
        Instant sent = calendar.sentAt(card);
        ObjectNode root = json.createObjectNode();
        root.put("identifiantCarte", card.id().toString());
        root.put("dateAppel", sent.minusSeconds(40 * 60).toString());
        root.put("dateEnvoi", sent.toString());
        root.put("priorite", FrenchCodes.priorite(card.priority()));
        root.put("confidentialite", "restreinte");
        Organisation line = DemoOrganisations.of(SectorId.FREELINE);
        ObjectNode emetteur = root.putObject("emetteur");
        emetteur.put("secteur", FrenchCodes.secteur(SectorId.FREELINE));
        emetteur.put("structure", "ligne-nationale");
        emetteur.put("organisme", line.name());
        emetteur.put("service", line.service());
        emetteur.put("province", line.province());
        partie(root.putObject("destinataire"), card.receiver());
        ObjectNode appelant = root.putObject("appelant");
        appelant.put("categorie", "voisin");
        appelant.put("accepteRappel", true);
        DemoChild child = card.child();
        ObjectNode enfant = root.putObject("enfant");
        enfant.put("sexe", FrenchCodes.sexe(child.sex()));
        putText(enfant, "nomLatin", child.familyLatin());
        putText(enfant, "prenomLatin", child.givenLatin());
        putText(enfant, "prenomArabe", child.givenArabic());
        enfant.put("age", sent.atZone(calendar.zone()).getYear() - child.birthYear());
        putText(enfant, "quartier", child.addressLine());
        enfant.put("ville", "Salé");
        enfant.put("province", DemoOrganisations.PROVINCE);
        ArrayNode motifs = root.putArray("motifs");
        for (DemoConcern concern : card.concerns()) {
            ObjectNode motif = motifs.addObject();
            motif.put("code", FrenchCodes.motif(concern.code()));
            motif.put("cadre", FrenchCodes.cadre(concern.setting()));
            motif.put("niveauRisque", FrenchCodes.niveauRisque(concern.risk()));
            motif.put("urgence", concern.emergency());
        }
        root.put("suiteDemandee", "evaluation-situation");
        root.put("resume", card.narrative());
        return root;
    }

    // ------------------------------------------------------------------ health (FHIR R4)

    /**
     * The published example referral, re-filled: its structure (MessageHeader, Task,
     * ServiceRequest, Patient, the two Organizations) is the profile's, the content the card's.
     */
    private byte[] fhirMessage(DemoCard card) {
        ObjectNode bundle = (ObjectNode) healthTemplate.deepCopy();
        String sent = calendar.sentAt(card).toString();
        LocalDate due = calendar.dueBy(card);
        ((ObjectNode) bundle.get("meta").get("security").get(1)).put("code", card.purpose().code());
        ((ObjectNode) bundle.get("identifier")).put("value", "urn:uuid:" + card.id());
        bundle.put("timestamp", sent);
        ArrayNode entries = (ArrayNode) bundle.get("entry");
        Organisation receiver = DemoOrganisations.of(card.receiver());
        Organisation sender = DemoOrganisations.of(SectorId.HEALTH);
        for (int i = entries.size() - 1; i >= 0; i--) {
            ObjectNode resource = (ObjectNode) entries.get(i).get("resource");
            switch (resource.get("resourceType").asString()) {
                case "MessageHeader" -> {
                    ObjectNode event = (ObjectNode) resource.get("eventCoding");
                    event.put("code", card.type().code());
                    event.remove("display");
                    ObjectNode destination = (ObjectNode) resource.get("destination").get(0);
                    destination.put("name", receiver.name());
                    destination.put("endpoint", "urn:rabt:sector:" + card.receiver().code());
                    ((ObjectNode) resource.get("source")).put("name", "Système d'information hospitalier — " + sender.name());
                }
                case "Task" -> {
                    ObjectNode identifier = (ObjectNode) resource.get("identifier").get(0);
                    identifier.put("system", FHIR_CASE_SYSTEM);
                    identifier.put("value", "MA-SAL-2026-" + (10000 + Math.floorMod(card.key().hashCode(), 90000)));
                    resource.put("priority", card.priority().code());
                    resource.put("description", card.narrative());
                    resource.put("authoredOn", sent);
                    ((ObjectNode) resource.get("reasonCode").get("coding").get(0)).put("code", card.legalBasis().code());
                    ((ObjectNode) resource.get("reasonCode").get("coding").get(0)).remove("display");
                    if (due == null) {
                        resource.remove("restriction");
                    } else {
                        ((ObjectNode) resource.get("restriction").get("period")).put("end", due.toString());
                    }
                }
                case "ServiceRequest" -> serviceRequest(resource, card, sent, due);
                case "Patient" -> patient(resource, card.child());
                case "Organization" -> {
                    if (!resource.has("identifier")) {
                        resource.put("name", receiver.name());
                        resource.remove("alias");
                        ((ObjectNode) resource.get("address").get(0)).put("city", "Salé");
                        ((ObjectNode) resource.get("address").get(0)).put("state", receiver.province());
                    } else {
                        resource.put("name", sender.name());
                        resource.remove("alias");
                        ((ObjectNode) resource.get("address").get(0)).put("city", "Salé");
                        ((ObjectNode) resource.get("address").get(0)).put("state", sender.province());
                    }
                }
                // the example's forensic certificate belongs to the example's child
                case "DocumentReference" -> entries.remove(i);
                default -> {
                }
            }
        }
        return write(bundle);
    }

    private static void serviceRequest(ObjectNode request, DemoCard card, String sent, LocalDate due) {
        ArrayNode categories = (ArrayNode) request.get("category");
        ObjectNode stage = (ObjectNode) categories.get(0).get("coding").get(0);
        stage.put("code", String.valueOf(card.stage()));
        stage.remove("display");
        ObjectNode channel = (ObjectNode) categories.get(1).get("coding").get(0);
        channel.put("code", card.channel().code());
        channel.remove("display");
        request.put("priority", card.priority().code());
        ObjectNode code = (ObjectNode) request.get("code");
        ((ObjectNode) code.get("coding").get(0)).put("code", card.service());
        ((ObjectNode) code.get("coding").get(0)).remove("display");
        code.remove("text");
        if (due == null) {
            request.remove("occurrencePeriod");
        } else {
            ((ObjectNode) request.get("occurrencePeriod")).put("end", due.toString());
        }
        request.put("authoredOn", sent);
        ObjectNode template = (ObjectNode) request.get("reasonCode").get(0);
        ArrayNode reasons = request.putArray("reasonCode");
        for (DemoConcern concern : card.concerns()) {
            ObjectNode reason = template.deepCopy();
            ArrayNode extensions = (ArrayNode) reason.get("extension");
            ((ObjectNode) extensions.get(0)).put("valueCode", concern.certainty().code());
            ((ObjectNode) extensions.get(1)).put("valueCode", concern.setting().code());
            ((ObjectNode) extensions.get(2)).put("valueCode", concern.risk().code());
            ((ObjectNode) extensions.get(3)).put("valueBoolean", concern.emergency());
            ObjectNode coding = (ObjectNode) reason.get("coding").get(0);
            coding.put("code", concern.code().code());
            coding.put("display", concern.code().french());
            reasons.add(reason);
        }
        request.remove("supportingInfo");
        ((ObjectNode) request.get("note").get(0)).put("text", card.narrative());
    }

    private static void patient(ObjectNode patient, DemoChild child) {
        if (child.civilStatusNumber() == null) {
            patient.remove("identifier");
        } else {
            ObjectNode identifier = (ObjectNode) patient.get("identifier").get(0);
            identifier.put("system", ETAT_CIVIL_SYSTEM);
            identifier.put("value", child.civilStatusNumber());
        }
        ObjectNode latin = (ObjectNode) patient.get("name").get(0);
        latin.put("family", child.familyLatin());
        latin.putArray("given").add(child.givenLatin());
        ObjectNode arabic = (ObjectNode) patient.get("name").get(1);
        arabic.put("family", child.familyArabic());
        arabic.putArray("given").add(child.givenArabic());
        patient.put("gender", child.sex().code());
        patient.put("birthDate", child.birthDate().toString());
        ObjectNode address = (ObjectNode) patient.get("address").get(0);
        address.putArray("line").add(child.addressLine());
        address.put("city", "Salé");
        address.put("state", DemoOrganisations.PROVINCE);
        ObjectNode contact = (ObjectNode) patient.get("contact").get(0);
        ((ObjectNode) contact.get("relationship").get(0).get("coding").get(0)).put("code", child.guardianRelation());
        ((ObjectNode) contact.get("relationship").get(0).get("coding").get(0)).remove("display");
        String[] guardian = child.guardianName().split(" ", 2);
        ObjectNode name = (ObjectNode) contact.get("name");
        name.put("text", child.guardianName());
        name.put("family", guardian[1]);
        name.putArray("given").add(guardian[0]);
        ((ObjectNode) contact.get("telecom").get(0)).put("value", child.guardianPhone());
    }

    private ObjectNode fhirTask(DemoCard card, DemoStatus status, Instant at) {
        ObjectNode task = json.createObjectNode();
        task.put("resourceType", "Task");
        ObjectNode identifier = task.putArray("identifier").addObject();
        identifier.put("system", "urn:ietf:rfc:3986");
        identifier.put("value", "urn:uuid:" + card.id());
        task.put("status", status.word());
        if (status.label() != null) {
            task.putObject("businessStatus").put("text", status.label());
        }
        task.put("intent", "order");
        task.put("authoredOn", calendar.sentAt(card).toString());
        task.put("lastModified", at.toString());
        ObjectNode owner = task.putObject("owner");
        owner.put("type", "Organization");
        owner.put("display", DemoOrganisations.of(SectorId.HEALTH).name());
        if (status.observation() != null) {
            if ("completed".equals(status.word())) {
                ObjectNode output = task.putArray("output").addObject();
                output.putObject("type").put("text", "Conclusion");
                output.put("valueString", status.observation());
            } else {
                task.putObject("statusReason").put("text", status.observation());
            }
        }
        return task;
    }

    // ------------------------------------------------------------------ justice (XML)

    private String justiceXml(DemoCard card) {
        DemoChild child = card.child();
        LocalDate due = calendar.dueBy(card);
        StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n")
                .append("<carteLiaison xmlns=\"https://rabt.ma/ns/justice/carte-liaison/1\" version=\"1.0\">\n")
                .append("  <entete>\n");
        element(xml, 4, "identifiantCarte", card.id().toString());
        element(xml, 4, "typeCarte", FrenchCodes.typeCarte(card.type()));
        element(xml, 4, "dateEnvoi", calendar.sentAt(card).toString());
        element(xml, 4, "dateEcheance", due == null ? null : due.toString());
        element(xml, 4, "priorite", FrenchCodes.priorite(card.priority()));
        xmlPartie(xml, "emetteur", card.sender());
        xmlPartie(xml, "destinataire", card.receiver());
        element(xml, 4, "finalite", FrenchCodes.finalite(card.purpose()));
        element(xml, 4, "baseLegale", FrenchCodes.baseLegale(card.legalBasis()));
        element(xml, 4, "confidentialite", "tres-restreinte");
        xml.append("  </entete>\n  <enfant>\n");
        element(xml, 4, "sexe", FrenchCodes.sexe(child.sex()));
        element(xml, 4, "trancheAge", FrenchCodes.trancheAge(ageBand(card)));
        element(xml, 4, "anneeNaissance", String.valueOf(child.birthYear()));
        element(xml, 4, "province", DemoOrganisations.PROVINCE);
        element(xml, 4, "handicap", "false");
        xml.append("    <identite>\n");
        element(xml, 6, "nomLatin", child.familyLatin());
        element(xml, 6, "prenomLatin", child.givenLatin());
        element(xml, 6, "nomArabe", child.familyArabic());
        element(xml, 6, "prenomArabe", child.givenArabic());
        element(xml, 6, "dateNaissance", child.birthDate() == null ? null : child.birthDate().toString());
        element(xml, 6, "numeroEtatCivil", child.civilStatusNumber());
        if (child.addressLine() != null) {
            xml.append("      <adresse>\n");
            element(xml, 8, "ligne", child.addressLine());
            element(xml, 8, "ville", "Salé");
            element(xml, 8, "province", DemoOrganisations.PROVINCE);
            xml.append("      </adresse>\n");
        }
        if (child.guardianRelation() != null) {
            xml.append("      <representantsLegaux>\n        <representantLegal>\n");
            element(xml, 10, "lien", child.guardianRelation());
            element(xml, 10, "nom", child.guardianName());
            element(xml, 10, "telephone", child.guardianPhone());
            xml.append("        </representantLegal>\n      </representantsLegaux>\n");
        }
        xml.append("    </identite>\n  </enfant>\n  <motifs>\n");
        for (DemoConcern concern : card.concerns()) {
            xml.append("    <motif>\n");
            element(xml, 6, "code", FrenchCodes.motif(concern.code()));
            element(xml, 6, "libelle", concern.code().french());
            element(xml, 6, "certitude", FrenchCodes.certitude(concern.certainty()));
            element(xml, 6, "cadre", FrenchCodes.cadre(concern.setting()));
            element(xml, 6, "niveauRisque", FrenchCodes.niveauRisque(concern.risk()));
            element(xml, 6, "urgence", String.valueOf(concern.emergency()));
            xml.append("    </motif>\n");
        }
        xml.append("  </motifs>\n  <parcours>\n");
        element(xml, 4, "etape", String.valueOf(card.stage()));
        element(xml, 4, "canalEntree", FrenchCodes.canalEntree(card.channel()));
        xml.append("  </parcours>\n");
        if (card.service() != null) {
            Organisation target = DemoOrganisations.of(card.receiver());
            xml.append("  <servicesDemandes>\n    <serviceDemande>\n");
            element(xml, 6, "code", card.service());
            element(xml, 6, "secteur", FrenchCodes.secteur(card.receiver()));
            element(xml, 6, "organisme", target.name());
            element(xml, 6, "service", target.service());
            element(xml, 6, "province", target.province());
            element(xml, 6, "motif", card.narrative());
            element(xml, 6, "dateEcheance", due == null ? null : due.toString());
            xml.append("    </serviceDemande>\n  </servicesDemandes>\n");
        }
        xml.append("  <statut>\n    <code>requested</code>\n  </statut>\n</carteLiaison>\n");
        return xml.toString();
    }

    private static void xmlPartie(StringBuilder xml, String name, SectorId sector) {
        Organisation organisation = DemoOrganisations.of(sector);
        xml.append("    <").append(name).append(">\n");
        element(xml, 6, "secteur", FrenchCodes.secteur(sector));
        element(xml, 6, "organisme", organisation.name());
        element(xml, 6, "service", organisation.service());
        element(xml, 6, "province", organisation.province());
        xml.append("    </").append(name).append(">\n");
    }

    private static String justiceStatus(DemoCard card, DemoStatus status, Instant at) {
        StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n")
                .append("<statutCarte xmlns=\"https://rabt.ma/ns/justice/statut-carte/1\" version=\"1.0\">\n");
        element(xml, 2, "identifiantCarte", card.id().toString());
        element(xml, 2, "statut", status.word());
        element(xml, 2, "observations", status.observation());
        element(xml, 2, "dateStatut", at.toString());
        return xml.append("</statutCarte>\n").toString();
    }

    /** One element with its text, escaped; nothing when the value is absent (the XSD's optional elements). */
    private static void element(StringBuilder xml, int indent, String name, String value) {
        if (value == null) {
            return;
        }
        xml.append(" ".repeat(indent)).append('<').append(name).append('>')
                .append(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                .append("</").append(name).append(">\n");
    }

    // ------------------------------------------------------------------ shared

    private AgeBand ageBand(DemoCard card) {
        int age = calendar.sentAt(card).atZone(ZoneOffset.UTC).getYear() - card.child().birthYear();
        if (age < 5) {
            return AgeBand.UNDER_5;
        }
        if (age < 10) {
            return AgeBand.FROM_5_TO_9;
        }
        return age < 15 ? AgeBand.FROM_10_TO_14 : AgeBand.FROM_15_TO_17;
    }

    private static void putText(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void putDate(ObjectNode node, String name, LocalDate value) {
        if (value != null) {
            node.put(name, value.toString());
        }
    }

    private byte[] write(JsonNode node) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    }
}
