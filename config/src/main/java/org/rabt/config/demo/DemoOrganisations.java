package org.rabt.config.demo;

import java.util.EnumMap;
import java.util.Map;
import org.rabt.mappings.cpm.SectorId;

/** The services of the province of Salé that the demo's sector systems stand for. */
final class DemoOrganisations {

    /** One sector's organisation and service, and its province (ISO 3166-2:MA). */
    record Organisation(String name, String service, String province) {
    }

    static final String PROVINCE = "MA-SAL";

    private static final Map<SectorId, Organisation> BY_SECTOR = new EnumMap<>(SectorId.class);

    static {
        BY_SECTOR.put(SectorId.HEALTH, new Organisation("Hôpital Moulay Abdellah de Salé",
                "Unité de prise en charge des femmes et enfants victimes de violence", PROVINCE));
        BY_SECTOR.put(SectorId.JUSTICE, new Organisation("Tribunal de première instance de Salé",
                "Parquet — section des mineurs", PROVINCE));
        BY_SECTOR.put(SectorId.EDUCATION, new Organisation("Collège Al Massira, Salé", "Direction de l'établissement",
                PROVINCE));
        BY_SECTOR.put(SectorId.POLICE, new Organisation("Sûreté nationale — Préfecture de police de Salé",
                "Brigade des mineurs", PROVINCE));
        BY_SECTOR.put(SectorId.GENDARMERIE, new Organisation("Gendarmerie royale — Compagnie de Salé",
                "Brigade territoriale de Sidi Bouknadel", PROVINCE));
        BY_SECTOR.put(SectorId.SOCIAL, new Organisation("Délégation de l'Entraide Nationale de Salé",
                "Service d'assistance sociale", PROVINCE));
        BY_SECTOR.put(SectorId.LABOUR, new Organisation("Direction provinciale de l'Emploi de Salé — Inspection du travail",
                "Lutte contre le travail des enfants", PROVINCE));
        BY_SECTOR.put(SectorId.FREELINE, new Organisation("Ligne nationale d'écoute pour les enfants",
                "Plateforme d'écoute de Rabat", "MA-RAB"));
        BY_SECTOR.put(SectorId.CENTRE, new Organisation("Centre d'accompagnement pour la protection de l'enfance de Salé",
                "Cellule des services", PROVINCE));
    }

    private DemoOrganisations() {
    }

    static Organisation of(SectorId sector) {
        return BY_SECTOR.get(sector);
    }
}
